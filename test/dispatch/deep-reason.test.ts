/**
 * A reason file any bus writer can write, `{"reason": [[[…100,000 deep…]]]}` beside a pending
 * request it moved to dead-letter: `send --wait`, `run` and the REPL made its reason a string with
 * String(), which joins a nested array recursively, and ended in "unexpected failure: Maximum call
 * stack size exceeded" (the REPL session with it). A reason that is not text is now no reason, as
 * `show` and `wait` read it (query.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitForResponse } from '../../scripts/lib/bus/responses.ts';

const DEPTH = 100_000;
const deep = `{"code":"agent_failed","reason":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;

async function deadLettered(reasonFile: string) {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
  const { deadLetter } = receiverPaths(root, 'codex');
  mkdirSync(deadLetter, { recursive: true });
  renameSync(sent.path, join(deadLetter, messageFileName(sent.id)));
  writeFileSync(join(deadLetter, `${messageFileName(sent.id)}.reason.json`), reasonFile);
  return { root, id: sent.id };
}

describe('a dead letter whose reason is not text', () => {
  it('waitForResponse (send --wait, run, the REPL) ends with no reason, not a stack overflow', async () => {
    const { root, id } = await deadLettered(deep);
    const r = await waitForResponse(root, 'codex', id, 1000);
    expect(r).toEqual({ ok: false, deadLettered: { code: 'agent_failed', reason: 'no reason recorded' } });
  });

  it('an object or a number is no reason either; a string is the reason', async () => {
    for (const [reason, shown] of [
      [{ toString: 'x' }, 'no reason recorded'],
      [42, 'no reason recorded'],
      ['it failed', 'it failed'],
    ] as const) {
      const { root, id } = await deadLettered(JSON.stringify({ code: 'agent_failed', reason }));
      const r = await waitForResponse(root, 'codex', id, 1000);
      expect(r).toMatchObject({ ok: false, deadLettered: { reason: shown } });
    }
  });

  it('dispatch show and wait read it as no reason too', async () => {
    const { root, id } = await deadLettered(deep);
    for (const args of [
      ['show', id],
      ['wait', id, '--timeout', '1'],
    ]) {
      const r = await dispatch(root, args);
      expect(r.stderr).not.toContain('unexpected');
      expect(r.stdout).toContain('no reason recorded');
    }
  });
});
