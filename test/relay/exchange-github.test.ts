/**
 * The same exchange on the github transport, against the local server that answers as GitHub's
 * REST API documents. Nothing here can reach the real GitHub. Both users start from fixed test
 * keys (test/support/test-keys.ts): setup's key generation is the same on every transport, and the
 * git exchange (exchange-git.test.ts) makes the real RSA-4096 key. The packages are packed by the
 * library (the git exchange packs one with the bundle).
 *
 * The bundles run where the story first needs each entry on this transport (setup, the probe, a
 * push and a pull: the bundled Octokit and fetch against the server); the other steps run the
 * same commands in-process (`inProcess`), which is the same code without a process start each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { cliAsync, type CliResult } from './cli.ts';
import { runAsCli, walnutPackage } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let gh: FakeGithub;
let alice: TestUser;
let bob: TestUser;
const fp: Record<string, string> = {};

beforeAll(async () => {
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'bob' }, users: ['carol'] });
  await gh.start();
  base = tempDir('e2e-gh');
  alice = makeUser(base.dir, 'alice', { GH_ENTERPRISE_TOKEN: 'tok-alice', GITHUB_API_URL: gh.url });
  bob = makeUser(base.dir, 'bob', { GITHUB_ENTERPRISE_TOKEN: 'tok-bob', GITHUB_API_URL: gh.url });
});
afterAll(async () => {
  await gh.close();
  base.cleanup();
});

/** What cliAsync(user, entry, args) does, in-process: `alive-p2p relay …` and `relay-probe`. */
function inProcess(user: TestUser, entry: 'alive-p2p' | 'relay-probe', args: string[]): Promise<CliResult> {
  if (entry === 'relay-probe') return runAsCli(user, args, relayProbeCommand);
  if (args[0] !== 'relay') throw new Error(`inProcess: only relay commands, not ${args[0]}`);
  return runAsCli(user, args.slice(1));
}

const inbox = (owner: string) => [...gh.files(`${owner}/walnut-relay`).keys()].filter((p) => p.startsWith('inbox/')).sort();

