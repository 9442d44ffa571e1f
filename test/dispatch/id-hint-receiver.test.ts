/**
 * The hint of a refusal of an id (idHint) listed every archive day, where the lookup it follows
 * reads only the days a message of that id can be archived on: an id found by the hint but not by
 * the lookup was said to be "another receiver's message: give the command without the receiver",
 * also to a command given no receiver (review 2026-12-06, F3). The hint now lists the days the
 * lookup reads, and says to drop the receiver only to a command that gave one.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { idHint } from '../../scripts/lib/bus/id-resolve.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const DAY_MS = 24 * 3600_000;
const DROP = 'give the command without the receiver';

/** A request to @claude whose only copy is archived three days after today: no lookup reads that day. */
async function archivedAhead() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'me', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  const day = join(paths.archive, new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10));
  mkdirSync(day, { recursive: true });
  renameSync(join(paths.inbox, messageFileName(sent.id)), join(day, messageFileName(sent.id)));
  return { root, id: sent.id };
}

describe('the hint of an id not found', () => {
  it('looks at the archive days the lookup looks at: a copy outside them is not "another receiver\'s"', async () => {
    const { root, id } = await archivedAhead();
    for (const args of [
      ['show', id],
      ['wait', id, '--timeout', '2'],
      ['show', id.slice(0, 13)],
      ['reply', id, 'done'],
      ['retry', id],
    ]) {
      const r = await dispatch(root, args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).not.toContain("another receiver's");
      expect(r.stderr, args.join(' ')).not.toContain(DROP);
    }
  });

  it('never tells a caller that gave no receiver to drop one', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    expect(idHint(root, sent.id) ?? '').not.toContain(DROP);
    expect(idHint(root, sent.id, { receiver: 'codex' })).toBe(`that id is another receiver's message: ${DROP}.`);
  });
});
