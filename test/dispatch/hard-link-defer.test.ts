/**
 * A claim call bounds what files with two names cost it (hard links any bus writer can plant):
 * past that bound, a file with two names is left in the inbox for a later claim, never
 * dead-lettered for it. A real message being returned to the inbox (a stale claim of a daemon that
 * crashed) has two names for a moment: planted links met first once sent it to dead-letter.
 */
import { describe, it, expect } from 'vitest';
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

describe('a real return met past the bound on files with two names', () => {
  it('is left in the inbox (not dead-lettered) and claimed by a later call once its return is done', async () => {
    const { root } = makeBus();
    plantNeverFinishing(root, 70);
    // A live sweeper (this process) that has not yet removed its name.
    const real = await realReturnInProgress(root, processOwner('s'));
    const started = Date.now();
    expect(await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 })).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(hardLinkLetters(root).map((d) => d.id)).not.toContain(real.id);
    expect(filesIn(receiverPaths(root, 'gemini').inbox)).toContain(`msg-${real.id}.hw`);

    unlinkSync(real.sweeperName); // the sweeper's unlink
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    expect(claim?.id).toBe(real.id);
    expect(hardLinkLetters(root)).toHaveLength(70); // every planted one, within two calls
  });

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