// A story: each test builds on the state the one before left, so the order stays (also under --sequence.shuffle).
describe('relay exchange over the GitHub REST API (local server; the bundles where each entry first meets it)', { shuffle: false }, () => {
  it('setup creates each private <login>/walnut-relay; --login must match the token', async () => {
    const wrong = await inProcess(alice, 'alive-p2p', ['relay', 'setup', '--login', 'bob']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^error: the GitHub token belongs to alice, not bob/);
    expect(gh.repos.size).toBe(0);
    writeFixtureKeys(alice.paths, 'alice');
    writeFixtureKeys(bob.paths, 'bob');
    const runs = await Promise.all([alice, bob].map(async (u) => [u, await cliAsync(u, 'alive-p2p', ['relay', 'setup', '--json'])] as const));
    for (const [u, r] of runs) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.json).toMatchObject({
        ok: true,
        login: u.login,
        transport: 'github',
        repo: `${u.login}/walnut-relay`,
        created: true,
        key_generated: false,
        key_published: true,
      });
      fp[u.login] = r.json.fingerprint;
      expect(gh.repo(`${u.login}/walnut-relay`).private).toBe(true);
      expect(gh.files(`${u.login}/walnut-relay`).get(`keys/${u.login}.pem`)?.toString()).toBe(readFileSync(u.paths.publicKey, 'utf8'));
    }
  });

  it('add-peer of a user that does not exist is refused and records nothing', async () => {
    const r = await inProcess(alice, 'alive-p2p', ['relay', 'add-peer', 'nobody', '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no GitHub user 'nobody'/);
    expect(JSON.parse(readFileSync(alice.paths.config, 'utf8')).peers).toEqual([]);
  });

  it('add-peer invites (201 → pending); accept takes the invitation and pins the inviter key', async () => {
    const add = await inProcess(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--json']);
    expect(add.status, add.stderr).toBe(0);
    expect(add.json).toMatchObject({ peer: 'bob', status: 'pending', invited: 'invited', fingerprint: null });
    const acc = await inProcess(bob, 'alive-p2p', ['relay', 'accept', 'alice', '--json']);
    expect(acc.status, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'alice', relay: 'alice/walnut-relay', fingerprint: fp.alice })]);
    expect(gh.repo('alice/walnut-relay').collaborators.has('bob')).toBe(true);
    // Inviting again answers 204 now: bob is a collaborator.
    const again = await inProcess(alice, 'alive-p2p', ['relay', 'add-peer', 'bob', '--json']);
    expect(again.json).toMatchObject({ invited: 'already', status: 'accepted' });
  });

  it('the probe records a peer who accepted the invitation, and pins their key once their relay is readable', async () => {
    // Reset alice's view of bob to pending, as it was before bob accepted.
    const cfgPath = alice.paths.config;
    const cfg = JSON.parse(readFileSync(cfgPath, 'utf8'));
    cfg.peers[0].status = 'pending';
    (await import('node:fs')).writeFileSync(cfgPath, JSON.stringify(cfg));
    // bob invites alice back, and alice accepts, so bob's relay becomes readable to her.
    expect((await inProcess(bob, 'alive-p2p', ['relay', 'add-peer', 'alice'])).status).toBe(0);
    const inv = [...gh.invitations.values()].find((i) => i.invitee === 'alice')!;
    gh.repo(inv.repo).collaborators.add('alice');
    gh.invitations.delete(inv.id);

    const probe = await cliAsync(alice, 'relay-probe', ['--json']);
    expect(probe.status).toBe(0);
    expect(probe.json.newly_accepted).toEqual(['bob']);
    const after = JSON.parse(readFileSync(cfgPath, 'utf8')).peers[0];
    // relay.json keeps 64 hex digits; output shows SHA256:xxxx:….
    expect(after).toMatchObject({
      github: 'bob',
      status: 'accepted',
      relay: 'bob/walnut-relay',
      fingerprint: fp.bob!.replace('SHA256:', '').replaceAll(':', ''),
    });
    expect(readFileSync(join(alice.paths.peersKeyDir, 'bob.pem'), 'utf8')).toBe(readFileSync(bob.paths.publicKey, 'utf8'));
    const second = await inProcess(alice, 'relay-probe', ['--json']);
    expect(second.json.newly_accepted).toEqual([]);
  });

  it('push → probe → pull, both ways, verified against the pinned keys', async () => {
    const fromAlice = await walnutPackage(alice, 'orchard');
    const push = await cliAsync(alice, 'alive-p2p', ['relay', 'push', fromAlice, '--to', 'bob', '--json']);
    expect(push.status, push.stderr).toBe(0);
    expect(push.json).toMatchObject({ via: 'contents-api', encrypted: true, signed: true });
    expect(inbox('bob')).toEqual([push.json.path]);

    const probe = await inProcess(bob, 'relay-probe', ['--json']);
    expect(probe.json).toMatchObject({ pending_packages: 1, last_error: null });
    expect(probe.json.last_commit).toBe(gh.repo('bob/walnut-relay').refs.get('heads/main'));
    expect(probe.json.peer_reachability.alice).toMatchObject({ reachable: true, relay_repo: 'alice/walnut-relay' });

    const pull = await cliAsync(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true, signer: 'alice' })]);
    expect(inbox('bob')).toEqual([]);

    const fromBob = await walnutPackage(bob, 'meadow');
    expect((await inProcess(bob, 'alive-p2p', ['relay', 'push', fromBob, '--to', 'alice'])).status).toBe(0);
    const back = await inProcess(alice, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(back.json.received).toEqual([expect.objectContaining({ from: 'bob', verified: true })]);
  });

  it('a pull that fails half-way keeps what it got, leaves the rest on the relay, and loses nothing', async () => {
    const p1 = await walnutPackage(alice, 'first');
    const p2 = await walnutPackage(alice, 'second');
    const a = await inProcess(alice, 'alive-p2p', ['relay', 'push', p1, '--to', 'bob', '--json']);
    const b = await inProcess(alice, 'alive-p2p', ['relay', 'push', p2, '--to', 'bob', '--json']);
    const [firstPath, secondPath] = [a.json.path, b.json.path].sort();
    const secondBlob = gh.files('bob/walnut-relay').get(secondPath)!;
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha1').update(`blob ${secondBlob.length}\0`).update(secondBlob).digest('hex');
    gh.failNext('GET', new RegExp(`/git/blobs/${sha}$`), 502, 3);
    const pull = await inProcess(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(pull.status).toBe(1);
    expect(pull.json.received.map((r: any) => `inbox/alice/${r.name}`)).toEqual([firstPath]);
    expect(pull.json.failed).toEqual([expect.objectContaining({ from: 'alice', error: expect.stringMatching(/502/) })]);
    expect(inbox('bob')).toEqual([secondPath]);
    const retry = await inProcess(bob, 'alive-p2p', ['relay', 'pull', '--json']);
    expect(retry.status, retry.stderr).toBe(0);
    expect(retry.json.received.map((r: any) => `inbox/alice/${r.name}`)).toEqual([secondPath]);
    expect(inbox('bob')).toEqual([]);
  });

  it('a rate-limited token: commands fail with the reset time; the probe still exits 0 and keeps last_commit', async () => {
    const before = JSON.parse(readFileSync(bob.paths.state, 'utf8'));
    gh.rateLimited.add('tok-bob');
    try {
      const pull = await inProcess(bob, 'alive-p2p', ['relay', 'pull']);
      expect(pull.status).toBe(1);
      expect(pull.stderr).toMatch(/^error: GitHub's API rate limit is used up .* try again at/);
      const probe = await inProcess(bob, 'relay-probe', ['--json']);
      expect(probe.status).toBe(0);
      expect(probe.json.last_error).toMatch(/rate limit/);
      expect(probe.json.last_commit).toBe(before.last_commit);
    } finally {
      gh.rateLimited.delete('tok-bob');
    }
  });
});
