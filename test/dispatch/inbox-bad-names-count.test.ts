/**
 * `dispatch inbox` counts the files whose name is not a valid message id (it never shows such a
 * name): with two of them it said "2 files whose name is not a valid message id, not shown:
 * claiming moves it to dead-letter" (review of 2026-12-07). The sentence agrees with its count.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

it('one file, then two: each said in its number', async () => {
  const { root } = makeBus();
  await sendMessage({ root, to: 'claude', from: 'gemini', body: 'a question' });
  const inbox = receiverPaths(root, 'claude').inbox;
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, 'msg-bad name.hw'), '# From: x\n\nbody\n');
  const one = await dispatch(root, ['inbox', '@claude']);
  expect(one.stdout).toContain('\n1 file whose name is not a valid message id, not shown: a claim moves it to dead-letter\n');
  writeFileSync(join(inbox, 'msg-bad.name.hw'), '# From: x\n\nbody\n');
  const two = await dispatch(root, ['inbox', '@claude']);
  expect(two.stdout).toContain('\n2 files whose names are not valid message ids, not shown: a claim moves them to dead-letter\n');
});
