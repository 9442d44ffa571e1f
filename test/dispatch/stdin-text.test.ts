/**
 * `send -` and `reply -` read their text from stdin: bytes that are not UTF-8 were replaced by
 * U+FFFD and the altered text sent with success reported, and stdin was read whole, however large,
 * before max_bytes was looked at. Now such text is refused (not_utf8), reading stops past the bus's
 * message limit (too_large), nothing is sent either way, and a terminal is told how to end the text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
