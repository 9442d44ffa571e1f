/**
 * Anyone who can write to a relay can leave many packages there cheaply (near-identical large blobs
 * cost git a delta each), and each costs pull a download, a write and a check. One pull takes at
 * most a bounded number of packages and of bytes (the first package always, so every pull makes
 * progress); what it does not take stays on the relay untouched, is counted as waiting, and pull
 * says to run it again. The caps are lowered here with setPullLimitsForTests.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { bundleDir } from '../support/bundles.ts';
import { join } from 'node:path';
import { overPullLimit, PullBudget, pullOrder, setPullLimitsForTests, type PullTier } from '../../scripts/lib/relay/pull-limits.ts';
import { openGithubTransport } from '../../scripts/lib/relay/open.ts';
import type { InboxEntry, RelayTransport } from '../../scripts/lib/relay/transport.ts';
import { bareFiles, commitToBare, fixtureGitUser, setUpGitUser, tempDir, type TestUser } from './helpers.ts';
import { fixtureRelayUser, githubBob, pair, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import type { FakeGithub } from '../support/fake-github.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('pull-limits');
});
afterAll(() => base.cleanup());
afterEach(() => setPullLimitsForTests(undefined));

/** `count` distinct blobs of `bytes` each under inbox/mallory/ (not a peer: they land as unverified). */
function junk(count: number, bytes: number): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) files[`inbox/mallory/junk${i}-20260101-000000-0000000${i}.walnut`] = randomBytes(bytes);
  return files;
}

function savedUnder(user: TestUser): string[] {
  const dir = join(user.paths.inbox, 'mallory', 'unverified');
  return existsSync(dir) ? readdirSync(dir) : [];
}

function pending(user: TestUser): number {
  return JSON.parse(readFileSync(user.paths.state, 'utf8')).pending_packages;
}

describe('git relay: one pull takes at most the package cap', () => {
  let carol: RelayUser;
  beforeAll(async () => {
    carol = await fixtureRelayUser(join(base.dir, 'package-cap'), 'carol');
  });

  it('takes the first packages, leaves the rest untouched on the relay, counts them as waiting, and says to pull again', async () => {
    const files = junk(5, 1024);
    commitToBare(carol.url, files);
    const before = bareFiles(carol.url);
    setPullLimitsForTests({ packages: 2 });

    const first = await run(carol, ['pull', '--json']);
    expect(first.json.error.code).toBe('unverified');
    expect(first.json.received).toHaveLength(2);
    expect(first.json.deferred).toBe(3);
    expect(first.json.remaining).toBe(3);
    expect(first.json.pull_limits).toEqual({
      packages: 2,
      bytes: expect.any(Number),
      unpinned_per_sender: expect.any(Number),
      expanded_bytes: expect.any(Number),
      duplicates: expect.any(Number),
    });
    expect(savedUnder(carol)).toHaveLength(2);
    const left = [...bareFiles(carol.url)].filter(([p]) => p.startsWith('inbox/'));
    expect(left).toHaveLength(3);
    for (const [p, oid] of left) expect(before.get(p)).toBe(oid);
    expect(pending(carol)).toBe(3);
    const inbox = await run(carol, ['inbox', '--json']);
    expect(inbox.json.waiting).toHaveLength(3);

    const second = await run(carol, ['pull']);
    expect(second.stdout + second.stderr).toMatch(
      /1 package was left on the relay, untouched: one pull takes at most 2 packages .*Run `alive-p2p relay pull` again for it/s,
    );
    expect(savedUnder(carol)).toHaveLength(4);
    expect(pending(carol)).toBe(1);

    const third = await run(carol, ['pull', '--json']);
    expect(third.json.deferred).toBe(0);
    expect(savedUnder(carol)).toHaveLength(5);
    expect(pending(carol)).toBe(0);
  }, 60_000);
});

/** `count` distinct small blobs under inbox/<folder>/ (a folder that is not a peer's). */
function junkIn(folder: string, count: number): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) files[`inbox/${folder}/junk${i}-20260101-000000-0000000${i}.walnut`] = randomBytes(512);
  return files;
}

