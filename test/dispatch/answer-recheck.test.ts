/**
 * What a wait for an answer (waitForAnswer, and the responseFinder under it and under
 * waitForResponse) looks at again: a candidate file whose read failed once is tried again at a
 * later check (backing off up to UNREADABLE_RETRY_MAX_MS), never passed over for the rest of the
 * wait. A read that fails is made with a second name of the file (a hard link, which the bus
 * refuses to read: fsutil.ts), as a foreign writer that publishes with link() + unlink() leaves it
 * for a moment.
 * An answer matched by its Thread that keeps changing (a writer still appending, in place) is
 * taken, as it is and uncollected, once it has been reconsidered for FOREIGN_CHANGE_LIMIT_MS,
 * not waited on until the time-out.
 * A file left under the request's own name in the inbox or processing/ does not hide an answer
 * already in the archive (the request itself is archived: it was handled).
 */
import { describe, it, expect } from 'vitest';
import { appendFileSync, copyFileSync, linkSync, mkdirSync, readdirSync, unlinkSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fs } from '../../scripts/lib/fs/node-fs.ts';
import { foreignAnswerInOutbox, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, claimFileName, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { waitForAnswer } from '../../scripts/lib/bus/query.ts';
import { FOREIGN_CHANGE_LIMIT_MS, FOREIGN_SETTLE_MS, responseFinder, UNREADABLE_RETRY_MAX_MS } from '../../scripts/lib/bus/responses.ts';

const lease = { owner: 't', leaseMs: 60_000 };

/** Opens of a file named `name` (any folder) while `fn` runs, in `opens`. */
let opens = 0;
function countingOpens<T>(name: string, fn: () => T): T {
  const real = fs.openSync;
  opens = 0;
  fs.openSync = ((path: Parameters<typeof real>[0], ...rest: unknown[]) => {
    if (typeof path === 'string' && basename(path) === name) opens++;
    return (real as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof real;
  try {
    return fn();
  } finally {
    fs.openSync = real;
  }
}

/** A request to @r, handled, with its answer in @r's outbox (not collected). */
async function answered(body = 'the answer') {
  const bus = makeBus();
  const sent = await sendMessage({ root: bus.root, to: 'r', from: 's', body: 'q' });
  const done = completeClaim((await claimById(bus.root, 'r', sent.id, lease))!, { body });
  return { ...bus, requestId: sent.id, answerId: done.response!.id, answerPath: done.response!.path, paths: receiverPaths(bus.root, 'r') };
}

/** The archived copy of the request, put back under its own name into `dir` (as a duplicate delivery leaves it). */
function leaveRequestCopy(paths: ReturnType<typeof receiverPaths>, requestId: string, dir: string, name = messageFileName(requestId)): void {
  const day = readdirSync(paths.archive)[0]!;
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(paths.archive, day, messageFileName(requestId)), join(dir, name));
}

describe('a candidate answer whose read fails once', () => {
  it('in the outbox is looked at again at a later check (responseFinder)', async () => {
    const { base, root, requestId, answerId, answerPath } = await answered();
    const second = join(base, 'second-name');
    linkSync(answerPath, second);
    let t = Date.now();
    const find = responseFinder(root, 'r', requestId, { now: () => t });
    expect(find()).toBeUndefined(); // not readable now
    unlinkSync(second);
    t += FOREIGN_SETTLE_MS; // tried again from then on
    expect(find()).toMatchObject({ id: answerId, collected: true, message: { body: 'the answer' } });
  });

  it('in the archive is looked at again at a later check (responseFinder)', async () => {
    const { base, root, requestId, answerId, paths } = await answered();
    // Collected into the archive by an earlier wait.
    expect(responseFinder(root, 'r', requestId)()).toMatchObject({ id: answerId, collected: true });
    const day = readdirSync(paths.archive)[0]!;
    const second = join(base, 'second-name');
    linkSync(join(paths.archive, day, messageFileName(answerId)), second);
    let t = Date.now();
    const find = responseFinder(root, 'r', requestId, { now: () => t });
    expect(find()).toBeUndefined();
    unlinkSync(second);
    t += FOREIGN_SETTLE_MS;
    expect(find()).toMatchObject({ id: answerId, location: 'archive', collected: false });
  });

  it('that stays unreadable is tried again less and less often, at least every UNREADABLE_RETRY_MAX_MS', async () => {
    const { base, root, requestId, answerId, answerPath } = await answered();
    const second = join(base, 'second-name');
    linkSync(answerPath, second);
    let t = Date.now();
    const start = t;
    const find = responseFinder(root, 'r', requestId, { now: () => t });
    const tries = countingOpens(basename(answerPath), () => {
      const at: number[] = [];
      for (; t - start < 30_000; t += 100) {
        const before = opens;
        expect(find()).toBeUndefined();
        if (opens > before) at.push(t - start);
      }
      return at;
    });
    // 0, then 0.3, 0.6, 1.2, 2.4, 4.8 s apart, then every 5 s: 11 reads in 30 s, not 300.
    const gaps = tries.slice(1).map((x, i) => x - tries[i]!);
    expect(gaps.slice(0, 6)).toEqual([300, 600, 1200, 2400, 4800, UNREADABLE_RETRY_MAX_MS]);
    expect(gaps.every((g) => g <= UNREADABLE_RETRY_MAX_MS)).toBe(true);
    unlinkSync(second);
    t += UNREADABLE_RETRY_MAX_MS;
    expect(find()).toMatchObject({ id: answerId });
  });

  it('ends waitForAnswer with the answer once it can be read, not at the time-out', async () => {
    const { base, root, requestId, answerId, answerPath } = await answered();
    const second = join(base, 'second-name');
    linkSync(answerPath, second);
    const started = Date.now();
    const waiting = waitForAnswer(root, requestId, { timeoutMs: 5000 });
    setTimeout(() => unlinkSync(second), 200);
    const r = await waiting;
    expect(r).toMatchObject({ status: 'answered', answer: { id: answerId }, collected: true });
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('an answer matched by its Thread that keeps changing', () => {
  it('is taken as it is, uncollected, once reconsidered for a bounded time (responseFinder, a clock of its own)', async () => {
    const { root, requestId, file } = await foreignAnswerInOutbox('Codex responds:');
    let t = Date.now();
    const find = responseFinder(root, 'r', requestId, { now: () => t });
    let found: ReturnType<typeof find>;
    let looks = 0;
    // A writer appends between every two looks, 100 ms apart on the finder's clock.
    while (found === undefined && looks < 200) {
      appendFileSync(file, '.');
      utimesSync(file, t / 1000, t / 1000);
      found = find();
      looks++;
      t += 100;
    }
    expect(found).toMatchObject({ id: '1a2b3c4d', location: 'outbox', collected: false });
    expect(found!.message.body).toMatch(/^Codex responds:\.+$/);
    expect(looks * 100).toBeLessThanOrEqual(FOREIGN_CHANGE_LIMIT_MS + 100); // and no more than one look after
  });

  it('ends waitForAnswer with the answer before its time-out (a real writer, every 50 ms)', async () => {
    const { root, requestId, file } = await foreignAnswerInOutbox('streaming');
    const writer = setInterval(() => appendFileSync(file, '.'), 50);
    try {
      const started = Date.now();
      const r = await waitForAnswer(root, requestId, { timeoutMs: 7000 });
      expect(r).toMatchObject({ status: 'answered', collected: false, answer: { id: '1a2b3c4d', location: 'outbox' } });
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      clearInterval(writer);
    }
  });
});

describe('a file under the request’s own name left in the inbox or processing/', () => {
  for (const where of ['inbox', 'processing'] as const) {
    it(`in ${where} does not hide the answer already archived (waitForAnswer, responseFinder)`, async () => {
      const { root, requestId, answerId, paths } = await answered();
      // Collected by an earlier wait: the answer is in the archive, with the request.
      expect(await waitForAnswer(root, requestId, { timeoutMs: 1000 })).toMatchObject({ status: 'answered', collected: true });
      const fileName = messageFileName(requestId);
      if (where === 'inbox') leaveRequestCopy(paths, requestId, paths.inbox);
      else leaveRequestCopy(paths, requestId, paths.processing, claimFileName(fileName, Date.now() + 60_000, 'hand'));
      expect(responseFinder(root, 'r', requestId)()).toMatchObject({ id: answerId, location: 'archive', collected: false });
      const r = await waitForAnswer(root, requestId, { timeoutMs: 300 });
      expect(r).toMatchObject({ status: 'answered', collected: false, answer: { id: answerId, location: 'archive' } });
    });
  }
});
