/**
 * The whole exchange on the git transport, over real bare repositories, driving the bundled
 * commands as child processes: two users, each with their own ALIVE_HOME. alice's setup makes a
 * real RSA-4096 key; everyone else starts from a fixed test key (test/support/test-keys.ts), which
 * `relay setup` takes as the user's existing key, to spare a keygen wait per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { bareFiles, git, makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { cli, cliAsync, makePackage } from './cli.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { relayGroup } from '../../scripts/lib/relay/cli.ts';
import { testKeyPairOf } from '../support/test-keys.ts';

let base: ReturnType<typeof tempDir>;
let alice: TestUser;
let bob: TestUser;
let aliceUrl: string;
let bobUrl: string;
const fp: Record<string, string> = {};

beforeAll(() => {
  base = tempDir('e2e-git');
  alice = makeUser(base.dir, 'alice');
  bob = makeUser(base.dir, 'bob');
  aliceUrl = join(base.dir, 'remotes', 'alice.git');
  bobUrl = join(base.dir, 'remotes', 'bob.git');
});
afterAll(() => base.cleanup());

/** relay.json keeps the fingerprint as 64 hex digits; output shows it as SHA256:xxxx:…. */
function hex(shown: string): string {
  return shown.replace(/^SHA256:/, '').replaceAll(':', '');
}

function inboxFiles(repo: string): string[] {
  return [...bareFiles(repo).keys()].filter((p) => p.startsWith('inbox/')).sort();
}

