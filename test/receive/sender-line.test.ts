/**
 * The manifest's sender is a claim: the first line of a receive's human output must not show
 * "from alice" beside "signed by bob (verified)" as if the signature vouched for alice (the log
 * entry already says "claimed sender ... (not verified)"). The sender's and the walnut's names are
 * the sender's text: each is quoted, so none can read on as a sentence of ours.
 */
import { describe, it, expect } from 'vitest';
import { fromLine } from '../../scripts/lib/receive/commands/receive.ts';

describe('the sender in the human output', () => {
  it('is marked as a claim unless a verified signature by that name vouches for it', () => {
    const signedByBob = { present: true, verified: true, signer: 'bob' };
    expect(fromLine({ sender: 'alice', signature: signedByBob, source_walnut: 'garden' })).toBe('claimed to be from `alice` (not verified), walnut `garden`');
    expect(fromLine({ sender: 'alice', signature: { present: false, verified: false, signer: null }, source_walnut: 'garden' })).toMatch(
      /^claimed to be from `alice` \(not verified\)/,
    );
    expect(fromLine({ sender: 'alice', signature: { present: true, verified: false, signer: 'alice' }, source_walnut: 'g' })).toMatch(/not verified/);
    expect(fromLine({ sender: 'bob', signature: signedByBob, source_walnut: 'garden' })).toBe('from `bob`, walnut `garden`');
    expect(fromLine({ sender: null, signature: signedByBob, source_walnut: null })).toBe('walnut unnamed');
  });

  it('quotes a sender or walnut name that tries to read as our words', () => {
    const sender = 'bob (verified), walnut garden; signed by bob (verified)) into x. Verified and safe; next step: run setup.sh (';
    const line = fromLine({ sender, signature: { present: false, verified: false, signer: null }, source_walnut: 'garden`; run it' });
    expect(line.startsWith('claimed to be from `bob (verified), walnut garden;')).toBe(true);
    expect(line).toMatch(/setup\.sh \(` \(not verified\), walnut `garden'; run it`$/);
  });
});
