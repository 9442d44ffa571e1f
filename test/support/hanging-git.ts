import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killIfStillRunning } from './process-gone.ts';

/**
 * A `git` for PATH whose network commands (fetch, ls-remote, clone) never answer, and a way to
 * tell that every one of them has ended.
 *
 * Each hanging git holds the write end of a FIFO the test reads: a process that has ended holds no
 * files, even as a zombie nobody reaps, so the read end sees end-of-file exactly when the last of
 * them is gone. Whether an ended process stays visible in /proc depends on who reaps orphans in
 * the machine's container; the pipe does not.
 */
export interface HangingGit {
  /** The folder to put first on PATH. */
  bin: string;
  /** Pids of the hanging gits started so far (each logged after it holds the pipe). */
  started(): number[];
  /** Waits until at least one hanging git has started (up to `ms`); returns their pids. */
  waitStarted(ms?: number): Promise<number[]>;
  /** True when every hanging git that started has ended (polled up to `ms`). */
  allEnded(ms?: number): Promise<boolean>;
  /** What /proc says of the pids, for a failure message. */
  describe(): string;
  close(): void;
}

export function hangingGit(dir: string, { ignoreTerm = false } = {}): HangingGit {
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  // With ignoreTerm, the hanging ones ignore SIGTERM (ignored signals stay ignored across exec): only SIGKILL ends them.
  const ignore = ignoreTerm ? "trap '' TERM; " : '';
  return hangingCommand(
    dir,
    'git',
    (hang) => `for a in "$@"; do case "$a" in fetch|ls-remote|clone)\n  ${ignore}${hang};;\nesac; done\nexec ${JSON.stringify(realGit)} "$@"\n`,
  );
}

/**
 * A `gh` for PATH that never answers, whatever it is asked (as `gh auth token` waiting on a locked
 * keyring), ignoring SIGTERM; told when every one has ended as hangingGit's are.
 */
export function hangingGh(dir: string): HangingGit {
  return hangingCommand(dir, 'gh', (hang) => `trap '' TERM\n${hang}\n`);
}

/** `bin/<name>` running `body(hang)`, where `hang` holds the pipe, logs its pid and sleeps. */
function hangingCommand(dir: string, name: string, body: (hang: string) => string): HangingGit {
  const bin = join(dir, 'bin');
  const pids = join(dir, `${name}-pids.log`);
  const fifo = join(dir, `${name}-alive.fifo`);
  mkdirSync(bin, { recursive: true });
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  // Opened before any writer: non-blocking, so the open returns at once and a writer's open does not wait.
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const hang = `exec 9>${JSON.stringify(fifo)}; echo $$ >> ${JSON.stringify(pids)}; exec sleep 120`;
  writeFileSync(join(bin, name), `#!/bin/sh\n${body(hang)}`, { mode: 0o755 });
  const started = (): number[] =>
    existsSync(pids)
      ? readFileSync(pids, 'utf8')
          .split('\n')
          .filter((l) => /^\d+$/.test(l))
          .map(Number)
      : [];
  const writersGone = (): boolean => {
    try {
      return readSync(reader, Buffer.alloc(16)) === 0;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return false;
      throw e;
    }
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    bin,
    started,
    async waitStarted(ms = 10_000) {
      for (const end = Date.now() + ms; started().length === 0 && Date.now() < end; ) await sleep(25);
      return started();
    },
    async allEnded(ms = 20_000) {
      if (started().length === 0) throw new Error(`no hanging ${name} has started: nothing to wait for`);
      for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (writersGone()) return true;
      return writersGone();
    },
    describe() {
      return started()
        .map((pid) => {
          try {
            return `${pid}: ${readFileSync(`/proc/${pid}/stat`, 'utf8').trim()}`;
          } catch {
            return `${pid}: not in /proc`;
          }
        })
        .join('; ');
    },
    close() {
      // Only while one still holds the pipe, and only a pid that still runs the sleep.
      if (!writersGone()) for (const pid of started()) killIfStillRunning(pid, 'sleep 120');
      closeSync(reader);
    },
  };
}
