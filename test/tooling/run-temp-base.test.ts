/**
 * Where a test run keeps its temporary files (test/support/global-setup.ts): ALIVE_TEST_TMPDIR when
 * set, else /dev/shm when it is memory with room, else the system's temporary folder; always a
 * folder every user can traverse (a test runs a bundle as uid 65534).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAbandonedRuns, runTempBase } from '../support/global-setup.ts';

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

  it.runIf(shmIsMemoryWithRoom())('is /dev/shm where that is a tmpfs with 1 GiB free (run only on such a machine)', () => {
    expect(runTempBase({})).toBe('/dev/shm');
  });
});

describe('what runs killed before their teardown left', () => {
  const HOUR = 60 * 60 * 1000;
  const now = Date.now();
  const alive = new Set([100]);
  const gone = (pid: number) => !alive.has(pid);

  function runFolder(base: string, name: string, ageMs: number): void {
    mkdirSync(join(base, name, 'inner'), { recursive: true });
    writeFileSync(join(base, name, 'inner', 'file'), 'x');
    const t = (now - ageMs) / 1000;
    utimesSync(join(base, name), t, t);
  }

  it("removes this user's run folders whose process is gone and that nothing changed for an hour, and nothing else", () => {
    const base = mkdtempSync(join(dir, 'base-'));
    runFolder(base, 'alive-test-tmp-200-aaaaaa', 2 * HOUR);
    runFolder(base, 'alive-test-bundles-200-bbbbbb', 2 * HOUR);
    runFolder(base, 'alive-test-tmp-100-cccccc', 2 * HOUR); // its run is still going
    runFolder(base, 'alive-test-tmp-300-dddddd', 10 * 60 * 1000); // gone, but changed 10 minutes ago
    runFolder(base, 'alive-test-tmp-eeeeee', 2 * HOUR); // no pid in the name: not ours to judge
    runFolder(base, 'alive-test-keygen-200-ffffff', 2 * HOUR); // a test's own folder
    runFolder(base, 'unrelated-200-gggggg', 2 * HOUR);
    writeFileSync(join(base, 'alive-test-tmp-400-file'), 'a file, not a folder');

    expect(removeAbandonedRuns(base, now, gone).sort()).toEqual(['alive-test-bundles-200-bbbbbb', 'alive-test-tmp-200-aaaaaa']);
    expect(readdirSync(base).sort()).toEqual([
      'alive-test-keygen-200-ffffff',
      'alive-test-tmp-100-cccccc',
      'alive-test-tmp-300-dddddd',
      'alive-test-tmp-400-file',
      'alive-test-tmp-eeeeee',
      'unrelated-200-gggggg',
    ]);
  });

  it('keeps the folders of a run that is going (this one)', () => {
    const base = mkdtempSync(join(dir, 'base-'));
    runFolder(base, `alive-test-tmp-${process.pid}-hhhhhh`, 2 * HOUR);
    expect(removeAbandonedRuns(base, now)).toEqual([]);
    expect(existsSync(join(base, `alive-test-tmp-${process.pid}-hhhhhh`))).toBe(true);
  });
});
