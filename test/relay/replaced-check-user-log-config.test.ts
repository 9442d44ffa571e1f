/**
 * The replaced-relay judgement (relay-origin.ts) reads the relay's history with `git log`, which
 * reads the user's git config. With log.showRoot=false the root commit (setup's, which adds the
 * user's key) reported no added file, so the key was "never added": a peer's commit of another
 * login's key made pull, status and setup call the user's own relay not theirs. With
 * log.follow=true git aborts on the judgement's case-blind pathspec once it meets the key (a BUG in
 * tree-diff.c): nothing was judged, so a finding stood after the user put their key back. Also the
 * pathspec variables of the environment and the log output encoding.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commitToBare, git, tempDir } from './helpers.ts';
import { fixtureRelayUser, run, type RelayUser } from './in-process.ts';
import { setUpBeforeTheCheck } from './set-up-before.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('replaced-check-log-config');
});
afterAll(() => base.cleanup());

function userGitConfig(user: RelayUser, text: string): void {
  writeFileSync(user.env.GIT_CONFIG_GLOBAL!, text);
}

it("log.showRoot=false in the user's git config: a peer's key committed into the user's relay locks nobody out", async () => {
  const alice = await fixtureRelayUser(join(base.dir, 'show-root'), 'alice');
  commitToBare(alice.url, { 'keys/mallory.pem': 'a key of mallory\n' }, 'by a peer');
  userGitConfig(alice, '[log]\n\tshowRoot = false\n');

  const pulled = await run(alice, ['pull', '--json']);
  expect(pulled.code, pulled.stdout).toBe(0);
  const status = await run(alice, ['status', '--json']);
  expect(status.json.not_your_relay ?? null).toBeNull();
  expect(JSON.stringify(status.json.problems ?? [])).not.toMatch(/no longer the one setup checked/);
  const setup = await run(alice, ['setup', '--json']);
  expect(setup.code, setup.stdout).toBe(0);
}, 60_000);

it("log.follow=true in the user's git config: the user's key put back into a relay found replaced ends the finding", async () => {
  const alice = await fixtureRelayUser(join(base.dir, 'follow'), 'alice');
  rmSync(alice.url, { recursive: true, force: true });
  const work = `${alice.url}-zed-work`;
  mkdirSync(join(work, 'keys'), { recursive: true });
  writeFileSync(join(work, 'keys', 'zed.pem'), 'a key of zed\n');
  git(['init', '--quiet', '--initial-branch=main', work]);
  git(['add', '.'], work);
  git(['-c', 'user.name=z', '-c', 'user.email=z@z', 'commit', '--quiet', '-m', 'zed sets up'], work);
  git(['clone', '--quiet', '--bare', work, alice.url]);
  userGitConfig(alice, '[log]\n\tfollow = true\n');
  const refused = await run(alice, ['pull', '--json']);
  expect(refused.json.error?.code, refused.stdout).toBe('not_your_relay');

  // The way on the refusal gives when the repository is the user's: put the key back with git.
  commitToBare(alice.url, { 'keys/alice.pem': readFileSync(alice.paths.publicKey, 'utf8') }, 'my key back');
  const pulled = await run(alice, ['pull', '--json']);
  expect(pulled.code, pulled.stdout).toBe(0);
  expect((await run(alice, ['status', '--json'])).json.not_your_relay ?? null).toBeNull();
}, 60_000);

/**
 * git's pathspec variables, which `git --literal-pathspecs` (and tools that run git that way, such as
 * editors) leave for the commands a hook or alias starts: GIT_LITERAL_PATHSPECS read the judgement's
 * `:(icase)keys/<login>.pem` as a file of that name, so the user's key was "never added" and a peer's
 * key made the user's own relay not theirs; GIT_GLOB_PATHSPECS and GIT_ICASE_PATHSPECS made ls-tree
 * refuse its pathspecs (magic not supported), and every relay command failed.
 */
for (const variable of ['GIT_LITERAL_PATHSPECS', 'GIT_GLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS', 'GIT_NOGLOB_PATHSPECS']) {
  it(`${variable}=1 in the user's environment: pull and status work, and a peer's key locks nobody out`, async () => {
    const user = await fixtureRelayUser(join(base.dir, variable), 'alice');
    commitToBare(user.url, { 'keys/mallory.pem': 'a key of mallory\n' }, 'by a peer');
    user.env[variable] = '1';
    const pulled = await run(user, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(0);
    const status = await run(user, ['status', '--json']);
    expect(status.json.not_your_relay ?? null).toBeNull();
  }, 60_000);
}

it("i18n.logOutputEncoding=UTF-16 in the user's git config: someone else's relay set up before the check is still found", async () => {
  // git re-encoded whole log lines, commit ids with them: the judgement read none and told nothing.
  const dir = join(base.dir, 'log-encoding');
  const owner = await fixtureRelayUser(dir, 'bob');
  const erin = await setUpBeforeTheCheck(dir, 'erin', owner.url, fixtureRelayUser);
  userGitConfig(erin, '[i18n]\n\tlogOutputEncoding = UTF-16\n');
  const r = await run(erin, ['pull', '--json']);
  expect(r.json.error?.code, r.stdout).toBe('not_your_relay');
}, 60_000);
