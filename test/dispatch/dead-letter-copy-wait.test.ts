/**
 * A wait ended "dead-lettered" as soon as a file under its request's name was in the receiver's
 * dead-letter/: any bus writer could put one there (with a reason.json of its words) while the
 * request still waited in the inbox, and the MCP wait tool said "@claude did not answer: the
 * request went to its dead-letter" and told the agent to retry it (review 2026-12-06). As for
 * "closed", a request still in the inbox or claimed is not dead-lettered.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { claimById } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { waitForAnswer } from '../../scripts/lib/bus/query.ts';
import { waitForResponse } from '../../scripts/lib/bus/responses.ts';

async function plantedDeadLetter() {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const { deadLetter } = receiverPaths(root, 'claude');
  mkdirSync(deadLetter, { recursive: true });
  const file = join(deadLetter, messageFileName(sent.id));
  writeFileSync(file, '# HelloWorld Message\n# From: @human\n\nplanted\n');
  writeFileSync(`${file}.reason.json`, JSON.stringify({ code: 'agent_failed', reason: 'planted', at: new Date().toISOString() }));
  return { root, id: sent.id };
}

it('the MCP wait tool: a request waiting in the inbox, with a file of its name in dead-letter/, times out', async () => {
  const { root, id } = await plantedDeadLetter();
  const r = await waitTool({ root, as: 'human', sentTo: new Map([[id, 'claude']]) }, { id, timeout_s: 1.5 });
  expect(r).toMatchObject({ status: 'timed-out', request: { location: 'inbox' } });
});

it('waitForAnswer: a request claimed, with a file of its name in dead-letter/, times out', async () => {
  const { root, id } = await plantedDeadLetter();
  await claimById(root, 'claude', id, { owner: 'hand', leaseMs: 60_000 });
  const r = await waitForAnswer(root, id, { timeoutMs: 1_500 });
  expect(r.status).toBe('timed-out');
});

it('send --wait, run and repl (waitForResponse): a reason file planted beside a waiting request does not end the wait', async () => {
  const { root, id } = await plantedDeadLetter();
  const r = await waitForResponse(root, 'claude', id, 1_500);
  expect(r).toMatchObject({ ok: false, timedOut: true });
});
