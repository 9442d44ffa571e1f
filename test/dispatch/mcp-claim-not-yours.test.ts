/**
 * Under an identity (--as @claude), the MCP reply tool refuses another receiver's message
 * (not_yours) unless "as" names it: only when the user asks the agent to answer for it. claim did
 * not: it took @copilot's message out of @copilot's inbox (a lease of 30 minutes, away from
 * @copilot's own daemon) and handed back a ready `reply {…, "as": "@copilot"}` with no caveat
 * (a review of 2026-12-07). claim now asks the same: another receiver's message is refused,
 * nothing moved, unless "as" names that receiver.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesIn, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const connect = mcpToolCallers();

describe('claim under an identity, of another receiver’s message', () => {
  it('is refused (not_yours), nothing moved, unless "as" names that receiver; one of its own needs no "as"', async () => {
    const { root } = makeBus();
    const copilot = receiverPaths(root, 'copilot');
    mkdirSync(receiverPaths(root, 'claude').inbox, { recursive: true });
    const forCopilot = await sendMessage({ root, to: 'copilot', from: 'gemini', body: 'for copilot' });
    const forClaude = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'for claude' });
    const call = await connect(root, '@claude', 'claude');

    const refused = await call('claim', { receiver: '@copilot' });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({ ok: false, error: { code: 'not_yours' } });
    const said = JSON.stringify(refused.structuredContent);
    expect(said).toContain("cannot claim @copilot's messages: this server answers as @claude");
    expect(said).toContain('Only if the user asks you to answer for @copilot, call claim with \\"as\\": \\"@copilot\\"');
    expect(filesIn(copilot.inbox)).toHaveLength(1);
    expect(filesIn(copilot.processing)).toEqual([]);

    const onPurpose = await call('claim', { receiver: '@copilot', as: '@copilot' });
    expect(onPurpose.isError, JSON.stringify(onPurpose.structuredContent)).toBeFalsy();
    expect(onPurpose.structuredContent).toMatchObject({ claimed: true, id: forCopilot.id, receiver: '@copilot' });

    const own = await call('claim', { receiver: '@claude' });
    expect(own.structuredContent).toMatchObject({ claimed: true, id: forClaude.id, answer_with: `reply {"id": "${forClaude.id}", "body": "..."}` });
  });
});
