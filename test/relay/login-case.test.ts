/**
 * A peer whose GitHub login has capitals (`Bob`), added in lowercase (`add-peer bob`). GitHub
 * compares logins without case, but file paths in a repository are case-sensitive: Bob's setup
 * publishes `keys/Bob.pem`. Accepting him (an invitation, `accept LOGIN`, or the probe's auto-pin)
 * must read that file and record the login as GitHub spells it. Local server, in-process commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { run, walnutPackage } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let gh: FakeGithub;
const users: Record<string, TestUser> = {};

beforeAll(async () => {
  gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'Bob', 'tok-carol': 'Carol', 'tok-dave': 'dave' } });
  await gh.start();
  base = tempDir('login-case');
  for (const [login, key] of [
    ['alice', 'alice'],
    ['Bob', 'bob'],
    ['Carol', 'carol'],
    ['dave', 'dave'],
  ] as const) {
    const u = makeUser(base.dir, login, { GH_ENTERPRISE_TOKEN: `tok-${key}`, GITHUB_API_URL: gh.url });
    writeFixtureKeys(u.paths, key);
    const r = await run(u, ['setup', '--json']);
    if (r.code !== 0) throw new Error(`setup ${login}: ${r.stderr}`);
    users[login] = u;
  }
});
afterAll(async () => {
  await gh.close();
  base.cleanup();
});

const peersOf = (u: TestUser) => JSON.parse(readFileSync(u.paths.config, 'utf8')).peers as Array<Record<string, unknown>>;

// Steps of one story, in order: the last test starts from the peer the probe pinned in the one before.
describe('a peer whose login has capitals, added in lowercase', { shuffle: false }, () => {
  it("accept takes the invitation's spelling: reads keys/Bob.pem, records Bob, and packages flow both ways", async () => {
    const { alice, Bob } = users as Record<string, TestUser>;
    expect(gh.files('Bob/walnut-relay').has('keys/Bob.pem')).toBe(true);
    expect((await run(alice!, ['add-peer', 'bob', '--json'])).code).toBe(0);
    expect(peersOf(alice!)).toEqual([expect.objectContaining({ github: 'bob', status: 'pending' })]);
    const bobAccepts = await run(Bob!, ['accept', 'alice', '--json']);
    expect(bobAccepts.code, bobAccepts.stderr).toBe(0);
    expect((await run(Bob!, ['add-peer', 'alice', '--json'])).code).toBe(0);

    const acc = await run(alice!, ['accept', '--json']);
    expect(acc.code, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'Bob', relay: 'Bob/walnut-relay' })]);
    expect(peersOf(alice!)).toEqual([
      expect.objectContaining({ github: 'Bob', status: 'accepted', relay: 'Bob/walnut-relay', fingerprint: expect.any(String) }),
    ]);
    expect(readFileSync(join(alice!.paths.peersKeyDir, 'Bob.pem'), 'utf8')).toBe(readFileSync(Bob!.paths.publicKey, 'utf8'));

    const toBob = await run(alice!, ['push', await walnutPackage(alice!, 'upper'), '--to', 'bob', '--json']);
    expect(toBob.code, toBob.stderr).toBe(0);
    const bobPull = await run(Bob!, ['pull', '--json']);
    expect(bobPull.code, bobPull.stderr).toBe(0);
    expect(bobPull.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true })]);
    expect((await run(Bob!, ['push', await walnutPackage(Bob!, 'lower'), '--to', 'alice'])).code).toBe(0);
    const alicePull = await run(alice!, ['pull', '--json']);
    expect(alicePull.code, alicePull.stderr).toBe(0);
    expect(alicePull.json.received).toEqual([expect.objectContaining({ from: 'Bob', verified: true })]);
  });

  it('the probe pins such a peer once they accept, under their own spelling', async () => {
    const { dave, Carol } = users as Record<string, TestUser>;
    expect((await run(dave!, ['add-peer', 'carol'])).code).toBe(0);
    expect((await run(Carol!, ['accept', 'dave'])).code).toBe(0);
    // Carol invites dave back; dave takes the invitation on GitHub's website (not `relay accept`).
    expect((await run(Carol!, ['add-peer', 'dave'])).code).toBe(0);
    const inv = [...gh.invitations.values()].find((i) => i.invitee === 'dave')!;
    gh.repo(inv.repo).collaborators.add('dave');
    gh.invitations.delete(inv.id);

    const probe = await run(dave!, ['--json'], relayProbeCommand);
    expect(probe.code).toBe(0);
    expect(probe.json.newly_accepted).toEqual(['carol']);
    expect(peersOf(dave!)).toEqual([
      expect.objectContaining({ github: 'Carol', status: 'accepted', relay: 'Carol/walnut-relay', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(readFileSync(join(dave!.paths.peersKeyDir, 'Carol.pem'), 'utf8')).toBe(readFileSync(Carol!.paths.publicKey, 'utf8'));
  });

  it('accept LOGIN in lowercase, with no invitation left, reads the key under GitHub’s spelling', async () => {
    const { dave, Carol } = users as Record<string, TestUser>;
    // As if the probe had not pinned the key: the invitation is used up, only `accept carol` is left.
    const cfg = JSON.parse(readFileSync(dave!.paths.config, 'utf8'));
    cfg.peers = [{ ...cfg.peers[0], github: 'carol', fingerprint: null, relay: null }];
    writeFileSync(dave!.paths.config, JSON.stringify(cfg));
    // A key file left under the old spelling goes once the key is pinned under GitHub's.
    renameSync(join(dave!.paths.peersKeyDir, 'Carol.pem'), join(dave!.paths.peersKeyDir, 'carol.pem'));
    const acc = await run(dave!, ['accept', 'carol', '--json']);
    expect(acc.code, acc.stderr).toBe(0);
    expect(acc.json.accepted).toEqual([expect.objectContaining({ peer: 'Carol', relay: 'Carol/walnut-relay' })]);
    expect(peersOf(dave!)).toEqual([expect.objectContaining({ github: 'Carol', relay: 'Carol/walnut-relay' })]);
    expect(readFileSync(join(dave!.paths.peersKeyDir, 'Carol.pem'), 'utf8')).toBe(readFileSync(Carol!.paths.publicKey, 'utf8'));
    expect(existsSync(join(dave!.paths.peersKeyDir, 'carol.pem'))).toBe(false);
  });
});

describe('add-peer with a relay, the login typed in another case than GitHub spells it', () => {
  it("reads the key under GitHub's spelling, not a file someone with write access put under the typed one", async () => {
    const { alice, Carol, dave } = users as Record<string, TestUser>;
    // Carol publishes keys/Carol.pem; a writer of her relay adds keys/carol.pem with their key.
    gh.commitFiles('Carol/walnut-relay', { 'keys/carol.pem': readFileSync(dave!.paths.publicKey, 'utf8') }, 'by mallory');
    gh.repo('Carol/walnut-relay').collaborators.add('alice');

    const added = await run(alice!, ['add-peer', 'carol', '--url', 'carol/walnut-relay', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json.fingerprint).toBe((await run(Carol!, ['status', '--json'])).json.fingerprint);
    expect(added.json).toMatchObject({ peer: 'Carol' });
    expect(readFileSync(join(alice!.paths.peersKeyDir, 'Carol.pem'), 'utf8')).toBe(readFileSync(Carol!.paths.publicKey, 'utf8'));
  });
});
