/**
 * Runs relay-probe within a hard deadline. The probe runs in its own process group so that, when
 * the deadline passes, it and anything it started (git, ssh ...) are killed together; relay-check
 * never waits past the deadline, whatever the probe does. Once the probe has exited, on time or
 * not, what is left of its group is killed too: nothing it started outlives the hook. (Its git and
 * gh stay in its group (PROBE_GROUP_KILLED_VAR): a probe whose event loop is busy at the deadline
 * cannot kill anything itself, and a fetch in a group of its own ran on after the hook.)
 */
import { PROBE_GROUP_KILLED_VAR } from '../proc/group-var.ts';

export type ProbeRunOutcome = 'exited' | 'killed' | 'failed';

export interface ProbeRun {
  /** Absolute path of relay-probe.mjs. */
  script: string;
  /** Epoch ms by which the probe must be gone. */
  deadline: number;
  env: NodeJS.ProcessEnv;
  now: () => number;
}

/** How long a probe told to stop at the deadline (SIGTERM) has before it is killed (SIGKILL). */
export const PROBE_TERM_GRACE_MS = 300;

/** Seconds passed as the probe's own --budget: a second short of the deadline, at least 1. */
export function probeBudgetSeconds(msLeft: number): number {
  return Math.max(1, Math.floor((msLeft - 1000) / 1000));
}

export async function runProbe(run: ProbeRun): Promise<ProbeRunOutcome> {
  // Loaded here, not at start-up: most sessions never probe, and the module costs milliseconds.
  const { spawn } = await import('node:child_process');
  const msLeft = run.deadline - run.now();
  if (msLeft <= 0) return 'killed';
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ProbeRunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const child = spawn(process.execPath, [run.script, '--budget', String(probeBudgetSeconds(msLeft))], {
      detached: true,
      stdio: 'ignore',
      env: { ...run.env, [PROBE_GROUP_KILLED_VAR]: '1' },
      windowsHide: true,
    });
    let exited = false;
    let stopping = false;
    let hard: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined || exited) return;
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      // SIGTERM first: the probe's git and gh run in process groups of their own, which only the probe
      // can reach; it kills them and ends. SIGKILL follows for a probe that did not.
      stopping = true;
      killGroup('SIGTERM');
      hard = setTimeout(() => {
        killGroup('SIGKILL');
        child.unref();
        settle('killed');
      }, PROBE_TERM_GRACE_MS);
    }, msLeft);
    child.on('error', () => settle('failed'));
    child.on('exit', (code) => {
      // Before `exited` is set, the last kill: the group outlives its leader while anything in it
      // runs, and its id is not given to a new process until it is empty (Windows has no groups).
      if (process.platform !== 'win32') killGroup('SIGKILL');
      exited = true;
      clearTimeout(hard);
      settle(stopping ? 'killed' : code === 0 ? 'exited' : 'failed');
    });
  });
}
