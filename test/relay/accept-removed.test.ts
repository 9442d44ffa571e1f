/**
 * `relay accept` without a LOGIN takes every open relay invitation, but never one from a peer the
 * user removed (`remove-peer`): that peer is trusted again only by naming them. Local server.
 */
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
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'bob', 'tok-carol': 'carol' } });
  await gh.start();
  base = tempDir('accept-removed');
  for (const login of ['alice', 'bob', 'carol'] as const) {
    const user = makeUser(base.dir, login, { GH_ENTERPRISE_TOKEN: `tok-${login}`, GITHUB_API_URL: gh.url });
    writeFixtureKeys(user.paths, login);
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
