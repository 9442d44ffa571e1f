/**
 * Names and ids the bus vouches for were labelled untrusted in some MCP results and not in others:
 * reply gave receiver null / untrusted_receiver "@claude" for a message to @claude (a receiver every
 * bus has), thread gave only untrusted_thread even for a UUIDv7 thread id the bus made, while send
 * gave both plainly. The rule is one: a receiver every bus has (or the one the call named) and an
 * id that cannot spell words (isWordlessId) in plain keys; a name a bus writer chose only under
 * untrusted_. And the inbox summary replaced control characters with spaces where from and body
 * show them as visible escapes: one way, the untrusted-text module's.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';

const connect = mcpToolCallers();

describe('dispatch mcp: plain names where the bus vouches for them', () => {
  it('reply without as names a receiver every bus has plainly, a folder a writer named only under untrusted_receiver', async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, 'human');
    const toClaude = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const r = (await call('reply', { id: toClaude.id, body: 'a' })).structuredContent!;
    expect(r).toMatchObject({ ok: true, receiver: '@claude' });
    expect(r).not.toHaveProperty('untrusted_receiver');
    mkdirSync(join(root, 'runtimes', 'ops-bot', 'inbox'), { recursive: true });
    const toBot = await sendMessage({ root, to: 'ops-bot', from: 'human', body: 'q' });
    expect((await call('reply', { id: toBot.id, body: 'a' })).structuredContent).toMatchObject({ ok: true, receiver: null, untrusted_receiver: '@ops-bot' });
  });

  // A review of 2026-12-07 found wait's request and thread's messages still giving @codex only
  // under untrusted_receiver, next to a plain responder "@codex".
  it("wait's request and thread's messages name a receiver every bus has plainly, a folder a writer named only under untrusted_receiver", async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, 'human');
    const toCodex = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    const waited = (await call('wait', { id: toCodex.id, timeout_s: 0.1 })).structuredContent!;
    expect(waited.request).toMatchObject({ receiver: '@codex', location: 'inbox' });
    expect(waited.request).not.toHaveProperty('untrusted_receiver');
    const thread = (await call('thread', { id: toCodex.id })).structuredContent!;
    expect((thread.messages as Record<string, unknown>[])[0]).toMatchObject({ receiver: '@codex' });
    mkdirSync(join(root, 'runtimes', 'ops-bot', 'inbox'), { recursive: true });
    const toBot = await sendMessage({ root, to: 'ops-bot', from: 'human', body: 'q' });
    const botThread = (await call('thread', { id: toBot.id })).structuredContent!;
    expect((botThread.messages as Record<string, unknown>[])[0]).toMatchObject({ receiver: null, untrusted_receiver: '@ops-bot' });
    // status rows too: the plain key for a receiver every bus has, null (the name under untrusted) for the others.
    const rows = (await call('status')).structuredContent!.receivers as { receiver: string | null; untrusted: { receiver: string } }[];
    expect(rows.find((r) => r.untrusted.receiver === '@codex')).toMatchObject({ receiver: '@codex' });
    expect(rows.find((r) => r.untrusted.receiver === '@ops-bot')).toMatchObject({ receiver: null });
  });

  it('thread gives a thread id the bus made as thread, a name a writer chose only as untrusted_thread', async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, 'human');
    const made = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const r = (await call('thread', { id: made.id })).structuredContent!;
    expect(r).toMatchObject({ ok: true, thread: made.thread });
    expect(r).not.toHaveProperty('untrusted_thread');
    const named = await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    expect((await call('thread', { id: named.id })).structuredContent).toMatchObject({ ok: true, thread: null, untrusted_thread: 'review-42' });
  });

  it('wait names the responder plainly when every bus has it, whoever sent the request', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const answerer = await connect(root, 'claude', 'claude');
    await answerer('reply', { id: sent.id, body: 'a' });
    const call = await connect(root, 'human');
    const r = (await call('wait', { id: sent.id, timeout_s: 5 })).structuredContent!;
    expect(r).toMatchObject({ status: 'answered', responder: '@claude' });
    expect(r).not.toHaveProperty('untrusted_responder');
  });

  it('inbox shows the control characters of a summary as visible escapes, as from and body show them', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'hello\x07world\u202e!' });
    const call = await connect(root, 'claude', 'claude');
    const inbox = (await call('inbox', { receiver: '@claude' })).structuredContent!;
    expect((inbox.messages as { untrusted: { summary: string } }[])[0]!.untrusted.summary).toBe('hello\\x07world\\u{202e}!');
    const claimed = (await call('claim', { receiver: '@claude' })).structuredContent!;
    expect((claimed.untrusted as { body: string }).body).toBe('hello\\x07world\\u{202e}!');
  });
});
