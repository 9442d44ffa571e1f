/**
 * In-process command runs (test/support/alive-in-process.ts, test/relay/in-process.ts) change
 * process.env for as long as they run. Two at once would each see the other's variables, and the
 * first to end would restore its own over the second's. This module holds the one that runs now:
 * a second one started meanwhile fails at once, naming both, and a test file that ends with one
 * still going fails (test/support/per-file.ts), since the files of a worker share its process.
 */
let running: string | undefined;

/** Marks an in-process run as started; the returned function marks it ended. */
export function startEnvRun(what: string): () => void {
  if (running !== undefined) {
    throw new Error(`in-process run '${what}' started while '${running}' still runs: both change process.env, so await the first`);
  }
  running = what;
  return () => {
    running = undefined;
  };
}

/** The in-process run going on now, if any. */
export function envRunInProgress(): string | undefined {
  return running;
}
