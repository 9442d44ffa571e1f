/**
 * The MCP inbox paged by offset skipped messages when the agent claimed between pages: page 1
 * (limit 1) gave m1 and next_offset 1; m1 claimed; page 2 at offset 1 gave m3, m2 never shown.
 * `after` (the id of the last message seen; each page gives next_after) pages so that claims do
 * not shift it.
 */
import { describe, expect, it } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

const connect = mcpToolCallers();

type Listed = { messages: { id: string }[]; truncated: boolean; next_after?: string; next_offset?: number; total: number };

async function threeWaiting() {
  const { root } = makeBusWithRuntimes();
  const ids: string[] = [];
  for (const body of ['one', 'two', 'three']) ids.push((await sendMessage({ root, to: 'claude', from: 'human', body })).id);
  return { root, ids };
}

describe('MCP inbox: paging with after', () => {
  it('an agent that claims each message it is shown sees every one', async () => {
    const { root, ids } = await threeWaiting();
    const call = await connect(root, '@claude');
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const r = (await call('inbox', { receiver: '@claude', limit: 1, ...(after === undefined ? {} : { after }) })).structuredContent as Listed;
      for (const m of r.messages) {
        seen.push(m.id);
        expect((await call('claim', { receiver: '@claude', id: m.id })).structuredContent).toMatchObject({ claimed: true });
      }
      if (!r.truncated) break;
      // Past the first page, offsets would count from after: only next_after is given.
      if (after !== undefined) expect(r.next_offset).toBeUndefined();
      expect(r.total).toBe(3 - seen.length + 1);
      after = r.next_after;
      expect(after).toBe(seen.at(-1));
    }
    expect(seen).toEqual(ids);
  });

  it('the first page gives next_after beside next_offset; after a message still waiting lists those after it', async () => {
    const { root, ids } = await threeWaiting();
    const call = await connect(root, '@claude');
    const first = (await call('inbox', { receiver: '@claude', limit: 1 })).structuredContent as Listed;
    expect(first).toMatchObject({ truncated: true, next_offset: 1, next_after: ids[0], total: 3 });
    const rest = (await call('inbox', { receiver: '@claude', after: ids[0] })).structuredContent as Listed;
    expect(rest.messages.map((m) => m.id)).toEqual(ids.slice(1));
    expect(rest).toMatchObject({ truncated: false, total: 3 });
  });

  it('after an id that is no message id is refused', async () => {
    const { root } = await threeWaiting();
    const call = await connect(root, '@claude');
    const r = await call('inbox', { receiver: '@claude', after: '../x' });
    expect(r.isError).toBe(true);
  });
});
