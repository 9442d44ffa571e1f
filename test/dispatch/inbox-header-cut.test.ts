/**
 * The MCP inbox cut a 100,000-character From header without a `cut` field, where `dispatch inbox
 * --json` gives `cut: {from: {bytes, shown_bytes}}` (the README says both give it). And when a
 * file's header block runs past the 64 KiB a listing reads, both gave thread null and summary ""
 * without saying the rest was not read.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';

const connect = mcpToolCallers();

function plant(root: string, text: string): string {
  const id = newMessageId();
  const { inbox } = receiverPaths(root, 'claude');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, `msg-${id}.hw`), text);
  return id;
}

type Entry = { untrusted: { from: string | null; thread: string | null; summary: string }; cut?: Record<string, unknown>; note?: string };

async function listed(root: string): Promise<{ mcp: Entry; cli: Entry }> {
  const call = await connect(root, '@claude');
  const mcp = ((await call('inbox', { receiver: 'claude' })).structuredContent as { messages: Entry[] }).messages[0]!;
  const cli = (JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout) as { messages: Entry[] }).messages[0]!;
  return { mcp, cli };
}

describe('inbox: what a listing left out is said', () => {
  it('a From header of 10,000 characters: cut.from in the MCP inbox, as in dispatch inbox --json', async () => {
    const { root } = makeBusWithRuntimes();
    plant(root, `# HelloWorld Message\n# From: @${'a'.repeat(10_000)}\n# Thread: t1\n\nhello\n`);
    const { mcp, cli } = await listed(root);
    for (const e of [mcp, cli]) {
      expect(e.cut).toEqual({ from: { bytes: 10_001, shown_bytes: expect.any(Number) } });
      expect(e.untrusted.thread).toBe('t1');
      expect(e.untrusted.summary).toBe('hello');
      expect(e.note).toBeUndefined();
    }
  });

  it('a From header of 100,000 characters, past what a listing reads: cut.from, and cut.file with a note', async () => {
    const { root } = makeBusWithRuntimes();
    plant(root, `# HelloWorld Message\n# From: @${'a'.repeat(100_000)}\n# Thread: t1\n\nhello\n`);
    const { mcp, cli } = await listed(root);
    for (const e of [mcp, cli]) {
      expect(e.cut).toMatchObject({ from: { shown_bytes: expect.any(Number) }, file: { read_bytes: 65_536 } });
      expect(e.note).toMatch(/^its header block runs past the first 65536 bytes/);
    }
  });

  it('a header block past the 64 KiB a listing reads: cut.file and a note, in both', async () => {
    const { root } = makeBusWithRuntimes();
    const filler = Array.from({ length: 2000 }, (_, i) => `# X-Pad-${i}: ${'p'.repeat(40)}`).join('\n');
    const id = plant(root, `# HelloWorld Message\n# From: @human\n${filler}\n# Thread: late-thread\n\nthe body\n`);
    const { mcp, cli } = await listed(root);
    for (const e of [mcp, cli]) {
      expect(e.untrusted.thread).toBeNull();
      expect(e.cut).toMatchObject({ file: { read_bytes: 65_536, bytes: expect.any(Number) } });
      expect(e.note).toMatch(/^its header block runs past the first 65536 bytes, all that a listing reads of it/);
      // The next step names the message, as a command one can copy.
      expect(e.note).toContain(`'dispatch show ${id}' reads the whole file`);
    }
  });

  it('a long body, even one line of it, or one after headers without a blank line: nothing more', async () => {
    for (const text of [
      `# HelloWorld Message\n# From: @human\n# Thread: t\n\n${'b'.repeat(100_000)}\n`,
      `# HelloWorld Message\n# From: @human\n# Thread: t\n\n${'line\n'.repeat(30_000)}`,
      `# HelloWorld Message\n# From: @human\n# Thread: t\nno blank line ${'c'.repeat(100_000)}\n`,
    ]) {
      const { root } = makeBusWithRuntimes();
      plant(root, text);
      const { mcp, cli } = await listed(root);
      for (const e of [mcp, cli]) {
        expect(e.cut).toBeUndefined();
        expect(e.note).toBeUndefined();
        expect(e.untrusted.thread).toBe('t');
      }
    }
  });
});
