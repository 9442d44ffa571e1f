/**
 * A send --wait that ran out said the message "stays queued" while a daemon was handling it
 * (claimed, in processing/); `dispatch wait` said where it was. Both now say it in one wording.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, filesIn, makeBusWithRuntimes, sleep } from './helpers.ts';
import { claimNext } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('send --wait that runs out while its message is claimed', () => {
  it("says it is claimed in the receiver's processing/, as dispatch wait does", async () => {
    const { root } = makeBusWithRuntimes();
    const inbox = receiverPaths(root, 'gemini').inbox;
    const waiting = dispatch(root, ['send', '@gemini', 'q', '--wait', '1.5']);
    for (let i = 0; i < 500 && filesIn(inbox).length === 0; i++) await sleep(5);
    const claim = await claimNext(root, 'gemini', { owner: 'hand', leaseMs: 60_000 });
    expect(claim).toBeDefined();
    const r = await waiting;
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `error: no answer from @gemini within 1.5 s; msg-${claim!.id} is claimed by hand in @gemini's processing/ (being answered by hand, lease until `,
    );
    // A claim by hand names no session: the claim that takes it over is named, as its receiver's (wait-hand-claim.test.ts).
    expect(r.stderr).toContain(
      `; should the session that claimed it have ended, its receiver takes it over with 'dispatch claim @gemini ${claim!.id}' (a claim for @gemini to make, not for whoever waits for the answer)); pick the answer up later with 'dispatch wait ${claim!.id} --receiver @gemini'`,
    );
    expect(r.stderr).not.toContain('stays queued');
    const w = await dispatch(root, ['wait', claim!.id, '--timeout', '0.1']);
    expect(w.stderr).toContain(`the request is claimed by hand in @gemini's processing/ (being answered by hand, lease until `);
  });
});
