/**
 * serve looks at its inbox again whenever the folder changes. A writer adding a file there every
 * millisecond or so (any bus writer can: names that are not messages are listed and passed over)
 * woke it at once each time, and each look listed the whole inbox: 1,321 listings in 1.5 s, most of
 * a core (and with 20,000 names planted there first, each listing took 20 ms, the writer got 63
 * files in). The inbox is now listed at most once per WAIT_LOOK_GAP_MS, as a wait looks,
 * once wake-ups keep coming (the first few after a claim or a quiet moment at once: a round trip
 * meets its request without a gap), a message arriving during the flood is handled by the next
 * listing, and a backlog is listed once and served from that listing, not one listing (nor one gap)
 * per message. The listings are counted (test/support/fs-calls.ts); the round trip is timed against
 * the gap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsCallsDuring } from '../support/fs-calls.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { serve, serveListingBurst } from '../../scripts/lib/bus/daemon.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitForResponse } from '../../scripts/lib/bus/responses.ts';
import { WAIT_LOOK_GAP_MS } from '../../scripts/lib/bus/wait.ts';

let stopFlood: (() => void) | undefined;
afterEach(() => stopFlood?.());

/** Adds three files that are not messages to `inbox` every millisecond until stopped; how many so far. */
function flood(inbox: string): () => number {
  let n = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 3; i++) writeFileSync(join(inbox, `junk-${n++}`), '');
  }, 1);
  stopFlood = () => clearInterval(timer);
  return () => n;
}

/**
 * Listings allowed in `ms` with `claims` claims made: one per gap, the sweep's at the start and one
 * more, and the few at once after a quiet moment and after each claim (serveListingBurst).
 */
const allowed = (ms: number, claims: number) => Math.ceil(ms / WAIT_LOOK_GAP_MS) + 2 + (1 + claims) * serveListingBurst(1);

describe('serve on an inbox that a writer floods with new files', () => {
  it('lists the inbox at most once per gap, however often it changes, and answers a message sent meanwhile', async () => {
    const { root } = makeBusWithRuntimes();
    const inbox = receiverPaths(root, 'zz').inbox;
    mkdirSync(inbox, { recursive: true });
    const stop = new AbortController();
    let written = () => 0;
    const t0 = Date.now();
    const { result: answered, calls } = await fsCallsDuring(async () => {
      const running = serve({ root, receiver: 'zz', agent: { kind: 'echo' }, signal: stop.signal, onReady: () => (written = flood(inbox)) });
      await new Promise((r) => setTimeout(r, 400));
      const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'hello in the flood' });
      const waited = await waitForResponse(root, 'zz', sent.id, 20_000);
      await new Promise((r) => setTimeout(r, 400));
      stopFlood?.();
      stop.abort();
      await running;
      return waited;
    });
    const elapsed = Date.now() - t0;
    expect(answered).toMatchObject({ ok: true });
    expect(written()).toBeGreaterThan(300); // the flood ran
    const listings = calls.count('listing', inbox);
    expect(listings).toBeGreaterThan(0);
    expect(listings, `${listings} listings in ${elapsed} ms`).toBeLessThanOrEqual(allowed(elapsed, 1));
  });

  it.each([1, 4])('a request sent after an answer is met at once (concurrency %i): a round trip takes no gap', async (concurrency) => {
    const { root } = makeBusWithRuntimes();
    mkdirSync(receiverPaths(root, 'zz').inbox, { recursive: true });
    const stop = new AbortController();
    let ready = () => {};
    const started = new Promise<void>((r) => (ready = r));
    const running = serve({ root, receiver: 'zz', agent: { kind: 'echo' }, concurrency, signal: stop.signal, onReady: () => ready() });
    try {
      await started;
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = Date.now();
        const sent = await sendMessage({ root, to: 'zz', from: 'human', body: `ping ${i}` });
        expect(await waitForResponse(root, 'zz', sent.id, 20_000)).toMatchObject({ ok: true });
        times.push(Date.now() - t0);
      }
      times.sort((a, b) => a - b);
      expect(times[3], times.join(', ')).toBeLessThan(WAIT_LOOK_GAP_MS * 0.9);
    } finally {
      stop.abort();
      await running;
    }
  });

  it('a backlog is listed once and served from that listing', async () => {
    const { root } = makeBusWithRuntimes();
    for (let i = 0; i < 20; i++) await sendMessage({ root, to: 'zz', from: 'human', body: `request ${i}` });
    const inbox = receiverPaths(root, 'zz').inbox;
    const { result: summary, calls } = await fsCallsDuring(() => serve({ root, receiver: 'zz', agent: { kind: 'echo' }, once: true }));
    expect(summary.answered).toBe(20);
    // The first listing, and --once's look at what is left before it ends.
    expect(calls.count('listing', inbox)).toBeLessThanOrEqual(4);
  });
});
