/**
 * A wait on a request gone from the bus (HelloWorld's daemons delete what they read) looks through
 * every receiver for an answer. It ran a whole findAnswer per receiver folder, each listing up to
 * busListMax names of that receiver's outbox and archive: any bus writer can make many receiver
 * folders, each under the bound, and the search listed (and read the headers of) them all. The
 * search has one budget of busListMax names in all; past it the refusal says the lookup was partial.
 * The work is counted (the names listed), not timed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { setThreadScanMaxForTests, waitForAnswer } from '../../scripts/lib/bus/query.ts';

const listed = vi.hoisted(() => ({ names: 0 }));
vi.mock('../../scripts/lib/bus/fsutil.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/lib/bus/fsutil.ts')>();
  return {
    ...real,
    listBusDirUpTo: (root: string, dir: string, max: number) => {
      const r = real.listBusDirUpTo(root, dir, max);
      listed.names += r.names.length;
      return r;
    },
  };
});

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

describe("a wait's search for an answer to a request gone from the bus", () => {
  it('lists at most busListMax names in all over many receiver folders, and says the lookup was partial', async () => {
    const id = newMessageId();
    const root = planted(40, 40);
    listed.names = 0;
    const err = (await waitForAnswer(root, id, { timeoutMs: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(err.code).toBe('not_found');
    expect(err.message).toContain('the lookup was partial');
    // The search's budget (50), the id hint's (50) and the thread lookup's (50): not 40 × 40.
    expect(listed.names).toBeLessThanOrEqual(3 * MAX);
  });

  it('so does the lookup of the request itself, with a processing/ folder in each receiver (findMessage: a claim of it)', async () => {
    const id = newMessageId();
    const root = planted(40, 40, true);
    listed.names = 0;
    const err = (await waitForAnswer(root, id, { timeoutMs: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(err.code).toBe('not_found');
    // Two lookups of the request (findMessage), the search, the id hint and the thread lookup: each within its budget, not 40 × 80.
    expect(listed.names).toBeLessThanOrEqual(5 * MAX);
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
