/**
 * `relay pull --max-size` bounds what a git relay brings onto the disk, not only what is written
 * out: a hosted Git server gives blob-less clones, and a package fetched whole before its size is
 * checked could fill the disk (and stayed in the clone).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { AliveError } from '../../scripts/lib/errors.ts';
import { git, tempDir, writeFixtureKeys } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

beforeAll(() => isolateProcessGit());
const t = tempDir('max-size-git');
afterAll(() => t.cleanup());

/** Bytes under the clone's objects/ (packs, loose objects, temporary packs). */
function objectBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += objectBytes(join(dir, e.name));
    else if (e.isFile()) n += statSync(join(dir, e.name)).size;
  }
  return n;
}

it('a download over the limit from a blob-less server stops near the limit and keeps nothing of it', async () => {
  const mk = (login: string) => {
    const paths = relayPaths(join(t.dir, login, 'relay'));
    const keys = writeFixtureKeys(paths, login);
    const url = join(t.dir, 'remotes', `${login}.git`);
    return { paths, keys, url, transport: new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work }) };
  };
  const alice = mk('alice');
  const bob = mk('bob');
  await alice.transport.setup(alice.keys.publicKeyPem);
  await bob.transport.setup(bob.keys.publicKeyPem);
  git(['config', 'uploadpack.allowFilter', 'true'], bob.url);
  git(['config', 'uploadpack.allowAnySHA1InWant', 'true'], bob.url);
  const big = join(t.dir, 'big.walnut');
  // 4 MiB: twice what the download may leave in the clone below, past the limit's 1.26 MiB of file.
  writeFileSync(big, randomBytes(4 * 1024 * 1024));
  await alice.transport.deliver(
    { login: 'bob', relay: bob.url },
    big,
    () => 'big-20260101-000000-00000001.walnut',
    () => {},
  );
  const listing = await bob.transport.listInbox();
  const objects = join(bob.paths.clone, 'objects');
  const before = objectBytes(objects);

  for (const onProgress of [undefined, () => {}]) {
    let caught: unknown;
    await bob.transport.download(listing.entries[0]!, join(t.dir, `got-${onProgress ? 'p' : 'q'}`), 256 * 1024, onProgress).catch((e: unknown) => {
      caught = e;
    });
    expect(caught).toBeInstanceOf(AliveError);
    expect((caught as AliveError).code).toBe('too_large');
    // The folder and the name are whoever wrote to the relay's: "the package" (pull gives the name apart, untrusted).
    expect((caught as AliveError).message).toMatch(/^the package is larger than 262144 bytes .* if you expect a package this big$/);
    expect(objectBytes(objects) - before).toBeLessThan(2 * 1024 * 1024);
  }

  // Within the limit (exactly the package's size), it comes whole.
  const dest = join(t.dir, 'got-whole');
  await bob.transport.download(listing.entries[0]!, dest, 4 * 1024 * 1024);
  expect(readFileSync(dest).equals(readFileSync(big))).toBe(true);
});

it('a listing from a server that ignores --filter=blob:none stops at the tree-fetch cap and says what to change', async () => {
  // A server without partial-clone filters (uploadpack.allowFilter off, git's default for a bare
  // repository that relay setup did not make): a "trees only" fetch then brings every waiting
  // package whole. The cap bounds what lands on disk.
  const cap = 1024 * 1024;
  const mk = (login: string) => {
    const paths = relayPaths(join(t.dir, 'nofilter', login, 'relay'));
    const keys = writeFixtureKeys(paths, login);
    const url = join(t.dir, 'nofilter', 'remotes', `${login}.git`);
    const transport = new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work, treeFetchMaxBytes: cap });
    return { paths, keys, url, transport };
  };
  const alice = mk('alice');
  const bob = mk('bob');
  await alice.transport.setup(alice.keys.publicKeyPem);
  await bob.transport.setup(bob.keys.publicKeyPem);
  git(['config', 'uploadpack.allowFilter', 'false'], bob.url);
  const big = join(t.dir, 'nofilter', 'big.walnut');
  // 2 MiB: past the cap and the 256 KiB of room over it that the check below allows.
  writeFileSync(big, randomBytes(2 * 1024 * 1024));
  await alice.transport.deliver(
    { login: 'bob', relay: bob.url },
    big,
    () => 'big-20260101-000000-00000002.walnut',
    () => {},
  );
  const objects = join(bob.paths.clone, 'objects');
  const before = objectBytes(objects);

  let caught: unknown;
  await bob.transport.listInbox().catch((e: unknown) => {
    caught = e;
  });
  expect(caught).toBeInstanceOf(AliveError);
  expect((caught as AliveError).code).toBe('relay_ignores_filter');
  expect((caught as AliveError).message).toMatch(/uploadpack\.allowFilter/);
  expect(objectBytes(objects) - before).toBeLessThan(cap + 256 * 1024);
});

