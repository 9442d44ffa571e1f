/**
 * Runs relay-probe within a hard deadline. The probe runs in its own process group so that, when
 * the deadline passes, it and anything it started (git, ssh ...) are killed together; relay-check
 * never waits past the deadline, whatever the probe does.
 */

export type ProbeRunOutcome = 'exited' | 'killed' | 'failed';

export interface ProbeRun {
  /** Absolute path of relay-probe.mjs. */
  script: string;
  /** Epoch ms by which the probe must be gone. */
  deadline: number;
  env: NodeJS.ProcessEnv;
  now: () => number;
}

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
      env: run.env,
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      child.unref();
      settle('killed');
    }, msLeft);
    child.on('error', () => settle('failed'));
    child.on('exit', (code) => settle(code === 0 ? 'exited' : 'failed'));
  });
}
