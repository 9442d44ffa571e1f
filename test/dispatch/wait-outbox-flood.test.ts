/**
 * A wait read the headers of every file in the responder's outbox it had not judged yet, on its
 * first look: 100,000 empty files named like messages planted there (any bus writer can) made each
 * 1 s MCP wait take 1.8-2.9 s, the server answering no other call meanwhile. A look reads at most
 * waitLookReads() files, answers named with ids the bus made dated within the request's window
 * (the request less the clocks' slack, to now plus it) first, the nearest the request first, ids
 * dated after the window last; the rest wait for the next look, which comes at once (after
 * the event loop's turn) while some are left. The work is counted (files of the outbox opened:
 * test/support/fs-calls.ts), not timed.
 */
import { mkdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsCallsDuring } from '../support/fs-calls.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { idTimeMs, messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setWaitLookReadsForTests } from '../../scripts/lib/bus/list-bound.ts';
import { responseFinder } from '../../scripts/lib/bus/responses.ts';
import { findAnswer, waitForAnswer } from '../../scripts/lib/bus/query.ts';
import { waitTool } from '../../scripts/lib/bus/mcp/tools.ts';

const LOOK = 40;
const PLANTED = 300;
beforeEach(() => setWaitLookReadsForTests(LOOK));
afterEach(() => setWaitLookReadsForTests(undefined));

/**
 * A request to @zz, `first` (written before the rest), and PLANTED files in its outbox named like
 * messages (slugs) that answer nothing.
 */
async function flooded(first?: (outbox: string, id: string) => void): Promise<{ root: string; id: string; outbox: string }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
  const outbox = receiverPaths(root, 'zz').outbox;
  mkdirSync(outbox, { recursive: true });
  first?.(outbox, sent.id);
  // Written a minute ago: a young file is looked at again (responses.ts FOREIGN_SETTLE_MS).
  const before = new Date(Date.now() - 60_000);
  for (let i = 0; i < PLANTED; i++) {
    const path = join(outbox, `msg-slug-${i}.hw`);
    writeFileSync(path, '# From: other\n\nnot an answer\n');
    utimesSync(path, before, before);
  }
  return { root, id: sent.id, outbox };
}

/** A UUIDv7 dated `ms`, with the random bits of a fresh id. */
function idAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}${newMessageId().slice(13)}`;
}

/** `look` run, and how many files of `outbox` it opened (read: readBusFile opens each once). */
async function readsOf<T>(outbox: string, look: () => T): Promise<{ result: T; reads: number }> {
  const { result, calls } = await fsCallsDuring(look);
  return { result, reads: calls.count('file-open', outbox) };
}

const answer = (to: string, thread = to) => `# HelloWorld Response\n# From: zz\n# In-Reply-To: ${to}\n# Thread: ${thread}\n\nthe answer\n`;

describe('a wait on an outbox flooded with files named like messages', () => {
  it('a look reads at most the bound; the looks after it read on, and nothing is left pending', async () => {
    const { root, id, outbox } = await flooded();
    const find = responseFinder(root, 'zz', id, { collect: false });
    const first = await readsOf(outbox, find);
    expect(first.result).toBeUndefined();
    expect(first.reads).toBeGreaterThan(0);
    expect(first.reads).toBeLessThanOrEqual(LOOK);
    expect(find.pending()).toBe(true);
    const rest = await readsOf(outbox, () => {
      for (let i = 0; i < PLANTED / LOOK + 1; i++) find();
    });
    expect(first.reads + rest.reads).toBeGreaterThanOrEqual(PLANTED);
    expect(first.reads + rest.reads).toBeLessThanOrEqual(PLANTED + LOOK);
    expect(find.pending()).toBe(false);
  });

  it('an answer named with an id the bus made is read in the first look, before the planted files', async () => {
    const answerId = newMessageId();
    const { root, id, outbox } = await flooded((outbox, id) => writeFileSync(join(outbox, messageFileName(answerId)), answer(id)));
    const { result, reads } = await readsOf(outbox, responseFinder(root, 'zz', id, { collect: false }));
    expect(result?.id).toBe(answerId);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(LOOK);
  });

  it('an answer under a name the bus did not make is found by a wait all the same, looking on without waiting for a change', async () => {
    const { root, id } = await flooded((outbox, id) => writeFileSync(join(outbox, 'msg-zzz-foreign-answer.hw'), answer(id)));
    const r = await waitForAnswer(root, id, {
      timeoutMs: 20_000,
      responder: 'zz',
      collect: false,
      watch: { notifications: false, idlePollMs: 60_000, fallbackPollMs: [60_000, 60_000] },
    });
    expect(r).toMatchObject({ status: 'answered', answer: { id: 'zzz-foreign-answer' } });
  });

  it.each([
    ["a year ahead (after now plus the clocks' slack: read last)", 365 * 24 * 3600_000],
    ['half an hour ahead (within the slack: the nearest the request first)', 30 * 60_000],
  ])('files named with ids dated %s: an answer dated by its request is read in the first look', async (_, ahead) => {
    const { root, id, outbox } = await flooded((outbox, id) => {
      // The answer first, dated a second after its request (as the responder's clock made it), then LOOK * 3 planted files.
      writeFileSync(join(outbox, messageFileName(idAt((idTimeMs(id) ?? 0) + 1000))), answer(id));
      for (let i = 0; i < LOOK * 3; i++) writeFileSync(join(outbox, messageFileName(idAt(Date.now() + ahead + i))), answer(newMessageId()));
    });
    const { result, reads } = await readsOf(outbox, responseFinder(root, 'zz', id, { collect: false }));
    expect(result?.id).toBeDefined();
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(LOOK);
  });

  it('a new finder (a new wait) starts from the same order: each finds the answer in its first look', async () => {
    const { root, id, outbox } = await flooded((outbox, id) => {
      writeFileSync(join(outbox, messageFileName(idAt((idTimeMs(id) ?? 0) + 1000))), answer(id));
      for (let i = 0; i < LOOK * 3; i++) writeFileSync(join(outbox, messageFileName(idAt(Date.now() + 2 * 3600_000 + i))), answer(newMessageId()));
    });
    for (let n = 0; n < 2; n++) {
      const { result, reads } = await readsOf(outbox, responseFinder(root, 'zz', id, { collect: false }));
      expect(result).toMatchObject({ message: { inReplyTo: id } });
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(LOOK);
    }
  });

  // The lookup that checks a wait's receiver, or searches every receiver for an answer to a request
  // gone from the bus (HelloWorld's daemons delete what they read), read every file of the outbox
  // in one go: 100,000 planted there held an MCP wait naming its receiver 6.9 s before its first
  // look, the server answering nothing else.
  it('the lookup of an answer to a request gone from the bus reads at most the bound; the wait naming its receiver reads on and finds it', async () => {
    const { root, id, outbox } = await flooded();
    unlinkSync(join(receiverPaths(root, 'zz').inbox, messageFileName(id)));
    const lookup = await readsOf(outbox, () => findAnswer(root, id, { responder: 'zz' }));
    expect(lookup.reads).toBeGreaterThan(0);
    expect(lookup.reads).toBeLessThanOrEqual(LOOK);
    // Its answer, dated two hours before the request (a responder's clock behind): read after the rest.
    const answerId = idAt((idTimeMs(id) ?? 0) - 2 * 3600_000);
    writeFileSync(join(outbox, messageFileName(answerId)), answer(id));
    const r = await waitTool({ root, as: 'human' }, { id, timeout_s: 20, receiver: '@zz' });
    expect(r).toMatchObject({ ok: true, status: 'answered', request_id: id, id: answerId });
  });
});