/**
 * A relay set up for `login` (its filters on), read with a 1 MiB cap on what a trees-only fetch
 * writes, and `commitJunk`: a commit on its tip of a tree with 30,000 names (a writer's junk: a
 * review of 2026-12-07 used 600,000), then, with `removed`, a commit taking the tip's tree back.
 */
async function junkRelay(login: string) {
  const paths = relayPaths(join(t.dir, 'junk', login, 'relay'));
  const keys = writeFixtureKeys(paths, login);
  const url = join(t.dir, 'junk', 'remotes', `${login}.git`);
  const transport = new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work, treeFetchMaxBytes: 1024 * 1024 });
  await transport.setup(keys.publicKeyPem);
  const gitIn = (args: string[], input = '') => spawnSync('git', args, { cwd: url, input, encoding: 'utf8' }).stdout.trim();
  const commitJunk = (removed: boolean) => {
    const blob = gitIn(['hash-object', '-w', '--stdin'], 'x\n');
    const lines = Array.from({ length: 30_000 }, () => `100644 blob ${blob}\t${randomBytes(24).toString('hex')}\n`).join('');
    const tip = gitIn(['rev-parse', 'main']);
    const clean = gitIn(['rev-parse', 'main^{tree}']);
    const who = ['-c', 'user.name=m', '-c', 'user.email=m@m'];
    const junk = gitIn([...who, 'commit-tree', gitIn(['mktree'], lines), '-p', tip, '-m', 'junk']);
    const last = removed ? gitIn([...who, 'commit-tree', clean, '-p', junk, '-m', 'junk removed']) : junk;
    gitIn(['update-ref', 'refs/heads/main', last]);
  };
  return { transport, commitJunk };
}

// "Its server ignores partial-clone filters … enable them" was false on a relay whose server
// applies the filters, and following it changed nothing.
it('a listing from a relay whose history holds more trees than the cap, its filters on, says so and how to move on', async () => {
  const { transport: carol, commitJunk } = await junkRelay('carol');
  commitJunk(false);

  let caught: unknown;
  await carol.listInbox().catch((e: unknown) => {
    caught = e;
  });
  expect(caught).toBeInstanceOf(AliveError);
  expect((caught as AliveError).code).toBe('relay_history_too_large');
  expect((caught as AliveError).message).not.toMatch(/ignores partial-clone filters/);
  expect((caught as AliveError).message).toMatch(/relay setup --move/);
  // And again: what the first fetch left does not change the refusal.
  await expect(carol.listInbox()).rejects.toMatchObject({ code: 'relay_history_too_large' });
});

// The junk removed by the next commit locked the relay all the same: a clone fetches every commit's
// trees (the review of 2026-12-07). Past the cap, the fetch is tried again for the tip alone.
it('a relay whose junk tree a later commit removed is read again: the fetch past the cap takes the tip alone', async () => {
  const { transport: dave, commitJunk } = await junkRelay('dave');
  expect((await dave.listInbox()).entries).toEqual([]);
  commitJunk(true);
  expect((await dave.listInbox()).entries).toEqual([]);
});
