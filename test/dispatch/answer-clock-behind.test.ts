/**
 * A wait skipped, unread, every file of the outbox named with an id the bus made an hour or more
 * before the request (ANSWER_CLOCK_SLACK_MS): a responder whose clock is over an hour behind made
 * its answer's id so, and the wait ran to its time-out with the answer in front of it. An answer
 * that names the request by its id is the answer, whatever the clocks say: such files are read
 * last now, within the bound of the files one look reads (list-bound.ts waitLookReads), never
 * passed over.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setWaitLookReadsForTests } from '../../scripts/lib/bus/list-bound.ts';
import { waitForAnswer } from '../../scripts/lib/bus/query.ts';

const HOUR = 3600_000;
afterEach(() => setWaitLookReadsForTests(undefined));

/** A UUIDv7 dated `ms`, with the random bits of a fresh id. */
function idAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}${newMessageId().slice(13)}`;
}

const answer = (to: string) => `# HelloWorld Response\n# From: zz\n# In-Reply-To: ${to}\n\nthe answer from behind\n`;

/** A request to @zz, answered in its outbox under an id made `behindMs` before it (the responder's clock). */
async function answeredFromBehind(behindMs: number): Promise<{ root: string; id: string; answerId: string; outbox: string }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
  const outbox = receiverPaths(root, 'zz').outbox;
  mkdirSync(outbox, { recursive: true });
  const answerId = idAt(Date.now() - behindMs);
  writeFileSync(join(outbox, messageFileName(answerId)), answer(sent.id));
  return { root, id: sent.id, answerId, outbox };
}

describe('an answer from a responder whose clock is behind', () => {
  it('three hours behind: the wait ends with it', async () => {
    const { root, id, answerId } = await answeredFromBehind(3 * HOUR);
    const r = await waitForAnswer(root, id, { timeoutMs: 1500, responder: 'zz' });
    expect(r).toMatchObject({ status: 'answered', answer: { id: answerId } });
  });

  it('dispatch wait prints it', async () => {
    const { root, id, answerId } = await answeredFromBehind(30 * HOUR);
    const r = await dispatch(root, ['wait', id, '--timeout', '1.5', '--json']);
    expect(JSON.parse(r.stdout), r.stdout).toMatchObject({ ok: true, answer: { id: answerId } });
  });

  it('among many older answers to other requests, within the bound of reads per look', async () => {
    const { root, id, answerId, outbox } = await answeredFromBehind(2 * HOUR);
    for (let i = 0; i < 100; i++) writeFileSync(join(outbox, messageFileName(idAt(Date.now() - 48 * HOUR - i))), answer(newMessageId()));
    setWaitLookReadsForTests(10);
    const r = await waitForAnswer(root, id, { timeoutMs: 5000, responder: 'zz', collect: false });
    expect(r).toMatchObject({ status: 'answered', answer: { id: answerId } });
  });
});
