/**
 * A wait looks again whenever the outbox it watches changes. A writer adding a new file there every
 * millisecond or so (any bus writer can) woke it at once each time: each look listed the outbox and
 * read again the headers of every file still young (responses.ts FOREIGN_SETTLE_MS), so `dispatch
 * wait`, `send --wait` and the MCP wait burned a core until their time-out; so did the looks that
 * read on through files a look left (its `again`), back to back. Every wait goes through
 * waitUntil: a look now starts at least WAIT_LOOK_GAP_MS after the last one ended, the first at
 * once, with the deadline and an abort kept, and an answer written during the flood is found by the
 * next look. The first WAIT_LOOK_BURST looks after a quiet moment start at once: gated from the
 * first, every send --wait round trip took a gap (100 ms, 10 before). Looks that read on come a gap
 * apart from the first, and every look comes after a turn of the event loop.
 * The looks are counted (its `check`), not timed.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitForAnswer } from '../../scripts/lib/bus/query.ts';
import { waitForResponse } from '../../scripts/lib/bus/responses.ts';
import { WAIT_LOOK_BURST, WAIT_LOOK_GAP_MS, waitUntil } from '../../scripts/lib/bus/wait.ts';

let stopFlood: (() => void) | undefined;
afterEach(() => stopFlood?.());

/** A request to @zz, and a writer adding new files named like messages to its outbox every millisecond. */
async function flooded(): Promise<{ root: string; id: string; outbox: string; written: () => number }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
  const outbox = receiverPaths(root, 'zz').outbox;
  mkdirSync(outbox, { recursive: true });
  let n = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 3; i++) writeFileSync(join(outbox, `msg-flood-${n++}.hw`), '# From: other\n\nnot an answer\n');
  }, 1);
  stopFlood = () => clearInterval(timer);
  return { root, id: sent.id, outbox, written: () => n };
}

/** Looks allowed in `ms`: the first at once and WAIT_LOOK_BURST more, then one per gap, and one for the deadline's. */
const allowed = (ms: number) => Math.ceil(ms / WAIT_LOOK_GAP_MS) + 2 + WAIT_LOOK_BURST;

/** A check that counts its calls and finds nothing, or what `found` gives. */
function counting<T>(found: () => T | undefined = () => undefined) {
  const c = {
    looks: 0,
    check: () => {
      c.looks++;
      return found();
    },
  };
  return c;
}

/** Writes the answer to `id` into `outbox` as the bus does: aside, then renamed in. */
function answer(outbox: string, id: string): string {
  const name = messageFileName(newMessageId());
  const text = `# HelloWorld Response\n# From: zz\n# To: human\n# In-Reply-To: ${id}\n# Thread: ${id}\n\nthe answer\n`;
  writeFileSync(join(outbox, `.${name}.tmp`), text);
  renameSync(join(outbox, `.${name}.tmp`), join(outbox, name));
  return name;
}

