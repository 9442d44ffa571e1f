/**
 * A session that runs `dispatch inbox` (the skill's first step) saw "no messages waiting for
 * @claude (1 being handled)" for a message whose claim was left by a session that ended: being
 * handled by nobody, and `dispatch claim` takes it back (review 2026-12-06). inbox says how many of
 * those it counts are held by a process that is gone, and the way on; --json and the MCP tool give
 * gone_claims, as status does.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { claimNext } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { mcpSessionOwner } from '../../scripts/lib/bus/claim-owner.ts';

const connect = mcpToolCallers();

describe('inbox: claims whose holder is gone', () => {
  it('are named as such, with the claim that takes them back (text, --json, the MCP tool)', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'please summarise' });
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await claimNext(root, 'claude', { owner: `m${gone}h${hostTag()}x0a1b2c3d`, leaseMs: 600_000 });
    const text = await dispatch(root, ['inbox', '@claude']);
    expect(text.stdout).toContain(
      "no messages waiting for @claude (1 being handled; 1 of them held by a process that is gone: 'dispatch claim @claude' takes it back)",
    );
    const j = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(j).toMatchObject({ processing: 1, gone_claims: 1 });
    const call = await connect(root, '@claude');
    expect((await call('inbox', { receiver: '@claude' })).structuredContent).toMatchObject({ processing: 1, gone_claims: 1 });
  });

  it('say nothing more of a claim a live process holds', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    // This process's MCP session (a claim by hand names no process: claim-by-hand-left.test.ts).
    await claimNext(root, 'claude', { owner: mcpSessionOwner(), leaseMs: 600_000 });
    const text = await dispatch(root, ['inbox', '@claude']);
    expect(text.stdout).toContain('no messages waiting for @claude (1 being handled)\n');
    expect(JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout).gone_claims).toBe(0);
  });
});
