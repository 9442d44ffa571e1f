/**
 * A dead letter of a thread past its turn budget (code turn_budget) goes straight back to
 * dead-letter when retried: the thread's turns stay used. `dispatch wait` said so; the MCP wait and
 * dead_letters tools said to call retry, and `retry` (the command and the tool) put it back
 * without a word, to be dead-lettered again at the next reply.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const connect = mcpToolCallers();

/** A bus where @budget (turn_budget 1) answered turn 1 of a thread and dead-lettered its turn 3. */
async function pastBudget(): Promise<{ root: string; id: string }> {
  const { root } = makeBusWithRuntimes();
  const first = await sendMessage({ root, to: 'budget', from: 'human', body: 'turn 1' });
  writeFileSync(receiverPaths(root, 'budget').config, JSON.stringify({ turn_budget: 1 }));
  await answerMessage(root, 'budget', first.id, 'a1');
  const next = await sendMessage({ root, to: 'budget', from: 'human', body: 'turn 3', thread: first.thread, turn: 3 });
  await expect(answerMessage(root, 'budget', next.id, 'a2')).rejects.toMatchObject({ code: 'turn_budget' });
  return { root, id: next.id };
}

const TOOL_ADVICE = 'call send again without thread to start a new thread';

describe('a dead letter of a thread past its turn budget', () => {
  it('the MCP wait and dead_letters say what the way on is (a new thread), not to call retry', async () => {
    const { root, id } = await pastBudget();
    const call = await connect(root, '@human');
    const waited = (await call('wait', { id, timeout_s: 1, receiver: '@budget' })).structuredContent as { status: string; next: string };
    expect(waited.status).toBe('dead-lettered');
    expect(waited.next).toContain('a retry would go to dead-letter again');
    expect(waited.next).toContain(TOOL_ADVICE);
    expect(waited.next).not.toContain('call retry');
    const listed = (await call('dead_letters', { receiver: '@budget' })).structuredContent as { next: string };
    expect(listed.next).toContain(`not one whose code is turn_budget: the thread has used its turns`);
  });

  it('the MCP retry puts it back and warns that it goes to dead-letter again unless the budget was raised', async () => {
    const { root, id } = await pastBudget();
    const call = await connect(root, '@human');
    const r = (await call('retry', { id, receiver: '@budget' })).structuredContent as { ok: boolean; warning: string };
    expect(r.ok).toBe(true);
    expect(r.warning).toContain("it goes to dead-letter again when it is handled, unless its receiver's turn budget was raised");
    expect(r.warning).toContain(TOOL_ADVICE);
  });

  it('dispatch retry warns the same, in the commands’ words (--json: warning)', async () => {
    const { root, id } = await pastBudget();
    const r = await dispatch(root, ['retry', id]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "warning: the thread has used its turns (the turn budget of the daemon that serves it): it goes to dead-letter again when it is handled, unless its receiver's turn budget was raised; send it again without --thread to start a new thread",
    );
    const again = await pastBudget();
    const json = JSON.parse((await dispatch(again.root, ['retry', again.id, '--json'])).stdout) as { warning: string };
    expect(json.warning).toContain('send it again without --thread');
  });

  it('a dead letter of another code: retry says nothing more', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'budget', from: 'human', body: 'x' });
    const { claimById, deadLetterClaim } = await import('../../scripts/lib/bus/claims.ts');
    deadLetterClaim((await claimById(root, 'budget', sent.id, { owner: 'hand', leaseMs: 60_000 }))!, 'failed', 'agent_failed');
    const r = await dispatch(root, ['retry', sent.id]);
    expect(r.stderr).not.toContain('warning');
  });
});
