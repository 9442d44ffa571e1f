/**
 * `send -` and `reply -` read their text from stdin: bytes that are not UTF-8 were replaced by
 * U+FFFD and the altered text sent with success reported, and stdin was read whole, however large,
 * before max_bytes was looked at. Now such text is refused (not_utf8), reading stops past the bus's
 * message limit (too_large), nothing is sent either way, and a terminal is told how to end the text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { readStdinText, type ByteSource } from '../../scripts/lib/bus/stdin-text.ts';
import { AliveError } from '../../scripts/lib/errors.ts';
import { bundle, makeBus } from './helpers.ts';

/** `bytes` handed out in reads of at most `step`, counting what was read. */
function source(bytes: Buffer, isTTY = false, step = 1000): ByteSource & { taken: () => number } {
  let at = 0;
  return {
    isTTY,
    read: (into) => {
      const n = Math.min(step, into.length, bytes.length - at);
      bytes.copy(into, 0, at, at + n);
      at += n;
      return n;
    },
    taken: () => at,
  };
}

function refusal(fn: () => unknown): AliveError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AliveError);
    return err as AliveError;
  }
  throw new Error('expected a refusal');
}

const LATIN1_DIFF = Buffer.from('-caf\xe9\n+caf\xe9s\n', 'latin1');

describe('the text of send - and reply -', () => {
  it('is the UTF-8 text as it came, saying nothing when stdin is not a terminal', () => {
    const said: string[] = [];
    expect(readStdinText('message', (l) => said.push(l), source(Buffer.from('café ✓\n')))).toBe('café ✓\n');
    expect(said).toEqual([]);
  });

  it('on a terminal, one line on stderr first says how to end it', () => {
    const said: string[] = [];
    readStdinText('answer', (l) => said.push(l), source(Buffer.from('hi'), true));
    expect(said).toEqual(['reading the answer from stdin; end it with Ctrl-D']);
  });

  it('that is not UTF-8 is refused, saying what was wrong and what to do', () => {
    const err = refusal(() => readStdinText('message', () => {}, source(LATIN1_DIFF)));
    expect(err.code).toBe('not_utf8');
    expect(err.message).toMatch(/not UTF-8 text.*nothing was sent.*iconv/);
  });

  it('takes memory as large as the text, however it trickles in (a reader held a 64 KiB buffer per read)', () => {
    const line = Buffer.from('line of twenty byte\n');
    const text = Buffer.concat(Array.from({ length: 4000 }, () => line));
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const src = source(text, false, line.length);
    const read = src.read;
    src.read = (into) => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      return read(into);
    };
    expect(readStdinText('message', () => {}, src)).toBe(text.toString());
    // 80 KB of text: a few MB at most, never 4,000 buffers of 64 KiB (250 MB).
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('is read no further than the limit: too_large', () => {
    const big = source(Buffer.alloc(10_000, 'a'));
    const err = refusal(() => readStdinText('message', () => {}, big, 4096));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/larger than the bus's limit of 4096 bytes.*nothing was sent/);
    expect(big.taken()).toBeLessThanOrEqual(4097);
    expect(readStdinText('message', () => {}, source(Buffer.alloc(4096, 'a')), 4096)).toHaveLength(4096);
  });
});

describe('dispatch send - with latin1 bytes on stdin', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundle('scripts/dispatch.ts');
  });

  it('sends nothing and says why (exit 1, not_utf8)', () => {
    const { root, env } = makeBus();
    // Bytes, not a string: runCli would write its input as UTF-8.
    const r = spawnSync(process.execPath, [cli, 'send', '@claude', '-', '--create', '--json'], { env, cwd: env.HOME, input: LATIN1_DIFF, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'not_utf8' } });
    const inbox = join(root, 'runtimes', 'claude', 'inbox');
    expect(existsSync(inbox) ? readdirSync(inbox) : []).toEqual([]);
  });
});

/**
 * `send -` read its stdin before it looked at the receiver: a mistyped receiver was named only after
 * the whole message had been typed (or a pipe that never ends held it for ever), and stdin was read
 * up to the bus's 64 MiB whatever the receiver's max_bytes. The receiver is checked first, and stdin
 * is read no further than its limit.
 */
describe('dispatch send - checks the receiver before it reads stdin', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundle('scripts/dispatch.ts');
  });

  /** Runs `args` with a stdin pipe fed in 64 KiB writes until the process ends; what it accepted. */
  function runFeeding(args: string[], env: NodeJS.ProcessEnv, feedBytes: number): Promise<{ status: number | null; stdout: string; accepted: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { env, cwd: env.HOME, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let accepted = 0;
      let ended = false;
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stdin.on('error', () => {});
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const feed = () => {
        while (!ended && accepted < feedBytes) {
          accepted += chunk.length;
          if (!child.stdin.write(chunk)) return void child.stdin.once('drain', feed);
        }
        // Never ended when feedBytes is Infinity: the process must not wait for the end of stdin.
        if (!ended && accepted >= feedBytes) child.stdin.end();
      };
      feed();
      // A process that waits for stdin's end is killed: the test fails, it does not hang.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        ended = true;
        resolve({ status, stdout, accepted });
      });
    });
  }

  it('a receiver that does not exist is refused at once, with stdin left open and unread (unknown_receiver)', async () => {
    const { root, env } = makeBus();
    mkdirSync(join(root, 'runtimes', 'claude'), { recursive: true });
    const r = await runFeeding(['send', '@cluade', '-', '--json'], env, Number.POSITIVE_INFINITY);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'unknown_receiver' } });
  });

  it('a --thread that starts two threads is refused at once, with stdin left open and unread (ambiguous)', async () => {
    const { root, env } = makeBus();
    for (const thread of ['019ae000-0000-7000-8000-000000000001', '019ae000-0000-7000-8000-000000000002'])
      await sendMessage({ root, to: 'claude', from: 'tester', body: 'earlier', thread });
    const r = await runFeeding(['send', '@claude', '-', '--thread', '019ae000-0000', '--json'], env, Number.POSITIVE_INFINITY);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
  });

  it('reply - with an id that is on no message is refused at once, with stdin left open and unread', async () => {
    const { root, env } = makeBus();
    mkdirSync(join(root, 'runtimes', 'claude', 'inbox'), { recursive: true });
    const r = await runFeeding(['reply', '20261206T000000000Z-0001-abcd', '-', '--json'], env, Number.POSITIVE_INFINITY);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false });
    expect(JSON.parse(r.stdout).error.code).not.toBe('too_large');
  });

  it("stdin is read no further than the receiver's max_bytes (too_large), and nothing is sent", async () => {
    const { root, env } = makeBus();
    const dir = join(root, 'runtimes', 'claude');
    mkdirSync(join(dir, 'inbox'), { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ max_bytes: 1000 }));
    const r = await runFeeding(['send', '@claude', '-', '--json'], env, 32 * 1024 * 1024);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(JSON.parse(r.stdout).error.message).toMatch(/limit of 1000 bytes/);
    // The pipe's buffer and a few writes, not the 32 MiB offered.
    expect(r.accepted).toBeLessThan(4 * 1024 * 1024);
    expect(readdirSync(join(dir, 'inbox'))).toEqual([]);
  });
});
