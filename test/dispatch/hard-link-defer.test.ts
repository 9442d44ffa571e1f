/**
 * A claim call bounds what files with two names cost it (hard links any bus writer can plant):
 * past that bound, a file with two names is left in the inbox for a later claim, never
 * dead-lettered for it. A real message being returned to the inbox (a stale claim of a daemon that
 * crashed) has two names for a moment: planted links met first once sent it to dead-letter.
 *
 * The bound is the time spent looking for the second names (SETTLE_BUDGET_MS) as well as their
 * number: on a loaded machine a call deals with fewer of them, and the test, which counted every
 * planted one dead-lettered within two calls, failed now and then in a full run (62 of 70). It
 * runs on this machine's clock and on one that moves 4 ms at each reading (a call's budget spent
 * after a few files), and counts on what holds on both: each call deals with at least one.
 */
import { afterEach, describe, it, expect, vi } from 'vitest';
import { linkSync, mkdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, filesIn } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimFileName, claimNext, processOwner } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';

/** `n` planted returns that never finish: a hard link in the inbox, the same file under a live "sweeper" claim name (this process: a holder is alive only while its pid is a dispatch process). */
function plantNeverFinishing(root: string, n: number): void {
  const paths = receiverPaths(root, 'gemini');
  mkdirSync(paths.inbox, { recursive: true });
  mkdirSync(paths.processing, { recursive: true });
  const minuteAgo = new Date(Date.now() - 60_000); // listed before the real message
  for (let i = 0; i < n; i++) {
    const inInbox = join(paths.inbox, `msg-hl${i}.hw`);
    writeFileSync(inInbox, '# From: @claude\n\nhello\n');
    utimesSync(inInbox, minuteAgo, minuteAgo);
    linkSync(inInbox, join(paths.processing, claimFileName(`msg-hl${i}.hw`, 9999999999999, processOwner('s'))));
  }
}

/** A real message caught between returnToInbox's link and its unlink, by a sweeper with owner tag `owner`. */
async function realReturnInProgress(root: string, owner: string): Promise<{ id: string; sweeperName: string }> {
  const paths = receiverPaths(root, 'gemini');
  const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'the real one' });
  const name = `msg-${sent.id}.hw`;
  const sweeperName = join(paths.processing, claimFileName(name, Date.now() + 60_000, owner));
  linkSync(join(paths.inbox, name), sweeperName);
  return { id: sent.id, sweeperName };
}

const hardLinkLetters = (root: string) => listDeadLetters(root, 'gemini').filter((d) => d.deadLetter?.code === 'hard_link');

/** Calls claimNext until all `n` planted links are dead-lettered, each call dead-lettering at least one. */
async function deadLetterTheRest(root: string, n: number): Promise<void> {
  // One listing of the dead letters a call (on the loaded clock, 40 calls; each listing reads them all).
  let count = hardLinkLetters(root).length;
  while (count < n) {
    expect(await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 })).toBeUndefined();
    const after = hardLinkLetters(root).length;
    expect(after).toBeGreaterThan(count);
    count = after;
  }
  expect(count).toBe(n);
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Date.now moving `step` ms more at each reading than the clock (a machine whose CPU other work takes). */
function slowMachine(step: number): void {
  const now = Date.now.bind(Date);
  let skew = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => now() + (skew += step));
}

describe.each([
  ['on this machine', 0],
  ['on a loaded machine (the clock moves 4 ms at each reading)', 4],
])('a real return met past the bound on files with two names, %s', (_, step) => {
  it('is left in the inbox (not dead-lettered) and claimed by a later call once its return is done', async () => {
    const { root } = makeBus();
    plantNeverFinishing(root, 70);
    // A live sweeper (this process) that has not yet removed its name.
    const real = await realReturnInProgress(root, processOwner('s'));
    if (step > 0) slowMachine(step);
    const started = performance.now();
    expect(await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1500);
    expect(hardLinkLetters(root).length).toBeGreaterThan(0);
    expect(hardLinkLetters(root).map((d) => d.id)).not.toContain(real.id);
    expect(filesIn(receiverPaths(root, 'gemini').inbox)).toContain(`msg-${real.id}.hw`);

    unlinkSync(real.sweeperName); // the sweeper's unlink
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    expect(claim?.id).toBe(real.id);
    // Every planted one, over the calls after (on this machine, unloaded, the second call ends them).
    await deadLetterTheRest(root, 70);
  });
});

describe('a return cut short', () => {
  it('a return cut short by a sweeper that died is finished by the claim, planted links met first or not', async () => {
    const { root } = makeBus();
    plantNeverFinishing(root, 3);
    const real = await realReturnInProgress(root, 's999999999');
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    expect(claim?.id).toBe(real.id);
    expect(hardLinkLetters(root).map((d) => d.id)).not.toContain(real.id);
    expect(filesIn(receiverPaths(root, 'gemini').processing).filter((n) => n.includes('s999999999'))).toEqual([]);
  });
});
