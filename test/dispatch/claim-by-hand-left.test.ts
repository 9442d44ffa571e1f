/**
 * A claim made with `dispatch claim @R ID` is held by no process (owner `hand`: the command exits
 * at once), so nothing can tell one a session left (it ended) from one a session still answers.
 * Reply answered it all the same, but `inbox` said only "1 being handled" and `claim @R ID` refused
 * it ("claimed in @claude's processing/ (being handled)", no way on), while the skill says a
 * message an earlier session claimed and left is taken back by claim (review of 2026-12-07). A
 * by-hand claim is now any by-hand caller's, as reply already took it: `claim @R ID` takes it over
 * with a fresh lease, saying so, `inbox` names such claims with that command, and `show` too.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch, filesIn, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { parseClaimFileName } from '../../scripts/lib/bus/claims.ts';
import { claimMessage } from '../../scripts/lib/bus/query.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const connect = mcpToolCallers();

/** A message to @claude claimed by hand in a session that has since ended (the claim's process exited). */
async function claimedByHand() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'a question' });
  const first = await dispatch(root, ['claim', '@claude', sent.id]);
  expect(first.status).toBe(0);
  const paths = receiverPaths(root, 'claude');
  const [name] = filesIn(paths.processing);
  return { root, paths, id: sent.id, deadline: parseClaimFileName(name!)!.deadline };
}

describe('a claim made by hand, its session ended', () => {
  it('inbox names it as claimed by hand, with the claim that takes it over', async () => {
    const { root, id } = await claimedByHand();
    const r = await dispatch(root, ['inbox', '@claude']);
    expect(r.stdout).toContain(`no messages waiting for @claude (1 being handled; 1 of them claimed by hand: 'dispatch claim @claude ${id}' takes it over`);
    const json = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(json).toMatchObject({ processing: 1, gone_claims: 0, hand_claims: [{ id }] });
  });

  it('claim ID takes it over with a fresh lease, saying so; reply then answers it', async () => {
    const { root, paths, id, deadline } = await claimedByHand();
    const r = await dispatch(root, ['claim', '@claude', id]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^took over msg-${id}, claimed by hand before \\(lease until [^)]+\\): answer it here`));
    expect(r.stdout).toContain(`claimed msg-${id} for @claude (lease until`);
    const names = readdirSync(paths.processing);
    expect(names).toHaveLength(1);
    const now = parseClaimFileName(names[0]!)!;
    expect(now.owner).toBe('hand');
    expect(now.deadline).toBeGreaterThanOrEqual(deadline);
    const json = JSON.parse((await dispatch(root, ['claim', '@claude', id, '--json'])).stdout);
    expect(json).toMatchObject({ claimed: true, id, took_over: { owner: 'hand' } });
    const reply = await dispatch(root, ['reply', id, 'an answer', '--as', '@claude']);
    expect(reply.status, reply.stderr).toBe(0);
  });

  it('show says it is claimed by hand, and how to take it over', async () => {
    const { root, id } = await claimedByHand();
    const r = await dispatch(root, ['show', id]);
    expect(r.stdout).toContain(`msg-${id}: claimed by hand in @claude's processing/ (being handled, lease until `);
    expect(r.stdout).toContain(`; 'dispatch claim @claude ${id}' takes it over, should the session that claimed it have ended)`);
  });

  it('the MCP claim tool takes it over too (its reply answered it already)', async () => {
    const { root, paths, id } = await claimedByHand();
    const call = await connect(root, '@claude');
    const listed = await call('inbox', { receiver: '@claude' });
    expect(listed.structuredContent).toMatchObject({ hand_claims: [{ id }] });
    const claimed = await call('claim', { receiver: '@claude', id });
    expect(claimed.isError, JSON.stringify(claimed.structuredContent)).toBeFalsy();
    expect(claimed.structuredContent).toMatchObject({ claimed: true, id, took_over: { owner: 'hand' } });
    expect(parseClaimFileName(filesIn(paths.processing)[0]!)!.owner).toMatch(/^m\d+h/);
    expect((await call('reply', { id, body: 'an answer' })).isError).toBeFalsy();
  });

  it('a claim a live MCP session holds is still refused to a claim by hand', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'q' });
    const call = await connect(root, '@claude');
    expect((await call('claim', { receiver: '@claude', id: sent.id })).structuredContent).toMatchObject({ claimed: true });
    const r = await claimMessage(root, 'claude', { id: sent.id });
    expect(r.claimed).toBe(false);
  });
});
