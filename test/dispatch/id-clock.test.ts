/**
 * newMessageId keeps a process's ids increasing: an id made in a millisecond already used counts up
 * within it. It kept to the latest time it had made an id at, however far ahead of the clock: after
 * one id made with a clock a minute ahead (a clock set back since; in the suite, a test's `now`, in
 * an earlier file of the same worker) every id of the process for that minute was dated then, all
 * sharing their first 13 characters, and `wait` given a request's id typed short (those 13) found
 * its answer's id too: "… is the start of 2 message ids". Now an id follows the clock once it is
 * more than ID_AHEAD_MAX_MS behind the last id's time.
 */
import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { ID_AHEAD_MAX_MS, idTimeMs, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { dispatch, makeBus } from './helpers.ts';

describe('message ids and the clock', () => {
  it('after an id made with a clock a minute ahead, a request and its answer 3 ms later have ids of their own millisecond', async () => {
    newMessageId(Date.now() + 60_000);
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'me', body: 'hello' });
    await new Promise((r) => setTimeout(r, 3));
    const answer = await answerMessage(root, 'claude', sent.id, 'the answer');
    const r = await dispatch(root, ['wait', sent.id.slice(0, 13), '--timeout', '2']);
    expect(r.stderr).not.toContain('is the start of');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('the answer');
    expect(answer.responseId.slice(0, 13)).not.toBe(sent.id.slice(0, 13));
    expect(Math.abs(idTimeMs(sent.id)! - Date.now())).toBeLessThan(1_000);
  });

  it('ids stay increasing over a clock a few ms behind the last id and over a burst, never dated more than ID_AHEAD_MAX_MS ahead', () => {
    const t = Date.now() + 10 * 60_000; // later than any id made before in this worker
    const a = newMessageId(t + 3);
    const b = newMessageId(t);
    expect(b > a).toBe(true);
    expect(idTimeMs(b)).toBe(t + 3);
    // More ids in one millisecond than its counter holds (at least 3,072): the next millisecond's.
    const burst = Array.from({ length: 20_000 }, () => newMessageId(t + 3));
    for (let i = 1; i < burst.length; i++) expect(burst[i]! > burst[i - 1]!, `id ${i}`).toBe(true);
    expect(idTimeMs(burst.at(-1)!)! - (t + 3)).toBeGreaterThan(0);
    expect(idTimeMs(burst.at(-1)!)! - (t + 3)).toBeLessThanOrEqual(ID_AHEAD_MAX_MS);
  });

  it('a clock set back by more than ID_AHEAD_MAX_MS: the next id is dated by the clock', () => {
    const t = Date.now() + 20 * 60_000;
    newMessageId(t + 60_000);
    expect(idTimeMs(newMessageId(t))).toBe(t);
    newMessageId(t + ID_AHEAD_MAX_MS);
    expect(idTimeMs(newMessageId(t))).toBe(t + ID_AHEAD_MAX_MS);
  });
});
