/**
 * The run's stall watch (test/support/stall-watch.ts): a worker whose event loop is blocked, where
 * vitest's own timeouts cannot reach it, is found, unblocked and failed, so that a run ends with
 * what blocked it instead of waiting for ever (a CI run once waited until its 90-minute limit).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { beatPath, stalledPath } from '../support/heartbeat.ts';
import { descendants, processTable, watchOnce } from '../support/stall-watch.ts';

const HAS_PROC = existsSync('/proc/self/stat');
const repo = join(import.meta.dirname, '..', '..');

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of started.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function beatsDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'stall-watch-'));
  dirs.push(d);
  return d;
}

/** A node process running `code`, with what it prints and how it ends. */
function worker(code: string): { child: ChildProcess; ended: Promise<{ out: string; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const ended = new Promise<{ out: string; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (_code, signal) => resolve({ out, signal })));
  return { child, ended };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

/** Pids no process has (above Linux's largest, 2^22): the watch kills what runs under a stalled worker's pid. */
const NO_PID = 2 ** 22 + 1;

const beat = (dir: string, pid: number, since: number, phase = 'test') =>
  writeFileSync(beatPath(dir, pid), JSON.stringify({ phase, what: 'a.test.ts > waits', since }));

describe('the stall watch', () => {
  test.skipIf(!HAS_PROC)('names the blocked test and the child it waits on, kills the child, and marks the worker for the test to fail', async () => {
    const dir = beatsDir();
    const w = worker("const r = require('node:child_process').spawnSync('sleep', ['600']); console.log(String(r.signal))");
    const pid = w.child.pid ?? 0;
    await until(() => descendants(pid, processTable()).some((p) => p.command === 'sleep 600'));
    const now = Date.now();
    beat(dir, pid, now - 5_000);
    const log: string[] = [];
    watchOnce({ dir, stallMs: 1_000, killWorkerAfterMs: 60_000, log: (t) => log.push(t) }, new Map(), now);
    const ended = await w.ended;
    // The child was killed, not the worker: its spawnSync returned.
    expect(ended.out.trim()).toBe('SIGKILL');
    expect(ended.signal).toBeNull();
    expect(log.join('\n')).toContain(`worker ${pid} has run the test 'a.test.ts > waits' for 5 s`);
    expect(log.join('\n')).toMatch(/pid \d+ \(child of \d+\), state S waiting in \w+: sleep 600/);
    expect(readFileSync(stalledPath(dir, pid), 'utf8')).toContain('sleep 600');
  });

  test('kills a worker still blocked once what ran under it was killed (a loop in its own code)', async () => {
    const dir = beatsDir();
    const w = worker('for (;;) {}');
    const pid = w.child.pid ?? 0;
    const now = Date.now();
    beat(dir, pid, now - 5_000);
    const log: string[] = [];
    const handled = new Map<number, { since: number; at: number }>();
    const o = { dir, stallMs: 1_000, killWorkerAfterMs: 2_000, log: (t: string) => log.push(t) };
    watchOnce(o, handled, now);
    expect(log.join('\n')).toContain('killing nothing (it waits in its own code)');
    watchOnce(o, handled, now + 1_000);
    expect(log).toHaveLength(1);
    watchOnce(o, handled, now + 2_500);
    expect((await w.ended).signal).toBe('SIGKILL');
    expect(log[1]).toContain(`worker ${pid} is still blocked in 'a.test.ts > waits' after what ran under it was killed: killing the worker`);
    expect(existsSync(beatPath(dir, pid))).toBe(false);
  });

  test.skipIf(!HAS_PROC)('leaves alone a pid that is no process of the run (a worker that died, its pid used again): its beat goes', () => {
    const dir = beatsDir();
    const now = Date.now();
    beat(dir, 1, now - 60_000);
    const log: string[] = [];
    watchOnce({ dir, stallMs: 1_000, killWorkerAfterMs: 0, log: (t) => log.push(t) }, new Map(), now);
    expect(log).toEqual([]);
    expect(existsSync(beatPath(dir, 1))).toBe(false);
  });

  test('leaves alone a worker between files, and one whose phase is younger than the limit', async () => {
    const dir = beatsDir();
    const w = worker("require('node:child_process').spawnSync('sleep', ['600'])");
    const pid = w.child.pid ?? 0;
    const now = Date.now();
    const log: string[] = [];
    const o = { dir, stallMs: 10_000, killWorkerAfterMs: 0, log: (t: string) => log.push(t) };
    beat(dir, pid, now - 60_000, 'idle');
    watchOnce(o, new Map(), now);
    beat(dir, pid, now - 9_000);
    watchOnce(o, new Map(), now);
    expect(log).toEqual([]);
    expect(w.child.exitCode).toBeNull();
    expect(w.child.signalCode).toBeNull();
  });

  test('says once that the run is stuck when every worker has been between files for longer than the limit, and not before', () => {
    const dir = beatsDir();
    const now = Date.now();
    const stuck: string[] = [];
    const o = { dir, stallMs: 10_000, killWorkerAfterMs: 0, log: () => {}, onStuck: (t: string) => stuck.push(t) };
    const handled = new Map<number, { since: number; at: number }>();
    watchOnce(o, handled, now);
    expect(stuck).toEqual([]); // no worker has started yet
    beat(dir, NO_PID, now - 60_000, 'idle');
    beat(dir, NO_PID + 1, now - 9_000, 'idle');
    watchOnce(o, handled, now);
    expect(stuck).toEqual([]);
    beat(dir, NO_PID + 1, now - 60_000, 'test');
    watchOnce(o, handled, now);
    expect(stuck).toEqual([]); // a worker runs a test: its stall is the worker's, not the run's
    beat(dir, NO_PID + 1, now - 30_000, 'idle');
    watchOnce(o, handled, now);
    watchOnce(o, handled, now + 1_000);
    expect(stuck).toHaveLength(1);
    expect(stuck[0]).toMatch(
      /^stall watch: no worker has begun or ended a file or a test for 30 s, and the run has not ended: it waits on something outside the tests \(vitest's own process \d+\)\./,
    );
  });

  test.skipIf(!HAS_PROC)(
    'a run with a file blocked on a child, one spinning and one blocked at import ends within seconds, failing, with what blocked each',
    async () => {
      const fixture = join(repo, 'test', 'tooling', 'fixtures', 'stall');
      const run = spawn(process.execPath, [join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', fixture], {
        env: { ...process.env, ALIVE_TEST_STALL_MS: '1500', NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(run);
      let out = '';
      run.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
      });
      run.stderr?.on('data', (b: Buffer) => {
        out += b.toString();
      });
      const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
      expect(code, out).toBe(1);
      expect(out).toMatch(/FAIL +blocked-child\.fixture\.ts > waits on a child that never ends\nError: the run's stall watch found this test blocked/);
      expect(out).toMatch(/state S waiting in \w+: sleep 600/);
      expect(out).toContain('stall watch: worker');
      expect(out).toMatch(/is still blocked in 'busy-loop\.fixture\.ts > spins for ever' after what ran under it was killed: killing the worker/);
      expect(out).toContain('Worker exited unexpectedly');
      expect(out).toMatch(
        /has run the file '\S*blocked-import\.fixture\.ts' for \d+ s, past the test and hook timeouts: its event loop is blocked\.\n {2}pid \d+ \(child of \d+\), state S waiting in \w+: sleep 601/,
      );
    },
  );
});
