/**
 * Whoever can write to a relay can put any number of names in it (an attack review of 2026-12-07:
 * 80,000 names of one blob in a peer's folder made `relay inbox` take 42 s and `relay pull` 92 s,
 * quadratic in the names; 300,000 in folders of its own made `inbox --json` 96 MB, its rows first,
 * the pinned peer's package at index 100,000). inbox lists a bounded number of rows, a pinned
 * peer's first, and says how many it left out; the grouping is linear (test/unit/linear-time.test.ts
 * reads 200,000 removals in one folder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitToBare, tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { outsideFences } from '../support/fences.ts';
import { INBOX_ROWS_JSON, INBOX_ROWS_SHOWN } from '../../scripts/lib/relay/commands/inbox.ts';

const PLANTED = 1_500;
let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('inbox-many-names');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  const pkg = await walnutPackage(alice, 'meadow');
  expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
  const planted: Record<string, string> = {};
  for (let i = 0; i < PLANTED; i++) planted[`inbox/aaa-mallory/NOTE-TO-ASSISTANT-${String(i).padStart(5, '0')}.walnut`] = 'junk';
  commitToBare(bob.url, planted);
});
afterAll(() => base.cleanup());

describe('relay inbox with many planted names', { shuffle: false }, () => {
  it('--json lists a pinned peer first and at most INBOX_ROWS_JSON rows, and counts the rest', async () => {
    expect(INBOX_ROWS_JSON).toBeLessThan(PLANTED);
    const r = await run(bob, ['inbox', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.waiting[0]).toMatchObject({ sender: 'alice', pinned: true });
    expect(r.json.waiting).toHaveLength(INBOX_ROWS_JSON);
    expect(r.json.waiting_total).toBe(PLANTED + 1);
    expect(r.json.waiting_left_out).toBe(PLANTED + 1 - INBOX_ROWS_JSON);
    expect(r.json.untrusted.senders).toEqual({ 'aaa-mallory': PLANTED });
  });

  it('the text shows a bounded number of rows of folders that are no peer’s and says how many more there are', async () => {
    const r = await run(bob, ['inbox']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/NOTE-TO-ASSISTANT-/g)?.length).toBe(INBOX_ROWS_SHOWN);
    expect(outsideFences(r.stdout)).toMatch(new RegExp(`${PLANTED - INBOX_ROWS_SHOWN} more not shown`));
    expect(outsideFences(r.stdout)).toMatch(/1,501 packages waiting|1501 packages waiting/);
  });
});
