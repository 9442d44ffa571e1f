/**
 * One child process that runs a test file's hostile-input cases one after another, each under its
 * own deadline: a reader that hangs (a worker busy in a loop or a regular expression cannot be
 * interrupted) fails its case, named, instead of holding the run. A child per case cost each case
 * a node start and a cold JIT: about a fifth of what the cases themselves take.
 *
 * deadlineChild(), called at a test file's top level, gives `run(label, body)`: `body` is the body
 * of an async function (it may await import(...)), run in the child; the answer is what it printed
 * with console.log. A case past the deadline kills the child (the next case starts a new one) and
 * fails with its label; so does a case that throws, or a child that dies under it. The child goes
 * when the file's tests end.
 */
import { afterAll } from 'vitest';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const RUNNER = join(import.meta.dirname, 'deadline-runner.mjs');

interface Answer {
  ok: boolean;
  out?: string;
  error?: string;
}

export interface DeadlineChild {
  run(label: string, body: string): Promise<string>;
}

export function deadlineChild(options: { deadlineMs: number; nodeArgs?: string[] }): DeadlineChild {
  let child: ChildProcessWithoutNullStreams | undefined;
  let stderr = '';
  /** The case waiting for an answer, and the child it runs in. */
  let pending: { on: ChildProcessWithoutNullStreams; resolve: (a: Answer) => void; reject: (e: Error) => void } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const stop = () => {
    child?.kill('SIGKILL');
    child = undefined;
  };
  afterAll(stop);

  const start = (): ChildProcessWithoutNullStreams => {
    const c = spawn(process.execPath, [...(options.nodeArgs ?? []), RUNNER], { stdio: ['pipe', 'pipe', 'pipe'] });
    stderr = '';
    let buffered = '';
    c.stdout.setEncoding('utf8');
    c.stderr.setEncoding('utf8');
    c.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const p = pending;
        if (p?.on !== c) continue;
        pending = undefined;
        p.resolve(JSON.parse(line) as Answer);
      }
    });
    c.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      const p = pending;
      if (p?.on !== c) return;
      pending = undefined;
      p.reject(new Error(`the child ended (status ${code}, ${signal ?? ''}): ${stderr.slice(-500)}`));
    });
    c.stdin.on('error', () => undefined);
    return c;
  };

  const runOne = async (label: string, body: string): Promise<string> => {
    child ??= start();
    const c = child;
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await new Promise<Answer>((resolve, reject) => {
        pending = { on: c, resolve, reject };
        timer = setTimeout(() => {
          pending = undefined;
          stop();
          reject(new Error(`${label}: did not finish within ${options.deadlineMs / 1000} s: ${stderr.slice(-500)}`));
        }, options.deadlineMs);
        c.stdin.write(`${JSON.stringify({ body })}\n`);
      });
      if (!answer.ok) throw new Error(`${label}: failed: ${answer.error}`);
      return answer.out ?? '';
    } catch (err) {
      if (err instanceof Error && !err.message.startsWith(`${label}:`)) err.message = `${label}: ${err.message}`;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    run(label, body) {
      const r = queue.then(() => runOne(label, body));
      queue = r.catch(() => undefined);
      return r;
    },
  };
}
