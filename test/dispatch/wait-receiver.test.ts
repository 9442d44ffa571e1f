/**
 * `wait ID --receiver @wrong` (a typo, or another real receiver) watched only that receiver's
 * outbox and waited the whole time-out before saying the request "is not on the bus"; the MCP
 * `wait` tool with `receiver` did the same. Both now refuse at once, in the same words.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { waitTool } from '../../scripts/lib/bus/mcp/tools.ts';

const LONG = '60';

describe('dispatch wait --receiver naming the wrong receiver', () => {
  it('a typo: says whose the request is, at once', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const t0 = Date.now();
    const r = await dispatch(root, ['wait', sent.id, '--receiver', '@gemni', '--timeout', LONG, '--json']);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('not_found');
    expect(r.stderr).toBe(
      `error: cannot wait on msg-${sent.id} for @gemni: it is not @gemni's: it is waiting in @gemini's inbox; wait without --receiver, or with --receiver @gemini\n`,
    );
  });

  it('another real receiver: the same; one whose name a bus writer chose is not named', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const r = await dispatch(root, ['wait', sent.id, '--receiver', '@codex', '--timeout', LONG]);
    expect(r.stderr).toContain("it is not @codex's: it is waiting in @gemini's inbox");
    mkdirSync(receiverPaths(root, 'ops-bot').inbox, { recursive: true });
    const other = await sendMessage({ root, to: 'ops-bot', from: 'human', body: 'q' });
    const o = await dispatch(root, ['wait', other.id, '--receiver', '@codex', '--timeout', LONG]);
    expect(o.status).toBe(1);
    expect(o.stderr).toContain(
      `it is not @codex's: it is waiting in another receiver's inbox; wait without --receiver ('dispatch show ${other.id}' names the receiver in its envelope)`,
    );
    expect(o.stderr).not.toContain('ops-bot');
  });

  it('a request on the bus nowhere and a receiver nobody has: did you mean, at once', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const id = newMessageId();
    const r = await dispatch(root, ['wait', id, '--receiver', '@gemni', '--timeout', LONG, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'unknown_receiver' }, suggestion: '@gemini' });
    expect(r.stderr).toContain(`error: cannot wait on msg-${id} for @gemni: there is no receiver @gemni`);
    expect(r.stderr).toContain('did you mean @gemini?');
  });

  it('the right receiver still waits', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const r = await dispatch(root, ['wait', sent.id, '--receiver', '@gemini', '--timeout', '0.2', '--json']);
    expect(JSON.parse(r.stdout).error.code).toBe('timeout');
  });
});

describe('the MCP wait tool with receiver', () => {
  it('refuses the wrong one at once, in the words of dispatch wait, spelled for the tool', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const t0 = Date.now();
    await expect(waitTool({ root, as: 'human' }, { id: sent.id, receiver: '@gemni', timeout_s: 50 })).rejects.toThrow(
      `cannot wait on msg-${sent.id} for @gemni: it is not @gemni's: it is waiting in @gemini's inbox; call wait without receiver, or with receiver: "@gemini"`,
    );
    await expect(waitTool({ root, as: 'human' }, { id: newMessageId(), receiver: '@gemni', timeout_s: 50 })).rejects.toMatchObject({
      code: 'unknown_receiver',
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('an id given by its start with the wrong receiver', () => {
  // A start none of the receiver's ids begins with names another receiver's message, or one any
  // bus writer planted to look like it: it is refused, naming the id it starts, and never acted on.
  // (Looked for in the receiver's folders only, it named nothing, and the wait ran out its time-out
  // saying the request was not on the bus.)
  const refusal = (start: string, id: string) =>
    `${start} starts no message id of @codex's: it starts msg-${id}, which is not @codex's; give the whole id, or leave the receiver out, to act on that message`;

  it('dispatch wait: refused at once, naming the id it starts', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const start = sent.id.slice(0, 13);
    const t0 = Date.now();
    const r = await dispatch(root, ['wait', start, '--receiver', '@codex', '--timeout', LONG, '--json']);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'not_found', message: refusal(start, sent.id) });
  });

  it('the MCP wait tool: refused at once too', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const t0 = Date.now();
    await expect(waitTool({ root, as: 'human' }, { id: sent.id.slice(0, 13), receiver: '@codex', timeout_s: 50 })).rejects.toThrow(
      refusal(sent.id.slice(0, 13), sent.id),
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('dispatch show: refused the same way', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const start = await dispatch(root, ['show', sent.id.slice(0, 13), '--receiver', '@codex']);
    expect(start.status).toBe(1);
    expect(start.stderr).toContain(refusal(sent.id.slice(0, 13), sent.id));
  });

  it("a look-alike id a bus writer planted, with an answer in the receiver's outbox: never taken for the request", async () => {
    // The request to @codex is gone (HelloWorld's daemons delete what they read); a writer plants a
    // file whose id differs from it in the last digit, and an answer to that id in @codex's outbox.
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    const codex = receiverPaths(root, 'codex');
    rmSync(join(codex.inbox, `msg-${sent.id}.hw`));
    const lookAlike = `${sent.id.slice(0, -1)}${sent.id.endsWith('0') ? '1' : '0'}`;
    const evil = receiverPaths(root, 'evil');
    mkdirSync(evil.outbox, { recursive: true });
    writeFileSync(join(evil.outbox, `msg-${lookAlike}.hw`), `From: evil\nTo: evil\n\nbait\n`);
    mkdirSync(codex.outbox, { recursive: true });
    // Not starting as the request's does (an id of the same millisecond starts with the same 13
    // characters); not made with a later clock either (it once dated the worker's later ids, which
    // then shared their starts: bus/ids.ts ID_AHEAD_MAX_MS).
    const fresh = newMessageId();
    const answerId = `${fresh[0] === 'f' ? 'e' : 'f'}${fresh.slice(1)}`;
    writeFileSync(join(codex.outbox, `msg-${answerId}.hw`), `From: codex\nTo: human\nIn-Reply-To: msg-${lookAlike}\n\nPLANTED ANSWER\n`);
    const start = sent.id.slice(0, 13);
    const r = await dispatch(root, ['wait', start, '--receiver', '@codex', '--timeout', '1']);
    expect(r.stdout).not.toContain('PLANTED');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(refusal(start, lookAlike));
  });
});

describe('a whole id given with a receiver it is not of', () => {
  it('show and retry say it is another receiver\'s, not "did you mean" the same id', async () => {
    const { root } = makeBus();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    for (const args of [
      ['show', sent.id, '--receiver', '@codex'],
      ['retry', sent.id, '--receiver', '@codex'],
    ]) {
      const r = await dispatch(root, args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).not.toContain(`did you mean ${sent.id}`);
      expect(r.stderr).toContain("that id is another receiver's message: give the command without the receiver.");
    }
  });
});
