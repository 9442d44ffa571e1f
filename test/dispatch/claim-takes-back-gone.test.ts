/**
 * A claim left by an MCP session that ended (or a daemon killed with -9) could not be claimed again:
 * `dispatch claim @claude ID` and the MCP claim tool said to start 'dispatch serve @claude' (a paid
 * headless agent) or wait out the 30-minute lease, while `dispatch reply` took it over. A claim now
 * takes back a claim whose holder is gone, and says so; one a live process holds stays refused.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { claimNext } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

const connect = mcpToolCallers();

/** A bus with one message to @claude, claimed by `owner` (a 10-minute lease). */
async function heldBy(owner: string): Promise<{ root: string; id: string }> {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'please summarise' });
  await claimNext(root, 'claude', { owner, leaseMs: 600_000 });
  return { root, id: sent.id };
}

const gonePid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('claim: a claim whose holder is gone', () => {
  it('dispatch claim @claude ID takes it back from an MCP session that ended, and says so', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`m${gone}h${hostTag()}x0a1b2c3d`);
    const c = await dispatch(root, ['claim', '@claude', id]);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toContain(`took back msg-${id} from an MCP session that is gone (pid ${gone})`);
    expect(c.stdout).toContain(`claimed msg-${id} for @claude`);
    const r = await dispatch(root, ['reply', id, 'a summary', '--as', '@claude']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('dispatch claim @claude (the oldest) takes back a daemon-killed claim, and --json names it', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`p${gone}h${hostTag()}`);
    const c = await dispatch(root, ['claim', '@claude', '--json']);
    expect(c.status, c.stderr).toBe(0);
    const j = JSON.parse(c.stdout);
    expect(j).toMatchObject({ claimed: true, id, took_back: [{ id, holder_gone_kind: 'daemon', holder_gone_pid: gone }] });
  });

  it('the MCP claim tool takes it back too', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`m${gone}h${hostTag()}x0a1b2c3d`);
    const call = await connect(root, '@claude');
    const r = await call('claim', { receiver: '@claude', id });
    expect(r.isError, JSON.stringify(r.structuredContent)).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ claimed: true, id, took_back: [{ id, holder_gone_kind: 'session', holder_gone_pid: gone }] });
    const reply = await call('reply', { id, body: 'a summary' });
    expect(reply.isError, JSON.stringify(reply.structuredContent)).toBeFalsy();
  });

  it('a claim a live MCP session holds stays refused, and nothing moves', async () => {
    const { root, id } = await heldBy(`m${process.pid}h${hostTag()}x0a1b2c3d`);
    const c = await dispatch(root, ['claim', '@claude', id]);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain(`cannot claim msg-${id}: it is claimed in @claude's processing/ (being handled)`);
    expect(c.stdout).not.toContain('took back');
    const none = await dispatch(root, ['claim', '@claude']);
    expect(none.stdout).toContain('no messages waiting for @claude');
  });
});
