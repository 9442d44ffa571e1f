/**
 * Cleanups the running test file registered, run when it ends (per-file.ts). A helper module loads
 * once per worker (vitest.config.ts isolate: false): an afterAll at its top level ran after the
 * first file that imported it only, and the processes and folders later files made were left (26
 * `dispatch serve` stand-ins were still running after one suite run).
 */
const pending: Array<() => void> = [];

/** Runs `fn` when the current test file ends. */
export function afterThisFile(fn: () => void): void {
  pending.push(fn);
}

/** Runs every cleanup registered since the last call, the latest first (per-file.ts, after each file). */
export function runFileCleanups(): void {
  const errors: unknown[] = [];
  for (const fn of pending.splice(0).reverse()) {
    try {
      fn();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw errors[0];
}
