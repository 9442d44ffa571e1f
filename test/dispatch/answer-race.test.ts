/**
 * Waits that race other collectors and foreign writers for the same answer: an answer collected by
 * someone else between this wait's looks at it, one collected before this wait looked at the outbox
 * again, an answer a foreign daemon writes in place (caught empty), and one whose file time lies in
 * the future. Each race is made deterministic: the other collector acts at a chosen open of the file
 * (fs.openSync is wrapped, as small-file.ts calls it), or between two checks of a wait (synchronous
 * code runs between them, never inside one).
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, realpathSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { foreignAnswerInOutbox, makeBus, threadEraResponse } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { findAnswer, waitForAnswer } from '../../scripts/lib/bus/query.ts';
import { responseFinder, waitForResponse } from '../../scripts/lib/bus/responses.ts';
import { fs } from '../../scripts/lib/fs/node-fs.ts';

const lease = { owner: 't', leaseMs: 60_000 };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Runs `fn` with every open of `name` in folder `dir` counted; `after(n)` runs right after the
 * n-th open returned (the file is open then: moving it away does not change what that open reads).
 */
async function onOpens<T>(dir: string, name: string, after: (n: number) => void, fn: () => Promise<T>): Promise<T> {
  const realDir = realpathSync(dir);
  const real = fs.openSync;
  let n = 0;
  fs.openSync = ((path: Parameters<typeof real>[0], ...rest: unknown[]) => {
    const fd = (real as (...a: unknown[]) => number)(path, ...rest);
    if (typeof path === 'string' && basename(path) === name) {
      let where: string | undefined;
      try {
        where = realpathSync(dirname(path));
      } catch {
        where = undefined;
      }
      if (where === realDir) after(++n);
    }
    return fd;
  }) as typeof real;
  try {
    return await fn();
  } finally {
    fs.openSync = real;
  }
}

async function answered(root: string) {
  const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
  const done = completeClaim((await claimById(root, 'r', sent.id, lease))!, { body: 'the answer' });
  const paths = receiverPaths(root, 'r');
  return { sent, paths, answerId: done.response!.id, name: done.response!.fileName };
}

describe('an answer collected by someone else while this wait looks at it', () => {
  for (const collect of [true, false]) {
    for (const k of [1, 2, 3, 4]) {
      it(`is the answer, as collected (collect: ${collect}; moved to the archive right after this process's open ${k} of it)`, async () => {
        const { root } = makeBus();
        const { sent, paths, answerId, name } = await answered(root);
        const archived = join(paths.archive, today());
        mkdirSync(archived, { recursive: true });
        const otherCollector = (n: number) => {
          if (n === k) renameSync(join(paths.outbox, name), join(archived, name));
        };
        const r = await onOpens(paths.outbox, name, otherCollector, () => waitForAnswer(root, sent.id, { timeoutMs: 1500, collect }));
        // Was `unreadable` ("it is gone (moved meanwhile)", reported as too_large) when the file
        // went between two reads, and a wait to the time-out when it went after the last one.
        expect(r.status).toBe('answered');
        if (r.status !== 'answered') return;
        expect(r.answer).toMatchObject({ id: answerId, problem: null });
        expect(r.answer.untrusted?.body).toBe('the answer');
      });
    }
  }

  it('findAnswer gives it too, never a file that is gone', async () => {
    const { root } = makeBus();
    const { sent, paths, answerId, name } = await answered(root);
    const archived = join(paths.archive, today());
    mkdirSync(archived, { recursive: true });
    for (const k of [1, 2, 3]) {
      let moved = false;
      const move = (n: number) => {
        if (n === k) renameSync(join(paths.outbox, name), join(archived, name));
        moved ||= n === k;
      };
      const found = await onOpens(paths.outbox, name, move, async () => findAnswer(root, sent.id));
      expect(found, `moved after open ${k}`).toMatchObject({ id: answerId, problem: null });
      expect(found?.untrusted?.body).toBe('the answer');
      if (moved) renameSync(join(archived, name), join(paths.outbox, name)); // back, for the next k
    }
  });
});

describe('an answer another waiter collected between two checks of this wait', () => {
  it('ends waitForAnswer with the answer, as collected (it timed out)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
    const claim = (await claimById(root, 'r', sent.id, lease))!;
    const waiting = waitForAnswer(root, sent.id, { timeoutMs: 3000 });
    // The wait has looked once (its first check runs before it first waits); now, before it looks
    // again, the answer comes and another waiter collects it.
    const done = completeClaim(claim, { body: 'the answer' });
    const other = responseFinder(root, 'r', sent.id)();
    expect(other).toMatchObject({ id: done.response!.id, collected: true });
    const r = await waiting;
    expect(r).toMatchObject({ status: 'answered', collected: false, answer: { id: done.response!.id, location: 'archive' } });
    if (r.status === 'answered') expect(r.answer.untrusted?.body).toBe('the answer');
  });

  it('ends waitForResponse (send --wait, run, the REPL) with the answer (it timed out)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
    const claim = (await claimById(root, 'r', sent.id, lease))!;
    const waiting = waitForResponse(root, 'r', sent.id, 3000);
    const done = completeClaim(claim, { body: 'the answer' });
    expect(responseFinder(root, 'r', sent.id)()).toMatchObject({ collected: true });
    const r = await waiting;
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ id: done.response!.id, collected: false, message: { body: 'the answer' } });
  });
});

describe('a foreign answer written in place', () => {
  it('is taken once it is whole, also when this wait first met it empty (it was passed over for good: the wait ran out)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
    completeClaim((await claimById(root, 'r', sent.id, lease))!); // handled; the answer comes later
    const { outbox } = receiverPaths(root, 'r');
    mkdirSync(outbox, { recursive: true });
    const name = 'msg-1a2b3c4d.hw';
    writeFileSync(join(outbox, name), ''); // created, not written yet
    let opens = 0;
    const r = await onOpens(
      outbox,
      name,
      (n) => (opens = n),
      async () => {
        const waiting = waitForAnswer(root, sent.id, { timeoutMs: 4000 });
        expect(opens).toBeGreaterThan(0); // the first check read it empty
        writeFileSync(join(outbox, name), threadEraResponse(sent.id, 'Codex responds:\n\nyes'));
        return waiting;
      },
    );
    expect(r.status).toBe('answered');
    if (r.status === 'answered') expect(r.answer.untrusted?.body).toBe('Codex responds:\n\nyes');
  });

  it('is taken once it stops changing when its file time is in the future (a skewed clock, or set so: the wait ran out)', async () => {
    const { root, requestId, file } = await foreignAnswerInOutbox('later');
    const ahead = new Date(Date.now() + 365 * 86_400_000);
    utimesSync(file, ahead, ahead);
    const r = await waitForAnswer(root, requestId, { timeoutMs: 4000 });
    expect(r.status).toBe('answered');
    if (r.status === 'answered') expect(r.answer.untrusted?.body).toBe('later');
  });
});