describe('relay exchange over git (bundled CLI)', () => {
  it('setup: both users create their relay; alice gets a new key pair, bob keeps the one he has', async () => {
    const bobKey = writeFixtureKeys(bob.paths, 'bob');
    const setup = async (u: TestUser, url: string) =>
      [u, url, await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--transport', 'git', '--login', u.login, '--url', url, '--json'])] as const;
    const runs = await Promise.all([setup(alice, aliceUrl), setup(bob, bobUrl)]);
    for (const [u, url, r] of runs) {
      expect(r.status, r.stderr).toBe(0);
      const generated = u === alice;
      expect(r.json).toMatchObject({ ok: true, login: u.login, transport: 'git', created: true, key_generated: generated, key_published: true });
      expect(r.json.fingerprint).toMatch(/^SHA256:([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
      fp[u.login] = r.json.fingerprint;
      expect(statSync(u.paths.privateKey).mode & 0o777).toBe(0o600);
      expect(bareFiles(url).has(`keys/${u.login}.pem`)).toBe(true);
      expect(git(['show', `main:keys/${u.login}.pem`], url)).toBe(readFileSync(u.paths.publicKey, 'utf8'));
      const cfg = JSON.parse(readFileSync(u.paths.config, 'utf8'));
      expect(cfg).toMatchObject({ github_username: u.login, transport: 'git', url, repo: url, peers: [] });
    }
    // The new key is RSA-4096; bob's existing key was kept as it was.
    expect(createPrivateKey(readFileSync(alice.paths.privateKey)).asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(readFileSync(bob.paths.privateKey, 'utf8')).toBe(bobKey.privateKeyPem);
  });

  it('setup without --url on git is a usage error (exit 2) that changes nothing', () => {
    const carol = makeUser(base.dir, 'carol');
    const r = cli(carol, 'alive-p2p', ['relay', 'setup', '--transport', 'git', '--login', 'carol']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --url is required/);
    expect(existsSync(carol.paths.dir)).toBe(false);
  });

  it('add-peer with --url pins the peer key and prints its fingerprint', () => {
    const r = cli(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--url', bobUrl, '--name', 'Bob B', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, peer: 'bob', status: 'accepted', relay: bobUrl, fingerprint: fp.bob });
    const human = cli(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--url', bobUrl]);
    expect(human.stdout).toContain(`bob's key unchanged: ${fp.bob}`);
  });

  it('add-peer without --url leaves the peer pending; accept --url pins the key', () => {
    const add = cli(bob, 'alive-p2p', ['relay', 'add-peer', 'alice', '--json']);
    expect(add.json).toMatchObject({ status: 'pending', relay: null, fingerprint: null });
    const noUrl = cli(bob, 'alive-p2p', ['relay', 'accept', 'alice']);
    expect(noUrl.status).toBe(2);
    const acc = cli(bob, 'alive-p2p', ['relay', 'accept', 'alice', '--url', aliceUrl, '--json']);
    expect(acc.status, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([{ peer: 'alice', relay: aliceUrl, fingerprint: fp.alice, replaced: null, checked: false, invitation: null }]);
    const cfg = JSON.parse(readFileSync(bob.paths.config, 'utf8'));
    expect(cfg.peers[0]).toMatchObject({ github: 'alice', status: 'accepted', fingerprint: hex(fp.alice!), relay: aliceUrl });
  });

  it('push delivers an encrypted, signed package into the recipient relay; probe sees it; pull verifies and empties the relay', () => {
    const pkg = makePackage(alice, 'garden');
    const push = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    expect(push.status, push.stderr).toBe(0);
    expect(push.json).toMatchObject({ ok: true, to: 'bob', encrypted: true, re_encrypted: true, signed: true, via: 'git' });
    expect(push.json.path).toMatch(/^inbox\/alice\/garden-\d{8}-\d{6}-[0-9a-f]{8}\.walnut$/);
    expect(inboxFiles(bobUrl)).toEqual([push.json.path]);

    const probe = cli(bob, 'relay-probe', ['--json']);
    expect(probe.status).toBe(0);
    expect(probe.json).toMatchObject({ configured: true, pending_packages: 1, pending_by_sender: { alice: 1 }, last_error: null });
    expect(probe.json.last_commit).toBe(git(['rev-parse', 'main'], bobUrl).trim());
    expect(probe.json.peer_reachability.alice).toMatchObject({ reachable: true, relay_repo: aliceUrl });
    const state = JSON.parse(readFileSync(bob.paths.state, 'utf8'));
    expect(state.pending_packages).toBe(1);

    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.json.received).toHaveLength(1);
    const got = pull.json.received[0];
    expect(got).toMatchObject({ from: 'alice', verified: true, signer: 'alice', problems: [] });
    expect(got.path).toBe(join(bob.paths.inbox, 'alice', push.json.name));
    expect(pull.json.remaining).toBe(0);
    expect(inboxFiles(bobUrl)).toEqual([]);
    // The package on disk is the one alice sent, and the package core agrees it is hers and intact.
    const verify = cli(bob, 'alive-p2p', [
      'verify',
      got.path,
      '--private-key',
      bob.paths.privateKey,
      '--signer-key',
      join(bob.paths.peersKeyDir, 'alice.pem'),
      '--json',
    ]);
    expect(verify.json).toMatchObject({ ok: true, encrypted: true, signed: true, signature_ok: true });
    expect(JSON.parse(readFileSync(bob.paths.state, 'utf8')).pending_packages).toBe(0);
    const again = cli(bob, 'relay-probe', ['--json']);
    expect(again.json.pending_packages).toBe(0);
  });

  it('two pushes of the same file never overwrite each other on the relay; pull saves it once and reports the other as a duplicate', () => {
    const pkg = makePackage(alice, 'twice');
    const a = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    const b = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.json.path).not.toBe(b.json.path);
    expect(inboxFiles(bobUrl)).toEqual([a.json.path, b.json.path].sort());
    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.json.received.map((r: any) => r.verified)).toEqual([true]);
    expect(pull.json.duplicates).toEqual([expect.objectContaining({ from: 'alice', first: pull.json.received[0].path })]);
    expect(existsSync(pull.json.received[0].path)).toBe(true);
    expect(inboxFiles(bobUrl)).toEqual([]);
  });

  it('status shows peers with pinned fingerprints and the key files matching', () => {
    const r = cli(bob, 'alive-p2p', ['relay', 'status', '--json']);
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({ ok: true, configured: true, login: 'bob', fingerprint: fp.bob, private_key_mode: '600', problems: [] });
    expect(r.json.peers).toEqual([expect.objectContaining({ login: 'alice', status: 'accepted', fingerprint: fp.alice, key: 'ok' })]);
  });

  it('a changed key on the peer relay is refused until the user accepts it again', () => {
    // bob's key is replaced (another pair, setup republishes it).
    rmSync(bob.paths.privateKey);
    rmSync(bob.paths.publicKey);
    writeFixtureKeys(bob.paths, 'dave');
    const re = cli(bob, 'alive-p2p', ['relay', 'setup', '--json']);
    expect(re.status, re.stderr).toBe(0);
    expect(re.json.key_published).toBe(true);
    const newFp = re.json.fingerprint as string;
    expect(newFp).not.toBe(fp.bob);

    const before = git(['rev-parse', 'main'], bobUrl).trim();
    const pkg = makePackage(alice, 'secret');
    const push = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    expect(push.status).toBe(1);
    expect(JSON.parse(push.stdout)).toMatchObject({ ok: false, error: { code: 'key_changed' } });
    expect(push.stderr).toMatch(/^error: bob's key changed: .*accept bob/);
    expect(git(['rev-parse', 'main'], bobUrl).trim()).toBe(before);
    // add-peer must not silently re-pin either.
    expect(cli(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--url', bobUrl]).status).toBe(1);

    const acc = cli(alice, 'alive-p2p', ['relay', 'accept', 'bob', '--json']);
    expect(acc.status, acc.stderr).toBe(0);
    expect(acc.json.accepted[0]).toMatchObject({ fingerprint: newFp, replaced: fp.bob });
    fp.bob = newFp;
    const ok = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.json.received[0], JSON.stringify(pull.json)).toMatchObject({ verified: true });
  });

  it('an unsigned package dropped into a peer inbox folder is kept apart as unverified', () => {
    // Someone with write access to bob's relay drops a plaintext package into inbox/alice/.
    const forged = makePackage(makeUser(base.dir, 'mallory'), 'forged');
    const work = join(base.dir, 'mallory-work');
    git(['clone', '-q', bobUrl, work]);
    mkdirSync(join(work, 'inbox', 'alice'), { recursive: true });
    writeFileSync(join(work, 'inbox', 'alice', 'forged-20260101-000000-deadbeef.walnut'), readFileSync(forged));
    git(['add', '-A'], work);
    git(['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit', '-qm', 'forged'], work);
    git(['push', '-q', 'origin', 'HEAD:main'], work);

    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status).toBe(1);
    expect(pull.stderr).toMatch(/could not be verified/);
    const r = pull.json.received[0];
    expect(r.verified).toBe(false);
    expect(r.path).toBe(join(bob.paths.inbox, 'alice', 'unverified', 'forged-20260101-000000-deadbeef.walnut'));
    expect(r.problems).toContain('the package is not signed');
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.startsWith('forged'))).toEqual([]);
    expect(readFileSync(r.path).equals(readFileSync(forged))).toBe(true);
  });

  it("a package signed with another key (the signer's own, not the inbox sender's pinned one) is kept apart as unverified", () => {
    // mallory signs properly with her own key and names herself alice, encrypts to bob, and drops it into inbox/alice/.
    const mallory = makeUser(base.dir, 'mallory2');
    mkdirSync(join(mallory.root, 'keys'), { mode: 0o700 });
    writeFileSync(join(mallory.root, 'keys', 'private.pem'), testKeyPairOf('erin').privateKeyPem, { mode: 0o600 });
    const signed = makePackage(mallory, 'lookalike', [
      '--encrypt',
      'rsa',
      '--recipient',
      bob.paths.publicKey,
      '--sign',
      join(mallory.root, 'keys', 'private.pem'),
      '--signer',
      'alice',
    ]);
    const name = 'lookalike-20260101-000000-0badf00d.walnut';
    const work = join(base.dir, 'mallory2-work');
    git(['clone', '-q', bobUrl, work]);
    mkdirSync(join(work, 'inbox', 'alice'), { recursive: true });
    writeFileSync(join(work, 'inbox', 'alice', name), readFileSync(signed));
    git(['add', '-A'], work);
    git(['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit', '-qm', 'lookalike'], work);
    git(['push', '-q', 'origin', 'HEAD:main'], work);

    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status).toBe(1);
    const r = pull.json.received[0];
    expect(r).toMatchObject({ from: 'alice', verified: false });
    expect(r.path).toBe(join(bob.paths.inbox, 'alice', 'unverified', name));
    expect(r.problems.join(' ')).toMatch(/signature does not match alice's pinned key/);
    expect(r.problems.join(' ')).not.toMatch(/not signed/);
    expect(inboxFiles(bobUrl)).toEqual([]);
  });

  it('a pull whose clean-up push fails keeps the packages on the relay and on disk, and the next pull does not duplicate them', () => {
    const pkg = makePackage(alice, 'sturdy');
    expect(cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob']).status).toBe(0);
    const hook = join(bobUrl, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "relay is read-only today" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const first = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(first.status).toBe(1);
    expect(first.json.received).toHaveLength(1);
    expect(first.json.cleanup_error).toMatch(/could not push/);
    expect(existsSync(first.json.received[0].path)).toBe(true);
    expect(inboxFiles(bobUrl)).toHaveLength(1);

    rmSync(hook);
    const second = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.json.received).toEqual([]);
    expect(inboxFiles(bobUrl)).toEqual([]);
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.startsWith('sturdy'))).toHaveLength(1);
  });

  it('a download that fails half-way leaves the package on the relay and no partial file', () => {
    const pkg = makePackage(alice, 'fragile');
    const push = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob', '--json']);
    // The local inbox cannot take the file (a plain file where the sender folder should be).
    rmSync(join(bob.paths.inbox, 'alice'), { recursive: true, force: true });
    writeFileSync(join(bob.paths.inbox, 'alice'), 'in the way');
    const pull = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status).toBe(1);
    expect(pull.json.failed).toEqual([expect.objectContaining({ from: 'alice', name: push.json.name })]);
    expect(inboxFiles(bobUrl)).toEqual([push.json.path]);
    rmSync(join(bob.paths.inbox, 'alice'));
    const retry = cli(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(retry.status, retry.stderr).toBe(0);
    expect(retry.json.received[0]).toMatchObject({ name: push.json.name, verified: true });
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.includes('.part'))).toEqual([]);
    expect(inboxFiles(bobUrl)).toEqual([]);
  });

  it('every relay subcommand answers --help with exit 0, and unknown flags with exit 2', async () => {
    // The bundle once for each answer; the rest in-process (the same command objects).
    expect(cli(bob, 'alive-p2p', ['relay', 'push', '--help']).status).toBe(0);
    const bundled = cli(bob, 'alive-p2p', ['relay', 'push', '--bogus']);
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toMatch(/^error: .*--bogus/);
    for (const sub of ['setup', 'add-peer', 'accept', 'status', 'push', 'pull']) {
      const help = await runCaptured(relayGroup, [sub, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/\S/);
      const bad = await runCaptured(relayGroup, [sub, '--bogus']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error: .*--bogus/);
    }
    expect(cli(bob, 'relay-probe', ['--help']).status).toBe(0);
    expect(cli(bob, 'relay-probe', ['--budget', 'soon']).status).toBe(2);
    expect(cli(bob, 'migrate-relay', ['--help']).status).toBe(0);
  });
});
