/**
 * A lone `dispatch claim` moves the unreadable files it meets in the inbox to dead-letter, and said
 * so file by file, each with its reason in a fence: 1,000 badly named files planted in an inbox (any
 * bus writer can) made a claim print 1,000 warnings and fences into the agent's transcript, and
 * `--json` listed every one. The first 20 are named, the rest counted, as the MCP claim tool does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';

/** A bus whose @claude inbox holds `planted` older files that are not UTF-8 (dead-lettered as met), then one real message. */
async function plantedBus(planted: number) {
  const { root } = makeBus();
  const inbox = receiverPaths(root, 'claude').inbox;
  mkdirSync(inbox, { recursive: true });
  for (let i = 0; i < planted; i++) {
    writeFileSync(join(inbox, `msg-${newMessageId()}.hw`), Buffer.from('# HelloWorld Message\n# From: @human\n\n\xff\xfe bad\n', 'latin1'));
  }
  await sendMessage({ root, to: 'claude', from: 'human', body: 'the real one' });
  return root;
}

describe('claim: the files it moves to dead-letter', () => {
  it('names the first 20 and counts the rest, on the terminal and under --json', async () => {
    const root = await plantedBus(30);
    const c = await dispatch(root, ['claim', '@claude']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toContain('for @claude');
    expect(c.stderr.match(/moved a file to dead-letter/g) ?? []).toHaveLength(20);
    expect(c.stderr).toContain("moved 10 other files to dead-letter (30 in all; see 'dispatch dead-letter @claude')");
    expect(c.stderr.match(/BEGIN UNTRUSTED REASON/g) ?? []).toHaveLength(20);
    const j = await dispatch(await plantedBus(25), ['claim', '@claude', '--json']);
    const out = JSON.parse(j.stdout);
    expect(out.dead_lettered).toHaveLength(20);
    expect(out.dead_lettered_total).toBe(25);
  });

  it('says nothing of a total when all fit', async () => {
    const j = await dispatch(await plantedBus(3), ['claim', '@claude', '--json']);
    const out = JSON.parse(j.stdout);
    expect(out.dead_lettered).toHaveLength(3);
    expect(out).not.toHaveProperty('dead_lettered_total');
  });
});
