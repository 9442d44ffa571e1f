/**
 * A wait on a request gone from the bus (HelloWorld's daemons delete what they read) looks through
 * every receiver for an answer. It ran a whole findAnswer per receiver folder, each listing up to
 * busListMax names of that receiver's outbox and archive: any bus writer can make many receiver
 * folders, each under the bound, and the search listed (and read the headers of) them all. The
 * search has one budget of busListMax names in all; past it the refusal says the lookup was partial.
 * The work is counted (the names listed of the bus's folders: test/support/fs-calls.ts), not timed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FsCalls, fsCallsDuring } from '../support/fs-calls.ts';
import { makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths, runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { setThreadScanMaxForTests, waitForAnswer } from '../../scripts/lib/bus/query.ts';

const MAX = 50;
beforeEach(() => {
  setBusListMaxForTests(MAX);
  // The thread lookup of the refusal lists at most ten times this (query.ts threadListMax): 50 names.
  setThreadScanMaxForTests(5);
});
afterEach(() => setThreadScanMaxForTests(undefined));

/** `receivers` receiver folders, each with `files` messages that answer nothing in its outbox (and as many other files in processing/). */
function planted(receivers: number, files: number, processing = false): string {
  const { root } = makeBusWithRuntimes();
  for (let r = 0; r < receivers; r++) {
    if (processing) plantEmptyFiles(receiverPaths(root, `r${r}`).processing, files);
    const outbox = receiverPaths(root, `r${r}`).outbox;
    mkdirSync(outbox, { recursive: true });
    for (let i = 0; i < files; i++) {
      writeFileSync(
        join(outbox, messageFileName(newMessageId())),
        '# HelloWorld Response\n# From: @x\n# In-Reply-To: 01a24811-d8f3-7000-8000-000000000000\n\nnot it\n',
      );
    }
  }
  return root;
}

/**
 * The names listed of the receivers' folders (runtimes/<r>/outbox, archive, processing and those
 * under them): runtimes/ itself, and each runtimes/<r>, are listed within their own bounds
 * (receiverFoldersMax folders).
 */
function receiverNames(root: string, calls: FsCalls): number {
  return calls.within('name', runtimesDir(root)).filter((f) => f.split(sep).length >= 2).length;
}

/** What a wait that ends at once on request `id` refuses with (a function for fsCallsDuring). */
function refusal(root: string, id: string): () => Promise<Error & { code?: string }> {
  return () =>
    waitForAnswer(root, id, { timeoutMs: 0 }).then(
      () => {
        throw new Error('the wait was not refused');
      },
      (e: unknown) => e as Error & { code?: string },
    );
}

describe("a wait's search for an answer to a request gone from the bus", () => {
  it('lists at most busListMax names in all over many receiver folders, and says the lookup was partial', async () => {
    const id = newMessageId();
    const root = planted(40, 40);
    const { result: err, calls } = await fsCallsDuring(refusal(root, id));
    expect(err.code).toBe('not_found');
    expect(err.message).toContain('the lookup was partial');
    // The search's budget (50), the id hint's (50) and the thread lookup's (50): not 40 × 40.
    expect(receiverNames(root, calls)).toBeGreaterThan(0);
    expect(receiverNames(root, calls)).toBeLessThanOrEqual(3 * MAX);
  });

  it('so does the lookup of the request itself, with a processing/ folder in each receiver (findMessage: a claim of it)', async () => {
    const id = newMessageId();
    const root = planted(40, 40, true);
    const { result: err, calls } = await fsCallsDuring(refusal(root, id));
    expect(err.code).toBe('not_found');
    expect(receiverNames(root, calls)).toBeGreaterThan(0);
    // Two lookups of the request (findMessage), the search, the id hint and the thread lookup: each within its budget, not 40 × 80.
    expect(receiverNames(root, calls)).toBeLessThanOrEqual(5 * MAX);
  });

  it('under the bound an answer in any receiver is still found', async () => {
    const id = newMessageId();
    const root = planted(3, 5);
    const outbox = receiverPaths(root, 'r1').outbox;
    const answer = newMessageId();
    writeFileSync(join(outbox, messageFileName(answer)), `# HelloWorld Response\n# From: @r1\n# In-Reply-To: ${id}\n\nthe answer\n`);
    const r = await waitForAnswer(root, id, { timeoutMs: 0 });
    expect(r.status).toBe('answered');
  });
});
