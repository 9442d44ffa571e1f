/**
 * A peer with write access commits tree entries that are not safe names (`..`, `.git`, a name
 * with a control character) under inbox/ of someone's relay. The mailbox must keep working:
 * deliveries, listings and clean-ups never read or check out those paths, and they are listed
 * as ignored (issue 11).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { bareFiles, git, tempDir, writeTestKeys, gitIn, fixtureGitPeers, fixtureGitUser, deliverTo } from './helpers.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { isolateProcessGit } from './git-env.ts';

beforeAll(() => isolateProcessGit());
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Commits, straight into the bare relay, an inbox/ holding `..`, `.git` and a control-character name. */
function poison(relay: string): void {
  const blob = gitIn(relay, ['hash-object', '-w', '--stdin'], 'evil');
  const inner = gitIn(relay, ['mktree'], `100644 blob ${blob}\tconfig\n`);
  const head = gitIn(relay, ['rev-parse', 'main']);
  const root = gitIn(relay, ['ls-tree', head]).split('\n');
  const inboxLine = root.find((l) => l.endsWith('\tinbox'));
  const inboxEntries = inboxLine
    ? gitIn(relay, ['ls-tree', inboxLine.split(/\s+/)[2]!])
        .split('\n')
        .filter(Boolean)
    : [];
  const inbox = gitIn(
    relay,
    ['mktree'],
    `${[...inboxEntries, `040000 tree ${inner}\t..`, `040000 tree ${inner}\t.git`, `100644 blob ${blob}\tbad\u0007name`].join('\n')}\n`,
  );
  const rootTree = gitIn(relay, ['mktree'], `${[...root.filter((l) => !l.endsWith('\tinbox')), `040000 tree ${inbox}\tinbox`].join('\n')}\n`);
  const commit = gitIn(relay, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', rootTree, '-p', head, '-m', 'poison']);
  gitIn(relay, ['update-ref', 'refs/heads/main', commit]);
}

describe('hostile tree entries in a relay inbox', () => {
  it('deliveries, listings and clean-ups keep working, and the entries are listed as ignored', async () => {
    const t = tempDir('hostile');
    cleanups.push(t.cleanup);
    const { alice, bob } = await fixtureGitPeers(t.dir);
    poison(bob.url);

    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(2000));
    const first = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
    const second = await deliverTo(alice, bob, pkg, 'two-20260101-000000-00000002.walnut');
    expect(second.path).toBe('inbox/alice/two-20260101-000000-00000002.walnut');

    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual([first.path, second.path]);
    expect(listing.ignored).toEqual(expect.arrayContaining(['inbox/../config', 'inbox/.git/config']));
    expect(listing.ignored.some((p) => p.startsWith('inbox/bad'))).toBe(true);

    await bob.transport.remove(listing.entries);
    const after = await bob.transport.listInbox();
    expect(after.entries).toEqual([]);
    // The hostile entries are carried over untouched (never read, never "fixed"), the rest is intact.
    const files = [...bareFiles(bob.url).keys()];
    expect(files).toEqual(expect.arrayContaining(['README.md', 'keys/bob.pem', 'inbox/../config', 'inbox/.git/config']));
    expect(files.filter((f) => f.startsWith('inbox/alice/'))).toEqual([]);

    // setup (republishing a key) builds its commit the same way.
    const newKeys = writeTestKeys(relayPaths(join(t.dir, 'bob2', 'relay')));
    const re = await bob.transport.setup(newKeys.publicKeyPem);
    expect(re.keyPublished).toBe(true);
    expect(git(['show', 'main:keys/bob.pem'], bob.url)).toBe(newKeys.publicKeyPem);
  });

  it('a user whose git checks every object it receives (transfer.fsckObjects) is not locked out of their relay by such entries', async () => {
    const t = tempDir('hostile-fsck');
    cleanups.push(t.cleanup);
    const { alice, bob } = await fixtureGitPeers(t.dir);
    poison(bob.url);
    // A hardening many guides give: `git config --global transfer.fsckObjects true`. The clone is
    // never checked out, and alice's and bob's own code checks every name it uses.
    const saved = process.env.GIT_CONFIG_GLOBAL;
    const globalConfig = join(t.dir, 'gitconfig');
    writeFileSync(globalConfig, '[transfer]\n\tfsckObjects = true\n');
    process.env.GIT_CONFIG_GLOBAL = globalConfig;
    try {
      const pkg = join(t.dir, 'p.walnut');
      writeFileSync(pkg, randomBytes(2000));
      const deposit = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
      const listing = await bob.transport.listInbox();
      expect(listing.entries.map((e) => e.path)).toEqual([deposit.path]);
      expect(listing.ignored).toEqual(expect.arrayContaining(['inbox/../config']));
      await bob.transport.download(listing.entries[0]!, join(t.dir, 'got.walnut'));
      await bob.transport.remove(listing.entries);
      expect((await bob.transport.listInbox()).entries).toEqual([]);
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });

  it('a deposit whose commit message is larger than the listing reads leaves the listing working, its size and time read', async () => {
    const t = tempDir('hostile-message');
    cleanups.push(t.cleanup);
    // The history read for details is capped (16 MiB; 64 KiB here, so that the message need not be
    // megabytes): a message read whole would pass the cap and cost the listing its details.
    const { alice, bob } = await fixtureGitPeers(t.dir, { depositLogMaxBytes: 64 * 1024 });
    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(2000));
    const deposit = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
    // The same deposit, its message made twice as long as the cap by whoever can write the relay.
    const head = gitIn(bob.url, ['rev-parse', 'main']);
    const message = join(t.dir, 'message.txt');
    writeFileSync(message, `${'x'.repeat(128 * 1024)} (2000 bytes)\n`);
    const tree = gitIn(bob.url, ['rev-parse', `${head}^{tree}`]);
    const commit = gitIn(bob.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', `${head}^`, '-F', message]);
    gitIn(bob.url, ['update-ref', 'refs/heads/main', commit]);

    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual([deposit.path]);
    const details = await bob.transport.depositDetails(listing.head, new Set([deposit.path]));
    expect(details.get(deposit.path)).toMatchObject({ size: 2000, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('a link or a submodule named like a deposit is no package: listed as ignored, never downloaded', async () => {
    const t = tempDir('hostile-link');
    cleanups.push(t.cleanup);
    const { alice, bob } = await fixtureGitPeers(t.dir);
    const pkg = join(t.dir, 'p.walnut');
    writeFileSync(pkg, randomBytes(2000));
    const deposit = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
    // Beside it, in inbox/alice/: a symbolic link to /etc/passwd and a gitlink, both named as deposits.
    const target = gitIn(bob.url, ['hash-object', '-w', '--stdin'], '/etc/passwd');
    const head = gitIn(bob.url, ['rev-parse', 'main']);
    const aliceTree = gitIn(bob.url, ['rev-parse', `${head}:inbox/alice`]);
    const entries = gitIn(bob.url, ['ls-tree', aliceTree]).split('\n').filter(Boolean);
    const planted = gitIn(
      bob.url,
      ['mktree', '--missing'],
      `${[...entries, `120000 blob ${target}\tlink-20260101-000000-00000002.walnut`, `160000 commit ${head}\tsub-20260101-000000-00000003.walnut`].join('\n')}\n`,
    );
    const inbox = gitIn(bob.url, ['mktree'], `040000 tree ${planted}\talice\n`);
    const root = gitIn(bob.url, ['ls-tree', head])
      .split('\n')
      .filter((l) => !l.endsWith('\tinbox'));
    const rootTree = gitIn(bob.url, ['mktree'], `${[...root, `040000 tree ${inbox}\tinbox`].join('\n')}\n`);
    const commit = gitIn(bob.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', rootTree, '-p', head, '-m', 'links']);
    gitIn(bob.url, ['update-ref', 'refs/heads/main', commit]);

    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual([deposit.path]);
    expect(listing.ignored).toEqual(
      expect.arrayContaining(['inbox/alice/link-20260101-000000-00000002.walnut', 'inbox/alice/sub-20260101-000000-00000003.walnut']),
    );
    // Alice, listing what still waits for bob, sees her deposit alone too.
    expect((await alice.transport.listDeposits({ login: 'bob', relay: bob.url })).map((e) => e.name)).toEqual(['one-20260101-000000-00000001.walnut']);
  });

  it('a relay whose main branch names no commit (an emptied ref file) is damaged, not unreachable', async () => {
    const t = tempDir('hostile-ref');
    cleanups.push(t.cleanup);
    const { bob } = await fixtureGitPeers(t.dir);
    writeFileSync(join(bob.url, 'refs', 'heads', 'main'), '');
    const err = await bob.transport.listInbox().then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('bad_relay');
    expect(err?.message).toMatch(/answered, but its repository is damaged/);
  });

  it('a folder or a submodule where your key is published is no key: read as a replaced key, not a missing one', async () => {
    const { checkOwnKey } = await import('../../scripts/lib/relay/key-checks.ts');
    const t = tempDir('hostile-key');
    cleanups.push(t.cleanup);
    const { bob } = await fixtureGitPeers(t.dir);
    const head = gitIn(bob.url, ['rev-parse', 'main']);
    const blob = gitIn(bob.url, ['hash-object', '-w', '--stdin'], 'not a key');
    const inner = gitIn(bob.url, ['mktree'], `100644 blob ${blob}\tx\n`);
    for (const entry of [`040000 tree ${inner}\tbob.pem`, `160000 commit ${head}\tbob.pem`]) {
      const keys = gitIn(bob.url, ['mktree', '--missing'], `${entry}\n`);
      const root = gitIn(bob.url, ['ls-tree', head])
        .split('\n')
        .filter((l) => !l.endsWith('\tkeys'));
      const rootTree = gitIn(bob.url, ['mktree'], `${[...root, `040000 tree ${keys}\tkeys`].join('\n')}\n`);
      const commit = gitIn(bob.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', rootTree, '-p', head, '-m', 'key']);
      gitIn(bob.url, ['update-ref', 'refs/heads/main', commit]);
      const fresh = fixtureGitUser(t.dir, 'bob');
      expect(checkOwnKey(bob.paths, await fresh.transport.ownKey(), 'bob').status, entry).toBe('changed');
    }
  });
});