describe('git relay: the caps are shared out fairly', () => {
  it("a pinned peer's package comes before a folder of junk that sorts first", async () => {
    const dir = join(base.dir, 'peer-first');
    const [alice, bob] = [await fixtureRelayUser(dir, 'alice'), await fixtureRelayUser(dir, 'bob')];
    await pair(alice, bob);
    expect((await run(alice, ['push', await walnutPackage(alice, 'real'), '--to', 'bob', '--json'])).code).toBe(0);
    commitToBare(bob.url, junkIn('aaa-spam', 4));
    setPullLimitsForTests({ packages: 1 });
    const first = await run(bob, ['pull', '--json']);
    expect(first.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true })]);
    expect(first.json.deferred).toBe(4);
  }, 60_000);

  it('senders that are not peers take turns, each one package a turn, in their own order', async () => {
    const dave = await fixtureRelayUser(join(base.dir, 'turns'), 'dave');
    commitToBare(dave.url, { ...junkIn('aaa', 3), ...junkIn('bbb', 2) });
    setPullLimitsForTests({ packages: 3 });
    const first = await run(dave, ['pull', '--json']);
    const taken = first.json.received.map((r: { from: string; name: string }) => `${r.from}/${r.name}`);
    expect(taken.map((t: string) => t.replace(/-2026.*/, ''))).toEqual(['aaa/junk0', 'bbb/junk0', 'aaa/junk1']);
    expect(first.json.deferred).toBe(2);
  }, 60_000);

  it('a peer you added, not pinned yet, is not crowded out by many folders of junk that sort first', async () => {
    const frank = await fixtureRelayUser(join(base.dir, 'added-peer'), 'frank');
    expect((await run(frank, ['add-peer', 'zed', '--json'])).code).toBe(0);
    commitToBare(frank.url, { ...junkIn('aaa', 1), ...junkIn('bbb', 1), ...junkIn('ccc', 1), ...junkIn('zed', 1) });
    setPullLimitsForTests({ packages: 2 });
    const first = await run(frank, ['pull', '--json']);
    expect(first.json.received.map((r: { from: string }) => r.from)).toEqual(['zed', 'aaa']);
    expect(first.json.deferred).toBe(2);
  }, 60_000);

  it('a sender that is not a pinned peer gets at most its per-sender share of a pull; the rest waits, and pull says so', async () => {
    const dir = join(base.dir, 'per-sender');
    const [alice, bob] = [await fixtureRelayUser(dir, 'alice'), await fixtureRelayUser(dir, 'bob')];
    await pair(alice, bob);
    for (const name of ['one', 'two']) {
      expect((await run(alice, ['push', await walnutPackage(alice, name), '--to', 'bob', '--json'])).code).toBe(0);
    }
    commitToBare(bob.url, { ...junkIn('spam', 3), ...junkIn('zzz', 1) });
    setPullLimitsForTests({ unpinnedPerSender: 1 });
    const first = await run(bob, ['pull', '--json']);
    const from = first.json.received.map((r: { from: string }) => r.from).sort();
    expect(from).toEqual(['alice', 'alice', 'spam', 'zzz']);
    expect(first.json.deferred).toBe(2);
    expect(first.json.pull_limits.unpinned_per_sender).toBe(1);
    expect(pending(bob)).toBe(2);
    const second = await run(bob, ['pull']);
    expect(second.stderr).toMatch(
      /1 package was left on the relay, untouched: .*at most 1 from each sender that is not a pinned peer.*all in one folder that is not one of your peers'/s,
    );
    // spam is no peer of bob's: its folder name is not part of the warning.
    expect(second.stderr).not.toMatch(/spam's folder/);
  }, 60_000);
});

it("pullOrder: pinned peers' packages first, then the others'; within each, senders take turns", () => {
  const e = (path: string) => ({ sender: path.split('/')[0]!, path });
  const listing = ['aaa/1', 'aaa/2', 'aaa/3', 'Bob/1', 'bob/2', 'bob/3', 'ccc/1', 'dan/1', 'dan/2'].map(e);
  const tier = (s: string): PullTier => (['bob', 'dan'].includes(s.toLowerCase()) ? 0 : 2);
  expect(pullOrder(listing, tier).map((x) => x.path)).toEqual(['Bob/1', 'dan/1', 'bob/2', 'dan/2', 'bob/3', 'aaa/1', 'ccc/1', 'aaa/2', 'aaa/3']);
});

it('pullOrder: a peer you added whose key is not pinned yet comes before folders that are no peer of yours', () => {
  const e = (path: string) => ({ sender: path.split('/')[0]!, path });
  const listing = ['aaa/1', 'bbb/1', 'zed/1', 'zed/2', 'bob/1'].map(e);
  const tier = (s: string): PullTier => (s === 'bob' ? 0 : s === 'zed' ? 1 : 2);
  expect(pullOrder(listing, tier).map((x) => x.path)).toEqual(['bob/1', 'zed/1', 'zed/2', 'aaa/1', 'bbb/1']);
});

it('PullBudget: a sender that is not a pinned peer gets at most the per-sender cap; pinned peers and other senders go on', () => {
  const budget = new PullBudget({ packages: 10, bytes: 1000, unpinnedPerSender: 2, expandedBytes: 1000, duplicates: 10 });
  expect([budget.startPackage('spam'), budget.startPackage('Spam'), budget.startPackage('spam')]).toEqual([true, true, false]);
  expect(budget.startPackage('other')).toBe(true);
  expect(budget.startPackage()).toBe(true);
  expect(budget.startPackage()).toBe(true);
  expect(budget.startPackage()).toBe(true);
  expect(budget.reached).toBeNull();
  expect(budget.heldBack).toEqual(new Map([['spam', 1]]));
});

