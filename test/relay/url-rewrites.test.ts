/**
 * The user's git configuration may rewrite URLs (url.<base>.insteadOf, url.<base>.pushInsteadOf),
 * and git applies that to a relay's URL too. alive hardens a push or fetch by the URL it pinned
 * (a folder's receive-pack runs with hooks off; a server's does not need it): a rewrite that led
 * a peer's https:// relay into a folder on this machine ran that folder's hooks, planted by
 * whoever can write there, as the user. Git talks to the URL alive pinned, whatever the config
 * says; a URL the user's git config rewrites at all (a rule for the whole URL or for a part of it)
 * is refused before anything is sent (url_rewritten), naming the URL the rule produces and the way
 * on: set the relay up, or record the peer, at that URL (a relay given through an alias such as
 * `myrelays:` failed with "cannot reach the relay ... Could not resolve hostname myrelays").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareFiles, git, makeUser, tempDir, writeTestKeys, type TestUser } from './helpers.ts';
import { fixtureRelayUser, pair, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { remoteUrls } from '../../scripts/lib/relay/url-as-given.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('url-rewrites');
});
afterAll(() => base.cleanup());

const PEER_URL = 'https://relay.invalid/bob.git';

/**
 * alice pins bob's relay as PEER_URL (an https server), while bob's relay is really a folder here
 * with a pre-receive hook that leaves a mark; alice's git config holds `rules`.
 */
async function peersWithRewrite(
  tag: string,
  rules: (bobFolder: string) => string,
  peerUrl = PEER_URL,
): Promise<{ alice: RelayUser; bob: RelayUser; mark: string }> {
  const dir = join(base.dir, tag);
  const alice = await fixtureRelayUser(dir, 'alice');
  const bob = await fixtureRelayUser(dir, 'bob');
  await pair(alice, bob);
  const mark = join(dir, 'hook-ran');
  const hook = join(bob.url, 'hooks', 'pre-receive');
  writeFileSync(hook, `#!/bin/sh\necho ran >> '${mark}'\n`);
  chmodSync(hook, 0o755);
  const config = JSON.parse(readFileSync(alice.paths.config, 'utf8'));
  for (const p of config.peers) if (p.github === 'bob') p.relay = peerUrl;
  writeFileSync(alice.paths.config, JSON.stringify(config));
  writeFileSync(alice.env.GIT_CONFIG_GLOBAL!, rules(bob.url));
  // ssh, were git to try it, leaves a mark too: the refusal comes before any network work.
  alice.env.GIT_SSH_COMMAND = sshLeavingMark(dir, mark);
  return { alice, bob, mark };
}

/** A GIT_SSH_COMMAND that appends a line to `mark` and fails: git reaching for ssh shows. */
function sshLeavingMark(dir: string, mark: string): string {
  const ssh = join(dir, 'ssh-mark');
  writeFileSync(ssh, `#!/bin/sh\necho ssh >> '${mark}'\nexit 1\n`);
  chmodSync(ssh, 0o755);
  return ssh;
}

