/**
 * `dispatch retry @R --all` put back dead letters of a thread past its turn budget (turn_budget)
 * without a word, while the single-id retry and the MCP retry tool warn that they go to
 * dead-letter again unless the budget was raised: --all now warns once, naming how many.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { claimById, deadLetterClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

/** @budget (turn_budget 1) with two dead letters past its budget and one of another code. */
async function bus(): Promise<string> {
  const { root } = makeBusWithRuntimes();
  const first = await sendMessage({ root, to: 'budget', from: 'human', body: 'turn 1' });
  writeFileSync(receiverPaths(root, 'budget').config, JSON.stringify({ turn_budget: 1 }));
  await answerMessage(root, 'budget', first.id, 'a1');
  for (const turn of [3, 5]) {
    const next = await sendMessage({ root, to: 'budget', from: 'human', body: `turn ${turn}`, thread: first.thread, turn });
    await expect(answerMessage(root, 'budget', next.id, 'a')).rejects.toMatchObject({ code: 'turn_budget' });
  }
  const other = await sendMessage({ root, to: 'budget', from: 'human', body: 'x' });
  deadLetterClaim((await claimById(root, 'budget', other.id, { owner: 'hand', leaseMs: 60_000 }))!, 'failed', 'agent_failed');
  return root;
}

describe('dispatch retry @R --all and dead letters past their turn budget', () => {
  it('puts them all back and warns once, naming how many were turn_budget', async () => {
    const root = await bus();
    const r = await dispatch(root, ['retry', '@budget', '--all']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 dead letters of @budget back in its inbox:');
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([
      "warning: 2 of them were dead letters for their thread's turn budget (code turn_budget): the thread has used its turns (the turn budget of the daemon that serves it): it goes to dead-letter again when it is handled, unless its receiver's turn budget was raised; send it again without --thread to start a new thread, or serve @budget with a higher --turn-budget",
    ]);
  });

  it('--json gives the warning', async () => {
    const root = await bus();
    const json = JSON.parse((await dispatch(root, ['retry', '@budget', '--all', '--json'])).stdout) as { count: number; warning: string };
    expect(json.count).toBe(3);
    expect(json.warning).toMatch(/^2 of them were dead letters for their thread's turn budget/);
  });

  it('no warning when none was turn_budget', async () => {
    const { root } = makeBusWithRuntimes();
    const other = await sendMessage({ root, to: 'budget', from: 'human', body: 'x' });
    deadLetterClaim((await claimById(root, 'budget', other.id, { owner: 'hand', leaseMs: 60_000 }))!, 'failed', 'agent_failed');
    const r = await dispatch(root, ['retry', '@budget', '--all']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(JSON.parse((await dispatch(root, ['retry', '@budget', '--all', '--json'])).stdout)).not.toHaveProperty('warning');
  });
});
