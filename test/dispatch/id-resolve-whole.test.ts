/**
 * A whole bus-made id (a UUIDv7) names one message: no other id the bus makes starts with it. Yet
 * resolveMessageId listed every folder of the bus for it, as for a prefix typed short, and every
 * MCP tool and command taking an id does that first: with 100,000 folders named like archive days
 * planted in @claude's archive, the MCP wait tool's call blocked the server 2.3 s of its 4 s
 * before it began to wait (review 2026-12-06). The listings of the bus's folders are counted here
 * (test/support/fs-calls.ts), not timed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fsCallsDuring } from '../support/fs-calls.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { resolveMessageId } from '../../scripts/lib/bus/id-resolve.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { writeFileSync } from 'node:fs';

it('a whole UUIDv7 is taken as it is, without listing the bus', async () => {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  for (let i = 0; i < 20; i++) mkdirSync(join(receiverPaths(root, 'claude').archive, `1999-01-${String(i + 1).padStart(2, '0')}`), { recursive: true });
  const { calls } = await fsCallsDuring(() => {
    expect(resolveMessageId(root, sent.id)).toEqual({ id: sent.id, typed: sent.id, resolved: false });
    expect(resolveMessageId(root, sent.id, { receiver: 'claude' })).toEqual({ id: sent.id, typed: sent.id, resolved: false });
  });
  expect(calls.countUnder('listing', root)).toBe(0);
});

it('ids a bus writer made that start with a whole UUIDv7 are not taken for it, nor make it ambiguous', () => {
  const { root } = makeBusWithRuntimes();
  const id = newMessageId();
  const inbox = receiverPaths(root, 'claude').inbox;
  mkdirSync(inbox, { recursive: true });
  for (const slug of [`${id}-a`, `${id}-b`]) writeFileSync(join(inbox, messageFileName(slug)), '# HelloWorld Message\n\nx\n');
  expect(resolveMessageId(root, id)).toEqual({ id, typed: id, resolved: false });
});

it('a start of an id typed short is still resolved (it lists the bus)', async () => {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const { result, calls } = await fsCallsDuring(() => resolveMessageId(root, sent.id.slice(0, 13)));
  expect(result).toEqual({ id: sent.id, typed: sent.id.slice(0, 13), resolved: true });
  expect(calls.countUnder('listing', root)).toBeGreaterThan(0);
});
