/**
 * A tool's refusal names fields of its own ("say which with receiver (untrusted_receivers names
 * them)", a claim's `holder`, the folders `passed_over`), and those were only in structuredContent:
 * a client that shows the model the text content alone, as the MCP specification allows, gave it a
 * refusal it could not act on (a review of 2026-12-07). The text now carries them too, fenced: some
 * are a bus writer's words.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, makeBusWithRuntimes, splitFences } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';

const connect = mcpToolCallers();

describe("an MCP tool's refusal with fields of its own", () => {
  it('gives them in the text content too, inside a fence, as structuredContent has them', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'q' });
    const twin = receiverPaths(root, 'codex').inbox;
    mkdirSync(twin, { recursive: true });
    copyFileSync(join(receiverPaths(root, 'gemini').inbox, messageFileName(sent.id)), join(twin, messageFileName(sent.id)));
    const call = await connect(root, '@human');
    const r = await call('reply', { id: sent.id, body: 'a' });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ untrusted_receivers: ['@codex', '@gemini'] });
    const text = r.content.map((c) => c.text ?? '').join('\n');
    expect(text).toMatch(/^error: .*untrusted_receivers/m);
    const { outside, fenced } = splitFences(text);
    expect(fenced).toContain('"untrusted_receivers"');
    expect(fenced).toContain('@codex');
    expect(outside).not.toContain('@codex');
  });

  it('a refusal with no fields of its own is the error line alone', async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, '@human');
    const r = await call('show', { id: '01234567' });
    expect(r.isError).toBe(true);
    expect(r.content.map((c) => c.text ?? '').join('\n')).not.toContain('<<<BEGIN');
  });
});
