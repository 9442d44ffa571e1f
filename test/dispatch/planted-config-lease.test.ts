/**
 * config.json is any bus writer's to write, and two of its values steered how the receiver handles
 * the messages other runtimes send it, below what the bus gives by default: `claim_lease_seconds: 1`
 * made the claim an agent took by hand (the MCP claim tool, dispatch claim, a reply) run out a
 * second later, so that the next sweep put the request back in the inbox while the agent answered
 * it and another took it (the same request answered twice, paid twice); `empty_file_grace_ms: 0`
 * sent to dead-letter the file a foreign writer had made and not yet filled (the reference writes
 * in place). Both are taken only from their defaults up now (30 minutes, 2 s), as
 * max_consecutive_failures is: the file can make the receiver wait longer, never cut short.
 */
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { loadReceiverConfig } from '../../scripts/lib/bus/config.ts';

const connect = mcpToolCallers();

describe('a config.json planted with values below the defaults', () => {
  it('claim_lease_seconds: 1 does not make a claim taken by hand run out in a second', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    writeFileSync(receiverPaths(root, 'claude').config, JSON.stringify({ claim_lease_seconds: 1 }));
    const call = await connect(root, '@human');
    const claimed = (await call('claim', { receiver: '@claude' })).structuredContent as { lease_expires_at: string };
    expect(Date.parse(claimed.lease_expires_at) - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it('empty_file_grace_ms: 0 does not send a file being written to dead-letter', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ empty_file_grace_ms: 0 }));
    closeSync(openSync(join(paths.inbox, 'msg-being-written.hw'), 'w'));
    const call = await connect(root, '@human');
    const r = (await call('claim', { receiver: '@claude' })).structuredContent!;
    expect(r).toMatchObject({ claimed: false, dead_lettered: [] });
    expect(readdirSync(paths.inbox)).toEqual(['msg-being-written.hw']);
  });

  it('values above the defaults are taken', async () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ claim_lease_seconds: 3600, empty_file_grace_ms: 5000 }));
    expect(await loadReceiverConfig(paths)).toMatchObject({ claimLeaseMs: 3600_000, emptyFileGraceMs: 5000 });
  });
});
