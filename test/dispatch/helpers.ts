/** Test helpers: temporary bus roots, a fresh bundle of the dispatch entry, child processes. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterThisFile } from '../support/after-file.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { claimById, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import type { AgentSpec } from '../../scripts/lib/bus/agent.ts';
import { bundlePath } from '../support/bundles.ts';
import { bundleForChild } from '../support/child-modules.ts';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The bundle of a TypeScript entry: this run's build for scripts/<name>.ts (test/support/bundles.ts),
 * a fresh temporary .mjs for a test worker.
 */
export async function bundle(entry: string): Promise<string> {
  const script = /^scripts\/([\w-]+)\.ts$/.exec(entry);
  if (script) return bundlePath(script[1]!);
  const outDir = scratchFolder('dispatch-bundle-');
  const outfile = join(outDir, `${entry.split('/').pop()!.replace(/\.ts$/, '')}.mjs`);
  await bundleForChild(entry, outfile);
  return outfile;
}

export interface TestBus {
  /** A scratch folder holding the bus root and the per-user folders. */
  base: string;
  root: string;
  env: NodeJS.ProcessEnv;
}

/** A scratch folder, removed when the test file that made it ends. */
function scratchFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterThisFile(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const fakeServes = new Map<string, ChildProcessWithoutNullStreams>();

/**
 * The pid of a live process whose command line is a `dispatch serve`'s (serving.ts dispatchAlive),
 * for a daemon.json naming a live daemon of `receiver`: not this process's own, which is no serve. A
 * daemon's record counts only for the receiver its command line serves, and only in the bus it serves
 * (`root`, its --root). One per receiver, bus and test file, killed after it.
 */
export function liveServePid(receiver: string, root: string): number {
  const key = `${root}\0${receiver}`;
  let fake = fakeServes.get(key);
  if (fake === undefined) {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', join(repo, 'dist', 'dispatch.mjs'), 'serve', `@${receiver}`, '--root', root]);
    fake = child;
    fakeServes.set(key, child);
    afterThisFile(() => {
      child.kill('SIGKILL');
      if (fakeServes.get(key) === child) fakeServes.delete(key);
    });
  }
  return fake.pid!;
}

export function makeBus(): TestBus {
  const base = scratchFolder('dispatch-test-');
  const root = join(base, 'bus');
  mkdirSync(join(base, 'home'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(base, 'home'),
    ALIVE_HOME: join(base, 'alive-home'),
    HELLOWORLD_ROOT: root,
  };
  return { base, root, env };
}

/** Plants `n` empty files (`other-0`, …) in `dir`: a flood of names, as any bus writer can make. */
export function plantEmptyFiles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) closeSync(openSync(join(dir, `other-${i}`), 'w'));
}

/** An empty folder outside the bus, where a planted link points: nothing may ever appear in it. */
export function outside(): string {
  return mkdtempSync(join(tmpdir(), 'bus-outside-'));
}

/** Replaces folder `dir` (made if absent) by a link to `target`. */
export function plantLink(dir: string, target: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  symlinkSync(target, dir);
}

