import { readFileSync } from 'node:fs';

/**
 * A process that no longer exists, or is a zombie nobody has reaped yet (it runs no more). Polls
 * until it is gone (a busy machine may take a while to deliver the kill), up to 20 s.
 */
export async function isGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z/.test(stat)) return true;
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * SIGKILL for a process a test started, if it still runs: only when its command line still holds
 * `marker`, since a pid that has ended may belong to another process by now (pids wrap at 32768
 * on this machine, and a run starts thousands of processes).
 */
export function killIfStillRunning(pid: number, marker: string): void {
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(marker)) process.kill(pid, 'SIGKILL');
  } catch {
    // gone, as it should be
  }
}
