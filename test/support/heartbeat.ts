/**
 * The worker's side of the stall watch (stall-watch.ts): each worker keeps one small file,
 * `<ALIVE_TEST_BEATS>/<pid>.json`, saying what it runs now and since when: a file's start, each
 * test's start, and `idle` once the file ends. vitest's own timeouts (testTimeout, hookTimeout)
 * are timers on the worker's event loop; a test blocked in a synchronous call (spawnSync of a
 * child that never ends, a read of a FIFO nobody writes) never lets them fire, and the run would
 * wait for it for ever. The watch in the main process reads these files instead.
 *
 * A test the watch had to unblock fails here, in the afterEach of this file, with what the watch
 * found (the watch writes `<pid>.stalled`): a test that passes once its stuck child is killed still
 * hung.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';

/** What a worker's beat file holds. */
export interface Beat {
  /** `file` while a file is imported and its hooks run before its first test, `test` while a test runs, `idle` between files. */
  phase: 'file' | 'test' | 'idle';
  /** The test file, and for `test` the test's full name. */
  what: string;
  /** When the phase began (ms since the epoch). */
  since: number;
}

export const BEATS_ENV = 'ALIVE_TEST_BEATS';

/** The file the watch writes beside a beat when it stopped what blocked that worker. */
export const stalledPath = (dir: string, pid: number): string => join(dir, `${pid}.stalled`);
export const beatPath = (dir: string, pid: number): string => join(dir, `${pid}.json`);

/** Registers the beats for the current file; does nothing when the run has no watch. */
export function beatForThisFile(dir = process.env[BEATS_ENV]): void {
  if (dir === undefined || dir === '') return;
  const file = beatPath(dir, process.pid);
  const stalled = stalledPath(dir, process.pid);
  const beat = (b: Omit<Beat, 'since'>) => writeFileSync(file, JSON.stringify({ ...b, since: Date.now() }));
  // From here the file is imported (its top-level code runs: a fixture made with spawnSync there blocks as a test would), then its hooks.
  const path = (expect.getState().testPath ?? '').replace(/^.*?\/test\//, 'test/');
  beat({ phase: 'file', what: path });
  beforeEach((ctx) => {
    beat({ phase: 'test', what: ctx.task.fullName });
  });
  afterEach(() => {
    let found: string;
    try {
      found = readFileSync(stalled, 'utf8');
    } catch {
      return;
    }
    rmSync(stalled, { force: true });
    throw new Error(`the run's stall watch found this test blocked and stopped what blocked it:\n${found}`);
  });
  afterAll(() => {
    beat({ phase: 'idle', what: path });
  });
}
