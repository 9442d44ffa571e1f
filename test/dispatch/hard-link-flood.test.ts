/** Hard links planted in an inbox cost the daemon no waiting (a flood of them must not stall it). */
import { describe, it, expect } from 'vitest';
import { linkSync, mkdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, filesIn } from './helpers.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimFileName, claimNext, processOwner } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';

describe('a flood of hard links in the inbox', () => {
  it('is dead-lettered without the 0.1 s wait meant for a stale claim being returned', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.inbox, { recursive: true });
    const target = join(base, 'target');
    writeFileSync(target, '# From: @claude\n\nhello\n');
    for (let i = 0; i < 30; i++) linkSync(target, join(paths.inbox, `msg-link${i}.hw`));
    const log: string[] = [];
    const started = Date.now();
    const summary = await serve({ root, receiver: 'gemini', agent: { kind: 'echo' }, once: true, log: (l) => log.push(l) });
    const took = Date.now() - started;
    expect(summary.deadLettered).toBe(30);
    // 30 × 0.1 s of a blocked event loop before; the files themselves take a few ms.
    expect(took, log.join('\n')).toBeLessThan(1500);
  });

  it('still waits for a stale claim a sweeper is returning (its link in processing/ is removed a moment later)', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hi' });
    const name = `msg-${sent.id}.hw`;
    mkdirSync(paths.processing, { recursive: true });
    // returnToInbox between its link and its unlink (by a live sweeper: pid 1); it ends 10 ms into
    // the claim's wait. A timer of this process, not a child's `sleep; rm`: under a loaded machine
    // a child took longer than the claim's 100 ms wait to start, and the test failed for that alone.
    // The timer is due before any of the claim's own looks past 10 ms, so it runs first however late.
    const mine = join(paths.processing, claimFileName(name, Date.now() + 60_000, 's1h0'));
    linkSync(join(paths.inbox, name), mine);
    const ended = new Promise<void>((r) => setTimeout(() => r(rmSync(mine)), 10));
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    await ended;
    expect(claim?.id).toBe(sent.id);
    expect(listDeadLetters(root, 'gemini')).toEqual([]);
  });

  /**
   * `n` hard links in @gemini's inbox, each with a claim name of a live "sweeper" (this process) in
   * processing/: an empty file of its own, or (`sameFile`) one more name of the same file, as a
   * return in progress has.
   */
  function plantWithSweeperClaims(base: string, root: string, n: number, sameFile: boolean): void {
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(paths.processing, { recursive: true });
    for (let i = 0; i < n; i++) {
      const target = join(base, `target${i}`);
      writeFileSync(target, '# From: @claude\n\nhello\n');
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(target, minuteAgo, minuteAgo); // listed before the real message sent after
      linkSync(target, join(paths.inbox, `msg-hl${i}.hw`));
      const claim = join(paths.processing, claimFileName(`msg-hl${i}.hw`, 9999999999999, processOwner('s')));
      if (sameFile) {
        linkSync(target, claim);
        unlinkSync(target); // two names, as between returnToInbox's link and its unlink
      } else writeFileSync(claim, '');
    }
  }

  it("planted sweeper claim names that are other files cost no wait: the claim's file is not the one being returned", async () => {
    const { root, base } = makeBus();
    plantWithSweeperClaims(base, root, 30, false);
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'real' });
    const started = Date.now();
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    const took = Date.now() - started;
    expect(claim?.id).toBe(sent.id);
    expect(listDeadLetters(root, 'gemini').filter((d) => d.deadLetter?.code === 'hard_link')).toHaveLength(30);
    expect(took).toBeLessThan(1000); // 30 × 0.1 s before
  });

  it('planted returns that never finish (the same file under a sweeper claim name) cost one bounded wait per claim, never blocking the event loop', async () => {
    const { root, base } = makeBus();
    plantWithSweeperClaims(base, root, 30, true);
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'real' });
    // Other work of the process (the MCP server's other tools) keeps running meanwhile.
    let last = Date.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = Date.now();
    let claim: Awaited<ReturnType<typeof claimNext>>;
    try {
      claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    } finally {
      clearInterval(ticker);
    }
    const took = Date.now() - started;
    expect(claim?.id).toBe(sent.id);
    expect(listDeadLetters(root, 'gemini').filter((d) => d.deadLetter?.code === 'hard_link')).toHaveLength(30);
    expect(filesIn(receiverPaths(root, 'gemini').inbox)).toEqual([]);
    // 30 × 0.1 s before, the event loop blocked throughout (a 3 s gap); bounds with room for a loaded machine.
    expect(took).toBeLessThan(1500);
    expect(longestGap).toBeLessThan(300);
  });
});
