/**
 * `send --thread` into a thread past its turn budget was sent without a word unless the receiver's
 * config.json set turn_budget: a daemon with the default budget (8) then put it in dead-letter
 * (turn_budget), and a reply by hand refused it (review of 2026-12-07). The send now warns against
 * the default budget too (a daemon started with a higher --turn-budget still answers it, so it is
 * sent), and the MCP send tool, which said nothing in either case, warns as the CLI does.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { DEFAULT_TURN_BUDGET } from '../../scripts/lib/bus/config.ts';

const connect = mcpToolCallers();

/** A thread of @gemini's holding DEFAULT_TURN_BUDGET requests: the next one is past the budget. */
async function fullThread(): Promise<{ root: string; thread: string }> {
  const { root } = makeBusWithRuntimes();
  const first = await sendMessage({ root, to: 'gemini', from: 'human', body: 'turn 1' });
  for (let turn = 2; turn <= DEFAULT_TURN_BUDGET; turn++) {
    const r = await dispatch(root, ['send', '@gemini', `turn ${turn}`, '--thread', first.thread]);
    expect(r.stderr, `turn ${turn}`).not.toContain('turn budget');
  }
  return { root, thread: first.thread };
}

describe('send into a thread past the default turn budget', () => {
  it('dispatch send warns before sending, naming the way on', async () => {
    const { root, thread } = await fullThread();
    const r = await dispatch(root, ['send', '@gemini', 'one more', '--thread', thread]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `warning: turn 9 of thread ${thread} is past the default turn budget of 8: a daemon serving @gemini puts this message in dead-letter unless it runs with a higher --turn-budget, and a reply by hand refuses it; send it without --thread to start a new thread\n`,
    );
  });

  it('the MCP send tool gives the same warning', async () => {
    const { root, thread } = await fullThread();
    const call = await connect(root, '@human');
    const r = await call('send', { to: '@gemini', body: 'one more', thread });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { warning?: string }).warning).toContain(
      `turn 9 of thread ${thread} is past the default turn budget of 8: a daemon serving @gemini puts this message in dead-letter unless it runs with a higher --turn-budget, and a reply by hand refuses it; call send without thread to start a new thread`,
    );
  });
});