describe('a wait on an outbox that a writer floods with new files', () => {
  it('looks at most once per gap until its time-out, however often the folder changes', async () => {
    const { root, outbox, written } = await flooded();
    const c = counting();
    const t0 = Date.now();
    const r = await waitUntil(root, outbox, c.check, 800);
    const elapsed = Date.now() - t0;
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(written()).toBeGreaterThan(100); // the flood ran
    expect(c.looks, `${c.looks} looks in ${elapsed} ms`).toBeLessThanOrEqual(allowed(elapsed));
  });

  // The burst is for changes that come after a quiet moment (an answer), not for reading on
  // through a backlog: 100,000 files planted in an outbox made each look of an MCP wait 0.2 s, and
  // its first WAIT_LOOK_BURST looks ran back to back, the server answering nothing for 2-3 s.
  it('looks that read on through what the last one left come at most once per gap, the burst not theirs', async () => {
    const { root } = makeBusWithRuntimes();
    const dir = receiverPaths(root, 'zz').outbox;
    mkdirSync(dir, { recursive: true });
    const c = counting();
    const t0 = Date.now();
    const r = await waitUntil(root, dir, c.check, 500, { again: () => true });
    const elapsed = Date.now() - t0;
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(c.looks, `${c.looks} looks in ${elapsed} ms`).toBeLessThanOrEqual(allowed(elapsed) - WAIT_LOOK_BURST);
  });

  it('the process turns between two looks: a callback queued before the wait (setImmediate) runs after its first look, whatever wakes the next', async () => {
    const { root } = makeBusWithRuntimes();
    const dir = receiverPaths(root, 'zz').outbox;
    mkdirSync(dir, { recursive: true });
    for (const again of [true, false]) {
      const c = counting();
      let looksWhenItRan = -1;
      // An immediate, not a timer: a wake by a change (I/O) can come in a turn before a 0 ms timer is due.
      setImmediate(() => {
        looksWhenItRan = c.looks;
      });
      // Each look changes the folder (as a flood does), so that a wait for a change finds one.
      let n = 0;
      const check = () => {
        writeFileSync(join(dir, `msg-flood-${again}-${n++}.hw`), 'x');
        return c.check();
      };
      await waitUntil(root, dir, check, 300, { again: () => again });
      expect(looksWhenItRan, `again: ${again}`).toBe(1);
    }
  });

  it('keeps its deadline, and an abort ends it between two looks', async () => {
    const { root, outbox } = await flooded();
    const t0 = Date.now();
    const r = await waitUntil(root, outbox, counting().check, 250);
    expect(r).toMatchObject({ ok: false, timedOut: true });
    // Not a gap past it (a loose bound: the flood loads this process).
    expect(Date.now() - t0).toBeLessThan(250 + 20 * WAIT_LOOK_GAP_MS);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);
    expect(await waitUntil(root, outbox, counting().check, 60_000, { signal: stop.signal })).toEqual({ ok: false, aborted: true });
  });

  it('an answer written during the flood is found by the next look', async () => {
    const { root, outbox } = await flooded();
    let name: string | undefined;
    const c = counting(() => (name !== undefined && existsSync(join(outbox, name)) ? name : undefined));
    let looksBefore = -1;
    setTimeout(() => {
      looksBefore = c.looks;
      name = answer(outbox, 'x');
    }, 300);
    const r = await waitUntil(root, outbox, c.check, 10_000);
    expect(r).toMatchObject({ ok: true, value: name });
    expect(looksBefore).toBeGreaterThan(0);
    expect(c.looks - looksBefore).toBe(1);
  });

  it('a change after a quiet moment is looked at at once: an answer that comes just after the first look is found without waiting a gap', async () => {
    const { root } = makeBusWithRuntimes();
    const dir = receiverPaths(root, 'zz').outbox;
    mkdirSync(dir, { recursive: true });
    const starts: number[] = [];
    let name: string | undefined;
    const check = () => {
      starts.push(Date.now());
      // The answer comes as the first look ends (an echo daemon answers in a few ms).
      if (starts.length === 1) name = answer(dir, 'x');
      else if (existsSync(join(dir, name!))) return name;
      return undefined;
    };
    expect(await waitUntil(root, dir, check, 10_000)).toEqual({ ok: true, value: name });
    expect(starts).toHaveLength(2);
    // A gap after the first (100 ms: every send --wait round trip took that long) is the flood's pace only.
    expect(starts[1]! - starts[0]!).toBeLessThan(WAIT_LOOK_GAP_MS * 0.9);
  });

  it('send --wait through a responder that answers at once: the round trip takes no gap', async () => {
    const { root } = makeBusWithRuntimes();
    const outbox = receiverPaths(root, 'zz').outbox;
    mkdirSync(outbox, { recursive: true });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const sent = await sendMessage({ root, to: 'zz', from: 'human', body: `ping ${i}` });
      setTimeout(() => answer(outbox, sent.id), 2);
      expect(await waitForResponse(root, 'zz', sent.id, 10_000)).toMatchObject({ ok: true });
      times.push(Date.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2], times.join(', ')).toBeLessThan(WAIT_LOOK_GAP_MS * 0.9);
  });

  it('the first look is at once', async () => {
    const { root } = makeBusWithRuntimes();
    const dir = receiverPaths(root, 'zz').outbox;
    const c = counting(() => 'there');
    expect(await waitUntil(root, dir, c.check, 10_000)).toEqual({ ok: true, value: 'there' });
    expect(c.looks).toBe(1);
  });

  it('dispatch wait and send --wait find an answer written during the flood, and end at their time-out without one', async () => {
    const { root, id, outbox } = await flooded();
    setTimeout(() => answer(outbox, id), 300);
    expect(await waitForAnswer(root, id, { timeoutMs: 10_000 })).toMatchObject({ status: 'answered' });
    const other = await sendMessage({ root, to: 'zz', from: 'human', body: 'unanswered' });
    expect(await waitForResponse(root, 'zz', other.id, 300)).toMatchObject({ ok: false, timedOut: true });
  });
});
