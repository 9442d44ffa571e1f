/** One receive at a time per world: `<world>/.alive/receive.lock` (the lock itself is lib/fs/lock.ts). */
import { acquirePidLock, type PidLock } from '../fs/lock.ts';

export type WorldLock = PidLock;

export function acquireWorldLock(path: string): WorldLock {
  return acquirePidLock(path, {
    busy: (pid) => `another receive is running in this world (pid ${pid}); wait for it to finish and try again`,
    stuck: `cannot take ${path}; if no receive is running, delete that file and try again`,
  });
}
