/** Ids typed short or mistyped: one resolution for every command and MCP tool (scripts/lib/bus/id-resolve.ts). */
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim, deadLetterClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimTool, replyTool, retryTool, threadTool, waitTool } from '../../scripts/lib/bus/mcp/tools.ts';

const run = (root: string, ...args: string[]) => runCaptured(dispatchGroup, [...args, '--root', root]);

/** A message of @gemini; `answered` answers it, `dead` dead-letters it. */
async function message(root: string, how: 'waiting' | 'answered' | 'dead' = 'waiting') {
  const m = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'q' });
  if (how !== 'waiting') {
    const claim = (await claimById(root, 'gemini', m.id, { owner: 'hand', leaseMs: 60_000 }))!;
    if (how === 'answered') completeClaim(claim, { body: 'the answer' });
    else deadLetterClaim(claim, 'it failed', 'agent_failed');
  }
  // Ids made in the same millisecond share their first 13 characters: past them, random digits.
  return { id: m.id, prefix: m.id.slice(0, 28) };
}

/** Two messages whose ids share their first 13 characters (as UUIDv7s made in the same millisecond). */
function twins(root: string): string[] {
  const inbox = receiverPaths(root, 'gemini').inbox;
  mkdirSync(inbox, { recursive: true });
  const ids = ['01a24811-d8f3-7000-8000-000000000001', '01a24811-d8f3-7000-8000-000000000002'];
  for (const id of ids) writeFileSync(join(inbox, `msg-${id}.hw`), '# From: @claude\n\nq\n');
  return ids;
}

describe('a unique prefix of at least 8 hex digits is the id it starts, in every command', () => {
  it('show, wait, thread and retry take it, saying on stderr which id it is', async () => {
    const { root } = makeBus();
    const a = await message(root, 'answered');
    const d = await message(root, 'dead');
    for (const args of [
      ['show', a.prefix],
      ['wait', a.prefix, '--timeout', '1'],
      ['thread', a.prefix],
    ]) {
      const r = await run(root, ...args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toBe(`${a.prefix} is msg-${a.id}\n`);
    }
    expect((await run(root, 'wait', a.prefix, '--timeout', '1')).stdout).toContain('the answer');
    const retried = await run(root, 'retry', d.prefix, '--json');
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ ok: true, id: d.id });
  });

  it('claim and reply take it', async () => {
    const { root } = makeBus();
    const a = await message(root);
    const claimed = await run(root, 'claim', '@gemini', a.id.slice(0, 8), '--json'); // the only message: 8 digits are enough
    expect(claimed.code, claimed.stderr).toBe(0);
    expect(JSON.parse(claimed.stdout)).toMatchObject({ claimed: true, id: a.id });
    const replied = await run(root, 'reply', a.prefix, 'done', '--as', '@gemini');
    expect(replied.code, replied.stderr).toBe(0);
    expect(replied.stdout).toContain(`replied to ${a.id}`);
  });

  it('the MCP tools take it too', async () => {
    const { root } = makeBus();
    const ctx = { root, as: 'claude' };
    const a = await message(root, 'answered');
    expect(await waitTool(ctx, { id: a.prefix, timeout_s: 1 })).toMatchObject({ status: 'answered', request_id: a.id });
    expect(threadTool(ctx, { id: a.prefix })).toMatchObject({ ok: true, count: 2 });
    const b = await message(root);
    expect(await claimTool(ctx, { receiver: 'gemini', id: b.prefix })).toMatchObject({ claimed: true, id: b.id });
    expect(await replyTool(ctx, { id: b.prefix, body: 'ok' })).toMatchObject({ ok: true, in_reply_to: b.id });
    const d = await message(root, 'dead');
    expect(retryTool(ctx, { id: d.prefix })).toMatchObject({ ok: true, id: d.id });
  });

  it('a prefix of several ids is refused as ambiguous (exit 2), listing them', async () => {
    const { root } = makeBus();
    const ids = twins(root);
    for (const cmd of [['show'], ['wait'], ['thread'], ['claim', '@gemini'], ['retry']]) {
      const r = await run(root, ...cmd, '01a24811-d8f3', '--json');
      expect(r.code, `${cmd[0]}: ${r.stdout}`).toBe(2);
      const err = JSON.parse(r.stdout).error;
      expect(err.code).toBe('ambiguous');
      expect(err.message).toBe(`01a24811-d8f3 is the start of 2 message ids: ${ids.join(', ')}; give more of the id`);
    }
    await expect(waitTool({ root, as: 'claude' }, { id: '01a24811', timeout_s: 1 })).rejects.toMatchObject({ code: 'ambiguous' });
  });

  it('an id the bus did not make is never resolved to nor named (it can spell words), only counted', async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'gemini').inbox;
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, 'msg-01a24811-run-this-now.hw'), '# From: @x\n\nhi\n');
    const r = await run(root, 'show', '01a24811');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('run-this');
    expect(r.stderr).toContain('1 message id starts with it');
  });

  it('a reference 8-hex id that exists is itself, not the start of another', async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'gemini').inbox;
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, 'msg-01a24811.hw'), '# From: @x\n\nold\n');
    twins(root);
    const r = await run(root, 'show', '01a24811', '--json');
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('01a24811');
  });
});

describe('a mistyped id gets the closest id, in every command', () => {
  const typo = (id: string) => `${id.slice(0, 20)}${id[20] === '0' ? '1' : '0'}${id.slice(21)}`;

  it('show, wait, thread, claim, reply and retry say "did you mean ID?", punctuated as a sentence', async () => {
    const { root } = makeBus();
    const a = await message(root);
    const wrong = typo(a.id);
    for (const args of [
      ['show', wrong],
      ['wait', wrong, '--timeout', '1'],
      ['thread', wrong],
      ['claim', '@gemini', wrong],
      ['reply', wrong, 'x'],
      ['retry', wrong],
    ]) {
      const r = await run(root, ...args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args[0]).toContain(`did you mean ${a.id}?`);
      expect(r.stderr, args[0]).not.toContain('?;');
    }
    expect((await run(root, 'show', wrong)).stderr).toContain(`did you mean ${a.id}? Check the id`);
    expect(() => threadTool({ root, as: 'claude' }, { id: wrong })).toThrow(`did you mean ${a.id}?`);
  });

  it('an id like none on the bus gets no suggestion', async () => {
    const { root } = makeBus();
    await message(root);
    const r = await run(root, 'show', '0fffffff-ffff-7fff-bfff-ffffffffffff');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('did you mean');
  });
});
