/**
 * A mistyped receiver (`@copiolt`) in the MCP dead_letters and status tools: both answered ok with
 * nothing in it, where inbox, claim and the CLI say "there is no receiver @copiolt …; did you mean
 * @copilot?" with `suggestion`.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

const connect = mcpToolCallers();

describe('dispatch mcp: a receiver nobody has', () => {
  for (const tool of ['dead_letters', 'status', 'inbox']) {
    it(`${tool} {receiver: "@copiolt"}: says there is none and names @copilot, as dispatch says it`, async () => {
      const { root } = makeBusWithRuntimes();
      await sendMessage({ root, to: 'copilot', from: 'human', body: 'hi' });
      const call = await connect(root, '@human');
      const r = await call(tool, { receiver: '@copiolt' });
      expect(r.isError).not.toBe(true);
      const cli = JSON.parse((await dispatch(root, ['inbox', '@copiolt', '--json'])).stdout) as { note: string; suggestion: string };
      expect(cli.note).toMatch(/^there is no receiver @copiolt \(no .*\); did you mean @copilot\?$/);
      expect(r.structuredContent).toMatchObject({ ok: true, note: cli.note, suggestion: '@copilot' });
    });
  }

  it('a receiver that is there is not noted', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'copilot', from: 'human', body: 'hi' });
    const call = await connect(root, '@human');
    for (const tool of ['dead_letters', 'status']) {
      const r = await call(tool, { receiver: 'copilot' });
      expect(r.structuredContent, tool).not.toHaveProperty('note');
      expect(r.structuredContent, tool).not.toHaveProperty('suggestion');
    }
  });
});