describe('git relay: one pull saves at most the byte cap', () => {
  let erin: RelayUser;
  beforeAll(async () => {
    erin = await fixtureRelayUser(join(base.dir, 'byte-cap'), 'erin');
  });

  it('stops before the package that would pass it; the first package is taken whatever its size', async () => {
    commitToBare(erin.url, junk(4, 4000));
    setPullLimitsForTests({ bytes: 9000 });
    const first = await run(erin, ['pull', '--json']);
    expect(first.json.received).toHaveLength(2);
    expect(first.json.deferred).toBe(2);
    expect(first.json.pull_limits.bytes).toBe(9000);
    expect(pending(erin)).toBe(2);

    setPullLimitsForTests({ bytes: 100 });
    const second = await run(erin, ['pull', '--json']);
    expect(second.json.received).toHaveLength(1);
    expect(second.json.deferred).toBe(1);
    expect(savedUnder(erin)).toHaveLength(3);
  }, 60_000);
});

describe('GitHub relay: the caps are checked from the listed sizes, before a download', () => {
  let gh: FakeGithub;
  let bob: TestUser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ gh, bob, close } = await githubBob('pull-limits-gh'));
  });
  afterAll(() => close());

  it('fetches no blob it will not save; what is left waits on the relay', async () => {
    const files = junk(4, 4000);
    gh.commitFiles('bob/walnut-relay', files);
    setPullLimitsForTests({ bytes: 9000 });
    const downloads = () => gh.count('GET', /\/git\/blobs\//);
    const before = downloads();
    const first = await run(bob, ['pull', '--json']);
    expect(first.json.received).toHaveLength(2);
    expect(first.json.deferred).toBe(2);
    expect(downloads() - before).toBe(2);
    expect([...gh.files('bob/walnut-relay').keys()].filter((p) => p.startsWith('inbox/'))).toHaveLength(2);
    expect(pending(bob)).toBe(2);

    setPullLimitsForTests({ packages: 1 });
    const second = await run(bob, ['pull', '--json']);
    expect(second.json.received).toHaveLength(1);
    expect(second.json.deferred).toBe(1);
    expect(downloads() - before).toBe(3);
  }, 60_000);
});

/** Downloads `entry` with an admit that records the size it hears and refuses it. */
async function refused(transport: RelayTransport, entry: InboxEntry, dest: string): Promise<number[]> {
  const sizes: number[] = [];
  const admit = (n: number) => {
    sizes.push(n);
    throw overPullLimit();
  };
  await expect(transport.download(entry, dest, undefined, undefined, admit)).rejects.toMatchObject({ code: 'pull_limit' });
  expect(existsSync(dest)).toBe(false);
  return sizes;
}

describe("the transports tell pull a package's size before writing it", () => {
  it('git: the size of the blob fetched into the clone', async () => {
    const dir = join(base.dir, 'git-size');
    const alice = fixtureGitUser(dir, 'alice');
    await setUpGitUser(dir, alice);
    commitToBare(alice.url, junk(1, 3000));
    const [entry] = (await alice.transport.listInbox()).entries;
    expect(await refused(alice.transport, entry!, join(base.dir, 'alice-got'))).toEqual([3000]);
  });

  it('GitHub: the listed size, or else the length of the answer', async () => {
    const { gh, bob, close } = await githubBob('pull-limits-size');
    try {
      gh.commitFiles('bob/walnut-relay', junk(1, 3000));
      const transport = await openGithubTransport('bob', gh.url, 'main', bob.env);
      const [entry] = (await transport.listInbox()).entries;
      expect(entry!.size).toBe(3000);
      const downloads = () => gh.count('GET', /\/git\/blobs\//);
      expect(await refused(transport, entry!, join(base.dir, 'bob-got-1'))).toEqual([3000]);
      expect(downloads()).toBe(0);
      const { size: _, ...unsized } = entry!;
      expect(await refused(transport, unsized, join(base.dir, 'bob-got-2'))).toEqual([3000]);

      // A compressed answer's length is not the package's: the bytes received are checked.
      type Route = (...a: unknown[]) => { status: number; data?: unknown; headers?: Record<string, string> };
      const server = gh as unknown as { route: Route };
      const route = server.route.bind(gh);
      server.route = (...a) => {
        const r = route(...a);
        return Buffer.isBuffer(r.data) ? { ...r, data: gzipSync(r.data), headers: { ...r.headers, 'content-encoding': 'gzip' } } : r;
      };
      try {
        const sizes: number[] = [];
        const dest = join(base.dir, 'bob-got-3');
        await transport.download(unsized, dest, undefined, undefined, (n) => sizes.push(n));
        expect(sizes).toEqual([3000]);
        expect(readFileSync(dest).length).toBe(3000);
      } finally {
        server.route = route;
      }
    } finally {
      await close();
    }
  });
});

it('the test-only knob (setPullLimitsForTests) is in no bundle', () => {
  for (const f of readdirSync(bundleDir(), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mjs'))) {
    expect(readFileSync(join(bundleDir(), f), 'utf8'), f).not.toContain('setPullLimitsForTests');
  }
});
