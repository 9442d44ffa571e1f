/**
 * A `.lock` file left in the relay's local clone by a git that was killed (the session hook's probe
 * kills its git at its budget) made every fetch fail: it was reported as `network` ("cannot reach
 * the relay"), retried five times, and inbox, status, the probe and the hook kept reporting an
 * unreachable relay. A lock older than any git here holds one is removed and the fetch goes on; a
 * fresh one is `clone_locked`, naming the file and what to do.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { commitToBare, gitPeers, tempDir } from './helpers.ts';
import { relayUser, run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('clone-lock');
});
afterAll(() => base.cleanup());

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

it('a lock a killed git left long ago is removed, and the listing goes on', async () => {
  const { bob } = await gitPeers(join(base.dir, 'stale'));
  commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'x' });
  const lock = join(bob.paths.clone, 'refs', 'remotes', 'origin', 'main.lock');
  writeFileSync(lock, '');
  utimesSync(lock, minutesAgo(10), minutesAgo(10));
  const listing = await bob.transport.listInbox();
  expect(listing.entries.map((e) => e.name)).toEqual(['a-20260101-000000-00000001.walnut']);
  expect(existsSync(lock)).toBe(false);
});

it('a fresh lock is clone_locked, naming the file, not an unreachable relay', async () => {
  const { bob } = await gitPeers(join(base.dir, 'fresh'));
  commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'x' });
  const lock = join(bob.paths.clone, 'refs', 'remotes', 'origin', 'main.lock');
  writeFileSync(lock, '');
  const err = await bob.transport.listInbox().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AliveError);
  expect((err as AliveError).code).toBe('clone_locked');
  expect((err as AliveError).message).toContain(lock);
  expect((err as AliveError).message).toMatch(/remove/);
  expect(existsSync(lock)).toBe(true);
});

it('relay inbox --json reports clone_locked, and works again once the lock is as old as only a killed git leaves one', async () => {
  const carol = await relayUser(base.dir, 'carol');
  commitToBare(carol.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'x' }); // the fetch has a ref to update
  const lock = join(carol.paths.clone, 'refs', 'remotes', 'origin', 'main.lock');
  writeFileSync(lock, '');
  const refused = await run(carol, ['inbox', '--json']);
  expect(refused.code).toBe(1);
  expect(refused.json.error).toMatchObject({ code: 'clone_locked' });
  utimesSync(lock, minutesAgo(3), minutesAgo(3));
  const listed = await run(carol, ['inbox', '--json']);
  expect(listed.code, listed.stderr).toBe(0);
});
