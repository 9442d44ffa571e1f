/**
 * The line guard in front of the MCP SDK's stdio transport (scripts/lib/bus/mcp/line-guard.ts):
 * lines within the limit pass as they are, however they are chunked; a longer one is ended at the
 * limit and the rest of it dropped, the next line intact; the request's id is read from where
 * clients write it, never from inside its params.
 */
import { describe, expect, it } from 'vitest';
import { LineGuard, requestIdOf } from '../../scripts/lib/bus/mcp/line-guard.ts';

/** What the guard passes on (`pieces`: each piece as it was passed) and the ids of lines it found too long. */
async function through(limit: number, chunks: string[]): Promise<{ out: string; pieces: string[]; tooLong: Array<string | number | undefined> }> {
  const tooLong: Array<string | number | undefined> = [];
  const guard = new LineGuard(limit, (id) => tooLong.push(id));
  const out: Buffer[] = [];
  guard.on('data', (d: Buffer) => out.push(d));
  for (const c of chunks) guard.write(Buffer.from(c));
  await new Promise<void>((resolve) => guard.end(resolve));
  return { out: Buffer.concat(out).toString(), pieces: out.map((b) => b.toString()), tooLong };
}

describe('LineGuard', () => {
  it('passes lines within the limit unchanged, in any chunks', async () => {
    const text = '{"a":1}\n{"b":22}\n{"c":333}\n';
    for (const size of [1, 3, 7, 100]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await through(10, chunks)).toMatchObject({ out: text, tooLong: [] });
    }
  });

  // The SDK's read buffer copies all it holds at each piece it is given: a 10 MiB line passed on
  // in the 64 KiB pieces stdin reads cost the server 0.9 s of CPU.
  it('passes each line on in one piece, however many it came in; what is left at the end as it is', async () => {
    const text = '{"a":1}\n{"b":22}\n{"c":333}\n';
    const r = await through(10, [...text, '{"d"']);
    expect(r.pieces).toEqual(['{"a":1}\n', '{"b":22}\n', '{"c":333}\n', '{"d"']);
    const long = `{"method":"tools/call","params":{"body":"${'x'.repeat(50)}"},"jsonrpc":"2.0","id":7}\n`;
    expect((await through(20, [long.slice(0, 5), long.slice(5, 12), long.slice(12), '{"ok":1}', '\n'])).pieces).toEqual([
      `${long.slice(0, 20)}\n`,
      '{"ok":1}\n',
    ]);
  });

  it('ends a longer line at the limit, drops the rest, and keeps the next line whole', async () => {
    const long = `{"method":"tools/call","params":{"body":"${'x'.repeat(50)}"},"jsonrpc":"2.0","id":7}\n`;
    const r = await through(20, [long.slice(0, 30), long.slice(30), '{"ok":1}\n']);
    expect(r.out).toBe(`${long.slice(0, 20)}\n{"ok":1}\n`);
    expect(r.tooLong).toEqual([7]);
  });

  // The guard holds a line's pieces until its newline: a line past the limit must not be held to
  // its end (a client's line of gigabytes, or one with no newline at all).
  it('passes a longer line on, cut, as soon as it crosses the limit, before its newline comes', async () => {
    const guard = new LineGuard(20, () => {});
    const pieces: string[] = [];
    guard.on('data', (d: Buffer) => pieces.push(d.toString()));
    guard.write(Buffer.from('{"method":"x","params":'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pieces).toEqual(['{"method":"x","param\n']);
    for (let i = 0; i < 100; i++) guard.write(Buffer.from('y'.repeat(1000)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pieces).toEqual(['{"method":"x","param\n']);
    guard.end();
  });
});

describe('requestIdOf', () => {
  it('reads an id written last (the SDK) or first (after jsonrpc), a number or a string', () => {
    expect(requestIdOf('{"method":"x","params":{', '"},"jsonrpc":"2.0","id":12}\n')).toBe(12);
    expect(requestIdOf('{"jsonrpc":"2.0","id":"req-\\"1","method":"x"', 'zz"}}')).toBe('req-"1');
    expect(requestIdOf('{"id":3,"jsonrpc":"2.0"', '"}}')).toBe(3);
  });

  it('never takes an id from inside the params, and none that is not a safe number or a string', () => {
    expect(requestIdOf('{"method":"tools/call","params":{"arguments":{"id":"msg-1"', '"id":"msg-2"}}}')).toBeUndefined();
    expect(requestIdOf('{"jsonrpc":"2.0","method":"x","params":{"id":5', '}}')).toBeUndefined();
    expect(requestIdOf('{', '"id":1e400}')).toBeUndefined();
    expect(requestIdOf('{', '"id":99999999999999999999}')).toBeUndefined();
  });
});
