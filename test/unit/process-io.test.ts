import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { childModules } from '../support/child-modules.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bundled = childModules();
/** cli/process-io.ts and cli/command.ts bundled for the children (test/support/child-modules.ts). */
const lib = { processIo: '', command: '' };
beforeAll(async () => {
  [lib.processIo, lib.command] = await Promise.all([bundled('scripts/lib/cli/process-io.ts'), bundled('scripts/lib/cli/command.ts')]);
});

/** Runs `body` (with `processOutput` in scope) in a child node process, stdout and stderr pipes. */
const childScript = (body: string) => `import(${JSON.stringify(lib.processIo)}).then(({ processOutput }) => { ${body} });`;

/**
 * Runs node with `args`, reads nothing of its stdout until it writes 'queued' on stderr (a write
 * that blocked on the full pipe would never get there), waits `graceMs` more, then reads all of
 * stdout to the end.
 */
async function stdoutAfterQueued(args: string[], graceMs = 0): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause();
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (stderr.includes('queued\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child ended (${code}) before its output was read: ${stderr}`)));
  });
  if (graceMs > 0) await new Promise((r) => setTimeout(r, graceMs));
  const chunks: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('processOutput (the entry stdout and stderr of runEntry)', () => {
  it('writes to pipes without creating process.stdout or process.stderr (their set-up loads net)', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        childScript(`
          for (const name of ['stdout', 'stderr']) {
            Object.defineProperty(process, name, { get: () => { throw new Error('process.' + name + ' was created'); } });
          }
          processOutput(1).write('usage: demo\\n');
          processOutput(2).write('warning: x\\n');
        `),
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('warning: x\n');
    expect(r.stdout).toBe('usage: demo\n');
    expect(r.status).toBe(0);
  });

  it('hands over to the stream, in order, when the pipe is non-blocking and full', async () => {
    const size = 1024 * 1024;
    // Touching process.stdout makes libuv set the pipe non-blocking: the synchronous write meets
    // EAGAIN once the pipe is full, and the rest must queue instead of failing or blocking.
    const { code, out } = await stdoutAfterQueued([
      '-e',
      childScript(`
        void process.stdout;
        const out = processOutput(1);
        out.write('a'.repeat(${size}));
        out.write('END\\n');
        processOutput(2).write('queued\\n');
      `),
    ]);
    expect(code).toBe(0);
    expect(out.length).toBe(size + 4);
    expect(out.endsWith('aEND\n')).toBe(true);
    expect(/^a+END\n$/.test(out)).toBe(true);
  });

  it('ends quietly with the exit code so far when the reader has gone (EPIPE)', () => {
    const script = childScript(`
      process.exitCode = 3;
      const out = processOutput(1);
      for (let i = 0; i < 1000; i++) out.write('x'.repeat(65536));
    `);
    const pipeline = '"$NODE" -e "$SCRIPT" | head -c 1 >/dev/null; echo "exit $' + '{PIPESTATUS[0]}"';
    const r = spawnSync('bash', ['-c', pipeline], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NODE: process.execPath, SCRIPT: script },
    });
    // Ended by the failed write itself, or (when something made the pipe non-blocking and the
    // rest queued in the stream) by the stream's error: quietly either way, with the code so far.
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stdout).toBe('exit 3\n');
  });
});

/** Runs `body` (with defineCommand and runEntry in scope) in a child node process. */
const entryScript = (body: string) => `import(${JSON.stringify(lib.command)}).then(({ defineCommand, runEntry }) => { ${body} });`;

describe('runEntry (the process edge of every command)', () => {
  it('ends the process once a command that wrote only through its context returns, whatever timer is left', () => {
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        entryScript(`
          runEntry(defineCommand({ name: 'demo', summary: 'demo', usage: 'usage: demo', options: {}, run(ctx) {
            setTimeout(() => ctx.print('late'), 30_000);
            ctx.print('done');
            return 4;
          } }));
        `),
      ],
      { cwd: repo, encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.stdout).toBe('done\n');
    expect(r.status).toBe(4);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('lets a command that used process.stdout end as Node ends, so that nothing it queued is cut off', async () => {
    const size = 1024 * 1024;
    // Give an early exit the time to cut the queued output off, then read.
    const { code, out } = await stdoutAfterQueued(
      [
        '-e',
        entryScript(`
          runEntry(defineCommand({ name: 'demo', summary: 'demo', usage: 'usage: demo', options: {}, run() {
            // Non-blocking now: most of this queues in the stream while nobody reads.
            process.stdout.write('a'.repeat(${size}));
            process.stdout.write('END\\n');
            process.stderr.write('queued\\n');
          } }));
        `),
      ],
      300,
    );
    expect(code).toBe(0);
    expect(out).toBe(`${'a'.repeat(size)}END\n`);
  }, 30_000);
});
