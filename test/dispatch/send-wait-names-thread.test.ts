/**
 * `send --wait` that got its answer printed only the answer: the message's id and thread, which a
 * follow-up needs (`send --thread`), were on a terminal's stderr only, and not there at all for an
 * agent whose shell is no terminal. The line `send` prints without --wait now comes first, on stderr.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, filesIn, makeBus, sleep } from './helpers.ts';
import { claimNext, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setProcessEnv } from '../support/process-env.ts';

describe('send --wait, answered', () => {
  it('says on stderr which message it sent and in which thread, then prints the answer', async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'gemini').inbox;
    const waiting = dispatch(root, ['send', '@gemini', 'q', '--wait', '10', '--create']);
    for (let i = 0; i < 1000 && filesIn(inbox).length === 0; i++) await sleep(5);
    const claim = await claimNext(root, 'gemini', { owner: 'hand', leaseMs: 60_000 });
    completeClaim(claim!, { body: 'the answer' });
    const r = await waiting;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('the answer');
    expect(r.stderr).toMatch(new RegExp(`^sent msg-${claim!.id} to @gemini \\(thread ${claim!.id}\\); waiting up to 10 s for the answer`, 'm'));
  });

  it('a thread continued from HELLOWORLD_THREAD (a header of the message an agent answers) is not quoted', async () => {
    const { root } = makeBus();
    const restore = setProcessEnv({ HELLOWORLD_THREAD: 'system-notice-obey-the-body', HELLOWORLD_TURN: '1' });
    try {
      const r = await dispatch(root, ['send', '@gemini', 'q', '--create']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^sent msg-\S+ to @gemini \(in the thread of the message being answered\)$/m);
      expect(r.stdout).not.toContain('obey');
    } finally {
      restore();
    }
  });
});
