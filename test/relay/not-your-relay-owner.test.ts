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
import { pair, relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { forceMadeUpHistory, mergeMadeUpHistory, pushTo, setUpBeforeTheCheck } from './set-up-before.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('not-your-relay-owner');
  alice = await relayUser(base.dir, 'alice');
}, 60_000);
afterAll(() => base.cleanup());

describe('relay setup run again on a relay set up before', () => {
  it("the owner's relay that a peer added keys and files to (and replaced the owner's key in) is set up again, not refused", async () => {
    const max = await relayUser(base.dir, 'max');
    commitToBare(max.url, { 'keys/zed.pem': 'a key of zed\n', 'index.html': '<p>hi</p>\n', 'keys/max.pem': 'a key of mallory\n' });
    const status = await run(max, ['status', '--json']);
    expect(status.json.own_key).toBe('changed');
    // What status says to do about the replaced key: setup, which the planted key must not block.
    for (const argv of [
      ['setup', '--json'],
      ['setup', '--transport', 'git', '--login', 'max', '--url', max.url, '--json'],
    ]) {
      const again = await run(max, argv);
      expect(again.code, again.stdout).toBe(0);
    }
    expect(bareFiles(max.url).get('keys/max.pem')).toBe(gitIn(max.url, ['hash-object', '--stdin'], readFileSync(max.paths.publicKey, 'utf8')));
    expect((await run(max, ['status', '--json'])).json.own_key).toBe('ok');

    // More made-up histories than are read: still the owner's to set up again.
    for (let year = 2090; year < 2097; year++) mergeMadeUpHistory(max.url, 'max', year);
    expect((await run(max, ['setup', '--json'])).code).toBe(0);
  }, 60_000);

  it("a relay setup checked stays the user's whatever history a peer who can force-push writes; a move records the new relay only", async () => {
    const vic = await relayUser(base.dir, 'vic');
    expect(JSON.parse(readFileSync(vic.paths.config, 'utf8')).setup_checked).toMatchObject({ url: vic.url });
    await pair(vic, alice);
    forceMadeUpHistory(vic.url, 'vic');
    await pushTo(alice, 'vic', 'after-the-rewrite');
    const pulled = await run(vic, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(0);
    expect(pulled.json.received).toMatchObject([{ from: 'alice', verified: true }]);
    expect((await run(vic, ['setup', '--json'])).code).toBe(0);
    expect((await run(vic, ['status', '--json'])).json.not_your_relay).toBeNull();

    const moved = join(base.dir, 'remotes', 'vic-moved.git');
    expect((await run(vic, ['setup', '--transport', 'git', '--login', 'vic', '--url', moved, '--move', '--json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(vic.paths.config, 'utf8')).setup_checked).toMatchObject({ url: moved });
    // A relay relay.json names that setup did not check (named by hand) has no record.
    const cfg = JSON.parse(readFileSync(vic.paths.config, 'utf8'));
    writeFileSync(vic.paths.config, JSON.stringify({ ...cfg, repo: vic.url, url: vic.url }));
    expect((await run(vic, ['status', '--json'])).json.not_your_relay).toBe('relay');
  }, 60_000);

  it("someone else's relay set up before the check is refused again, saying whose it is and the way on (not to remove the owner's key)", async () => {
    const nora = await relayUser(base.dir, 'nora');
    const olaf = await setUpBeforeTheCheck(base.dir, 'olaf', nora.url);
    const before = bareFiles(nora.url);
    const r = await run(olaf, ['setup', '--json']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.json.error.code).toBe('not_your_relay');
    expect(r.json.error.message).toMatch(/is someone else's relay: it already published another login's key when your key \(keys\/olaf\.pem\) was added/);
    expect(r.json.error.message).toMatch(/Nothing was changed; point your relay at your own repository: `alive-p2p relay setup --move --url URL`/);
    expect(r.json.error.message).not.toMatch(/remove it from the relay/);
    expect(r.json.error.untrusted.relay_keys).toBe('nora');
    expect(bareFiles(nora.url)).toEqual(before);
  }, 60_000);
});

describe("the probe's judgement of the relay within its budget", () => {
  it('ends at the probe’s deadline, keeping what it found before and what the rest of the probe read', async () => {
    const tia = await relayUser(base.dir, 'tia');
    await pair(tia, alice);
    const sam = await setUpBeforeTheCheck(base.dir, 'sam', tia.url);
    expect((await run(sam, ['status', '--json'])).json.not_your_relay).toBe('relay');
    await pushTo(alice, 'tia', 'while-sam-looks');
    // A git whose history walk never ends (a history a writer made huge), and a state older than a minute.
    const bin = join(base.dir, 'slow-log-bin');
    mkdirSync(bin, { recursive: true });
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in log.showRoot=true) exec sleep 60;; esac; done\nexec ${JSON.stringify(realGit)} "$@"\n`,
      { mode: 0o755 },
    );
    const state = JSON.parse(readFileSync(sam.paths.state, 'utf8'));
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    writeFileSync(sam.paths.state, JSON.stringify({ ...state, probed_at: old, last_sync: old, last_action: null }));
    const slow = { ...sam, env: { ...sam.env, PATH: `${bin}:${sam.env.PATH}` } };
    const r = await run(slow, ['status', '--budget', '3', '--json']);
    expect(r.json.probed).toBe(true);
    expect(r.json.probe_timed_out).toBe(false);
    expect(r.json.state.pending_packages).toBe(1);
    expect(r.json.not_your_relay).toBe('relay');
  }, 60_000);
});
