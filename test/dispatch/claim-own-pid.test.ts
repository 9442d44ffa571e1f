/**
 * A claim's owner tag names its holder's pid, and a holder naming this process was alive by that
 * alone (serving.ts dispatchAlive: `pid === process.pid`): a request renamed into processing/ by
 * any bus writer under a tag naming the MCP server's own pid (read off any claim it made, or its
 * process) and a deadline a week ahead was "held by an MCP session" for as long as the server ran: reply
 * refused it, and wait said it was being handled. This process holds only the
 * claims it made (claim-owner.ts heldHere); one naming it that it did not make is a gone holder's.
 */
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { claimNext, processOwner, reclaimDeadOwners, renewClaim } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { forgetHeldHere, holderAlive, noteHeldHere } from '../../scripts/lib/bus/claim-owner.ts';

const connect = mcpToolCallers();
// As far ahead as a lease of ours goes (claims.ts takes one further ahead as planted, run out).
const DEADLINE = Date.now() + 7 * 24 * 3600_000;

/** A request to @claude renamed into processing/ under `owner` for a week. */
async function planted(owner: string): Promise<{ root: string; id: string }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.processing, { recursive: true });
  renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, `${messageFileName(sent.id)}.claim-${DEADLINE}-${owner}`));
  return { root, id: sent.id };
}

// The MCP server runs in this process: process.pid is its pid.
const owners = () => [`m${process.pid}h${hostTag()}x0a1b2c3d`, `p${process.pid}h${hostTag()}`, `p${process.pid}`, `r${process.pid}h${hostTag()}`];

describe("a planted claim naming the MCP server's own pid", () => {
  for (const owner of owners()) {
    it(`${owner.replace(/\d+/, 'PID').replace(hostTag(), 'TAG')}: wait calls its holder gone, and the reply tool answers it`, async () => {
      const { root, id } = await planted(owner);
      const call = await connect(root, '@human');
      const waited = (await call('wait', { id, timeout_s: 0.1 })).structuredContent!;
      expect(String(waited.message)).toMatch(/held by an? [a-zA-Z ]+ that is gone/);
      const r = await call('reply', { id, body: 'answer', as: '@claude' });
      expect(r.structuredContent, JSON.stringify(r.content)).toMatchObject({ ok: true, in_reply_to: id });
    });
  }

  it("a daemon.json naming the server's pid is no live daemon: the server is no serve", async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    writeFileSync(receiverPaths(root, 'claude').daemon, JSON.stringify({ pid: process.pid, agent: 'claude' }));
    const call = await connect(root, '@human');
    const status = (await call('status', { receiver: '@claude' })).structuredContent as { receivers: { daemon: { alive: boolean } }[] };
    expect(status.receivers[0]!.daemon).toMatchObject({ pid: process.pid, alive: false });
  });

  it('a claim the server made itself stays its own: another call of it is refused while it holds it', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const one = await connect(root, '@human');
    expect((await one('claim', { receiver: '@claude' })).structuredContent).toMatchObject({ claimed: true });
    const other = await connect(root, '@human');
    const r = await other('reply', { id: sent.id, body: 'answer', as: '@claude' });
    expect(r.isError).toBe(true);
  });
});

describe("a flood of planted claims of gone holders never makes the server's own claim gone", () => {
  // The two flood tests below fail on the bug as it was (each return noted, the notes capped), not
  // on a cap alone: a sweep now forgets each return at once. This one fails on a cap alone.
  it('a process holding more than 10,000 claims of its own still holds every one', () => {
    const dir = join(tmpdir(), 'held-here-no-cap', 'processing');
    const held = Array.from({ length: 10_001 }, (_, i) => join(dir, `msg-held${i}.hw.claim-1-p${process.pid}`));
    for (const path of held) noteHeldHere(path);
    try {
      expect(held.filter((path) => !holderAlive(process.pid, path, () => true))).toEqual([]);
    } finally {
      for (const path of held) forgetHeldHere(path);
    }
  });

  // The server remembered only its latest 10,000 claim names, and every planted claim its sweep
  // returned to the inbox was one of them: 10,001 pushed out its own live claim, which the next
  // claim call took back as a gone session's and handed out a second time.
  it('after its sweep returned 10,001 planted claims, its own claim stays held: not taken back nor handed out again', async () => {
    const { root } = makeBusWithRuntimes();
    const a = await sendMessage({ root, to: 'claude', from: 'human', body: 'a' });
    const b = await sendMessage({ root, to: 'claude', from: 'human', body: 'b' });
    const call = await connect(root, '@human');
    expect((await call('claim', { receiver: '@claude' })).structuredContent).toMatchObject({ claimed: true, id: a.id });
    const paths = receiverPaths(root, 'claude');
    const deadline = Date.now() + 3600_000;
    for (let i = 0; i < 10_001; i++) writeFileSync(join(paths.processing, `msg-planted${i}.hw.claim-${deadline}-p999999999`), '');
    expect((await call('claim', { receiver: '@claude' })).structuredContent).toMatchObject({ claimed: true, id: b.id });
    // Each claim call's sweep returns the planted requests to the inbox, SWEEP_RETURNS_MAX at a
    // time; the next claim would dead-letter each (empty files whose names are no id: 3 s of CPU),
    // which is not what this test is about.
    const planted = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('msg-planted'));
    for (let calls = 0; calls < 30 && planted(paths.processing).length > 0; calls++) {
      for (const n of planted(paths.inbox)) unlinkSync(join(paths.inbox, n));
      await call('claim', { receiver: '@claude' });
    }
    expect(planted(paths.processing)).toEqual([]);
    for (const n of planted(paths.inbox)) unlinkSync(join(paths.inbox, n));
    const again = (await call('claim', { receiver: '@claude' })).structuredContent!;
    expect(again.id).toBeUndefined();
    expect(JSON.stringify(again.took_back ?? [])).not.toContain(a.id);
    expect(readdirSync(paths.processing).filter((n) => n.startsWith(messageFileName(a.id)))).toHaveLength(1);
    expect(readdirSync(paths.inbox)).not.toContain(messageFileName(a.id));
  }, 60_000);

  it("serve's sweep (reclaimDeadOwners) after the same flood leaves its own running agent's claim alone", async () => {
    const { root } = makeBusWithRuntimes();
    const a = await sendMessage({ root, to: 'claude', from: 'human', body: 'a' });
    const claim = (await claimNext(root, 'claude', { owner: processOwner('p'), leaseMs: 600_000 }))!;
    expect(claim.id).toBe(a.id);
    const paths = receiverPaths(root, 'claude');
    const deadline = Date.now() + 3600_000;
    for (let i = 0; i < 10_001; i++) writeFileSync(join(paths.processing, `msg-planted${i}.hw.claim-${deadline}-p999999999`), '');
    // SWEEP_RETURNS_MAX a sweep, until none is left.
    let returned = 0;
    for (let n = reclaimDeadOwners(paths, 'claude'); n > 0; n = reclaimDeadOwners(paths, 'claude')) returned += n;
    expect(returned).toBe(10_001);
    expect(renewClaim(claim, 600_000)).toBe(true);
  }, 60_000);
});
