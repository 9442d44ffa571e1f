/**
 * Hook process plumbing shared by log-guardian and relay-check: read all of stdin (bounded in
 * size and time), parse it defensively, write at most one JSON object to stdout, and fail open —
 * whatever goes wrong inside a hook, it exits 0 and stays silent (a PreToolUse hook that exited 2
 * by accident would block the user's tool call).
 *
 * Start-up time matters here: this module imports only node: built-ins and does no work at load.
 */
import { readSync } from 'node:fs';

export interface ReadStdinOptions {
  /** Larger input is treated as unreadable (the hook then allows / stays silent). */
  maxBytes: number;
  /** Give up waiting for EOF after this long (only on the asynchronous path). */
  timeoutMs: number;
  /**
   * Read through the stream API from the start, so the timeout always applies (a hook with a
   * time budget cannot block in a synchronous read on a pipe nobody closes).
   */
  alwaysAsync?: boolean;
}

/** Outcome of reading stdin: the text, or why there is none. */
export type StdinText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'timeout' | 'error' };

const CHUNK = 64 * 1024;

/**
 * Reads stdin to EOF. Pipes and files are read synchronously (the fast, common case: Claude Code
 * writes one JSON object and closes the pipe). When the descriptor is non-blocking (EAGAIN), the
 * read continues through the stream API with a timeout, so a writer that never closes cannot hold
 * the hook past its budget.
 */
export async function readStdin(options: ReadStdinOptions): Promise<StdinText> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (options.alwaysAsync) return process.stdin.isTTY ? { ok: true, text: '' } : readStdinAsync(chunks, 0, options);
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

function readStdinAsync(chunks: Buffer[], already: number, options: ReadStdinOptions): Promise<StdinText> {
  return new Promise((resolve) => {
    let total = already;
    const stdin = process.stdin;
    const finish = (result: StdinText) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.removeAllListeners('error');
      stdin.pause();
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
  body().then(
    () => {
      process.exitCode = 0;
    },
    failOpen,
  );
}
