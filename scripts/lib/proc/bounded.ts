/**
 * The one bounded child-process runner: a deadline, its own process group killed whole when the
 * deadline passes or the output grows past its cap, capped stdout (in memory or into a file) and
 * the end of stderr. It never rejects: the caller turns the outcome into its own error.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, createWriteStream, openSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface BoundedRunOptions {
  command: string;
  args?: string[];
  /** Run `command` through the shell (an agent command line). */
  shell?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (closed at once when absent). */
  input?: string | Buffer;
  /** Milliseconds from now; the process group is killed when they pass. */
  timeoutMs: number;
  /**
   * Kill the process group (outcome `timed_out`, `idle` set) once neither stdout nor stderr has
   * produced a byte for this long: a transfer that stalled, told apart from one that is slow.
   */
  idleMs?: number;
  /**
   * Asked when idleMs passed without output: true (something the output does not show moved, such
   * as a file the child writes grew since the last ask) gives the child another idleMs.
   */
  stillMoving?: () => boolean;
  /** Stdout beyond this kills the process group (outcome `output_too_large`). */
  maxStdoutBytes?: number;
  /** Stderr kept: its last this many characters (default 64 KiB). */
  stderrKeep?: number;
  /** Write stdout into this new file (mode 0600) instead of keeping it. */
  stdoutFile?: string;
  /** Each stdout chunk, as it arrives (e.g. to hash what goes into stdoutFile). */
  onStdoutChunk?: (chunk: Buffer) => void;
  /** Called with each stderr chunk (progress that a child writes there). */
  onStderrChunk?: (chunk: Buffer) => void;
  /**
   * Once the child is done, kill what is left of its process group (background jobs it started):
   * for commands that must not outlive their run, such as an agent answering a message.
   */
  killGroupAtEnd?: boolean;
  /**
   * False: the child stays in our process group, so a terminal's Ctrl-C reaches it as it reaches
   * us (for a short helper that starts nothing of its own); the deadline or the output cap then
   * kills the child alone. Default true: a process group of its own, killed whole.
   */
  ownGroup?: boolean;
  /** The child's pid (its process group) once started, and again when it is gone. */
  onStart?: (pid: number) => void;
  onEnd?: (pid: number) => void;
}

export type BoundedOutcome = 'exited' | 'timed_out' | 'output_too_large' | 'not_started' | 'file_error';

export interface BoundedRunResult {
  /** Why it ended: the first reason wins (a timeout after the output cap stays `output_too_large`). */
  outcome: BoundedOutcome;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `timed_out` because nothing moved for idleMs (not because the whole deadline passed). */
  idle?: boolean;
  /** Stdout as kept (empty with stdoutFile). */
  stdout: Buffer;
  /** The end of stderr, as text. */
  stderr: string;
  /** The spawn error (`not_started`) or the file's write error (`file_error`). */
  error?: unknown;
}

/** How long output may keep coming after the child exited (a lingering holder of its pipes). */
export const EXIT_GRACE_MS = 2000;

