/**
 * The MCP wait tool on answers an agent may meet from foreign writers: an empty body, bytes that
 * are not UTF-8, a NUL. Each comes back at once as one JSON result (its text the same object), the
 * answer's text under untrusted.body, nothing in our own fields.
 */
import { mcpInProcess } from './mcp-in-process.ts';
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { makeBusWithRuntimes } from './helpers.ts';

describe('the MCP wait tool and odd answers', () => {
  it('empty, not UTF-8 (read as latin1, nothing lost) and NUL bodies: valid results, text in untrusted.body, no stall', async () => {
    const { root } = makeBusWithRuntimes();
    const { client, close } = await mcpInProcess(root, 'human');
    const outbox = receiverPaths(root, 'claude').outbox;
    const cases: { body: Buffer; blank: boolean; expected: string }[] = [
      { body: Buffer.alloc(0), blank: true, expected: '' },
      { body: Buffer.alloc(0), blank: false, expected: '' }, // headers only, no blank line
      // Controls (a C1 in the latin1 text, NULs) as visible escapes (mcp-unseen-characters.test.ts).
      { body: Buffer.from([0xff, 0xfe, 0x80, 0x41, 0xc3, 0x28]), blank: true, expected: '\u00ff\u00fe\\x80A\u00c3(' },
      { body: Buffer.from('a\0b\0\nline2'), blank: true, expected: 'a\\x00b\\x00\nline2' },
    ];
    try {
      for (const c of cases) {
        const sent = (await client.callTool({ name: 'send', arguments: { to: '@claude', body: 'q' } })) as unknown as { structuredContent: { id: string } };
        const id = sent.structuredContent.id;
        mkdirSync(outbox, { recursive: true });
        const head = `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${id}\n# In-Reply-To: ${id}\n${c.blank ? '\n' : ''}`;
        writeFileSync(join(outbox, messageFileName(newMessageId())), Buffer.concat([Buffer.from(head), c.body]));
        const t0 = Date.now();
        const r = (await client.callTool({ name: 'wait', arguments: { id, timeout_s: 5 } })) as unknown as {
          isError?: boolean;
          structuredContent: Record<string, any>;
          content: { text: string }[];
        };
        expect(Date.now() - t0).toBeLessThan(2_000);
        expect(r.isError).toBeUndefined();
        expect(JSON.parse(r.content[0]!.text)).toEqual(r.structuredContent);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r); // what a JSON-RPC line carries
        expect(r.structuredContent).toMatchObject({ ok: true, status: 'answered', request_id: id, untrusted: { body: c.expected } });
        // Text that is not what the bytes meant says so, outside the sender's text: only there.
        if (c.body.includes(0xff)) expect(r.structuredContent.problem).toMatch(/not valid UTF-8.*latin1/);
        else expect(r.structuredContent.problem).toBeUndefined();
      }
    } finally {
      await close();
    }
  });
});
