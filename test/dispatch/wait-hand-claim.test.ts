/**
 * A wait on a request that its receiver's session claimed by hand (`dispatch claim @R ID`: owner
 * `hand`, no process to ask) said "'dispatch claim @gemini ID' takes it over": to the sender, who
 * waits for the answer and is not @gemini. A wait (dispatch wait, send --wait, the MCP wait tool)
 * now says it is being answered by hand, and that taking it over is its receiver's claim, in the
 * caller's words (the MCP tool names the claim call). show, inbox and claim, read by the
 * receiver's side, keep "… takes it over" (claim-by-hand-left.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

const connect = mcpToolCallers();

/** A request of @claude's to @gemini, claimed by hand on @gemini's side. */
async function claimedByHand() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'a question' });
  expect((await dispatch(root, ['claim', '@gemini', sent.id])).status).toBe(0);
  return { root, id: sent.id };
}

describe('a wait on a request claimed by hand', () => {
  it('dispatch wait: being answered by hand; taking it over is the receiver claim, not the waiting sender', async () => {
    const { root, id } = await claimedByHand();
    const r = await dispatch(root, ['wait', id, '--timeout', '0.1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the request is claimed by hand in @gemini's processing/ (being answered by hand, lease until `);
    expect(r.stderr).toContain(
      `should the session that claimed it have ended, its receiver takes it over with 'dispatch claim @gemini ${id}' (a claim for @gemini to make, not for whoever waits for the answer)`,
    );
    expect(r.stderr).not.toContain(`'dispatch claim @gemini ${id}' takes it over`);
    // show, read on the receiver's side, still names the claim that takes it over.
    expect((await dispatch(root, ['show', id])).stdout).toContain(
      `'dispatch claim @gemini ${id}' takes it over, should the session that claimed it have ended`,
    );
  });

  it('the MCP wait tool: the same, naming the claim tool call, never dispatch claim', async () => {
    const { root, id } = await claimedByHand();
    const call = await connect(root, '@claude');
    const r = await call('wait', { id, timeout_s: 0.1 });
    const message = (r.structuredContent as { message: string }).message;
    expect(message).toContain(`claimed by hand in @gemini's processing/ (being answered by hand, lease until `);
    expect(message).toContain(
      `its receiver takes it over with claim {"receiver": "@gemini", "id": "${id}"} (a claim for @gemini to make, not for whoever waits for the answer)`,
    );
    expect(message).not.toContain('dispatch claim');
  });
});
