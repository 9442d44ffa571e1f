/**
 * A thread lookup reads at most THREAD_SCAN_MAX files' headers, the newest bus-made ids first: any
 * bus writer who plants that many newer files leaves a thread's members unread. When none of them
 * was read, the refusal said the id "is another receiver's message: give the command without the
 * receiver", to a call that gave no receiver (review 2026-12-06): it now says the lookup left files
 * unread, in the words of the note a listing gives.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { idTimeMs, messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setThreadScanMaxForTests } from '../../scripts/lib/bus/query.ts';
import { threadTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { AliveError } from '../../scripts/lib/errors.ts';

const MAX = 10;
afterEach(() => setThreadScanMaxForTests(undefined));

async function flooded() {
  const { root } = makeBus();
  const real = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  // Newer bus-made ids than the request's (a minute on: none shares its millisecond, which would
  // rank it by listing order), in another receiver's outbox: read before it.
  const outbox = receiverPaths(root, 'zz').outbox;
  mkdirSync(outbox, { recursive: true });
  const later = idTimeMs(real.id)! + 60_000;
  for (let i = 0; i < 3 * MAX; i++) closeSync(openSync(join(outbox, messageFileName(newMessageId(later + i))), 'w'));
  setThreadScanMaxForTests(MAX);
  return { root, id: real.id };
}

it('thread (MCP tool): the refusal says files were left unread, not that the id is another receiver’s', async () => {
  const { root, id } = await flooded();
  let err: unknown;
  try {
    threadTool({ root, as: 'human' }, { id });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AliveError);
  const message = (err as AliveError).message;
  expect((err as AliveError).code).toBe('not_found');
  expect(message).not.toContain("another receiver's message");
  expect(message).toContain(`${3 * MAX + 1 - MAX} files on the bus were not read`);
});

it('dispatch thread: the same', async () => {
  const { root, id } = await flooded();
  const r = await dispatch(root, ['thread', id]);
  expect(r.status).toBe(1);
  expect(r.stderr).not.toContain("another receiver's message");
  expect(r.stderr).toContain('files on the bus were not read');
});
