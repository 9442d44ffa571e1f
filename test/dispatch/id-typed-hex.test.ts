/**
 * An id typed short (`dispatch wait 01a24f9`, seven hex digits) was echoed back as a handle
 * (`there is no message id:6a6b3b686e3c63`), which a user cannot match to what they typed (a review
 * of 2026-12-07): only an id that can spell words is kept out of our sentences, and hex digits
 * cannot. It is now quoted as typed, and the refusal says an id's start needs 8 hex digits.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

describe('an id typed with fewer than 8 hex digits', () => {
  it('is named as typed, with the ids that start with it and how long a start must be', async () => {
    const bus = makeBusWithRuntimes();
    const sent = await sendMessage({ root: bus.root, to: 'codex', from: 'claude', body: 'q' });
    const typed = sent.id.slice(0, 7);
    const r = await dispatch(bus.root, ['wait', typed, '--timeout', '0.1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`there is no message ${typed} on the bus`);
    expect(r.stderr).not.toMatch(/id:[0-9a-f]+/);
    expect(r.stderr).toContain(`did you mean ${sent.id}?`);
    expect(r.stderr).toContain('a start of an id needs at least 8 hex digits');
  });
});
