/**
 * How long a GitHub read waits before its first retry (github-client.ts withReadRetry; each next
 * wait doubles it). A module of its own: github-client's chunk is loaded whole, and would carry
 * the test-only knob with it (test/tooling/test-knobs.test.ts).
 */
const FIRST_WAIT_MS = 250;
let firstWaitMs = FIRST_WAIT_MS;

export function readRetryFirstWaitMs(): number {
  return firstWaitMs;
}

/**
 * TEST ONLY: a shorter first wait (undefined restores it), for tests of answers that are retried
 * (5xx). Nothing under scripts/ calls it (no bundle contains it), and it throws unless it runs
 * under vitest.
 */
export function setReadRetryWaitForTests(ms: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setReadRetryWaitForTests is for the test suite only');
  firstWaitMs = ms ?? FIRST_WAIT_MS;
}