it("a rewrite of a prefix of a peer's relay URL is refused before git talks to anyone, naming the URL it produces; recorded there, the push goes with the folder's hooks off", async () => {
  const { alice, bob, mark } = await peersWithRewrite(
    'prefix',
    (folder) => `[url "${join(folder, '..')}/"]\n\tinsteadOf = https://relay.invalid/\n\tpushInsteadOf = https://relay.invalid/\n`,
  );
  const garden = await walnutPackage(alice, 'garden');
  const r = await run(alice, ['push', garden, '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toContain(`to ${bob.url}`);
  expect(r.json.error.message).toContain(`alive-p2p relay accept bob --url ${bob.url}`);
  const accepted = await run(alice, ['accept', 'bob', '--url', bob.url, '--json']);
  expect(accepted.code, accepted.stderr).toBe(0);
  const pushed = await run(alice, ['push', garden, '--to', 'bob', '--json']);
  expect(pushed.code, pushed.stderr).toBe(0);
  expect(existsSync(mark)).toBe(false);
}, 60_000);

it('the common https -> ssh rule for GitHub (url."git@github.com:".insteadOf https://github.com/) is refused before any ssh, naming the ssh URL to record', async () => {
  const { alice, mark } = await peersWithRewrite(
    'github-ssh',
    () => '[url "git@github.com:"]\n\tinsteadOf = https://github.com/\n',
    'https://github.com/bob/walnut-relay.git',
  );
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toContain('to git@github.com:bob/walnut-relay.git');
  expect(r.json.error.message).toContain('alive-p2p relay accept bob --url git@github.com:bob/walnut-relay.git');
  expect(r.json.error.message).not.toMatch(/Could not resolve|cannot reach/);
}, 60_000);

/** A user whose git config rewrites `myrelays:` to the folder `relays/` (an alias for their relays), ssh leaving a mark. */
function aliasUser(tag: string, login: string): { user: TestUser; relays: string; mark: string } {
  const dir = join(base.dir, tag);
  const user = makeUser(dir, login);
  writeTestKeys(user.paths);
  const relays = join(dir, 'relays');
  mkdirSync(relays, { recursive: true });
  writeFileSync(user.env.GIT_CONFIG_GLOBAL!, `[url "${relays}/"]\n\tinsteadOf = myrelays:\n`);
  const mark = join(dir, 'ssh-ran');
  user.env.GIT_SSH_COMMAND = sshLeavingMark(dir, mark);
  return { user, relays, mark };
}

it('setup --url through a prefix alias (url."<folder>/".insteadOf myrelays:) is refused before any network work, naming the URL to set up; setup there works', async () => {
  const { user, relays, mark } = aliasUser('alias-setup', 'alice');
  const real = join(relays, 'ra.git');
  git(['init', '-q', '--bare', real]);
  const r = await run(user, ['setup', '--transport', 'git', '--login', 'alice', '--url', 'myrelays:ra.git', '--json']);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toContain(`myrelays:ra.git, to ${real}`);
  expect(r.json.error.message).toContain(`alive-p2p relay setup --move --url ${real}`);
  expect(r.json.error.message).not.toMatch(/Could not resolve|cannot reach/);
  expect(existsSync(mark)).toBe(false);
  expect(existsSync(user.paths.config)).toBe(false);
  expect(bareFiles(real).size).toBe(0);
  const there = await run(user, ['setup', '--transport', 'git', '--login', 'alice', '--url', real, '--json']);
  expect(there.code, there.stderr).toBe(0);
}, 60_000);

it('a relay set up through such an alias before (relay.json holds myrelays:…): pull is refused with the way on, and setup --move to the URL the rule produces brings it back', async () => {
  const { user, relays, mark } = aliasUser('alias-old', 'alice');
  const real = join(relays, 'ra-old.git');
  const set = await run(user, ['setup', '--transport', 'git', '--login', 'alice', '--url', real, '--json']);
  expect(set.code, set.stderr).toBe(0);
  const config = JSON.parse(readFileSync(user.paths.config, 'utf8'));
  for (const k of ['url', 'repo'] as const) if (config[k] === real) config[k] = 'myrelays:ra-old.git';
  writeFileSync(user.paths.config, JSON.stringify(config));
  const r = await run(user, ['pull', '--json']);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toContain(`alive-p2p relay setup --move --url ${real}`);
  expect(existsSync(mark)).toBe(false);
  const moved = await run(user, ['setup', '--move', '--url', real, '--json']);
  expect(moved.code, moved.stderr).toBe(0);
  const pulled = await run(user, ['pull', '--json']);
  expect(pulled.code, pulled.stderr).toBe(0);
}, 60_000);

it('a rewrite naming the relay URL itself, which git would still apply, is refused before git talks to anyone', async () => {
  const { alice, mark } = await peersWithRewrite('exact', (folder) => `[url "${folder}"]\n\tpushInsteadOf = ${PEER_URL}\n\tinsteadOf = ${PEER_URL}\n`);
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toMatch(/insteadOf/);
}, 60_000);

it('the same rewrite given in GIT_CONFIG_* variables is refused the same way', async () => {
  const { alice, bob, mark } = await peersWithRewrite('env', () => '');
  alice.env.GIT_CONFIG_COUNT = '1';
  alice.env.GIT_CONFIG_KEY_0 = `url.${bob.url}.insteadOf`;
  alice.env.GIT_CONFIG_VALUE_0 = PEER_URL;
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
}, 60_000);

/** alice, who pins bob's relay as an ssh:// URL, and another relay whose hook leaves a mark: made once for the cases below. */
let secondUrlPeers: Promise<{ alice: RelayUser; other: string; mark: string }> | undefined;
function peersForSecondUrl() {
  secondUrlPeers ??= (async () => {
    const dir = join(base.dir, 'second-url');
    const alice = await fixtureRelayUser(dir, 'alice');
    const bob = await fixtureRelayUser(dir, 'bob');
    await pair(alice, bob);
    // bob's relay as a server reached over ssh (a script standing in for ssh runs the command it is given here).
    const ssh = join(dir, 'ssh-here');
    writeFileSync(ssh, '#!/bin/sh\nfor last; do :; done\nexec sh -c "$last"\n');
    chmodSync(ssh, 0o755);
    alice.env.GIT_SSH_COMMAND = ssh;
    alice.env.GIT_SSH_VARIANT = 'ssh';
    const config = JSON.parse(readFileSync(alice.paths.config, 'utf8'));
    for (const p of config.peers) if (p.github === 'bob') p.relay = `ssh://relay.invalid${bob.url}`;
    writeFileSync(alice.paths.config, JSON.stringify(config));
    const other = join(dir, 'other.git');
    git(['init', '-q', '--bare', other]);
    const mark = join(dir, 'hook-ran');
    writeFileSync(join(other, 'hooks', 'pre-receive'), `#!/bin/sh\necho ran >> '${mark}'\n`);
    chmodSync(join(other, 'hooks', 'pre-receive'), 0o755);
    return { alice, other, mark };
  })();
  return secondUrlPeers;
}

it.each([
  ['pushurl', 'a push URL', ''],
  ['url', 'a second URL (a push goes to each)', ''],
  ['pushurl', 'a push URL ending in a line break (git lists it over two lines)', '\n'],
])(
  "%s: %s the user's git config gives the clone's remote is refused: the push would go there",
  async (key, _what, tail) => {
    const { alice, other, mark } = await peersForSecondUrl();
    Object.assign(alice.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `remote.peer-bob.${key}`, GIT_CONFIG_VALUE_0: other + tail });
    const r = await run(alice, ['push', await walnutPackage(alice, `garden-${key}${tail === '' ? '' : '-break'}`), '--to', 'bob', '--json']);
    expect(existsSync(mark)).toBe(false);
    expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  },
  60_000,
);

// relay status (and the probe behind it, and the SessionStart hook's state) said such a peer's
// relay "did not answer ... check the address with bob": the cause, and the way on, were push's.
it("relay status names a peer's relay URL that the git config rewrites as such, with the way on, not as a relay that did not answer", async () => {
  const { alice, bob } = await peersWithRewrite(
    'status',
    (folder) => `[url "${join(folder, '..')}/"]\n\tinsteadOf = https://relay.invalid/\n\tpushInsteadOf = https://relay.invalid/\n`,
  );
  const r = await run(alice, ['status', '--json']);
  const problems: string[] = r.json.problems ?? [];
  const about = problems.find((p) => p.includes('bob'));
  expect(about, JSON.stringify(problems)).toBeDefined();
  expect(about).not.toMatch(/did not answer/);
  expect(about).toContain('your git configuration rewrites');
  expect(about).toContain(`alive-p2p relay accept bob --url ${bob.url}`);
}, 60_000);

it('remoteUrls reads the fetch URL (with a partial-clone filter after it) and every push URL of one remote, URLs with spaces whole', () => {
  const listing = [
    'origin\t/srv/relays/me.git (fetch) [blob:none]',
    'origin\thttps://rewritten/me.git (push)',
    'peer-bob\thttps://x y/bob.git (fetch)',
    'peer-bob\thttps://x y/bob.git (push)',
    'peer-bob\thttps://extra/bob.git (push)',
    'peer-bobby\thttps://other/bobby.git (fetch)',
    '',
  ].join('\n');
  expect(remoteUrls(listing, 'origin')).toEqual(['/srv/relays/me.git', 'https://rewritten/me.git']);
  expect(remoteUrls(listing, 'peer-bob')).toEqual(['https://x y/bob.git', 'https://x y/bob.git', 'https://extra/bob.git']);
  expect(remoteUrls(listing, 'peer-carol')).toEqual([]);
});

it('remoteUrls gives a URL that holds a line break as used, whole: git lists it over two lines, and such a line was dropped', () => {
  // remote.origin.pushurl = "/srv/evil.git\n" in the user's config: git pushes there.
  const listing = 'origin\t/srv/relays/me.git (fetch) [blob:none]\norigin\t/srv/evil.git\n (push)\n';
  const used = remoteUrls(listing, 'origin');
  expect(used).toContain('/srv/relays/me.git');
  expect(used.some((u) => u !== '/srv/relays/me.git')).toBe(true);
});
