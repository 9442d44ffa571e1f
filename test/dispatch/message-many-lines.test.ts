/**
 * parseMessage split a whole message file into an array of its lines, and sliced and joined that
 * array three times more: a file any bus writer plants in an inbox, its headers followed by 62 MiB
 * of CRLF (31 million empty lines, under the 64 MiB the bus reads), held an MCP server's event loop
 * 6-26 s in show, thread and wait, with 1.4-3.4 GB of heap, and a server with a 1 GB heap died,
 * taking every tool with it (an attack review of 2026-12-07). Lines are now read from the top only
 * as far as the header block goes, and the body is cut out of the text. The reader runs in a child
 * with a 128 MB heap: a file of 12 million lines cannot be read there as an array.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { childModules } from '../support/child-modules.ts';

const bundled = childModules();
let messageModule = '';
beforeAll(async () => {
  messageModule = await bundled('scripts/lib/bus/message.ts');
});

function parseInSmallHeap(textJs: string): { status: number | null; stdout: string; stderr: string } {
  const body = `
    const { parseMessage } = await import(${JSON.stringify(messageModule)});
    const m = parseMessage(${textJs});
    console.log(JSON.stringify({ from: m.from, body: m.body.length, context: m.context, flags: m.flags }));`;
  const r = spawnSync(process.execPath, ['--max-old-space-size=128', '--input-type=module', '-e', body], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.slice(-1500) };
}

describe('a message of millions of lines', () => {
  it('is read in a heap far smaller than an array of its lines: headers, an empty body and its context', () => {
    const r = parseInSmallHeap(`'# HelloWorld Message\\r\\n# From: @mallory\\r\\n\\r\\n' + '\\r\\n'.repeat(12 * 1024 * 1024) + '# Context\\r\\nctx\\r\\n'`);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ from: '@mallory', body: 0, context: 'ctx', flags: ['crlf'] });
  });

  it('a body of millions of short lines is kept whole, its blank lines around it dropped', () => {
    const r = parseInSmallHeap(`'# HelloWorld Message\\n# From: @a\\n\\n' + '\\n'.repeat(1000) + 'x\\n'.repeat(6 * 1024 * 1024) + '\\n \\n'`);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: '@a', body: 2 * 6 * 1024 * 1024 - 1 });
  });
});
