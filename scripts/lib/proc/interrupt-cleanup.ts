/**
 * What a command writes aside while it works (a package's hidden `.partial`, an extraction's
 * staging folder) is removed by its own failure path, which a Ctrl-C never reaches: the signal's
 * default action ends the process where it stands, and a 4 GB `.partial` stays behind, hidden.
 * While any cleanup is registered, SIGINT, SIGTERM and SIGHUP run every one of them (newest first,
 * synchronously) and then end the process as the signal would have (exit 128 + n).
 * proc/tracked.ts listens for the same signals to stop its children (git, gh); both listeners run.
 */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();

function endAfterCleanups(signal: NodeJS.Signals): void {
  for (const s of ENDING_SIGNALS) process.off(s, endAfterCleanups);
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // the others still run, and the process still ends
    }
  }
  process.kill(process.pid, signal);
}

/** Runs `cleanup` if an ending signal arrives before the returned release is called. */
export function cleanUpIfInterrupted(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const s of ENDING_SIGNALS) process.on(s, endAfterCleanups);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) for (const s of ENDING_SIGNALS) process.off(s, endAfterCleanups);
  };
}

/** TEST ONLY: how many cleanups are registered (test/support/per-file.ts fails a file that leaves one). */
export function registeredCleanupsForTests(): number {
  return cleanups.size;
}
