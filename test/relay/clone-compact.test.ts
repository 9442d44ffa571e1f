/**
 * The git relay's local clone keeps near the size of what the relays hold. Whoever can write to a
 * relay the user reads could commit megabytes of junk trees, wait for one fetch and force-push
 * them away: every fetch added up to its 64 MiB cap to clone/, and nothing took it back (gc.auto=0
 * on every fetch; git's own gc keeps every object of a partial clone's fetched packs anyway).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { gitEnv } from '../../scripts/lib/relay/git-run.ts';
import { overPullLimit } from '../../scripts/lib/relay/pull-limits.ts';
import { bytesUnder, commitToBare, fixtureGitUser, gitIn, setUpGitUser, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

// Each relay a copy of one setup per login and options (setUpGitUser): a setup is about ten git
// processes, each a fork of the worker. Setup is tested in git-transport.test.ts.
let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  t = tempDir('clone-compact');
});
afterAll(() => t.cleanup());

/**
 * The tree object of `entries` random names of one blob, written by hash-object (which checks its
 * format): mktree looked the blob up again for every entry, 85 ms of CPU for 7,500 of them.
 */
function junkTree(relay: string, blob: string, entries: number): string {
  const names = Array.from({ length: entries }, () => randomBytes(12).toString('hex')).sort();
  const oid = Buffer.from(blob, 'hex');
  const tree = Buffer.concat(names.flatMap((name) => [Buffer.from(`100644 ${name}\0`), oid]));
  const r = spawnSync('git', ['hash-object', '-w', '-t', 'tree', '--stdin'], {
    cwd: relay,
    input: tree,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (r.status !== 0) throw new Error(`git hash-object of a junk tree: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * The tree object of `entries` random names, each of a blob of its own that nobody has (ids made
 * up): a clone without blobs that looks each up (its size) meets a missing object every time.
 */
function missingBlobsTree(relay: string, entries: number): string {
  // Names of one width in counting order are in a tree's (byte) order: `100644 NNNNNNNN\0` + 20 bytes.
  const row = 7 + 8 + 1 + 20;
  const tree = Buffer.alloc(entries * row);
  const oids = randomBytes(entries * 20);
  for (let i = 0; i < entries; i++) {
    tree.write(`100644 ${i.toString(16).padStart(8, '0')}\0`, i * row, 'latin1');
    oids.copy(tree, i * row + 16, i * 20, i * 20 + 20);
  }
  const r = spawnSync('git', ['hash-object', '-w', '-t', 'tree', '--literally', '--stdin'], {
    cwd: relay,
    input: tree,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (r.status !== 0) throw new Error(`git hash-object of a tree of missing blobs: ${r.stderr}`);
  return r.stdout.trim();
}

/** Commits, on top of `main`, a folder of `entries` random names (about 50 bytes of tree each); returns the commit it replaced. */
function pushJunk(relay: string, entries: number): string {
  const base = gitIn(relay, ['rev-parse', 'main']);
  const blob = gitIn(relay, ['hash-object', '-w', '--stdin'], 'x');
  const junk = junkTree(relay, blob, entries);
  const root = gitIn(relay, ['mktree'], `${gitIn(relay, ['ls-tree', base])}\n040000 tree ${junk}\tzz-junk\n`);
  const commit = gitIn(relay, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', root, '-p', base, '-m', 'junk']);
  gitIn(relay, ['update-ref', 'refs/heads/main', commit]);
  return base;
}

/** The force-push that takes the junk away again, and the relay's own clean-up. */
function dropJunk(relay: string, base: string): void {
  gitIn(relay, ['update-ref', 'refs/heads/main', base]);
  gitIn(relay, ['reflog', 'expire', '--expire=now', '--all']);
  gitIn(relay, ['gc', '-q', '--prune=now']);
}

const objectsOf = (u: { paths: { clone: string } }) => join(u.paths.clone, 'objects');

/** A transport over `u`'s clone as the session hook's probe opens it (compactClone: false), the slack of 128 KiB. */
function probeOf(u: ReturnType<typeof fixtureGitUser>, more: { treeFetchMaxBytes?: number } = {}): GitTransport {
  return new GitTransport({
    login: u.login,
    url: u.url,
    branch: 'main',
    clonePath: u.paths.clone,
    workDir: u.paths.work,
    compactClone: false,
    compactSlackBytes: 128 * 1024,
    ...more,
  });
}

/** Whether the clone holds object `oid` (never fetched for the question: GIT_NO_LAZY_FETCH). */
function inClone(clone: string, oid: string): boolean {
  return spawnSync('git', ['--git-dir', clone, 'cat-file', '-e', oid], { env: gitEnv() }).status === 0;
}

it('junk trees a writer force-pushed away leave the clone at the next fetch; what the relay holds stays readable', async () => {
  const alice = fixtureGitUser(t.dir, 'alice', { compactSlackBytes: 128 * 1024 });
  await setUpGitUser(t.dir, alice);
  commitToBare(alice.url, { 'inbox/bob/p-20260101-000000-00000001.walnut': 'package' });
  await alice.transport.listInbox();
  const baseline = bytesUnder(objectsOf(alice));
  for (let round = 1; round <= 3; round++) {
    const base = pushJunk(alice.url, 7_500); // about 375 KB of trees, past the slack of 128 KiB
    const junky = await alice.transport.listInbox();
    expect(junky.entries).toHaveLength(1);
    expect(bytesUnder(objectsOf(alice))).toBeGreaterThan(baseline + 256 * 1024);
    dropJunk(alice.url, base);
    const listing = await alice.transport.listInbox();
    expect(listing.entries.map((e) => e.name)).toEqual(['p-20260101-000000-00000001.walnut']);
    expect(bytesUnder(objectsOf(alice)), `round ${round}`).toBeLessThan(baseline + 64 * 1024);
  }
  // Keys, commits and trees are still there, read without a fetch.
  const noNetwork = new GitTransport({ login: 'alice', url: join(t.dir, 'gone.git'), branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
  expect((await noNetwork.listCachedInbox()).entries).toHaveLength(1);
  expect(await alice.transport.ownKey()).toBe(alice.keys.publicKeyPem);
});

it("a package's blob a pull left for the next one stays while the relay holds it, and goes once it does not", async () => {
  const bob = fixtureGitUser(t.dir, 'bob', { compactSlackBytes: 64 * 1024 });
  await setUpGitUser(t.dir, bob);
  const path = 'inbox/carol/big-20260101-000000-00000001.walnut';
  const pkg = randomBytes(512 * 1024);
  commitToBare(bob.url, { [path]: pkg });
  const [entry] = (await bob.transport.listInbox()).entries;
  await expect(
    bob.transport.download(entry!, join(t.dir, 'refused'), undefined, undefined, () => {
      throw overPullLimit();
    }),
  ).rejects.toMatchObject({ code: 'pull_limit' });
  expect(inClone(bob.paths.clone, entry!.blobSha)).toBe(true);
  // Growth past the slack: the next fetch compacts, and the package is still reachable.
  dropJunk(bob.url, pushJunk(bob.url, 4000));
  await bob.transport.listInbox();
  await bob.transport.listInbox();
  expect(inClone(bob.paths.clone, entry!.blobSha)).toBe(true);
  const dest = join(t.dir, 'got');
  await bob.transport.download(entry!, dest);
  expect(readFileSync(dest).equals(pkg)).toBe(true);

  // Refused again, then taken away by whoever wrote it: the next compaction drops it.
  await expect(
    bob.transport.download(entry!, join(t.dir, 'refused-2'), undefined, undefined, () => {
      throw overPullLimit();
    }),
  ).rejects.toMatchObject({ code: 'pull_limit' });
  await bob.transport.remove([entry!]);
  expect(inClone(bob.paths.clone, entry!.blobSha)).toBe(true);
  expect(await bob.transport.listInbox()).toMatchObject({ entries: [] });
  expect(inClone(bob.paths.clone, entry!.blobSha)).toBe(false);
});

it('is left alone while another live process uses the clone, and by the probe (compactClone: false)', async () => {
  const dir = join(t.dir, 'in-use');
  const alice = fixtureGitUser(dir, 'alice', { compactSlackBytes: 128 * 1024 });
  await setUpGitUser(dir, alice);
  await alice.transport.listInbox();
  const baseline = bytesUnder(objectsOf(alice));
  const probe = probeOf(alice);
  dropJunk(alice.url, pushJunk(alice.url, 7_500));
  // The junk is fetched (a probe of the junk's moment), then gone from the relay.
  const other = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    const base = gitIn(alice.url, ['rev-parse', 'main']);
    pushJunk(alice.url, 7_500);
    await probe.listInbox();
    dropJunk(alice.url, base);
    await probe.listInbox();
    const grown = bytesUnder(objectsOf(alice));
    expect(grown).toBeGreaterThan(baseline + 256 * 1024);
    // Another process that fetched into the clone and still runs.
    mkdirSync(join(alice.paths.clone, 'alive-users'), { recursive: true });
    writeFileSync(join(alice.paths.clone, 'alive-users', String(other.pid)), '');
    await alice.transport.listInbox();
    expect(bytesUnder(objectsOf(alice))).toBe(grown);
  } finally {
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
  }
  // Once it has exited, its marker is stale and removed, and the clone compacted.
  await alice.transport.listInbox();
  expect(bytesUnder(objectsOf(alice))).toBeLessThan(baseline + 64 * 1024);
});

/** Commits junk trees on top of `main`, then a commit without them: the junk stays in the history, which every fetch took. */
function pushJunkIntoHistory(relay: string, entries: number): void {
  const base = pushJunk(relay, entries);
  const junky = gitIn(relay, ['rev-parse', 'main']);
  const tree = gitIn(relay, ['rev-parse', `${base}^{tree}`]);
  const commit = gitIn(relay, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', junky, '-m', 'tidy']);
  gitIn(relay, ['update-ref', 'refs/heads/main', commit]);
}

it("junk a writer leaves in the relay's history leaves the clone once that history passes the slack; deposits, pulls and pushes go on", async () => {
  const dir = join(t.dir, 'history');
  const alice = fixtureGitUser(dir, 'alice', { compactSlackBytes: 128 * 1024 });
  const bob = fixtureGitUser(dir, 'bob');
  await setUpGitUser(dir, alice);
  await setUpGitUser(dir, bob);
  commitToBare(alice.url, { 'inbox/bob/p-20260101-000000-00000001.walnut': 'package' });
  await alice.transport.listInbox();
  const baseline = bytesUnder(objectsOf(alice));
  for (let round = 1; round <= 4; round++) {
    pushJunkIntoHistory(alice.url, 7_500); // about 375 KB of trees a round, past the slack of 128 KiB
    const listing = await alice.transport.listInbox();
    expect(listing.entries.map((e) => e.name)).toEqual(['p-20260101-000000-00000001.walnut']);
    // At most the slack and one round's fetch above where it started (it grew by each round's 375 KB for good).
    expect(bytesUnder(objectsOf(alice)), `round ${round}`).toBeLessThan(baseline + 128 * 1024 + 512 * 1024);
  }
  // Deposits go on: bob delivers, alice lists it with its details, downloads and removes it (a push
  // from alice's clone), and pushes to bob's relay.
  const pkg = join(dir, 'bob-to-alice.walnut');
  writeFileSync(pkg, randomBytes(3000));
  const sent = await bob.transport.deliver(
    { login: 'alice', relay: alice.url },
    pkg,
    () => 'q-20260101-000000-00000002.walnut',
    () => {},
  );
  const listing = await alice.transport.listInbox();
  const entry = listing.entries.find((e) => e.path === sent.path)!;
  expect(entry).toBeDefined();
  const details = await alice.transport.depositDetails(listing.head, new Set([entry.path]));
  expect(details.get(entry.path)).toMatchObject({ size: 3000 });
  const dest = join(dir, 'alice-got');
  await alice.transport.download(entry, dest);
  expect(readFileSync(dest).equals(readFileSync(pkg))).toBe(true);
  await alice.transport.remove([entry]);
  expect((await alice.transport.listInbox()).entries.map((e) => e.name)).toEqual(['p-20260101-000000-00000001.walnut']);
  const back = await alice.transport.deliver(
    { login: 'bob', relay: bob.url },
    pkg,
    () => 'r-20260101-000000-00000003.walnut',
    () => {},
  );
  expect((await bob.transport.listInbox()).entries.map((e) => e.path)).toEqual([back.path]);
  expect(await alice.transport.ownKey()).toBe(alice.keys.publicKeyPem);
});

// A tree of many names, each of a blob nobody has, at the relay's tip (any writer can commit one;
// outside inbox/ it is never read): compaction listed what the refs reach with a blob size filter,
// which looks up every blob, and in a clone without blobs each lookup missed and rescanned the
// packs. 1.5 million names held every relay command 2 minutes, compaction killed at the fetch's
// deadline each time, and due again at the next. Blob ids are read from the trees, never looked up.
it('a tree of 400,000 blobs nobody has at the tip: the fetch after it compacts within its deadline', async () => {
  const dir = join(t.dir, 'missing-blobs');
  const alice = fixtureGitUser(dir, 'alice', { compactSlackBytes: 128 * 1024 });
  await setUpGitUser(dir, alice);
  commitToBare(alice.url, { 'inbox/bob/p-20260101-000000-00000001.walnut': 'package' });
  await alice.transport.listInbox();
  const base = gitIn(alice.url, ['rev-parse', 'main']);
  const junk = missingBlobsTree(alice.url, 400_000);
  const root = gitIn(alice.url, ['mktree', '--missing'], `${gitIn(alice.url, ['ls-tree', base])}\n040000 tree ${junk}\tzz-junk\n`);
  const commit = gitIn(alice.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', root, '-p', base, '-m', 'junk']);
  gitIn(alice.url, ['update-ref', 'refs/heads/main', commit]);
  // A deadline five times what the fetch and compaction take (1.2 s on the 2-core development
  // machine), and below what a lookup of each blob took (10 s and more: killed at it).
  const listing = await alice.transport.listInbox({ deadline: Date.now() + 6_000 });
  expect(listing.entries.map((e) => e.name)).toEqual(['p-20260101-000000-00000001.walnut']);
  const compacted = JSON.parse(readFileSync(join(alice.paths.clone, 'alive-compacted'), 'utf8')) as { refs: Record<string, string> };
  expect(Object.values(compacted.refs)).toContain(commit);
  expect(await alice.transport.ownKey()).toBe(alice.keys.publicKeyPem);
}, 60_000);

// The probe (the session hook's) never compacts, and fetched into the clone at every session
// start: a writer replacing a junk tree in a relay the user reads between two sessions grew the
// clone by up to a fetch's cap each time (28 MB a session start, 166 MB after six), for good until
// a relay command ran. Past the slack and one fetch, the probe no longer fetches: it says so, and
// the relay command that compacts is named.
it('the probe does not fetch into a clone past the slack and one fetch; a relay command compacts it and the probe fetches again', async () => {
  const dir = join(t.dir, 'probe-bound');
  const alice = fixtureGitUser(dir, 'alice', { compactSlackBytes: 128 * 1024 });
  await setUpGitUser(dir, alice);
  await alice.transport.listInbox();
  const probe = probeOf(alice, { treeFetchMaxBytes: 512 * 1024 });
  let refused: unknown;
  for (let round = 0; round < 6 && refused === undefined; round++) {
    const base = pushJunk(alice.url, 7_500); // about 375 KB of trees a round
    try {
      await probe.listInbox();
    } catch (err) {
      refused = err;
    }
    dropJunk(alice.url, base);
  }
  expect(refused).toMatchObject({ code: 'too_large', message: expect.stringMatching(/alive-p2p relay inbox/) });
  // At most the slack and two fetches: the one that passed the bound, and none after it.
  expect(bytesUnder(objectsOf(alice))).toBeLessThan(128 * 1024 + 2 * 512 * 1024 + 64 * 1024);
  commitToBare(alice.url, { 'inbox/bob/p-20260101-000000-00000009.walnut': 'package' });
  const listed = await alice.transport.listInbox();
  expect(listed.entries.map((e) => e.name)).toEqual(['p-20260101-000000-00000009.walnut']);
  expect((await probe.listInbox()).entries).toHaveLength(1);
});
