import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_GRACE_MS, runBounded } from '../../scripts/lib/proc/bounded.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Running (a killed process no one has reaped yet is a zombie: it runs no more). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  // SIGKILL takes effect as soon as the process is scheduled.
  for (let i = 0; i < 500 && running(pid); i++) await new Promise((r) => setTimeout(r, 5));
  return !running(pid);
}

describe('runBounded', () => {
  it('ends at the deadline even when a process that left the group keeps its output open', async () => {
    // An ssh connection helper (GIT_SSH_COMMAND, ControlPersist) can outlive git this way.
    const pidFile = join(dir, 'lingering.pid');
    const run = runBounded({
      command: 'sh',
      args: ['-c', `setsid sh -c 'echo $$ > "${pidFile}"; exec sleep 30' </dev/null & exec sleep 30`],
      timeoutMs: 300,
    });
    try {
      const r = await Promise.race([run, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 10_000))]);
      expect(r).toMatchObject({ outcome: 'timed_out' });
    } finally {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL'); // the helper this test started
      } catch {
        // gone
      }
    }
  });

  it('with idleMs, kills a child that printed nothing for that long, and lets one that keeps printing run on', async () => {
    const talking = runBounded({
      command: 'sh',
      // Prints for some 1.2 s, past its idle limit; the limit is forty times the gap between its
      // lines, as a loaded machine may start each sleep late (ten times was too little at a load
      // of 18 on 2 cores).
      args: ['-c', 'i=0; while [ $i -lt 60 ]; do echo $i >&2; sleep 0.02; i=$((i+1)); done'],
      timeoutMs: 20_000,
      idleMs: 800,
    });
    const started = Date.now();
    const silent = await runBounded({ command: 'sh', args: ['-c', 'echo hi; exec sleep 30'], timeoutMs: 20_000, idleMs: 200 });
    expect(silent).toMatchObject({ outcome: 'timed_out', idle: true });
    // Ended by its silence, long before its 20 s deadline (with room for a loaded machine).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await talking).toMatchObject({ outcome: 'exited', code: 0 });
    // Something other than output moving (a file the child writes growing) keeps it alive too.
    let asked = 0;
    const watched = await runBounded({ command: 'sh', args: ['-c', 'sleep 0.5'], timeoutMs: 20_000, idleMs: 100, stillMoving: () => ++asked < 99 });
    expect(watched.outcome).toBe('exited');
    expect(asked).toBeGreaterThan(1);
  });

  it('runs a command with input, keeping stdout and the end of stderr', async () => {
    const r = await runBounded({ command: 'sh', args: ['-c', 'cat; echo oops >&2; exit 3'], input: 'hello', timeoutMs: 20_000, stderrKeep: 3 });
    expect(r).toMatchObject({ outcome: 'exited', code: 3, stderr: 'ps\n' });
    expect(r.stdout.toString()).toBe('hello');
  });

  it('kills the whole process group at the deadline', async () => {
    let pid = 0;
    const r = await runBounded({
      command: 'sh',
      args: ['-c', 'sleep 60 & echo $!; wait'],
      timeoutMs: 500,
      onStdoutChunk: (c) => {
        pid = Number(c.toString().trim());
      },
    });
    expect(r.outcome).toBe('timed_out');
    expect(pid).toBeGreaterThan(0);
    expect(await gone(pid)).toBe(true);
  });

  it('stops a child whose output passes the cap', async () => {
    const r = await runBounded({ command: 'sh', args: ['-c', 'while :; do echo xxxxxxxxxxxxxxxx; done'], timeoutMs: 20_000, maxStdoutBytes: 4096 });
    expect(r.outcome).toBe('output_too_large');
    expect(r.stdout.length).toBeLessThanOrEqual(4096);
  });

  it('writes stdout into a new file, and refuses one that exists', async () => {
    const file = join(dir, 'out.txt');
    const r = await runBounded({ command: 'sh', args: ['-c', 'printf data'], timeoutMs: 20_000, stdoutFile: file });
    expect(r.outcome).toBe('exited');
    expect(readFileSync(file, 'utf8')).toBe('data');
    const again = await runBounded({ command: 'sh', args: ['-c', 'printf more'], timeoutMs: 20_000, stdoutFile: file });
    expect(again.outcome).toBe('file_error');
    expect(readFileSync(file, 'utf8')).toBe('data');
  });

  it('reports a program that cannot start', async () => {
    const r = await runBounded({ command: join(dir, 'no-such-program'), timeoutMs: 20_000 });
    expect(r.outcome).toBe('not_started');
    expect((r.error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});

describe('runBounded with a slow output file', () => {
  it('keeps every byte a child wrote before it exited, even when the file drains slower than the exit grace', async () => {
    // The first write to the file is held longer than EXIT_GRACE_MS (a slow or busy disk): the
    // child's last bytes wait in its pipe meanwhile, and must not be thrown away as if a lingering
    // helper held the pipe.
    const fs = (await import('node:module')).createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const realWrite = fs.write;
    let held = false;
    (fs as { write: unknown }).write = (...args: unknown[]) => {
      if (held) return (realWrite as (...a: unknown[]) => void)(...args);
      held = true;
      setTimeout(() => (realWrite as (...a: unknown[]) => void)(...args), EXIT_GRACE_MS + 1000);
    };
    const dest = join(dir, 'slow.out');
    try {
      const r = await runBounded({ command: 'head', args: ['-c', '180000', '/dev/zero'], timeoutMs: 30_000, stdoutFile: dest });
      expect(r.outcome).toBe('exited');
      expect(r.code).toBe(0);
      expect(readFileSync(dest).length).toBe(180_000);
    } finally {
      (fs as { write: unknown }).write = realWrite;
    }
  });
});
