/** One `relay pull` at a time per ALIVE_HOME: `relay/pull.lock` (the lock itself is lib/fs/lock.ts). */
import { acquirePidLock, type PidLock } from '../fs/lock.ts';

export type PullLock = PidLock;

export function acquirePullLock(path: string): PullLock {
  return acquirePidLock(path, {
    mode: 0o600,
    busy: (pid) => `another relay pull is running (pid ${pid}); wait for it to finish, then pull again`,
    heldHere: 'a relay pull is already running in this process',
    stuck: `cannot take ${path}; if no relay pull is running, delete that file and pull again`,
  });
}
