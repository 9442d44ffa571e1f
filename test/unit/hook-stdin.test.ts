/**
 * How a hook reads its input (hook/io.ts readStdin): all of it, whatever its size up to the limit,
 * nothing past the limit, and without losing what it read synchronously when the descriptor turns
 * out to be non-blocking half way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { childModules } from '../support/child-modules.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bundled = childModules();
/** hook/io.ts bundled for the children (test/support/child-modules.ts). */
let io: string;
beforeAll(async () => {
  io = await bundled('scripts/lib/hook/io.ts');
});

/** A child that reads stdin with readStdin(options) and prints the outcome as JSON. */
const reader = (options: string, before = '') => [
  '-e',
  `import(${JSON.stringify(io)}).then(async ({ readStdin }) => { ${before}
    const r = await readStdin(${options});
    const sha256 = (t) => process.getBuiltinModule('node:crypto').createHash('sha256').update(t).digest('hex');
    process.getBuiltinModule('node:fs').writeSync(1, JSON.stringify(r.ok ? { ok: true, length: r.text.length, sha256: sha256(r.text) } : r));
    process.exit(0);
  });`,
];

const outcome = (input: string | Buffer, options: string) => {
  const r = spawnSync(process.execPath, reader(options), { cwd: repo, input, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { ok: boolean; length?: number; sha256?: string; reason?: string };
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('readStdin', () => {
  it('reads input far larger than its first buffer, multi-byte characters across the reads intact', () => {
    const text = `{"content":"${'é—🌰'.repeat(30_000)}"}`;
    expect(outcome(text, '{ maxBytes: 10 * 1024 * 1024, timeoutMs: 3000 }')).toEqual({ ok: true, length: text.length, sha256: sha256(text) });
  });

  it('takes input of exactly the limit and refuses one byte more (too-large)', () => {
    expect(outcome('x'.repeat(40_000), '{ maxBytes: 40_000, timeoutMs: 3000 }')).toMatchObject({ ok: true, length: 40_000 });
    expect(outcome('x'.repeat(40_001), '{ maxBytes: 40_000, timeoutMs: 3000 }')).toEqual({ ok: false, reason: 'too-large' });
    expect(outcome('', '{ maxBytes: 40_000, timeoutMs: 3000 }')).toEqual({ ok: true, length: 0, sha256: sha256('') });
  });

  it('keeps what it read before the descriptor said EAGAIN and reads the rest through the stream', async () => {
    // Touching process.stdin makes libuv set the descriptor non-blocking: the synchronous read gets
    // the first half, then EAGAIN while the writer pauses.
    const child = spawn(process.execPath, reader('{ maxBytes: 1024 * 1024, timeoutMs: 5000 }', 'void process.stdin;'), {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const first = `{"a":"${'1'.repeat(20_000)}`;
    const second = `${'2'.repeat(20_000)}"}`;
    child.stdin.write(first);
    await new Promise((r) => setTimeout(r, 1500));
    child.stdin.end(second);
    await new Promise((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ ok: true, length: first.length + second.length, sha256: sha256(first + second) });
  }, 20_000);
});
