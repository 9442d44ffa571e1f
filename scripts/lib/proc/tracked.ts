/**
 * Children that must not outlive this process: each runs in a process group of its own (runBounded's
 * default, so its deadline kills it with whatever it started), recorded here from its start to its
 * end. killAllChildren() ends every one still running (relay-probe at its budget, and before it
 * exits), and so do the ending signals: a signal sent to our group (Ctrl-C at a terminal, or
 * relay-check ending a probe that overran) never reaches a group of its own, and would leave a
 * fetch, or a `gh auth token` waiting on a keyring, running on its own.
 *
 * While any tracked child runs, SIGTERM, SIGINT and SIGHUP kill every tracked group first, then end
 * the process as the signal would have. The listeners are in place before the child is spawned: a
 * signal that arrives during the spawn waits for the synchronous code that records the child,
 * whereas one that found no listener would end the process at once and leave the child running.
 *
 * A process whose own group is killed whole by whoever started it (relay-probe under the session
 * hook: keepChildrenInOurGroup) keeps its children in that group instead. Both of the above need
 * our event loop to turn; a probe busy in a loop at the hook's deadline never ran them, and the
 * hook's kill of the probe's group missed the fetch in a group of its own, which ran on.
 */
import { runBounded, type BoundedRunOptions, type BoundedRunResult } from './bounded.ts';

/** Every tracked child still running: its pid, and whether it leads a process group of its own. */
const running = new Map<number, boolean>();
/** Children stay in our process group (keepChildrenInOurGroup). */
let inOurGroup = false;

/**
 * From now on, children stay in this process's group, which the process that started us kills
 * whole at its deadline whatever our event loop does; a child's deadline then kills the child
 * alone, and what it started ends with our group.
 */
export function keepChildrenInOurGroup(): void {
  inOurGroup = true;
}

/** runTracked calls under way, from before their child is spawned until it has ended. */
let underWay = 0;

const ENDING_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

function endWithChildren(signal: NodeJS.Signals): void {
  killAllChildren();
  for (const s of ENDING_SIGNALS) process.off(s, endWithChildren);
  process.kill(process.pid, signal);
}

/** runBounded, the child in a process group of its own that killAllChildren and the ending signals reach. */
export async function runTracked(opts: Omit<BoundedRunOptions, 'ownGroup' | 'onStart' | 'onEnd'>): Promise<BoundedRunResult> {
  if (underWay++ === 0) for (const s of ENDING_SIGNALS) process.on(s, endWithChildren);
  const ownGroup = !inOurGroup;
  try {
    return await runBounded({ ...opts, ownGroup, onStart: (pid) => void running.set(pid, ownGroup), onEnd: (pid) => void running.delete(pid) });
  } finally {
    if (--underWay === 0) for (const s of ENDING_SIGNALS) process.off(s, endWithChildren);
  }
}

/** Kills every tracked child (with its process group, when it has one) still running; their runs end as killed. */
export function killAllChildren(): void {
  for (const [pid, ownGroup] of running) {
    try {
      process.kill(ownGroup ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}