export function runBounded(opts: BoundedRunOptions): Promise<BoundedRunResult> {
  const stderrKeep = opts.stderrKeep ?? 64 * 1024;
  return new Promise((resolve) => {
    // The file is created before the child starts: an open error (it exists) must decide the
    // outcome, not race the child's exit (a lazily opened stream reported 'exited' and lost the data).
    let fd: number | undefined;
    if (opts.stdoutFile !== undefined) {
      try {
        fd = openSync(opts.stdoutFile, 'wx', 0o600);
      } catch (error) {
        resolve({ outcome: 'file_error', code: null, signal: null, stdout: Buffer.alloc(0), stderr: '', error });
        return;
      }
    }
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(opts.command, opts.args ?? [], {
        ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
        shell: opts.shell === true,
        detached: opts.ownGroup !== false,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      resolve({ outcome: 'not_started', code: null, signal: null, stdout: Buffer.alloc(0), stderr: '', error });
      return;
    }
    const pid = child.pid;
    let reason: BoundedOutcome | undefined;
    let error: unknown;
    let settled = false;
    const stop = (why: BoundedOutcome) => {
      reason ??= why;
      try {
        if (child.pid !== undefined && opts.ownGroup !== false) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => stop('timed_out'), Math.max(1, opts.timeoutMs));
    let idled = false;
    // One timer, pushed back by output (refresh() re-arms it without allocating).
    const idleTimer =
      opts.idleMs === undefined
        ? undefined
        : setTimeout(
            () => {
              if (opts.stillMoving?.()) {
                idleTimer?.refresh();
                return;
              }
              if (reason === undefined) idled = true;
              stop('timed_out');
            },
            Math.max(1, opts.idleMs),
          );
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    // One decoder for the stream: a character split between two chunks stays one character.
    const stderrText = new StringDecoder('utf8');
    const file = fd !== undefined ? createWriteStream('', { fd }) : undefined;
    file?.on('error', (e) => {
      error ??= e;
      stop('file_error');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      idleTimer?.refresh();
      if (reason === 'output_too_large') return;
      outBytes += chunk.length;
      if (opts.maxStdoutBytes !== undefined && outBytes > opts.maxStdoutBytes) {
        stop('output_too_large');
        return;
      }
      opts.onStdoutChunk?.(chunk);
      if (!file) out.push(chunk);
      else if (!file.write(chunk)) {
        child.stdout.pause();
        file.once('drain', () => child.stdout.resume());
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      idleTimer?.refresh();
      stderr = (stderr + stderrText.write(chunk)).slice(-stderrKeep);
      opts.onStderrChunk?.(chunk);
    });
    child.stdin.on('error', () => {
      // A child may exit before reading all of its input; its exit status tells the story.
    });
    // After the deadline and the listeners are in place: when onStart throws (the caller cannot
    // record the child), the child is stopped like any other, never left running unbounded.
    let startedAs: number | undefined;
    if (pid !== undefined && opts.onStart) {
      try {
        opts.onStart(pid);
        startedAs = pid;
      } catch (e) {
        error ??= e;
        stop('not_started');
      }
    } else startedAs = pid;
    child.stdin.end(opts.input);
    const finish = (result: Omit<BoundedRunResult, 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(idleTimer);
      if (pid !== undefined && opts.killGroupAtEnd && opts.ownGroup !== false) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // the group is empty: nothing was left behind
        }
      }
      if (startedAs !== undefined) opts.onEnd?.(startedAs);
      stderr = (stderr + stderrText.end()).slice(-stderrKeep);
      const done = () => resolve({ ...result, stdout: Buffer.concat(out), stderr });
      if (file && error === undefined) file.end(done);
      else done();
    };
    // 'close' waits for every holder of the child's stdout and stderr, and a process that left its
    // group (an ssh helper that lingers) may hold them for long. Once the child itself is gone:
    // at once when we stopped it, after a grace for output still in the pipes otherwise.
    child.on('exit', () => {
      clearTimeout(idleTimer); // the child is done: output still in the pipes is no stall
      const release = () => {
        // Output we have not taken yet because the file is slow to drain is the child's, not a
        // lingering holder's: destroying now would cut the file short and still say 'exited'.
        if (reason === undefined && file && (child.stdout.isPaused() || child.stdout.readableLength > 0)) {
          file.once('drain', () => setTimeout(release, EXIT_GRACE_MS).unref());
          file.once('error', release); // a file that fails never drains: stop() has set a reason
          return;
        }
        child.stdout.destroy();
        child.stderr.destroy();
      };
      if (reason !== undefined) release();
      else setTimeout(release, EXIT_GRACE_MS).unref();
    });
    child.on('error', (e) => finish({ outcome: 'not_started', code: null, signal: null, error: e }));
    child.on('close', (code, signal) => {
      finish({ outcome: reason ?? 'exited', code, signal, ...(idled ? { idle: true } : {}), ...(error !== undefined ? { error } : {}) });
    });
  });
}
