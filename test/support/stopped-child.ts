/**
 * A child `node --import STOP_AT …` that test/support/stop-at.mjs freezes or stalls at an exact
 * file-system call (ALIVE_TEST_STOP_AT), started and awaited until it says it stopped there:
 * the one way the kill, Ctrl-C and leftover tests bring a bundle to the moment they need.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { STOP_AT } from './bundles.ts';

export interface StoppedChild {
  child: ChildProcess;
  /** How it ended, once its output is closed too. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote so far. */
  stdout(): string;
  stderr(): string;
}

/**
 * Starts `node --import STOP_AT <args>` with `stop` as ALIVE_TEST_STOP_AT and resolves once it
 * stopped there; throws, naming `what` and its stderr, if it ended first.
 */
export async function startStopped(args: string[], stop: object, opts: { env: NodeJS.ProcessEnv; cwd?: string; what: string }): Promise<StoppedChild> {
  const child = spawn(process.execPath, ['--import', STOP_AT, ...args], {
    env: { ...opts.env, ALIVE_TEST_STOP_AT: JSON.stringify(stop) },
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, signal) => res({ code, signal })));
  const stopped = await new Promise<boolean>((res) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (stderr.includes('ALIVE_TEST_STOPPED\n')) res(true);
    });
    void closed.then(() => res(false));
  });
  if (!stopped) throw new Error(`${opts.what} ended before the moment ${JSON.stringify(stop)}: ${stderr}`);
  return { child, closed, stdout: () => stdout, stderr: () => stderr };
}
