/**
 * The agent process groups this daemon runs right now, so that a `serve` stopped at once (a second
 * Ctrl-C) ends them instead of leaving them running in their own groups, answering for nobody.
 */
const running = new Set<number>();

export function agentStarted(pid: number): void {
  running.add(pid);
}

export function agentEnded(pid: number): void {
  running.delete(pid);
}

/** Ends every running agent's process group, as a time-out does (SIGKILL); returns how many. */
export function endRunningAgents(): number {
  let n = 0;
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
      n++;
    } catch {
      // already gone
    }
  }
  running.clear();
  return n;
}
