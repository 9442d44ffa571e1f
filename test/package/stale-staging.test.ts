/**
 * Which folders beside an extract's destination count as staging folders left by a killed extract
 * (staging.ts): only a real folder with our name and our marker, naming a process of this host
 * that is gone. Look-alikes planted beside it are left as they are.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processStartTime } from '../../scripts/lib/fs/lock.ts';
import { isStaleStaging, makeStaging, OWNER_FILE, removeStaleStaging, stagingPath } from '../../scripts/lib/package/staging.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root = '';
let deadPid = 0;
beforeAll(() => {
  root = tempRoot('stale-staging');
  // A process that has ended: its pid names nothing now (a reuse within this test is unlikely).
  deadPid = spawnSync('true').pid!;
});
afterAll(() => rmrf(root));

let n = 0;
const folder = () => {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};
const name = (tag = 'out') => `.${tag}.alive-extract-${'0123456789ab'}`;
const marker = (fields: Record<string, unknown>) => `${JSON.stringify({ made_by: 'alive-p2p extract', host: hostTag(), ...fields })}\n`;

/** A folder named and marked as an extract's staging, with a file in its tree. */
function plant(dir: string, ownerText: string | undefined, folderName = name()): string {
  const staging = join(dir, folderName);
  mkdirSync(join(staging, 'tree', 'data'), { recursive: true });
  writeFileSync(join(staging, 'tree', 'data', 'f.txt'), 'kept?');
  if (ownerText !== undefined) writeFileSync(join(staging, OWNER_FILE), ownerText);
  return staging;
}

/** Runs the cleanup of `dir` and returns what stayed. */
function afterCleanup(dir: string): string[] {
  removeStaleStaging(dir);
  return readdirSync(dir).sort();
}

describe('stale staging folders of killed extracts', () => {
  it('one of ours whose process is gone is removed (the control for the cases below)', () => {
    const dir = folder();
    const staging = plant(dir, marker({ pid: deadPid }));
    expect(isStaleStaging(staging)).toBe(true);
    expect(afterCleanup(dir)).toEqual([]);
  });

  it('the folder makeStaging makes is not stale while its process runs, and is once its pid names a gone one', async () => {
    const dir = folder();
    const staging = stagingPath(join(dir, 'garden'));
    await makeStaging(staging);
    expect(isStaleStaging(staging)).toBe(false);
    expect(afterCleanup(dir)).toHaveLength(1);
    const owner = JSON.parse(readFileSync(join(staging, OWNER_FILE), 'utf8'));
    writeFileSync(join(staging, OWNER_FILE), JSON.stringify({ ...owner, pid: deadPid, start: undefined }));
    expect(isStaleStaging(staging)).toBe(true);
  });

  it('a link with the staging name is not followed nor removed, and what it names stays whole', () => {
    const dir = folder();
    const elsewhere = folder();
    const target = plant(elsewhere, marker({ pid: deadPid }), 'precious');
    symlinkSync(target, join(dir, name()));
    expect(isStaleStaging(join(dir, name()))).toBe(false);
    expect(afterCleanup(dir)).toEqual([name()]);
    expect(readFileSync(join(target, 'tree', 'data', 'f.txt'), 'utf8')).toBe('kept?');
  });

  it('a folder with the name but no marker is kept', () => {
    const dir = folder();
    plant(dir, undefined);
    expect(afterCleanup(dir)).toEqual([name()]);
  });

  it('a file with the name is kept', () => {
    const dir = folder();
    writeFileSync(join(dir, name()), marker({ pid: deadPid }));
    expect(afterCleanup(dir)).toEqual([name()]);
  });

  it('a marker that is a link to a good marker, or is not ours, or not JSON, is not trusted', () => {
    const dir = folder();
    const good = join(root, `marker-${n}.json`);
    writeFileSync(good, marker({ pid: deadPid }));
    const linked = plant(dir, undefined, name('linked'));
    symlinkSync(good, join(linked, OWNER_FILE));
    plant(dir, marker({ pid: deadPid, made_by: 'someone else' }), name('other-tool'));
    plant(dir, '{"made_by": "alive-p2p extract", "pid": ', name('torn'));
    plant(dir, marker({ pid: String(deadPid) }), name('pid-text'));
    expect(afterCleanup(dir)).toEqual([name('linked'), name('other-tool'), name('pid-text'), name('torn')].sort());
  });

  it('a folder whose name is only close to ours is kept', () => {
    const dir = folder();
    plant(dir, marker({ pid: deadPid }), '.out.alive-extract-0123');
    plant(dir, marker({ pid: deadPid }), 'out.alive-extract-0123456789ab');
    plant(dir, marker({ pid: deadPid }), '.out.alive-extract-0123456789ab.mine');
    expect(afterCleanup(dir)).toHaveLength(3);
  });

  it('a marker naming a live process (another one, running) is kept; once that process has ended, removed', async () => {
    const dir = folder();
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const start = processStartTime(child.pid!);
      plant(dir, marker({ pid: child.pid, ...(start ? { start } : {}) }));
      expect(afterCleanup(dir)).toEqual([name()]);
    } finally {
      const ended = new Promise((res) => child.on('exit', res));
      child.kill('SIGKILL');
      await ended;
    }
    expect(afterCleanup(dir)).toEqual([]);
  });

  it("a marker naming this very process is kept (an extract running in this process, as the suite's are)", () => {
    const dir = folder();
    const start = processStartTime(process.pid);
    plant(dir, marker({ pid: process.pid, ...(start ? { start } : {}) }));
    expect(afterCleanup(dir)).toEqual([name()]);
  });

  it.runIf(processStartTime(process.pid) !== undefined)('a marker whose pid now names another process (another start time) is removed', () => {
    const dir = folder();
    plant(dir, marker({ pid: process.pid, start: '1' }));
    expect(afterCleanup(dir)).toEqual([]);
  });

  it('a marker from another host (or PID namespace) is kept, its pid saying nothing here', () => {
    const dir = folder();
    plant(dir, marker({ pid: deadPid, host: `${hostTag()}x` }));
    plant(dir, marker({ pid: deadPid, host: undefined }), name('no-host'));
    expect(afterCleanup(dir)).toEqual([name(), name('no-host')].sort());
    expect(existsSync(join(dir, name(), 'tree', 'data', 'f.txt'))).toBe(true);
  });
});
