/** Hard links planted in an inbox cost the daemon no waiting (a flood of them must not stall it). */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimFileName, claimNext } from '../../scripts/lib/bus/claims.ts';
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
    // returnToInbox between its link and its unlink; another process ends it a moment later.
    const mine = join(paths.processing, claimFileName(name, Date.now() + 60_000, 's1h0'));
    linkSync(join(paths.inbox, name), mine);
    const sweeper = spawn('sh', ['-c', `sleep 0.01; rm "${mine}"`]);
    const ended = new Promise((r) => sweeper.on('close', r));
    await new Promise((r) => setTimeout(r, 5));
    const claim = await claimNext(root, 'gemini', { owner: 't', leaseMs: 60_000 });
    await ended;
    expect(claim?.id).toBe(sent.id);
    expect(listDeadLetters(root, 'gemini')).toEqual([]);
  });
});
