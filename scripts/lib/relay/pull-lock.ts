/**
 * One `relay pull` at a time per ALIVE_HOME: `relay/pull.lock`, created exclusively and holding
 * the owner's pid. A lock whose process is gone (killed) is taken over, so it never outlives its
 * process.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { AliveError, errnoCode } from '../errors.ts';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

function holderOf(path: string): { text: string; pid: number | undefined } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const pid = Number((/"pid":\s*(\d+)/.exec(text) ?? [])[1]);
    return { text, pid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined };
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

export interface PullLock {
  release(): void;
}

export function acquirePullLock(path: string): PullLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written aside and linked into place: the lock file never exists without its pid, so another
    // pull never mistakes a lock being written for one whose owner is gone.
    const aside = `${path}.${process.pid}.${attempt}.tmp`;
    try {
      const fd = openSync(aside, 'w', 0o600);
      writeSync(fd, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`);
      closeSync(fd);
      linkSync(aside, path);
      unlinkSync(aside);
      return {
        release() {
          if (holderOf(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      rmSync(aside, { force: true });
      if (errnoCode(err) !== 'EEXIST') throw err;
    }
    const h = holderOf(path);
    if (!h) continue;
    if (h.pid !== undefined && h.pid !== process.pid && running(h.pid)) {
      throw new AliveError(`another relay pull is running (pid ${h.pid}); wait for it to finish, then pull again`, { code: 'busy' });
    }
    if (h.pid === process.pid) throw new AliveError('a relay pull is already running in this process', { code: 'busy' });
    // Its process is gone: take over, unless someone else did meanwhile.
    const again = holderOf(path);
    if (again && again.text === h.text) unlinkSync(path);
  }
  throw new AliveError(`cannot take ${path}; if no relay pull is running, delete that file and pull again`, { code: 'busy' });
}
