/**
 * The MCP results named CLI commands an MCP-only agent may not have: a wait on a message in the
 * caller's own inbox (a server --as @claude, a message to @claude) said "no daemon serves @claude;
 * start 'dispatch serve @claude', or answer by hand" (serve runs a paid headless agent for each
 * message), and send, wait, claim and reply said 'dispatch claim', 'dispatch serve', 'dispatch
 * send', 'dispatch dead-letter', 'dispatch inbox' where a tool does the step. Where a tool exists
 * for it, the tool call is named first, the command second.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers, type ToolResult } from './mcp-in-process.ts';

const connect = mcpToolCallers();
const message = (r: ToolResult) => (r.structuredContent!.message ?? (r.structuredContent!.error as { message: string }).message) as string;

/** `first` comes before `second` in `text`, both in it. */
function inOrder(text: string, first: string, second: string): void {
  expect(text).toContain(first);
  expect(text).toContain(second);
  expect(text.indexOf(first), text).toBeLessThan(text.indexOf(second));
}

describe('dispatch mcp: the way on, as tool calls first', () => {
  it('a wait on a message to the caller itself says it is to them: claim it and reply', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'for you' });
    const call = await connect(root, 'claude', 'claude');
    const r = await call('wait', { id: sent.id, timeout_s: 0.2 });
    expect(r.structuredContent).toMatchObject({ ok: true, status: 'timed-out' });
    expect(message(r)).toBe(
      `no answer within 0.2 s; the request is waiting in @claude's inbox: this message is to you (@claude): claim it with claim {"receiver": "@claude", "id": "${sent.id}"} and answer it with reply {"id": "${sent.id}", "body": "..."}`,
    );
  });

  it("a wait on a message nobody serves: its agent answers it with the tools, or the user starts 'dispatch serve' in a terminal", async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const call = await connect(root, 'claude', 'claude');
    const text = message(await call('wait', { id: sent.id, timeout_s: 0.2, receiver: '@gemini' }));
    inOrder(text, 'claim and reply tools', "'dispatch serve @gemini' in a terminal");
  });

  it("send's unserved names the tools first", async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, 'claude', 'claude');
    const r = await call('send', { to: '@gemini', body: 'q' });
    inOrder(r.structuredContent!.unserved as string, 'claim and reply tools', "'dispatch serve @gemini' in a terminal");
  });

  it('a wait on a request whose holder is gone: claim {…} takes it back', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    await claimById(root, 'codex', sent.id, { owner: 'p999999999', leaseMs: 600_000 });
    const call = await connect(root, 'human');
    const text = message(await call('wait', { id: sent.id, timeout_s: 0.2, receiver: '@codex' }));
    inOrder(text, `take it back with claim {"receiver": "@codex", "id": "${sent.id}"} and answer it with reply`, "'dispatch serve @codex'");
    expect(text).not.toContain("'dispatch claim");
  });

  it("a reply to an answer's id names send {…} first", async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'gemini', body: 'q' });
    const call = await connect(root, 'codex', 'codex');
    const answered = await call('reply', { id: sent.id, body: 'a' });
    // @codex going on with its own answer's thread writes to the other side, @gemini (reply-to-own-answer.test.ts).
    const r = await call('reply', { id: answered.structuredContent!.id as string, body: 'again', as: '@codex' });
    inOrder(message(r), `send {"to": "@gemini", "thread": "${sent.thread}", "body": "..."}`, 'dispatch send @gemini');
  });

  it('a reply to a message that is not there names inbox {…}', async () => {
    const { root } = makeBusWithRuntimes();
    mkdirSync(receiverPaths(root, 'codex').inbox, { recursive: true });
    const call = await connect(root, 'codex', 'codex');
    const r = await call('reply', { id: newMessageId(), body: 'x' });
    expect(message(r)).toContain('inbox {"receiver": "@codex"}');
    expect(message(r)).not.toContain("'dispatch inbox");
  });

  it("a reply or claim of another receiver's message, a folder a writer named, says show {…} names that receiver", async () => {
    const { root } = makeBusWithRuntimes();
    mkdirSync(join(root, 'runtimes', 'ops-bot', 'inbox'), { recursive: true });
    const sent = await sendMessage({ root, to: 'ops-bot', from: 'human', body: 'q' });
    const call = await connect(root, 'human');
    for (const r of [await call('reply', { id: sent.id, body: 'x', as: '@claude' }), await call('claim', { receiver: '@claude', id: sent.id })]) {
      inOrder(message(r), `show {"id": "${sent.id}"} names the receiver`, `'dispatch show ${sent.id}'`);
    }
  });

  it('an inbox entry whose header block runs past what a listing reads names show {…}', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const id = newMessageId();
    writeFileSync(join(paths.inbox, `msg-${id}.hw`), `# HelloWorld Message\n${'# X-Pad: padding\n'.repeat(8000)}# From: @gemini\n\nhi\n`);
    const call = await connect(root, 'claude', 'claude');
    const inbox = (await call('inbox', { receiver: '@claude' })).structuredContent!;
    const note = (inbox.messages as { note: string }[])[0]!.note;
    inOrder(note, `show {"id": "${id}"} reads it`, `'dispatch show ${id}'`);
  });

  it('a claim that moved the message to dead-letter names dead_letters {…} and retry {…}', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'codex');
    mkdirSync(paths.inbox, { recursive: true });
    const id = newMessageId();
    writeFileSync(join(paths.inbox, `msg-${id}.hw`), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const call = await connect(root, 'codex', 'codex');
    const text = message(await call('claim', { receiver: '@codex', id }));
    inOrder(text, 'dead_letters {"receiver": "@codex"}', `retry {"id": "${id}"}`);
    expect(text).not.toContain("'dispatch dead-letter");
  });
});
