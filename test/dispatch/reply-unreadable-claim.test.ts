/**
 * A reply to a message whose claim in processing/ cannot be read (not UTF-8, a folder or a link
 * named like a claim, a file another OS user keeps private, one past the bus's read bound): the
 * claim is listed, so the reply looked again every 10 ms, and never stopped (code review: it spun
 * forever, the MCP reply tool with it). It ends with a refusal that says where the message is.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus, snapshot } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('reply to a message whose claim cannot be read', () => {
  it('is refused (not_found, naming processing/) within the wait for a passing claim, and changes nothing', { timeout: 15_000 }, async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'review this' });
    const paths = receiverPaths(root, 'codex');
    mkdirSync(paths.processing, { recursive: true });
    const claimed = join(paths.processing, `msg-${sent.id}.hw.claim-${Date.now() + 600_000}-hand`);
    renameSync(join(paths.inbox, `msg-${sent.id}.hw`), claimed);
    appendFileSync(claimed, Buffer.from([0xff, 0xfe]));
    const before = snapshot(root);
    const started = Date.now();
    const r = await dispatch(root, ['reply', sent.id, 'my answer', '--as', '@codex', '--json']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(out.error.code).toBe('not_found');
    expect(out.error.message).toMatch(/processing/);
    expect(snapshot(root)).toEqual(before);
  });
});
