/**
 * The line guard in front of the MCP SDK's stdio transport (scripts/lib/bus/mcp/line-guard.ts):
 * lines within the limit pass as they are, however they are chunked; a longer one is ended at the
 * limit and the rest of it dropped, the next line intact; the request's id is read from where
 * clients write it, never from inside its params.
 */
import { describe, expect, it } from 'vitest';
import { LineGuard, requestIdOf } from '../../scripts/lib/bus/mcp/line-guard.ts';

async function through(limit: number, chunks: string[]): Promise<{ out: string; tooLong: Array<string | number | undefined> }> {
  const tooLong: Array<string | number | undefined> = [];
  const guard = new LineGuard(limit, (id) => tooLong.push(id));
  const out: Buffer[] = [];
  guard.on('data', (d: Buffer) => out.push(d));
  for (const c of chunks) guard.write(Buffer.from(c));
  await new Promise<void>((resolve) => guard.end(resolve));
  return { out: Buffer.concat(out).toString(), tooLong };
}

describe('LineGuard', () => {
  it('passes lines within the limit unchanged, in any chunks', async () => {
    const text = '{"a":1}\n{"b":22}\n{"c":333}\n';
    for (const size of [1, 3, 7, 100]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await through(10, chunks)).toEqual({ out: text, tooLong: [] });
    }
  });

  it('ends a longer line at the limit, drops the rest, and keeps the next line whole', async () => {
    const long = `{"method":"tools/call","params":{"body":"${'x'.repeat(50)}"},"jsonrpc":"2.0","id":7}\n`;
    const r = await through(20, [long.slice(0, 30), long.slice(30), '{"ok":1}\n']);
    expect(r.out).toBe(`${long.slice(0, 20)}\n{"ok":1}\n`);
    expect(r.tooLong).toEqual([7]);
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
