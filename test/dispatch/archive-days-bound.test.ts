/**
 * Every lookup of one message (findMessage: show, wait, claim ID, reply, retry, and the MCP tools)
 * looked into each archive day folder of the receivers it walked, whatever its date: any bus writer
 * can make 100,000 folders named like days (`1500-01-01`, `3000-01-01`) in @claude's archive, and
 * each lookup then took 1.2 s (0.1 s now), several per call, the MCP server answering nothing else
 * meanwhile (review 2026-12-06). A copy of the request in such a day was also one of its places. A
 * message is archived no earlier than its id's day (less the clocks' slack), and no bus archives on
 * a day after today's (with the same slack): a lookup now looks only at the days in between.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { findMessage } from '../../scripts/lib/bus/query.ts';

const DAY_MS = 24 * 3600_000;

async function plantedDays() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  const file = messageFileName(sent.id);
  // A copy of the request in days it cannot have been archived on: before it was made, after today.
  for (const day of [
    '1500-01-01',
    new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10),
    new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10),
    '3000-01-01',
  ]) {
    mkdirSync(join(paths.archive, day), { recursive: true });
    copyFileSync(join(paths.inbox, file), join(paths.archive, day, file));
  }
  return { root, id: sent.id, paths, file };
}

it('a lookup of a bus-made id does not look into archive days it cannot be archived on', async () => {
  const { root, id } = await plantedDays();
  expect(findMessage(root, id).map((m) => m.location)).toEqual(['inbox']);
  const shown = JSON.parse((await dispatch(root, ['show', id, '--json'])).stdout) as { messages: { location: string }[] };
  expect(shown.messages.map((m) => m.location)).toEqual(['inbox']);
});

it("today's archive (and the request's own day) is still looked into", async () => {
  const { root, id, paths, file } = await plantedDays();
  const today = archiveDayDir(paths, new Date());
  mkdirSync(today, { recursive: true });
  copyFileSync(join(paths.inbox, file), join(today, file));
  expect(findMessage(root, id).map((m) => m.location)).toEqual(['inbox', 'archive']);
});
