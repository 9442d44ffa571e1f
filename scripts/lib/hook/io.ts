/**
 * Hook process plumbing shared by log-guardian and relay-check: read all of stdin (bounded in
 * size and time), parse it defensively, write at most one JSON object to stdout, and fail open —
 * whatever goes wrong inside a hook, it exits 0 and stays silent (a PreToolUse hook that exited 2
 * by accident would block the user's tool call).
 *
 * Start-up time matters here: this module imports only node: built-ins and does no work at load.
 */
import { fs } from '../fs/node-fs.ts';
import { writeSyncUntilFull } from '../fs/write-fd.ts';
import { ALIVE_VERSION } from '../version.ts';

export interface ReadStdinOptions {
  /** Larger input is treated as unreadable (the hook then allows / stays silent). */
  maxBytes: number;
  /** Give up waiting for EOF after this long (only on the asynchronous path). */
  timeoutMs: number;
  /**
   * Read through the stream API from the start, so the timeout always applies (a hook with a time
   * budget cannot block in a synchronous read on a pipe nobody closes). A terminal is not read.
   */
  alwaysAsync?: boolean;
}

/** Outcome of reading stdin: the text, or why there is none. */
export type StdinText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'timeout' | 'error' };

// Hook input is usually a few hundred bytes: one small buffer, doubled only when it fills.
const FIRST_BUFFER = 16 * 1024;

/**
 * Reads stdin to EOF. Pipes and files are read synchronously (the fast, common case: Claude Code
 * writes one JSON object and closes the pipe) into one buffer decoded once: each more
 * allocation, copy and decode is measurable in a hook's start-up. When the descriptor is
 * non-blocking (EAGAIN), the read continues through the stream API with a timeout, so a writer
 * that never closes cannot hold the hook past its budget.
 */
export async function readStdin(options: ReadStdinOptions): Promise<StdinText> {
  if (options.alwaysAsync) return isTerminal(0) ? { ok: true, text: '' } : readStdinAsync([], 0, options);
  let buf = Buffer.allocUnsafeSlow(Math.min(FIRST_BUFFER, options.maxBytes + 1));
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      // Never more than one byte past the limit: reading that byte is how the limit is found.
      const larger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, options.maxBytes + 1));
      buf.copy(larger, 0, 0, total);
      buf = larger;
    }
    let n: number;
    try {
      n = fs.readSync(0, buf, total, buf.length - total, null);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'EAGAIN') return readStdinAsync(total > 0 ? [buf.subarray(0, total)] : [], total, options);
      if (code === 'EOF') break;
      return { ok: false, reason: 'error' };
    }
    if (n === 0) break;
    total += n;
    if (total > options.maxBytes) return { ok: false, reason: 'too-large' };
  }
  return { ok: true, text: utf8Text(buf, total) };
}

/**
 * The first `length` bytes as UTF-8 text. Buffer's own utf8Slice (what toString calls after looking
 * the encoding up) takes 10 µs at a hook's start where toString takes 120 µs; a Node without it
 * gets toString.
 */
function utf8Text(buf: Buffer, length: number): string {
  const slice = (buf as Buffer & { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
  return typeof slice === 'function' ? slice.call(buf, 0, length) : buf.toString('utf8', 0, length);
}

/** A terminal (or another character device such as /dev/null): nothing to wait for. */
function isTerminal(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return true; // no stdin at all
  }
}

/**
 * The same read through process.stdin, until EOF, the size limit or the timeout. For a pipe this
 * is a non-blocking libuv handle that can be closed at the timeout; a blocking fs.read would tie
 * up a thread-pool thread that the process then waits for at exit.
 */
function readStdinAsync(chunks: Buffer[], already: number, options: ReadStdinOptions): Promise<StdinText> {
  return new Promise((resolve) => {
    let total = already;
    const stdin = process.stdin;
    const finish = (result: StdinText) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.removeAllListeners('error');
      stdin.on('error', () => {});
      stdin.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs);
    stdin.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > options.maxBytes) return finish({ ok: false, reason: 'too-large' });
      chunks.push(chunk);
    });
    stdin.on('end', () => finish({ ok: true, text: Buffer.concat(chunks, total).toString('utf8') }));
    stdin.on('error', () => finish({ ok: false, reason: 'error' }));
  });
}

/** JSON.parse that returns undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Writes one JSON object (one line) to stdout: the only stdout write a hook makes. Written with
 * fs.writeSync on descriptor 1, not process.stdout, whose stream set-up costs milliseconds of
 * start-up; a non-blocking pipe that is momentarily full is retried for up to two seconds.
 */
export function emitJson(value: object): void {
  const bytes = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  let offset = 0;
  let waitedMs = 0;
  for (;;) {
    offset = writeSyncUntilFull(1, bytes, offset);
    if (offset === bytes.length) return;
    if (waitedMs >= 2000) throw Object.assign(new Error('stdout stayed full for 2 s'), { code: 'EAGAIN' });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    waitedMs += 5;
  }
}

/** Internal faults go to stderr only when ALIVE_DEBUG=1; they never change the exit code. */
export function debugLog(what: string, err?: unknown): void {
  if (process.env.ALIVE_DEBUG !== '1') return;
  const detail = err instanceof Error ? (err.stack ?? err.message) : err === undefined ? '' : String(err);
  process.stderr.write(`alive hook: ${what}${detail ? `: ${detail}` : ''}\n`);
}

/**
 * Runs a hook body fail-open: `--help` prints the usage, `--version` the version line every
 * command prints; any other argument is a usage error
 * (exit 2, the contract's rule, and Claude Code never passes any); everything the body throws, or
 * any uncaught error later, ends in exit 0 with nothing on stdout.
 */
export function runHook(usage: string, body: () => Promise<void>): void {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    if (args.length === 1 && args[0] === '--version') {
      // The hook's name is the first word of its usage line ("usage: log-guardian < …").
      const name = /^usage: (\S+)/.exec(usage)?.[1] ?? 'alive';
      process.stdout.write(`${name} (alive) ${ALIVE_VERSION}\n`);
      return;
    }
    process.stderr.write(`error: ${args[0]} is not an option of this hook (it takes its input as JSON on stdin)\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const failOpen = (err: unknown) => {
    debugLog('internal fault, failing open', err);
    process.exit(0);
  };
  process.on('uncaughtException', failOpen);
  process.on('unhandledRejection', failOpen);
  // An explicit exit: a stdin read abandoned at its timeout must not keep the process alive.
  body().then(() => process.exit(0), failOpen);
}
