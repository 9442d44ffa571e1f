/**
 * A relay set up before `relay setup` checked the repository (setup-not-your-relay.test.ts) may be
 * someone else's: erin's typo of bob's relay URL published keys/erin.pem beside keys/bob.pem, and
 * nothing told her afterwards. Her pulls took the packages bob's peers sent bob (sealed for bob,
 * kept unverified) and removed them from bob's relay. Such a relay is found from its history (what
 * the repository held when erin's key was added to it) and pull refuses it (not_your_relay), taking
 * nothing. What a peer with write access adds to the owner's own relay (other logins' keys, files,
 * a made-up history merged in) does not make it "not yours": the owner is never locked out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, commitToBare, git, gitIn, gitUser, tempDir } from './helpers.ts';
import { fixtureRelayUser, pair, run, type RelayUser } from './in-process.ts';
import { fastForward, mergeMadeUpHistory, pushTo, setUpBeforeTheCheck } from './set-up-before.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('not-your-relay-later');
  alice = await fixtureRelayUser(base.dir, 'alice');
  bob = await fixtureRelayUser(base.dir, 'bob');
  await pair(alice, bob);
}, 60_000);
afterAll(() => base.cleanup());

/** A bare repository whose main branch holds a code project's files. */
function project(name: string): string {
  const work = join(base.dir, 'work', name);
  git(['init', '--quiet', '--initial-branch=main', work]);
  writeFileSync(join(work, 'main.c'), 'int main(void) { return 0; }\n');
  git(['add', '.'], work);
  git(['-c', 'user.name=d', '-c', 'user.email=d@d', 'commit', '--quiet', '-m', 'the project'], work);
  const repo = join(base.dir, 'remotes', `${name}.git`);
  git(['clone', '--quiet', '--bare', work, repo]);
  return repo;
}