/** makeBus() with its runtimes/ folder made: a bus with no receivers yet (the MCP tools refuse a root without one). */
export function makeBusWithRuntimes(): TestBus {
  const bus = makeBus();
  mkdirSync(join(bus.root, 'runtimes'), { recursive: true });
  return bus;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv, opts: { input?: string; cwd?: string; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [script, ...args], {
    env,
    cwd: opts.cwd ?? env.HOME ?? tmpdir(),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `dispatch <args> --root <root>` in-process (the command objects the bundle routes to): for what a
 * command does. The bundle runs where the entry itself is under test (its root from the
 * environment or the current folder, stdin, a daemon, a wait another process answers).
 */
export async function dispatch(root: string, args: string[]): Promise<CliResult> {
  const r = await runCaptured(dispatchGroup, [...args, '--root', root]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI asynchronously (so a daemon in the same test keeps running). */
/** Answers request `id` to @gemini with the body `hello`: claimed and replied to, or served once by the echo agent. */
export async function answerAsGemini(root: string, id: string, how: 'reply' | 'serve'): Promise<void> {
  if (how === 'reply') {
    const claimed = await dispatch(root, ['claim', '@gemini', id]);
    if (claimed.status !== 0) throw new Error(`claim: ${claimed.stderr}`);
    const replied = await dispatch(root, ['reply', id, 'hello', '--as', '@gemini']);
    if (replied.status !== 0) throw new Error(`reply: ${replied.stderr}`);
    return;
  }
  const served = await dispatch(root, ['serve', '@gemini', '--agent', 'echo', '--once']);
  if (served.status !== 0) throw new Error(`serve: ${served.stderr}`);
}

export function runCliAsync(script: string, args: string[], env: NodeJS.ProcessEnv, opts: { input?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd: opts.cwd ?? tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export interface Daemon {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves when the daemon's stdout contains `text` (bounded). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<number | null>;
}

export function startDaemon(script: string, args: string[], env: NodeJS.ProcessEnv): Daemon {
  const child = spawn(process.execPath, [script, 'serve', ...args], { env, cwd: tmpdir() });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => out + err,
    async waitFor(text, timeoutMs = 15_000) {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        if (typeof text === 'string' ? (out + err).includes(text) : text.test(out + err)) return;
        if (child.exitCode !== null) throw new Error(`daemon exited (${child.exitCode}) before '${String(text)}':\n${out}${err}`);
        await sleep(20);
      }
      throw new Error(`timed out waiting for '${String(text)}' in daemon output:\n${out}${err}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every path under `dir` with its type and size, for "nothing was written" checks. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = lstatSync(p);
      out.push(`${relative(dir, p)} ${st.isDirectory() ? 'dir' : st.size}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** A Thread-era HelloWorld response (agent_daemon.py at e7684c3): no In-Reply-To. */
export function threadEraResponse(thread: string, body: string): string {
  return ['# HelloWorld Response', '# From: Codex', `# Thread: ${thread}`, `# Timestamp: ${new Date().toISOString()}`, '', body].join('\n');
}

/**
 * A request from @s to @r on a fresh bus, claimed and archived with no answer of ours, and the
 * answer a Thread-era daemon writes in place: `file`, msg-1a2b3c4d.hw in @r's outbox, holding `body`.
 */
export async function foreignAnswerInOutbox(body: string): Promise<{ root: string; requestId: string; file: string }> {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
  completeClaim((await claimById(root, 'r', sent.id, { owner: 't', leaseMs: 60_000 }))!);
  const { outbox } = receiverPaths(root, 'r');
  mkdirSync(outbox, { recursive: true });
  const file = join(outbox, 'msg-1a2b3c4d.hw');
  writeFileSync(file, threadEraResponse(sent.id, body));
  return { root, requestId: sent.id, file };
}

/** A latch: `ready()` resolves `isReady` (serve's onReady, before its loop first looks at the inbox). */
export function readyLatch(): { ready: () => void; isReady: Promise<void> } {
  let ready: () => void = () => {};
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  return { ready, isReady };
}

/** A serve running in this process (serveInProcess). */
export interface ServeInProcess {
  /** Its log and warning lines so far, in its words. */
  log(): string[];
  /** True once serve has returned or failed (before stop(): it stopped serving on its own). */
  ended(): boolean;
  /** Resolves when a line holds `text` (bounded). */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Ends it (its signal aborted) and gives its lines; rejects with serve's error if it failed. */
  stop(): Promise<string[]>;
}

/**
 * serve in this process until stop() (what `dispatch serve @receiver --agent …` runs): for a test
 * that needs a daemon to answer, where the daemon's own process is not the point. Resolves once
 * it serves (onReady). Its claims name this worker, which is no dispatch process: a bundle that
 * claims from the same receiver takes them back as a gone holder's (claim-holder-not-dispatch.test.ts).
 */
export async function serveInProcess(root: string, receiver: string, agent: AgentSpec, more: { concurrency?: number } = {}): Promise<ServeInProcess> {
  const controller = new AbortController();
  const lines: string[] = [];
  const { ready, isReady } = readyLatch();
  const served = serve({ root, receiver, agent, signal: controller.signal, log: (l) => lines.push(l), warn: (l) => lines.push(l), onReady: ready, ...more });
  let ended = false;
  served.then(
    () => (ended = true),
    () => (ended = true),
  );
  await Promise.race([isReady, served.then(() => Promise.reject(new Error(`serve @${receiver} ended before it served:\n${lines.join('\n')}`)))]);
  return {
    log: () => [...lines],
    ended: () => ended,
    async waitFor(text, timeoutMs = 15_000) {
      for (const end = Date.now() + timeoutMs; !lines.some((l) => l.includes(text)); await sleep(20)) {
        if (Date.now() > end) throw new Error(`timed out waiting for '${text}' in serve's lines:\n${lines.join('\n')}`);
      }
    },
    stop: async () => {
      controller.abort();
      await served;
      return lines;
    },
  };
}

/** The text outside every BEGIN … END fence of the same nonce (our words), and the fenced text. */
export function splitFences(stdout: string): { outside: string; fenced: string } {
  const lines = stdout.split('\n');
  const outside: string[] = [];
  const fenced: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^<<<BEGIN (UNTRUSTED [A-Z -]+) ([0-9a-f]{12})$/.exec(lines[i]!);
    const end = open ? lines.indexOf(`END ${open[1]} ${open[2]}>>>`, i + 1) : -1;
    if (end === -1) {
      outside.push(lines[i]!);
      continue;
    }
    fenced.push(...lines.slice(i + 1, end));
    i = end;
  }
  return { outside: outside.join('\n'), fenced: fenced.join('\n') };
}

/** Every string of a value outside the fields that hold someone else's text (`untrusted`, `untrusted_*`): what our words say. */
export function ourStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) ourStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'untrusted' && !k.startsWith('untrusted_')) ourStrings(v, out);
  }
  return out;
}
