/**
 * The whole exchange on the git transport, over real bare repositories, driving the bundled
 * commands as child processes: two users, each with their own ALIVE_HOME. The checks around the
 * story (a usage error, a command run again, the package core's verify of what arrived) run the
 * same commands in-process, without a process start each. What happens when
 * something goes wrong (duplicates, a changed key, planted packages, failed clean-ups and
 * downloads) is tested in-process in exchange-failures.test.ts. alice's setup makes a
 * real RSA-4096 key; everyone else starts from a fixed test key (test/support/test-keys.ts), which
 * `relay setup` takes as the user's existing key, to spare a keygen wait per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { bareFiles, git, makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { cli, cliAsync, makePackage } from './cli.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { relayGroup } from '../../scripts/lib/relay/cli.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { run } from './in-process.ts';

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

// A story: each test builds on the state the one before left, so the order stays (also under --sequence.shuffle).
describe('relay exchange over git (bundled CLI)', { shuffle: false }, () => {
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

  it('setup without --url on git is a usage error (exit 2) that changes nothing', async () => {
    const carol = makeUser(base.dir, 'carol');
    const r = await run(carol, ['setup', '--transport', 'git', '--login', 'carol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --url is required/);
    expect(existsSync(carol.paths.dir)).toBe(false);
  });

  it('add-peer with --url pins the peer key and prints its fingerprint', async () => {
    const r = cli(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--url', bobUrl, '--name', 'Bob B', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, peer: 'bob', status: 'accepted', relay: bobUrl, fingerprint: fp.bob });
    const human = await run(alice, ['add-peer', 'bob', '--url', bobUrl]);
    expect(human.stdout).toContain(`bob's key unchanged: ${fp.bob}`);
  });

  it('add-peer without --url leaves the peer pending; accept --url pins the key', async () => {
    const add = cli(bob, 'alive-p2p', ['relay', 'add-peer', 'alice', '--json']);
    expect(add.json).toMatchObject({ status: 'pending', relay: null, fingerprint: null });
    const noUrl = await run(bob, ['accept', 'alice']);
    expect(noUrl.code).toBe(2);
    const acc = cli(bob, 'alive-p2p', ['relay', 'accept', 'alice', '--url', aliceUrl, '--json']);
    expect(acc.status, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([{ peer: 'alice', relay: aliceUrl, fingerprint: fp.alice, replaced: null, checked: false, invitation: null }]);
    const cfg = JSON.parse(readFileSync(bob.paths.config, 'utf8'));
    expect(cfg.peers[0]).toMatchObject({ github: 'alice', status: 'accepted', fingerprint: hex(fp.alice!), relay: aliceUrl });
  });

  it('push delivers an encrypted, signed package into the recipient relay; probe sees it; pull verifies and empties the relay', async () => {
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
    const verify = await run(
      bob,
      [got.path, '--private-key', bob.paths.privateKey, '--signer-key', join(bob.paths.peersKeyDir, 'alice.pem'), '--json'],
      verifyCommand,
    );
    expect(verify.json).toMatchObject({ ok: true, encrypted: true, signed: true, signature_ok: true });
    expect(JSON.parse(readFileSync(bob.paths.state, 'utf8')).pending_packages).toBe(0);
    const again = await run(bob, ['--json'], relayProbeCommand);
    expect(again.json.pending_packages).toBe(0);
  });

  it('status shows peers with pinned fingerprints and the key files matching', () => {
    const r = cli(bob, 'alive-p2p', ['relay', 'status', '--json']);
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({ ok: true, configured: true, login: 'bob', fingerprint: fp.bob, private_key_mode: '600', problems: [] });
    expect(r.json.peers).toEqual([expect.objectContaining({ login: 'alice', status: 'accepted', fingerprint: fp.alice, key: 'ok' })]);
  });

  it('every relay subcommand answers --help with exit 0, and unknown flags with exit 2', async () => {
    // The bundle once for each answer; the rest in-process (the same command objects). The other
    // bundles' answers are run elsewhere: each bundle's --help in test/plugin/runtime-folder.test.ts,
    // relay-probe's usage error (exit 2) in probe.test.ts.
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
    expect((await run(bob, ['--help'], relayProbeCommand)).code).toBe(0);
    expect((await run(bob, ['--budget', 'soon'], relayProbeCommand)).code).toBe(2);
    expect((await run(bob, ['--help'], migrateRelayCommand)).code).toBe(0);
  });
});
