/**
 * The stale-claim sweep and the sweeper-claim lookup list at most busListMax names of processing/
 * (list-bound.ts): every claim swept all of it, and 1,000,000 empty files planted there took each
 * sweep 0.6 s (0.1 s now). The sweep goes on in batches across calls (listBusDirBatch), so that a
 * flood listed first cannot hide a stale claim forever; a file with a second name whose sweeper
 * claim may be among the names not listed is left for later, never dead-lettered as planted.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { claimFileName, LONE_SWEEP_BATCHES, sweepStaleBatch, sweepStaleClaims } from '../../scripts/lib/bus/claims.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

function plant(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) closeSync(openSync(join(dir, `other-${i}`), 'w'));
}

describe('processing/ flooded with file names', () => {
  it('each sweep looks at the next batch of names, and every stale claim comes back within a few', () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'zz');
    plant(paths.processing, 120);
    const stale = Date.now() - 60_000;
    for (let i = 0; i < 80; i++) {
      const name = messageFileName(newMessageId());
      writeFileSync(join(paths.processing, claimFileName(name, stale, 'hand')), `# HelloWorld Message\n# From: @human\n# To: @zz\n\nq ${i}\n`);
    }
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) counts.push(sweepStaleClaims(paths, 'zz'));
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(80);
  });

  it('a message with a second name is left in the inbox, not dead-lettered, when its sweeper claim may be among the names not listed', async () => {
    const { root, base } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'zz');
    plant(paths.processing, 120);
    mkdirSync(paths.inbox, { recursive: true });
    const other = join(base, 'second-name');
    writeFileSync(other, '# HelloWorld Message\n# From: @human\n# To: @zz\n\nq\n');
    const inInbox = join(paths.inbox, messageFileName(newMessageId()));
    linkSync(other, inInbox);
    const r = await dispatch(root, ['claim', '@zz', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ claimed: false, dead_lettered: [] });
    expect(existsSync(inInbox)).toBe(true);
    setBusListMaxForTests(undefined);
    const whole = JSON.parse((await dispatch(root, ['claim', '@zz', '--json'])).stdout) as { dead_lettered: { code: string }[] };
    expect(whole.dead_lettered.map((d) => d.code)).toEqual(['hard_link']);
  });
});

describe('a lone dispatch claim with processing/ flooded', () => {
  /** @zz's processing/ with `others` other files and `n` stale claims, and nothing in its inbox. */
  function staleBehindFlood(others: number, n: number): { root: string; processing: string; inbox: string } {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'zz');
    plant(paths.processing, others);
    const stale = Date.now() - 60_000;
    for (let i = 0; i < n; i++) {
      const name = messageFileName(newMessageId());
      writeFileSync(join(paths.processing, claimFileName(name, stale, 'hand')), `# HelloWorld Message\n# From: @human\n# To: @zz\n\nq ${i}\n`);
    }
    return { root, processing: paths.processing, inbox: paths.inbox };
  }

  it('sweeps on past the first batch: every stale claim comes back to the inbox in one call, and it claims one', async () => {
    const { root, processing, inbox } = staleBehindFlood(120, 80);
    const r = JSON.parse((await dispatch(root, ['claim', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(r.claimed).toBe(true);
    expect(r.sweep_partial).toBeUndefined();
    expect(readdirSync(inbox)).toHaveLength(79);
    expect(readdirSync(processing).filter((n) => n.includes('.claim-'))).toHaveLength(1);
  });

  it('a processing/ of exactly its budget of batches is swept whole: not said to be partial', async () => {
    // LONE_SWEEP_BATCHES full batches and nothing after: the last batch ends where the folder does.
    const { root, inbox } = staleBehindFlood(LONE_SWEEP_BATCHES * MAX - 1, 1);
    const r = JSON.parse((await dispatch(root, ['claim', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(r.claimed).toBe(true);
    expect(r.sweep_partial).toBeUndefined();
    expect(r.note).toBeUndefined();
    expect(readdirSync(inbox)).toHaveLength(0);
    // One name more is past the budget: partial.
    const past = staleBehindFlood(LONE_SWEEP_BATCHES * MAX, 1);
    const more = JSON.parse((await dispatch(past.root, ['claim', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(more.sweep_partial).toBe(true);
  });

  it('a daemon sweeping a processing/ of exactly one batch starts again at its first name on the next sweep', () => {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'zz');
    plant(paths.processing, MAX);
    expect(sweepStaleBatch(paths, 'zz').end).toBe(true);
    expect(sweepStaleBatch(paths, 'zz').end).toBe(true);
  });

  it('past its budget of batches it says the sweep was partial and what sweeps the rest (text and --json)', async () => {
    const { root } = staleBehindFlood(LONE_SWEEP_BATCHES * MAX + 20, 1);
    const json = JSON.parse((await dispatch(root, ['claim', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json.sweep_partial).toBe(true);
    expect(json.note).toContain(`the first ${LONE_SWEEP_BATCHES * MAX} names of @zz's processing`);
    expect(json.note).toContain("'dispatch serve @zz'");
    const again = staleBehindFlood(LONE_SWEEP_BATCHES * MAX + 20, 1);
    const text = await dispatch(again.root, ['claim', '@zz']);
    expect(text.stdout + text.stderr).toContain("'dispatch serve @zz'");
  });
});
