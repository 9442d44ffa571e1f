/**
 * `relay accept` without a LOGIN takes the open relay invitations of the user's peers (add-peer),
 * never one from a peer the user removed (`remove-peer`) nor from anyone else: those are trusted
 * only by naming them. Local server.
 */
import { outsideFences } from '../support/fences.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { run } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let gh: FakeGithub;
const u: Record<string, TestUser> = {};

beforeAll(async () => {
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'bob', 'tok-carol': 'carol', 'tok-eve': 'eve' } });
  await gh.start();
  base = tempDir('accept-removed');
  for (const login of ['alice', 'bob', 'carol', 'eve'] as const) {
    const user = makeUser(base.dir, login, { GH_ENTERPRISE_TOKEN: `tok-${login}`, GITHUB_API_URL: gh.url });
    // eve has no fixture keys of her own: she publishes a copy of another's key below.
    writeFixtureKeys(user.paths, login === 'eve' ? 'carol' : login);
    const r = await run(user, ['setup', '--json']);
    if (r.code !== 0) throw new Error(`setup ${login}: ${r.stderr}`);
    u[login] = user;
  }
});
afterAll(async () => {
  await gh.close();
  base.cleanup();
});

const peer = (user: TestUser, login: string) => JSON.parse(readFileSync(user.paths.config, 'utf8')).peers.find((p: any) => p.github === login);

async function ok(user: TestUser, argv: string[]) {
  const r = await run(user, argv);
  expect(r.code, `${user.login} ${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

describe('accept without LOGIN and a removed peer', () => {
  it("skips a removed peer's new invitation (left open, nothing pinned), says how to trust them again, and accepts the others", async () => {
    const { alice, bob, carol } = u as Record<string, TestUser>;
    await ok(alice!, ['add-peer', 'carol']);
    await ok(carol!, ['add-peer', 'alice']);
    await ok(alice!, ['accept']);
    await ok(carol!, ['accept']);
    expect(peer(alice!, 'carol')).toMatchObject({ status: 'accepted', fingerprint: expect.any(String) });

    await ok(alice!, ['remove-peer', 'carol']);
    expect(peer(alice!, 'carol')).toMatchObject({ status: 'removed' });
    // carol invites alice again (her remove-peer and add-peer make a new invitation); bob invites too.
    await ok(carol!, ['remove-peer', 'alice']);
    await ok(carol!, ['add-peer', 'alice']);
    await ok(bob!, ['add-peer', 'alice']);
    await ok(alice!, ['add-peer', 'bob']);
    const carolInvitation = [...gh.invitations.values()].find((i) => i.invitee === 'alice' && i.inviter === 'carol')!;
    expect(carolInvitation).toBeDefined();

    const acc = await run(alice!, ['accept', '--json']);
    expect(acc.code, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'bob' })]);
    expect(acc.json.skipped).toEqual([
      { peer: 'carol', relay: 'carol/walnut-relay', invitation: carolInvitation.id, reason: 'removed', next: 'alive-p2p relay accept carol' },
    ]);
    expect(gh.invitations.has(carolInvitation.id)).toBe(true);
    expect(gh.repo('carol/walnut-relay').collaborators.has('alice')).toBe(false);
    expect(peer(alice!, 'carol')).toMatchObject({ status: 'removed', fingerprint: null });
    expect(existsSync(join(alice!.paths.peersKeyDir, 'carol.pem'))).toBe(false);

    const human = await run(alice!, ['accept']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/you removed carol from your peers/);
    expect(human.stdout).toContain('alive-p2p relay accept carol');
    expect(human.stdout).not.toMatch(/No relay invitations are waiting/);

    // Naming her trusts her again.
    const named = await run(alice!, ['accept', 'carol', '--json']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.json.accepted).toEqual([expect.objectContaining({ peer: 'carol', invitation: carolInvitation.id })]);
    expect(peer(alice!, 'carol')).toMatchObject({ status: 'accepted', fingerprint: expect.any(String) });
  });
});

describe('accept without LOGIN and an invitation from someone who is not a peer', () => {
  it("leaves a stranger's invitation open and pins nothing of theirs, even one whose relay publishes a copy of a peer's key: the peer is accepted", async () => {
    // A review of 2026-12-07: anyone can invite you. eve invites alice first, her relay publishing a
    // copy of bob's public key as her own; accepting every invitation pinned it for eve, and then
    // refused bob's own invitation (key_in_use), telling alice to ask bob for a key of his own.
    const { alice, bob, eve } = u as Record<string, TestUser>;
    await ok(eve!, ['add-peer', 'alice']);
    gh.commitFiles('eve/walnut-relay', { 'keys/eve.pem': readFileSync(bob!.paths.publicKey, 'utf8') });
    // bob invites alice again, after eve (bob's first invitation was used in the case above).
    await ok(bob!, ['remove-peer', 'alice']);
    await ok(bob!, ['add-peer', 'alice']);
    await ok(alice!, ['add-peer', 'bob']);
    const eveInvitation = [...gh.invitations.values()].find((i) => i.invitee === 'alice' && i.inviter === 'eve')!;

    const acc = await run(alice!, ['accept', '--json']);
    expect(acc.code, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'bob' })]);
    // A stranger's login and relay are theirs to choose (a login can spell words): under untrusted,
    // never in our sentence or a command made for them.
    expect(acc.json.skipped).toEqual([
      { invitation: eveInvitation.id, reason: 'not_a_peer', next: 'alive-p2p relay accept LOGIN', untrusted: { peer: 'eve', relay: 'eve/walnut-relay' } },
    ]);
    expect(peer(alice!, 'eve')).toBeUndefined();
    expect(existsSync(join(alice!.paths.peersKeyDir, 'eve.pem'))).toBe(false);
    expect(gh.invitations.has(eveInvitation.id)).toBe(true);
    expect(gh.repo('eve/walnut-relay').collaborators.has('alice')).toBe(false);

    const human = await run(alice!, ['accept']);
    expect(human.stdout).toMatch(/an invitation from someone who is not among your peers \(relay add-peer\): accepting pins the key their relay publishes/);
    expect(human.stdout).toContain('alive-p2p relay accept LOGIN');
    expect(outsideFences(human.stdout + human.stderr)).not.toMatch(/\beve\b/);
    expect(human.stdout).toMatch(/^login: eve$/m);
  });
});
