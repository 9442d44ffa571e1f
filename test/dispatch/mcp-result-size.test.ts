/**
 * Tool results against what a model takes. Claude Code refuses (or cuts) an MCP result over
 * 25,000 tokens (MAX_MCP_OUTPUT_TOKENS' default) and warns past 10,000; a token is at least a byte
 * of the text. `claim` and `wait` returned up to 512 KiB of body in one result (and claim had taken
 * the message by then), and a 100-message inbox page of 1.5 KiB headers was 146 KB. Every result now
 * fits in RESULT_LIMIT bytes of JSON text, hostile bodies and headers included; a body cut there
 * says its size and is read on, part by part, with the show tool (offset), whose parts put
 * together give the whole body back. Through the official SDK client, in process.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, deadLetterClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';
import { terminalText } from '../../scripts/lib/text/untrusted.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers, type ToolResult } from './mcp-in-process.ts';

const connect = mcpToolCallers();

/** 25,000 tokens, each at least a byte, with room: the most of JSON text a result may be. */
const RESULT_LIMIT = 20 * 1024;

function fits(r: ToolResult, what: string): Record<string, any> {
  const text = r.content.map((c) => c.text ?? '').join('');
  expect(Buffer.byteLength(text), what).toBeLessThanOrEqual(RESULT_LIMIT);
  expect(Buffer.byteLength(JSON.stringify(r.structuredContent)), what).toBeLessThanOrEqual(RESULT_LIMIT);
  return r.structuredContent as Record<string, any>;
}

/** A message file with hostile headers: each header of `headerBytes`, 200 recipients, a large context. */
function hostile(body: string, headerBytes = 1500): string {
  const h = (c: string) => c.repeat(headerBytes);
  const to = Array.from({ length: 200 }, (_, i) => `@r${i}${'x'.repeat(1000)}`).join(', ');
  return [
    '# HelloWorld Message',
    `# From: @gemini${h('\u202e')}`,
    `# To: ${to}`,
    `# Thread: ${h('\x01')}`,
    `# Timestamp: ${h('t')}`,
    `# In-Reply-To: ${h('\u200b')}`,
    '',
    body,
    '',
    '# Context',
    '\x1b'.repeat(300_000),
    '',
  ].join('\n');
}

/** Reads a message's body whole through show, part by part: the parts' texts joined, and how many calls. */
async function readWhole(call: (n: string, a: Record<string, unknown>) => Promise<ToolResult>, args: Record<string, unknown>, from: number) {
  let text = '';
  let offset: number | undefined = from;
  let calls = 0;
  while (offset !== undefined) {
    const r = fits(await call('show', { ...args, offset }), `show at ${offset}`);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.offset).toBe(offset);
    text += r.untrusted.body;
    offset = r.next_offset;
    calls++;
    expect(calls).toBeLessThan(1000);
  }
  return { text, calls };
}

