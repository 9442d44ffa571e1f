/**
 * The lookups of one claim (findMessage: show, wait, reply; loadClaim and reply's look for a claim
 * taken meanwhile) and serve's take-back of a dead owner's claims (reclaimDeadOwners) list at most
 * busListMax names of processing/ (list-bound.ts): each listed every name, and 1,000,000 empty files
 * planted there took each 0.4-0.5 s. reclaimDeadOwners goes on in batches across calls, a cursor of
 * its own, so a flood listed first cannot hide a dead daemon's claim forever.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { claimFileName, loadClaim, reclaimDeadOwners, sweepStaleClaims } from '../../scripts/lib/bus/claims.ts';
import { listBusDirUpTo } from '../../scripts/lib/bus/fsutil.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { findMessage } from '../../scripts/lib/bus/query.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

/** `n` claims of `owner` in @zz's processing/, with 120 other files: their ids, and those among the first MAX names listed. */
function claims(owner: string, n: number, deadline = Date.now() + 600_000): { root: string; ids: string[]; listed: Set<string> } {
  const { root } = makeBusWithRuntimes();
  const paths = receiverPaths(root, 'zz');
  mkdirSync(paths.processing, { recursive: true });
  plantEmptyFiles(paths.processing, 120);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newMessageId();
    ids.push(id);
    writeFileSync(join(paths.processing, claimFileName(messageFileName(id), deadline, owner)), `# HelloWorld Message\n# From: @human\n# To: @zz\n\nq ${i}\n`);
  }
  const names = listBusDirUpTo(root, paths.processing, MAX).names;
  return { root, ids, listed: new Set(ids.filter((id) => names.some((n) => n.startsWith(messageFileName(id))))) };
}

describe('processing/ flooded with file names', () => {
  it('findMessage and loadClaim find a claim among the first names listed only', () => {
    const { root, ids, listed } = claims('hand', 80);
    expect(listed.size).toBeLessThan(ids.length);
    for (const id of ids) {
      expect(loadClaim(root, 'zz', id) !== undefined).toBe(listed.has(id));
      expect(findMessage(root, id).some((m) => m.location === 'processing')).toBe(listed.has(id));
    }
  });

  it('reply to a claim among the names not listed is refused, the lookup said partial', async () => {
    const { root, ids, listed } = claims('hand', 80);
    const id = ids.find((i) => !listed.has(i))!;
    const r = await dispatch(root, ['reply', id, 'done', '--json']);
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('partial');
  });

  it("each reclaimDeadOwners looks at the next batch of names, its own apart from the sweep's, and every dead owner's claim comes back within a few", () => {
    // 190 names: the batches of 50 end at the fourth (40), so a cursor shared with the sweep would give
    // reclaimDeadOwners the second and fourth only, for ever.
    const { root } = claims('p999999999', 70);
    const paths = receiverPaths(root, 'zz');
    const counts: number[] = [];
    for (let i = 0; i < 8; i++) {
      sweepStaleClaims(paths, 'zz');
      counts.push(reclaimDeadOwners(paths, 'zz', () => false));
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(70);
  });
});

describe('an id found elsewhere while processing/ is past the bound', () => {
  /** A message of @zz in its dead-letter, with `planted` other files in its processing/. */
  function deadLetterAndFlood(planted: number): { root: string; id: string } {
    const { root } = makeBusWithRuntimes();
    const paths = receiverPaths(root, 'zz');
    plantEmptyFiles(paths.processing, planted);
    mkdirSync(paths.deadLetter, { recursive: true });
    const id = newMessageId();
    writeFileSync(join(paths.deadLetter, messageFileName(id)), '# HelloWorld Message\n# From: @human\n# To: @zz\n\nq\n');
    return { root, id };
  }

  it('show says the lookup was partial (a claim of it may be among the names not listed): text and --json', async () => {
    const { root, id } = deadLetterAndFlood(120);
    const json = JSON.parse((await dispatch(root, ['show', id, '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: true, unlisted_files: true });
    expect(json.note).toContain(`holds more than ${MAX} files`);
    expect(json.note).toContain('processing');
    const text = await dispatch(root, ['show', id]);
    expect(text.status).toBe(0);
    expect(text.stdout + text.stderr).toContain('the lookup was partial');
  });

  it('under the bound: nothing said', async () => {
    const { root, id } = deadLetterAndFlood(30);
    const json = JSON.parse((await dispatch(root, ['show', id, '--json'])).stdout) as Record<string, unknown>;
    expect(json.unlisted_files).toBeUndefined();
    expect(json.note).toBeUndefined();
    expect((await dispatch(root, ['show', id])).stderr).not.toContain('partial');
  });
});
