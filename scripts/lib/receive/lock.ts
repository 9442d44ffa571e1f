/**
 * One receive at a time per world: `<world>/.alive/receive.lock`, created exclusively and holding
 * the owner's pid. A lock whose process is gone (kill -9) is taken over.
 */
import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { AliveError, errnoCode } from '../errors.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

function holder(path: string): { text: string; pid?: number } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const pid = Number((/"pid":\s*(\d+)/.exec(text) ?? [])[1]);
    return Number.isSafeInteger(pid) && pid > 0 ? { text, pid } : { text };
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

export interface WorldLock {
  release(): void;
}

export function acquireWorldLock(path: string): WorldLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`);
      closeSync(fd);
      return {
        release() {
          const h = holder(path);
          if (h?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
    }
    const h = holder(path);
    if (!h) continue;
    if (h.pid !== undefined && alive(h.pid)) {
      throw new AliveError(`another receive is running in this world (pid ${h.pid}); wait for it to finish and try again`, { code: 'busy' });
    }
    // The owner is gone (killed, or the file is unreadable): take over, unless it changed meanwhile.
    const again = holder(path);
    if (again && again.text === h.text) unlinkSync(path);
  }
  throw new AliveError(`cannot take ${path}; if no receive is running, delete that file and try again`, { code: 'busy' });
}
