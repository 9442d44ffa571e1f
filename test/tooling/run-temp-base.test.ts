/**
 * Where a test run keeps its temporary files (test/support/global-setup.ts): ALIVE_TEST_TMPDIR when
 * set, else /dev/shm when it is memory with room, else the system's temporary folder; always a
 * folder every user can traverse (a test runs a bundle as uid 65534).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTempBase } from '../support/global-setup.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-run-temp-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shmIsMemoryWithRoom(): boolean {
  try {
    const fs = statfsSync('/dev/shm');
    return fs.type === 0x01021994 && fs.bavail * fs.bsize >= 1024 ** 3;
  } catch {
    return false;
  }
}

describe('the run’s temporary folder', () => {
  it('is ALIVE_TEST_TMPDIR when it is set', () => {
    const chosen = join(dir, 'chosen');
    mkdirSync(chosen);
    chmodSync(chosen, 0o755);
    expect(runTempBase({ ALIVE_TEST_TMPDIR: chosen })).toBe(chosen);
  });

  it('refuses an ALIVE_TEST_TMPDIR that another user cannot traverse, naming it', () => {
    const closed = join(dir, 'closed');
    mkdirSync(join(closed, 'inner'), { recursive: true, mode: 0o700 });
    expect(() => runTempBase({ ALIVE_TEST_TMPDIR: join(closed, 'inner') })).toThrow(
      /ALIVE_TEST_TMPDIR=.*closed\/inner is not a folder every user can traverse/,
    );
  });

  it('is the system’s temporary folder when there is no memory file system', () => {
    expect(runTempBase({}, join(dir, 'no-such-shm'))).toBe(tmpdir());
  });

  it.runIf(shmIsMemoryWithRoom())('is /dev/shm on a machine where it is a tmpfs with 1 GiB free (this one)', () => {
    expect(runTempBase({})).toBe('/dev/shm');
  });
});
