/**
 * relay.json's setup_checked says setup found the repository at a URL the user's; it was never
 * looked at again. A repository deleted and re-created there by someone else (or a URL that now
 * names another repository) stayed "checked": pull took, and removed, what the new owner's peers
 * sent them, and setup, run as status advised for the key it found missing, published the user's
 * key into it. No identity of the repository tells it apart (root commits are what a peer who can
 * force-push rewrites, and the clone cuts its history), but what setup checked held the user's key
 * from then on: a relay whose whole history (uncut) never held keys/<login>.pem and that publishes
 * another login's key, or holds files a relay does not, is no longer the one setup checked.
 * The owner's own rewrites keep their key, and so does every history the judgement's other tests
 * make up: they lock nobody out.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, git, gitIn, tempDir } from './helpers.ts';
import { fixtureRelayUser, pair, run, type RelayUser } from './in-process.ts';
import { forceMadeUpHistory, pushTo } from './set-up-before.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('relay-replaced');
  alice = await fixtureRelayUser(base.dir, 'alice');
}, 60_000);
afterAll(() => base.cleanup());

/** The repository at `url` deleted and made again by zed: zed's relay, with a package zed's peer carl sent zed. */
function replaceWithZedsRelay(url: string): void {
  rmSync(url, { recursive: true, force: true });
  const work = `${url}-zed-work`;
  mkdirSync(join(work, 'keys'), { recursive: true });
  mkdirSync(join(work, 'inbox', 'carl'), { recursive: true });
  writeFileSync(join(work, 'keys', 'zed.pem'), 'a key of zed\n');
  writeFileSync(join(work, 'inbox', 'carl', 'for-zed-20260101-000000-0123abcd.walnut'), 'sealed for zed');
  git(['init', '--quiet', '--initial-branch=main', work]);
  git(['add', '.'], work);
  git(['-c', 'user.name=z', '-c', 'user.email=z@z', 'commit', '--quiet', '-m', 'zed sets up'], work);
  git(['clone', '--quiet', '--bare', work, url]);
}

describe('a relay setup checked, replaced at the same URL', () => {
  it("by someone else's relay: pull refuses and takes nothing, status warns, setup refuses to publish the key there", async () => {
    const bob = await fixtureRelayUser(base.dir, 'bob');
    await pair(alice, bob);
    await pushTo(alice, 'bob', 'before');
    expect((await run(bob, ['pull', '--json'])).code).toBe(0);

    replaceWithZedsRelay(bob.url);
    const before = bareFiles(bob.url);
    const pulled = await run(bob, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(1);
    expect(pulled.json.error.code).toBe('not_your_relay');
    expect(pulled.json.error.message).toMatch(/no longer the one setup checked/);
    expect(bareFiles(bob.url)).toEqual(before);

    const status = await run(bob, ['status', '--json']);
    expect(status.json.not_your_relay).toBe('relay');
    expect(status.json.problems.join('\n')).toMatch(/no longer the one setup checked/);

    const setup = await run(bob, ['setup', '--json']);
    expect(setup.code, setup.stdout).toBe(1);
    expect(setup.json.error.code).toBe('not_your_relay');
    expect(bareFiles(bob.url)).toEqual(before);
  }, 60_000);

  it("the owner's own rewrite (the history squashed into one new root) and a peer's made-up history keeping the key lock nobody out", async () => {
    const carol = await fixtureRelayUser(base.dir, 'carol');
    await pair(alice, carol);
    const tree = gitIn(carol.url, ['rev-parse', 'main^{tree}']);
    const root = gitIn(carol.url, ['-c', 'user.name=x', '-c', 'user.email=x@x', 'commit-tree', tree, '-m', 'squashed']);
    gitIn(carol.url, ['update-ref', 'refs/heads/main', root]);
    await pushTo(alice, 'carol', 'after-squash');
    const pulled = await run(carol, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(0);
    expect(pulled.json.received).toMatchObject([{ from: 'alice', verified: true }]);

    forceMadeUpHistory(carol.url, 'carol');
    await pushTo(alice, 'carol', 'after-made-up');
    const again = await run(carol, ['pull', '--json']);
    expect(again.code, again.stdout).toBe(0);
    expect((await run(carol, ['setup', '--json'])).code).toBe(0);
    expect(bareFiles(carol.url).get('keys/carol.pem')).toBe(gitIn(carol.url, ['hash-object', '--stdin'], readFileSync(carol.paths.publicKey, 'utf8')));
  }, 60_000);
});
