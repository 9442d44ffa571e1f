/**
 * A process holds only the claim files it made (claim-owner.ts heldHere): a claim naming its pid
 * that it did not make is a gone holder's. But a claim of ours that another process ended (returned
 * to the inbox by a sweep whose clock is ahead, taken over past its lease, moved by a bus writer)
 * stayed in that set for as long as the process ran: the same name planted again (read off the
 * claim, with its deadline not yet run out) was "held by an MCP session" or by the daemon, so reply
 * refused it, wait called it being answered and no sweep took it back until that deadline; and a
 * long-running serve or MCP server kept every such name. A name whose file is gone when the process
 * next looks at processing/ is dropped.
 */
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { claimNext, processOwner, reclaimDeadOwners, renewClaim } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const connect = mcpToolCallers();

describe('a claim of ours that another process ended', () => {
  it('MCP: once the server looked at the receiver, the same claim name planted again is a gone holder’s: reply answers it, wait says so', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const call = await connect(root, '@human');
    expect((await call('claim', { receiver: '@claude' })).structuredContent).toMatchObject({ claimed: true, id: sent.id });
    const paths = receiverPaths(root, 'claude');
    const [ours] = readdirSync(paths.processing);
    const inbox = join(paths.inbox, messageFileName(sent.id));
    // Another process ends the claim (a raw rename: this process's own calls would say so to it).
    renameSync(join(paths.processing, ours!), inbox);
    // The server looks at the receiver: its inbox tool lists processing/.
    expect((await call('inbox', { receiver: '@claude' })).structuredContent).toMatchObject({ total: 1 });
    // A bus writer renames the request back under the very name of our claim: our pid, our session, a deadline ahead.
    renameSync(inbox, join(paths.processing, ours!));
    const other = await connect(root, '@human');
    const waited = (await other('wait', { id: sent.id, timeout_s: 0.1 })).structuredContent!;
    expect(String(waited.message)).toMatch(/held by an MCP session that is gone/);
    const r = await other('reply', { id: sent.id, body: 'answer', as: '@claude' });
    expect(r.structuredContent, JSON.stringify(r.content)).toMatchObject({ ok: true, in_reply_to: sent.id });
  });

  it("serve: after a sweep that looked, the name planted again is taken back by the next sweep; the daemon's live claim stays its own", async () => {
    const { root } = makeBusWithRuntimes();
    const a = await sendMessage({ root, to: 'claude', from: 'human', body: 'a' });
    const b = await sendMessage({ root, to: 'claude', from: 'human', body: 'b' });
    const owner = processOwner('p');
    const first = (await claimNext(root, 'claude', { owner, leaseMs: 600_000 }))!;
    const second = (await claimNext(root, 'claude', { owner, leaseMs: 600_000 }))!;
    expect([first.id, second.id]).toEqual([a.id, b.id]);
    const paths = receiverPaths(root, 'claude');
    const inbox = join(paths.inbox, messageFileName(a.id));
    renameSync(first.path, inbox);
    expect(reclaimDeadOwners(paths, 'claude')).toBe(0); // a sweep: nothing to take back yet
    renameSync(inbox, first.path);
    expect(reclaimDeadOwners(paths, 'claude')).toBe(1);
    expect(readdirSync(paths.inbox)).toEqual([messageFileName(a.id)]);
    // The claim it still holds was looked at by both sweeps and is its own: renewed, never taken back.
    expect(renewClaim(second, 600_000)).toBe(true);
    expect(reclaimDeadOwners(paths, 'claude')).toBe(0);
  });
});
