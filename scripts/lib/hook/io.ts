/**
 * Hook process plumbing shared by log-guardian and relay-check: read all of stdin (bounded in
 * size and time), parse it defensively, write at most one JSON object to stdout, and fail open —
 * whatever goes wrong inside a hook, it exits 0 and stays silent (a PreToolUse hook that exited 2
 * by accident would block the user's tool call).
 *
 * Start-up time matters here: this module imports only node: built-ins and does no work at load.
 */
import { fstatSync, read, readSync } from 'node:fs';

export interface ReadStdinOptions {
  /** Larger input is treated as unreadable (the hook then allows / stays silent). */
  maxBytes: number;
  /** Give up waiting for EOF after this long (only on the asynchronous path). */
  timeoutMs: number;
  /**
   * Read asynchronously from the start, so the timeout always applies (a hook with a time budget
   * cannot block in a synchronous read on a pipe nobody closes). A terminal is not read at all.
   */
  alwaysAsync?: boolean;
}

/** Outcome of reading stdin: the text, or why there is none. */
export type StdinText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'timeout' | 'error' };

const CHUNK = 64 * 1024;

/**
 * Reads stdin to EOF. Pipes and files are read synchronously (the fast, common case: Claude Code
 * writes one JSON object and closes the pipe). When the descriptor is non-blocking (EAGAIN), the
 * read continues asynchronously with a timeout, so a writer that never closes cannot hold the hook
 * past its budget.
 */
export async function readStdin(options: ReadStdinOptions): Promise<StdinText> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (options.alwaysAsync) return isTerminal(0) ? { ok: true, text: '' } : readStdinAsync(chunks, 0, options);
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = readSync(0, buf, 0, CHUNK, null);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'EAGAIN') return readStdinAsync(chunks, total, options);
      if (code === 'EOF') break;
      return { ok: false, reason: 'error' };
    }
    if (n === 0) break;
    total += n;
    if (total > options.maxBytes) return { ok: false, reason: 'too-large' };
    chunks.push(buf.subarray(0, n));
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}

/** A terminal (or another character device such as /dev/null): nothing to wait for. */
function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true; // no stdin at all
  }
}

/**
 * The same read through fs.read on the thread pool (no stream machinery: it costs start-up time),
 * polling while the descriptor has nothing (EAGAIN), until EOF, the size limit or the timeout.
 * A read still pending at the timeout is abandoned: runHook ends the process explicitly.
 */
function readStdinAsync(chunks: Buffer[], already: number, options: ReadStdinOptions): Promise<StdinText> {
  return new Promise((resolve) => {
    let total = already;
    let done = false;
    const finish = (result: StdinText) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs);
    const next = () => {
      if (done) return;
      const buf = Buffer.allocUnsafe(CHUNK);
      read(0, buf, 0, CHUNK, null, (err, n) => {
        if (err) {
          if (err.code === 'EAGAIN') return void setTimeout(next, 5);
          return finish(err.code === 'EOF' ? { ok: true, text: Buffer.concat(chunks, total).toString('utf8') } : { ok: false, reason: 'error' });
        }
        if (n === 0) return finish({ ok: true, text: Buffer.concat(chunks, total).toString('utf8') });
        total += n;
        if (total > options.maxBytes) return finish({ ok: false, reason: 'too-large' });
        chunks.push(buf.subarray(0, n));
        next();
      });
    };
    next();
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

/** Writes one JSON object (one line) to stdout. The only stdout write a hook makes. */
export function emitJson(value: object): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(`${JSON.stringify(value)}\n`, () => resolve());
  });
}

/** Internal faults go to stderr only when ALIVE_DEBUG=1; they never change the exit code. */
export function debugLog(what: string, err?: unknown): void {
  if (process.env.ALIVE_DEBUG !== '1') return;
  const detail = err instanceof Error ? (err.stack ?? err.message) : err === undefined ? '' : String(err);
  process.stderr.write(`alive hook: ${what}${detail ? `: ${detail}` : ''}\n`);
}

/**
 * Runs a hook body fail-open: `--help` prints the usage; any other argument is a usage error
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
