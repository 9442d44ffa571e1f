/**
 * A git relay's clone is blob-less, but every package pull fetched stayed in it, whole, for good:
 * each package was on the disk twice, and junk a peer pushed and the user deleted from
 * unverified/ was still there. A download drops the pack its fetch wrote once the package is out
 * (and keeps it when pull's byte cap refused it, for the next pull).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareFiles, bytesUnder, commitToBare, fixtureGitUser, gitUser, setUpGitUser, tempDir } from './helpers.ts';
import { gitEnv } from '../../scripts/lib/relay/git-run.ts';
import { gitBlobSha } from '../../scripts/lib/relay/blob-sha.ts';
import { isolateProcessGit } from './git-env.ts';
import { overPullLimit } from '../../scripts/lib/relay/pull-limits.ts';

// Each test in a folder of its own, its relays copies of one setup per login (setUpGitUser): a
// setup is about ten git processes, each a fork of the worker. Setup is tested in git-transport.test.ts.
let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  t = tempDir('clone-growth');
});
afterAll(() => t.cleanup());

it('downloaded packages do not stay in the clone; one refused by the byte cap does', async () => {
  const dir = join(t.dir, 'pull');
  const bob = fixtureGitUser(dir, 'bob');
  await setUpGitUser(dir, bob);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 3; i++) files[`inbox/mallory/j${i}-20260101-000000-0000000${i}.walnut`] = randomBytes(256 * 1024);
  commitToBare(bob.url, files);
  const { entries } = await bob.transport.listInbox();
  const objects = join(bob.paths.clone, 'objects');
  const before = bytesUnder(objects);
  for (const entry of entries.slice(0, 2)) {
    const dest = join(t.dir, `got-${entry.name}`);
    await bob.transport.download(entry, dest);
    expect(readFileSync(dest).equals(files[entry.path]!)).toBe(true);
  }
  expect(bytesUnder(objects) - before).toBeLessThan(64 * 1024);

  const last = entries[2]!;
  await expect(
    bob.transport.download(last, join(t.dir, 'refused'), undefined, undefined, () => {
      throw overPullLimit();
    }),
  ).rejects.toMatchObject({ code: 'pull_limit' });
  expect(bytesUnder(objects) - before).toBeGreaterThan(256 * 1024);
  // Still listed, still there: the next pull takes it without fetching again.
  const dest = join(t.dir, 'got-last');
  await bob.transport.download(last, dest);
  expect(readFileSync(dest).equals(files[last.path]!)).toBe(true);
  expect(bytesUnder(objects) - before).toBeLessThan(64 * 1024);
});

/** Whether the clone holds object `oid` (never fetched for the question: GIT_NO_LAZY_FETCH). */
function inClone(clone: string, oid: string): boolean {
  return spawnSync('git', ['cat-file', '-e', oid], { cwd: clone, env: gitEnv() }).status === 0;
}

it('a pushed package does not stay in the clone; the next push, and one retried after a lost race, still land', async () => {
  const dir = join(t.dir, 'push');
  const alice = fixtureGitUser(dir, 'alice');
  const bob = fixtureGitUser(dir, 'bob');
  await Promise.all([setUpGitUser(dir, alice), setUpGitUser(dir, bob)]);
  const peer = { login: 'bob', relay: bob.url };
  const pkg = (name: string) => {
    const p = join(t.dir, name);
    writeFileSync(p, randomBytes(256 * 1024));
    return p;
  };
  const objects = join(alice.paths.clone, 'objects');
  const first = pkg('one.walnut');
  const r1 = await alice.transport.deliver(
    peer,
    first,
    () => 'one.walnut',
    () => {},
  );
  const before = bytesUnder(objects);
  const oid1 = await gitBlobSha(first);
  expect(bareFiles(bob.url).get(r1.path)).toBe(oid1);
  expect(inClone(alice.paths.clone, oid1)).toBe(false);

  const second = pkg('two.walnut');
  const r2 = await alice.transport.deliver(
    peer,
    second,
    () => 'two.walnut',
    () => {},
  );
  expect(bareFiles(bob.url).get(r2.path)).toBe(await gitBlobSha(second));
  expect(inClone(alice.paths.clone, await gitBlobSha(second))).toBe(false);

  // Another writer pushes between alice's fetch and her push: hers is rejected, rebuilt and pushed again.
  const third = pkg('three.walnut');
  let raced = 0;
  const r3 = await alice.transport.deliver(
    peer,
    third,
    () => `three-${raced}.walnut`,
    () => {
      if (raced++ === 0) commitToBare(bob.url, { 'inbox/carol/c-20260101-000000-00000000.walnut': 'by carol' });
    },
  );
  expect(raced).toBe(2);
  const files = bareFiles(bob.url);
  expect(files.get(r3.path)).toBe(await gitBlobSha(third));
  expect(files.has('inbox/carol/c-20260101-000000-00000000.walnut')).toBe(true);
  expect(inClone(alice.paths.clone, await gitBlobSha(third))).toBe(false);
  expect(bytesUnder(objects) - before).toBeLessThan(64 * 1024);
  expect(existsSync(alice.paths.work) ? readdirSync(alice.paths.work) : []).toEqual([]);
});

it("a deposit folder a killed push left is removed by a later push once older than the longest push; a running one's is not", async () => {
  const dir = join(t.dir, 'leftovers');
  const alice = fixtureGitUser(dir, 'alice');
  const bob = fixtureGitUser(dir, 'bob');
  await Promise.all([setUpGitUser(dir, alice), setUpGitUser(dir, bob)]);
  const [old, running] = ['deposit-old', 'deposit-running'].map((n) => join(alice.paths.work, n));
  for (const folder of [old!, running!]) {
    mkdirSync(join(folder, 'ab'), { recursive: true });
    writeFileSync(join(folder, 'ab', 'cdef'), randomBytes(1024));
  }
  // A slow push reads its folder for hours (up to 5 at most): one written 2 hours ago may be running.
  const ago = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);
  utimesSync(old!, ago(7), ago(7));
  utimesSync(running!, ago(2), ago(2));
  const pkg = join(dir, 'd.walnut');
  writeFileSync(pkg, randomBytes(1024));
  await alice.transport.deliver(
    { login: 'bob', relay: bob.url },
    pkg,
    () => 'd.walnut',
    () => {},
  );
  expect(readdirSync(alice.paths.work)).toEqual(['deposit-running']);
});

it('a push lands from a home whose path holds a colon, a quote and a backslash (git splits its list of object folders on colons)', async () => {
  const home = join(t.dir, 'odd:"home\\');
  mkdirSync(home, { recursive: true });
  const alice = gitUser(home, 'alice');
  // alice's setup is the transport's own: a template's copy writes its path into git's config unquoted.
  const dir = join(t.dir, 'colon');
  const bob = fixtureGitUser(dir, 'bob');
  await Promise.all([alice.transport.setup(alice.keys.publicKeyPem), setUpGitUser(dir, bob)]);
  const pkg = join(t.dir, 'colon.walnut');
  writeFileSync(pkg, randomBytes(64 * 1024));
  const r = await alice.transport.deliver(
    { login: 'bob', relay: bob.url },
    pkg,
    () => 'colon.walnut',
    () => {},
  );
  expect(bareFiles(bob.url).get(r.path)).toBe(await gitBlobSha(pkg));
});