describe('relay pull on a relay set up before setup checked the repository', () => {
  it("someone else's relay (bob's URL typed by erin): refused, nothing taken from bob's relay; setup --move is the way on", async () => {
    const erin = await setUpBeforeTheCheck(base.dir, 'erin', bob.url, fixtureRelayUser);
    await pushTo(alice, 'bob', 'for-bob');
    const before = bareFiles(bob.url);
    expect([...before.keys()].filter((p) => p.startsWith('inbox/alice/'))).toHaveLength(1);

    const r = await run(erin, ['pull', '--json']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.json.error.code).toBe('not_your_relay');
    expect(r.json.error.message).toMatch(/is someone else's relay: it already published another login's key when your key \(keys\/erin\.pem\) was added/);
    expect(r.json.error.message).toMatch(/Pull took nothing from it/);
    expect(r.json.error.message).toMatch(/alive-p2p relay setup --move --url URL/);
    expect(r.json.error.message).toMatch(/alive-p2p relay accept erin --url URL/);
    expect(r.json.error.untrusted.relay_keys).toBe('bob');
    expect(bareFiles(bob.url)).toEqual(before);
    expect(existsSync(join(erin.paths.inbox, 'alice'))).toBe(false);
    // What pull found goes into state.json: status (and the session hook) say it without a probe.
    expect((await run(erin, ['status', '--offline', '--json'])).json.not_your_relay).toBe('relay');
    // A refused pull still reads the own key again: an earlier "does not publish your key" is not kept.
    const state = JSON.parse(readFileSync(erin.paths.state, 'utf8'));
    writeFileSync(erin.paths.state, JSON.stringify({ ...state, own_key: { status: 'missing', checked: '2026-01-01T00:00:00+00:00', seen: null } }));
    expect((await run(erin, ['pull', '--json'])).json.error.code).toBe('not_your_relay');
    expect(JSON.parse(readFileSync(erin.paths.state, 'utf8')).own_key.status).toBe('ok');

    const text = await run(erin, ['pull']);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^<<<BEGIN UNTRUSTED RELAY KEYS \S+\nbob\nEND UNTRUSTED RELAY KEYS \S+>>>$/m);

    // The way on: her own relay, which pull then takes as hers.
    const own = join(base.dir, 'remotes', 'erin-own.git');
    const moved = await run(erin, ['setup', '--transport', 'git', '--login', 'erin', '--url', own, '--move', '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    const after = await run(erin, ['pull', '--json']);
    expect(after.code, after.stdout).toBe(0);
    expect(bareFiles(bob.url)).toEqual(before);
  }, 60_000);

  it("a peer's keys and files added to the owner's relay, or a made-up history merged into it, do not lock the owner out", async () => {
    const carol = await fixtureRelayUser(base.dir, 'carol');
    await pair(alice, carol);
    await pushTo(alice, 'carol', 'first');
    // Another login's key, a key of no login and a file no relay holds, as any writer can add them.
    commitToBare(carol.url, { 'keys/zed.pem': 'a key of zed\n', 'keys/notes.txt': 'x\n', 'index.html': '<p>hi</p>\n' });
    const planted = await run(carol, ['pull', '--json']);
    expect(planted.code, planted.stdout).toBe(0);
    expect(planted.json.received).toMatchObject([{ from: 'alice', verified: true }]);

    await pushTo(alice, 'carol', 'second');
    // Dated before the owner's setup and after it: whichever is read first or last, the owner's setup settles it.
    mergeMadeUpHistory(carol.url, 'carol', 2001);
    mergeMadeUpHistory(carol.url, 'carol', 2099);
    const merged = await run(carol, ['pull', '--json']);
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.json.received).toMatchObject([{ from: 'alice', verified: true }]);
  }, 60_000);

  it('another repository (a code project): pull takes what the peers sent there, and warns with the way on', async () => {
    const dave = await setUpBeforeTheCheck(base.dir, 'dave', project('daves-project'), fixtureRelayUser);
    await pair(alice, dave);
    await pushTo(alice, 'dave', 'for-dave');
    const r = await run(dave, ['pull', '--json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.json.received).toMatchObject([{ from: 'alice', verified: true }]);
    expect(r.json.not_your_relay_problem).toMatch(
      /is another repository, not a relay: it already held files a relay does not when your key \(keys\/dave\.pem\) was added/,
    );
    expect(r.json.not_your_relay_problem).toMatch(/alive-p2p relay setup --move --url URL/);
    expect(r.json.untrusted.repository_files).toBe('main.c');

    await pushTo(alice, 'dave', 'again');
    const text = await run(dave, ['pull']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toMatch(/^warning: your relay \S+ is another repository, not a relay/m);
    expect(text.stderr).toMatch(/^<<<BEGIN UNTRUSTED REPOSITORY FILES \S+\nmain\.c\nEND UNTRUSTED REPOSITORY FILES \S+>>>$/m);
  }, 60_000);

  it('a history the clone has cut proves nothing: without an earlier finding frank on bob’s relay is not refused then; with one, it stands', async () => {
    const frank = await setUpBeforeTheCheck(base.dir, 'frank', bob.url, fixtureRelayUser);
    expect((await run(frank, ['status', '--json'])).json.not_your_relay).toBe('relay');
    // What clone-compact.ts's cutHistory writes: the clone is shallow at the tip it fetched.
    const tip = git(['--git-dir', frank.paths.clone, 'rev-parse', 'refs/remotes/origin/main']).trim();
    writeFileSync(join(frank.paths.clone, 'shallow'), `${tip}\n`);
    // The finding status recorded stands: pull is refused, and the record is kept.
    const refused = await run(frank, ['pull', '--json']);
    expect(refused.json.error?.code).toBe('not_your_relay');
    await pushTo(alice, 'bob', 'for-bob-after-the-cut');
    for (const argv of [
      ['pull', '--json'],
      ['inbox', '--json'],
      ['status', '--json'],
    ]) {
      const r = await run(frank, argv);
      expect(r.json.not_your_relay ?? r.json.error?.code, argv.join(' ')).toMatch(/^(relay|not_your_relay)$/);
      expect(JSON.parse(readFileSync(frank.paths.state, 'utf8')).not_your_relay, argv.join(' ')).toMatchObject({
        kind: 'relay',
        names: expect.arrayContaining(['bob']),
      });
    }
    expect([...bareFiles(bob.url).keys()].filter((p) => p.startsWith('inbox/alice/'))).not.toHaveLength(0);

    // No finding before the cut: nothing proves one now.
    const state = JSON.parse(readFileSync(frank.paths.state, 'utf8'));
    writeFileSync(frank.paths.state, JSON.stringify({ ...state, not_your_relay: null }));
    const r = await run(frank, ['pull', '--json']);
    expect(r.json.error?.code).not.toBe('not_your_relay');
  }, 60_000);

  it("a peer's fast-forwards around the clone's cut (its key gone, the owner's put back after it) do not make the owner's relay someone else's", async () => {
    // The owner's clone is cut at a compaction (a small slack here: past it, the history is cut at the tips).
    const owen = gitUser(join(base.dir, 'cut'), 'owen', { compactSlackBytes: 128 * 1024 });
    await owen.transport.setup(owen.keys.publicKeyPem);
    await owen.transport.listInbox();
    const own = gitIn(owen.url, ['rev-parse', 'main:keys/owen.pem']);
    const zed = gitIn(owen.url, ['hash-object', '-w', '--stdin'], 'a key of zed\n');
    // M1: the owner's key gone, zed's in, and junk trees past the slack; the owner's next fetch cuts there.
    const m1 = fastForward(owen.url, { zed }, 7_500);
    await owen.transport.listInbox();
    expect(readFileSync(join(owen.paths.clone, 'shallow'), 'utf8')).toContain(m1);
    // M2: the owner's key put back, onto a commit holding zed's key whose history the clone no longer has.
    fastForward(owen.url, { owen: own, zed });
    const listing = await owen.transport.listInbox();
    expect(await owen.transport.notYourRelay(listing.head)).toBeUndefined();
  }, 60_000);
});

describe('relay status on a relay set up before setup checked the repository', () => {
  it("names someone else's relay as a problem, with whose keys it holds (fenced) and the way on", async () => {
    const dir = join(base.dir, 'status-relay');
    const carol = await fixtureRelayUser(dir, 'carol');
    const dave = await setUpBeforeTheCheck(dir, 'dave', carol.url, fixtureRelayUser);
    const r = await run(dave, ['status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.not_your_relay).toBe('relay');
    const problem = r.json.problems.find((p: string) => /someone else's relay/.test(p));
    expect(problem).toMatch(
      /^your relay \S+carol\.git is someone else's relay: it already published another login's key when your key \(keys\/dave\.pem\) was added/,
    );
    expect(problem).toMatch(/alive-p2p relay setup --move --url URL/);
    expect(r.json.untrusted.relay_keys).toBe('carol');
    expect(r.json.state.not_your_relay).toMatchObject({ kind: 'relay', names: ['carol'], total: 1 });

    const text = await run(dave, ['status', '--offline']);
    expect(text.stdout).toMatch(/^problem: your relay \S+ is someone else's relay/m);
    expect(text.stdout).toMatch(/^<<<BEGIN UNTRUSTED RELAY KEYS \S+\ncarol\nEND UNTRUSTED RELAY KEYS \S+>>>$/m);

    // Set up on a relay of her own, she is told nothing more.
    const moved = await run(dave, ['setup', '--transport', 'git', '--login', 'dave', '--url', join(dir, 'remotes', 'dave-own.git'), '--move']);
    expect(moved.code, moved.stderr).toBe(0);
    for (const argv of [
      ['status', '--offline', '--json'],
      ['status', '--json'],
    ]) {
      const after = await run(dave, argv);
      expect(after.json.not_your_relay, argv.join(' ')).toBeNull();
      expect(after.json.problems).toEqual([]);
    }
  }, 60_000);

  it('names a code project as another repository', async () => {
    const erin = await setUpBeforeTheCheck(join(base.dir, 'code-project'), 'erin', project('erins-project'), fixtureRelayUser);
    const r = await run(erin, ['status', '--json']);
    expect(r.json.not_your_relay).toBe('repository');
    expect(r.json.problems.join('\n')).toMatch(
      /is another repository, not a relay: it already held files a relay does not when your key \(keys\/erin\.pem\) was added/,
    );
    expect(r.json.untrusted.repository_files).toBe('main.c');
  }, 60_000);

  it('a relay made by a hosting web UI with a .gitattributes (let be before the check) is told how to end the warning, and removing it ends it', async () => {
    const repo = project('web-attributes');
    gitIn(repo, [
      'update-ref',
      'refs/heads/main',
      git(
        [
          'commit-tree',
          gitIn(repo, ['mktree'], `100644 blob ${gitIn(repo, ['hash-object', '-w', '--stdin'], '* text=auto\n')}\t.gitattributes\n`),
          '-m',
          'web UI',
        ],
        repo,
        { ...process.env, GIT_AUTHOR_NAME: 'w', GIT_AUTHOR_EMAIL: 'w@w', GIT_COMMITTER_NAME: 'w', GIT_COMMITTER_EMAIL: 'w@w' },
      ).trim(),
    ]);
    const erin = await setUpBeforeTheCheck(join(base.dir, 'web-attributes'), 'erin', repo, fixtureRelayUser);
    const r = await run(erin, ['status', '--json']);
    expect(r.json.not_your_relay).toBe('repository');
    expect(r.json.untrusted.repository_files).toBe('.gitattributes');
    expect(r.json.problems.join('\n')).toMatch(/if this repository is your own relay and those files need not be in it, removing them ends this/);
    const tree = gitIn(
      repo,
      ['mktree'],
      `${gitIn(repo, ['ls-tree', 'main'])
        .split('\n')
        .filter((l) => !l.endsWith('\t.gitattributes'))
        .join('\n')}\n`,
    );
    const tip = gitIn(repo, ['rev-parse', 'main']);
    gitIn(repo, [
      'update-ref',
      'refs/heads/main',
      git(['commit-tree', tree, '-p', tip, '-m', 'rm'], repo, {
        ...process.env,
        GIT_AUTHOR_NAME: 'w',
        GIT_AUTHOR_EMAIL: 'w@w',
        GIT_COMMITTER_NAME: 'w',
        GIT_COMMITTER_EMAIL: 'w@w',
      }).trim(),
      tip,
    ]);
    // Read again by the next command that lists the relay (status probes after it).
    expect((await run(erin, ['inbox', '--json'])).json.not_your_relay).toBeNull();
    expect((await run(erin, ['status', '--json'])).json.not_your_relay).toBeNull();
  }, 60_000);

  it("says nothing of the kind for the owner's relay that a peer added keys and files to", async () => {
    const carol = await fixtureRelayUser(join(base.dir, 'peer-added'), 'carol');
    commitToBare(carol.url, { 'keys/zed.pem': 'a key of zed\n', 'index.html': '<p>hi</p>\n' });
    mergeMadeUpHistory(carol.url, 'carol', 2099);
    const r = await run(carol, ['status', '--json']);
    expect(r.json.not_your_relay).toBeNull();
    expect(r.json.problems).toEqual([]);
  }, 60_000);
});

describe('relay inbox on a relay set up before setup checked the repository', () => {
  it("says that what it lists waits in someone else's relay, and does not say to pull it", async () => {
    const dir = join(base.dir, 'inbox-elsewhere');
    const [sender, owner] = [await fixtureRelayUser(dir, 'alice'), await fixtureRelayUser(dir, 'bob')];
    await pair(sender, owner);
    await pushTo(sender, 'bob', 'for-bob');
    const erin = await setUpBeforeTheCheck(dir, 'erin', owner.url, fixtureRelayUser);
    const r = await run(erin, ['inbox', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.waiting).toHaveLength(1);
    expect(r.json.not_your_relay).toBe('relay');
    expect(r.json.not_your_relay_problem).toMatch(/is someone else's relay: .*alive-p2p relay setup --move --url URL/);
    expect(r.json.untrusted.relay_keys).toBe('bob');
    const text = await run(erin, ['inbox']);
    expect(text.stderr).toMatch(/^warning: your relay \S+ is someone else's relay/m);
    expect(text.stderr).toMatch(/^<<<BEGIN UNTRUSTED RELAY KEYS \S+\nbob\nEND UNTRUSTED RELAY KEYS \S+>>>$/m);
    expect(text.stdout).not.toMatch(/relay pull/);
    // The owner's own listing says nothing of the kind.
    const own = await run(owner, ['inbox', '--json']);
    expect(own.json.not_your_relay).toBeNull();
    expect(own.json.not_your_relay_problem).toBeUndefined();
  }, 60_000);
});
