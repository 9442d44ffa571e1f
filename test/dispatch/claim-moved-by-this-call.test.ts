/**
 * A claim by id of a file that is not UTF-8: the claim moves it to dead-letter, then said "it is in
 * @claude's dead-letter" (not_found), as if it had been there before; the reason (not_utf8) was only
 * in a structured field. The refusal says this claim found it unreadable and moved it there.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';

const connect = mcpToolCallers();

function plantNotUtf8(root: string): string {
  const id = newMessageId();
  const { inbox } = receiverPaths(root, 'claude');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, `msg-${id}.hw`), Buffer.from('# HelloWorld Message\n# From: @human\n\n\xff\xfe bad\n', 'latin1'));
  return id;
}

const MOVED = (id: string) =>
  `cannot claim msg-${id}: this claim found it unreadable (its text is not UTF-8) and moved it to @claude's dead-letter (code not_utf8); 'dispatch dead-letter @claude' shows why, and 'dispatch retry ${id}' puts it back once it is fixed`;

describe('a claim by id that moves the message to dead-letter itself', () => {
  it('the MCP claim tool says this call found it unreadable and moved it there', async () => {
    const { root } = makeBusWithRuntimes();
    const id = plantNotUtf8(root);
    const call = await connect(root, '@claude');
    const r = await call('claim', { receiver: 'claude', id });
    expect(r.isError).toBe(true);
    // The same words, the way on as tool calls (mcp-tool-words.test.ts).
    expect(r.content[0]!.text).toBe(
      `error: ${MOVED(id).replace(`'dispatch dead-letter @claude'`, 'dead_letters {"receiver": "@claude"}').replace(`'dispatch retry ${id}'`, `retry {"id": "${id}"}`)}`,
    );
    expect(r.structuredContent).toMatchObject({ error: { code: 'not_found' }, dead_lettered: [{ id, code: 'not_utf8' }] });
  });

  it('dispatch claim says the same', async () => {
    const { root } = makeBusWithRuntimes();
    const id = plantNotUtf8(root);
    const r = await dispatch(root, ['claim', '@claude', id]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${MOVED(id)}`);
  });

  it('a message that was in dead-letter before the claim: where it is, as before', async () => {
    const { root } = makeBusWithRuntimes();
    const id = plantNotUtf8(root);
    await dispatch(root, ['claim', '@claude', id]);
    const r = await dispatch(root, ['claim', '@claude', id]);
    expect(r.stderr).toContain(`error: cannot claim msg-${id}: it is in @claude's dead-letter`);
  });
});
