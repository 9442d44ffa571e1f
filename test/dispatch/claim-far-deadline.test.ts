/**
 * A claim's deadline is in its file name, which any bus writer chooses: one naming a live dispatch
 * process (an MCP server's pid, seen from a serve: alive, and a dispatch) with a deadline in the
 * year 3000 was held until then, and no sweep took it back. No lease the bus takes is longer than
 * MAX_DURATION_SECONDS (7 days, config.ts) and the clocks' skew (2 days): a deadline further ahead
 * than that has run out, and the sweep returns the request to the inbox.
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dispatch, liveServePid, makeBusWithRuntimes } from './helpers.ts';
import { parseClaimFileName, sweepStaleClaims } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

const DAY = 24 * 3600_000;

it.runIf(process.platform === 'linux')('a claim of a live dispatch process dated past any lease of ours goes back to the inbox at the next sweep', async () => {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.processing, { recursive: true });
  const owner = `m${liveServePid('claude', root)}h${hostTag()}x0a1b2c3d`;
  renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, `${messageFileName(sent.id)}.claim-${Date.UTC(3000, 0, 1)}-${owner}`));
  expect(sweepStaleClaims(paths, 'claude')).toBe(1);
  expect(readdirSync(paths.inbox)).toEqual([messageFileName(sent.id)]);
});

it('a deadline within the longest lease and the clocks skew is kept as written', () => {
  const within = Date.now() + 8 * DAY;
  expect(parseClaimFileName(`msg-a.hw.claim-${within}-hand`)?.deadline).toBe(within);
  expect(parseClaimFileName(`msg-a.hw.claim-${Date.now() + 10 * DAY}-hand`)?.deadline).toBeLessThanOrEqual(Date.now());
});

it("show says a planted deadline's lease is not readable, not that it ran out in 1970", async () => {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.processing, { recursive: true });
  const planted = Date.now() + 10 * DAY;
  renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, `${messageFileName(sent.id)}.claim-${planted}-hand`));
  const shown = await dispatch(root, ['show', sent.id]);
  expect(shown.status).toBe(0);
  expect(shown.stdout).toMatch(/^claimed, lease not readable \(its file name gives a deadline past any lease the bus takes\): taken as run out$/m);
  expect(shown.stdout).not.toContain('1970');
  // A deadline within the longest lease is still shown as its time.
  renameSync(
    join(paths.processing, `${messageFileName(sent.id)}.claim-${planted}-hand`),
    join(paths.processing, `${messageFileName(sent.id)}.claim-1000-hand`),
  );
  expect((await dispatch(root, ['show', sent.id])).stdout).toMatch(/^claimed, lease ran out at 1970-01-01T00:00:01\.000Z$/m);
});