describe('dispatch mcp: every result fits what a model takes', () => {
  it('claim of a 600 KB body is cut to fit, says its size, and show reads the rest back whole', async () => {
    const { root } = makeBusWithRuntimes();
    const body = Array.from({ length: 12_000 }, (_, i) => `line ${i}: ünïcödé and \x07 bells`).join('\n');
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body });
    const call = await connect(root, 'claude', 'claude');
    const claimed = fits(await call('claim', { receiver: '@claude' }), 'claim');
    expect(claimed.claimed).toBe(true);
    expect(claimed.cut.body.bytes).toBe(Buffer.byteLength(body));
    const next = claimed.cut.body.shown_bytes;
    expect(claimed.note).toContain(`show {"id": "${sent.id}", "receiver": "@claude", "offset": ${next}}`);
    const rest = await readWhole(call, { id: sent.id, receiver: '@claude' }, next);
    expect(claimed.untrusted.body + rest.text).toBe(terminalText(body));
    // The parts are large: a 600 KB body in tens of calls, not thousands.
    expect(rest.calls).toBeLessThan(Math.ceil(Buffer.byteLength(body) / (8 * 1024)));
  });

  it('claim of a message with hostile headers, context and body fits; so do wait on its answer, show and thread', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const id = newMessageId();
    writeFileSync(join(paths.inbox, `msg-${id}.hw`), hostile('\x00'.repeat(400_000)));
    const call = await connect(root, 'claude', 'claude');
    const claimed = fits(await call('claim', { receiver: '@claude', id }), 'claim');
    expect(claimed.claimed).toBe(true);
    expect(claimed.cut.body).toBeDefined();
    expect(claimed.cut.context).toBeDefined();
    expect(claimed.cut.to).toBeDefined();
    fits(await call('show', { id, receiver: '@claude', field: 'context' }), 'show context');
    fits(await call('reply', { id, body: 'done' }), 'reply');
    // An answer of 300,000 bidi overrides, each shown as the 8 characters \u{202e}.
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    const replied = fits(await call('reply', { id: sent.id, body: '\u202e'.repeat(300_000) }), 'reply');
    const waited = fits(await call('wait', { id: sent.id, timeout_s: 5, receiver: '@claude' }), 'wait');
    expect(waited.status).toBe('answered');
    expect(waited.cut.body.bytes).toBe(Buffer.byteLength('\u202e'.repeat(300_000)));
    expect(waited.note).toContain(`show {"id": "${replied.id}", "receiver": "@claude", "offset": ${waited.cut.body.shown_bytes}}`);
    const thread = fits(await call('thread', { id: sent.id }), 'thread');
    expect(thread.count).toBe(2);
    expect(thread.note).toContain('read on with show');
  });

  it('an inbox of 100 messages with 1.5 KiB headers is paged by size, next_after leading through all of them', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const id = newMessageId(Date.now() + i);
      ids.push(id);
      const h = (c: string) => c.repeat(1500);
      writeFileSync(join(paths.inbox, `msg-${id}.hw`), `# HelloWorld Message\n# From: @g${h('a')}\n# Thread: ${h('b')}\n# Timestamp: ${h('c')}\n\n${h('d')}\n`);
    }
    const call = await connect(root, 'claude', 'claude');
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const r = fits(await call('inbox', { receiver: '@claude', ...(after ? { after } : {}) }), `inbox page ${pages}`);
      seen.push(...r.messages.map((m: { id: string }) => m.id));
      expect(r.total).toBe(100);
      after = r.truncated ? r.next_after : undefined;
      pages++;
    } while (after !== undefined && pages < 100);
    expect(seen).toEqual(ids.sort());
    expect(pages).toBeGreaterThan(1);
  });

  it('dead_letters, and wait on a dead-lettered request, with reasons of megabytes fit', async () => {
    const { root } = makeBusWithRuntimes();
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) {
      const s = await sendMessage({ root, to: 'claude', from: `sender${i}`, body: '\u200b'.repeat(50_000) });
      const claim = (await claimById(root, 'claude', s.id, { owner: 'hand', leaseMs: 60_000 }))!;
      deadLetterClaim(claim, `failed: ${'\x1b[31m'.repeat(100_000)}`, 'agent_failed', { stdout: 'o'.repeat(100_000) });
      sent.push(s.id);
    }
    const call = await connect(root, 'human');
    const listed = fits(await call('dead_letters', { receiver: '@claude', limit: 1000 }), 'dead_letters');
    expect(listed.count).toBeGreaterThan(0);
    const waited = fits(await call('wait', { id: sent[0], timeout_s: 1, receiver: '@claude' }), 'wait');
    expect(waited.status).toBe('dead-lettered');
    fits(await call('thread', { id: sent[0], limit: 1000 }), 'thread');
    fits(await call('show', { id: sent[0] }), 'show');
  });

  it('claim past many unreadable files and gone holders fits, counting what it does not list', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    // Ids of 104 characters, no UUIDv7: ordered by their files' time, a minute back, so met first (a
    // time in the same millisecond as the message sent next, but a fraction later, sorted after it).
    const minuteAgo = new Date(Date.now() - 60_000);
    for (let i = 0; i < 40; i++) {
      const file = join(paths.inbox, `msg-0000${'a'.repeat(100)}${String(i).padStart(3, '0')}.hw`);
      writeFileSync(file, Buffer.from([0xff, 0xfe]));
      utimesSync(file, minuteAgo, minuteAgo);
    }
    const big = await sendMessage({ root, to: 'claude', from: 'human', body: 'x'.repeat(100_000) });
    for (let i = 0; i < 40; i++) {
      const s = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
      await claimById(root, 'claude', s.id, { owner: 'p999999999', leaseMs: 600_000 });
    }
    const call = await connect(root, 'claude', 'claude');
    const claimed = fits(await call('claim', { receiver: '@claude' }), 'claim');
    const seen = JSON.stringify({ ...claimed, untrusted: undefined });
    expect(claimed, seen).toMatchObject({ claimed: true, id: big.id, dead_lettered_total: 40, took_back_total: 40 });
  });
});
