/**
 * The owner of a relay is never locked out of it by a peer with write access (not-your-relay-later
 * .test.ts has pull and status): setup run again on the relay relay.json names judges it by its
 * history, not by the keys and files a peer added (nor by made-up histories merged in), and the
 * probe's judgement ends at the probe's deadline, however long the history a writer made.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, commitToBare, gitIn, tempDir } from './helpers.ts';
import { fixtureRelayUser, pair, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { forceMadeUpHistory, mergeMadeUpHistory, pushTo, setUpBeforeTheCheck } from './set-up-before.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('not-your-relay-owner');
  alice = await fixtureRelayUser(base.dir, 'alice');
}, 60_000);
afterAll(() => base.cleanup());

describe('relay setup run again on a relay set up before', () => {
  it("the owner's relay that a peer added keys and files to (and replaced the owner's key in) is set up again, not refused", async () => {
    const carol = await fixtureRelayUser(base.dir, 'carol');
    commitToBare(carol.url, { 'keys/zed.pem': 'a key of zed\n', 'index.html': '<p>hi</p>\n', 'keys/carol.pem': 'a key of mallory\n' });
    const status = await run(carol, ['status', '--json']);
    expect(status.json.own_key).toBe('changed');
    // What status says to do about the replaced key: setup, which the planted key must not block.
    for (const argv of [
      ['setup', '--json'],
      ['setup', '--transport', 'git', '--login', 'carol', '--url', carol.url, '--json'],
    ]) {
      const again = await run(carol, argv);
      expect(again.code, again.stdout).toBe(0);
    }
    expect(bareFiles(carol.url).get('keys/carol.pem')).toBe(gitIn(carol.url, ['hash-object', '--stdin'], readFileSync(carol.paths.publicKey, 'utf8')));
    expect((await run(carol, ['status', '--json'])).json.own_key).toBe('ok');

    // More made-up histories than are read: still the owner's to set up again.
    for (let year = 2090; year < 2097; year++) mergeMadeUpHistory(carol.url, 'carol', year);
    expect((await run(carol, ['setup', '--json'])).code).toBe(0);
  }, 60_000);

  it("a relay setup checked stays the user's whatever history a peer who can force-push writes; a move records the new relay only", async () => {
    const bob = await fixtureRelayUser(base.dir, 'bob');
    expect(JSON.parse(readFileSync(bob.paths.config, 'utf8')).setup_checked).toMatchObject({ url: bob.url });
    await pair(alice, bob);
    forceMadeUpHistory(bob.url, 'bob');
    await pushTo(alice, 'bob', 'after-the-rewrite');
    const pulled = await run(bob, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(0);
    expect(pulled.json.received).toMatchObject([{ from: 'alice', verified: true }]);
    expect((await run(bob, ['setup', '--json'])).code).toBe(0);
    expect((await run(bob, ['status', '--json'])).json.not_your_relay).toBeNull();

    const moved = join(base.dir, 'remotes', 'bob-moved.git');
    expect((await run(bob, ['setup', '--transport', 'git', '--login', 'bob', '--url', moved, '--move', '--json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(bob.paths.config, 'utf8')).setup_checked).toMatchObject({ url: moved });
    // A relay relay.json names that setup did not check (named by hand) has no record.
    const cfg = JSON.parse(readFileSync(bob.paths.config, 'utf8'));
    writeFileSync(bob.paths.config, JSON.stringify({ ...cfg, repo: bob.url, url: bob.url }));
    expect((await run(bob, ['status', '--json'])).json.not_your_relay).toBe('relay');
  }, 60_000);

  it("someone else's relay set up before the check is refused again, saying whose it is and the way on (not to remove the owner's key)", async () => {
    const dave = await fixtureRelayUser(base.dir, 'dave');
    const erin = await setUpBeforeTheCheck(base.dir, 'erin', dave.url, fixtureRelayUser);
    const before = bareFiles(dave.url);
    const r = await run(erin, ['setup', '--json']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.json.error.code).toBe('not_your_relay');
    expect(r.json.error.message).toMatch(/is someone else's relay: it already published another login's key when your key \(keys\/erin\.pem\) was added/);
    expect(r.json.error.message).toMatch(/Nothing was changed; point your relay at your own repository: `alive-p2p relay setup --move --url URL`/);
    expect(r.json.error.message).not.toMatch(/remove it from the relay/);
    expect(r.json.error.untrusted.relay_keys).toBe('dave');
    expect(bareFiles(dave.url)).toEqual(before);
  }, 60_000);
});

describe("the probe's judgement of the relay within its budget", () => {
  it('ends at the probe’s deadline, keeping what it found before and what the rest of the probe read', async () => {
    const dir = join(base.dir, 'probe-budget');
    const [sender, owner] = [await fixtureRelayUser(dir, 'alice'), await fixtureRelayUser(dir, 'bob')];
    await pair(sender, owner);
    const erin = await setUpBeforeTheCheck(dir, 'erin', owner.url, fixtureRelayUser);
    expect((await run(erin, ['status', '--json'])).json.not_your_relay).toBe('relay');
    await pushTo(sender, 'bob', 'while-erin-looks');
    // A git whose history walk never ends (a history a writer made huge), and a state older than a minute.
    const bin = join(base.dir, 'slow-log-bin');
    mkdirSync(bin, { recursive: true });
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in log.showRoot=true) exec sleep 60;; esac; done\nexec ${JSON.stringify(realGit)} "$@"\n`,
      { mode: 0o755 },
    );
    const state = JSON.parse(readFileSync(erin.paths.state, 'utf8'));
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    writeFileSync(erin.paths.state, JSON.stringify({ ...state, probed_at: old, last_sync: old, last_action: null }));
    const slow = { ...erin, env: { ...erin.env, PATH: `${bin}:${erin.env.PATH}` } };
    const r = await run(slow, ['status', '--budget', '3', '--json']);
    expect(r.json.probed).toBe(true);
    expect(r.json.probe_timed_out).toBe(false);
    expect(r.json.state.pending_packages).toBe(1);
    expect(r.json.not_your_relay).toBe('relay');
  }, 60_000);
});
