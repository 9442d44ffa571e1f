/**
 * Issue 17, "The relay tells the truth": two users over bare git repositories (in-process), and
 * the GitHub paths against the local fake server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bareFiles, makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { fixtureRelayUser, pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { FakeGithub } from '../support/fake-github.ts';
import { isolateProcessGit } from './git-env.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('truth');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

// A story: each test builds on the state the one before left, so the order stays (also under --sequence.shuffle).
describe('relay status and inbox over git', { shuffle: false }, () => {
  it('status right after a push probes (its state is older than the last relay command) and says how old what it shows is', async () => {
    // bob looks once: fresh state, nothing waiting.
    // Never probed: status probes instead of showing "last never; 0 waiting".
    const before = await run(bob, ['status', '--json']);
    expect(before.json.probed).toBe(true);
    expect(before.json.state.pending_packages).toBe(0);
    const pkg = await walnutPackage(alice, 'meadow');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    // bob's relay command (here: accept of a key he already has) makes his state stale.
    expect((await run(bob, ['accept', 'alice', '--json'])).code).toBe(0);
    const after = await run(bob, ['status', '--json']);
    expect(after.json.probed).toBe(true);
    expect(after.json.state).toMatchObject({ pending_packages: 1, pending_by_sender: { alice: 1 } });
    expect(after.json.age_seconds).toBeGreaterThanOrEqual(0);
    const human = await run(bob, ['status']);
    expect(human.stdout).toMatch(/Inbox: {3}1 package waiting \(in the folder of pinned peer alice: 1\); as of \S+ \(\d+ s ago\)/);
    // Fresh now: a second status does not probe again.
    expect((await run(bob, ['status', '--json'])).json.probed).toBe(false);
  });

  it('inbox lists what waits (sender, file, size, time, pinned) and downloads nothing', async () => {
    const r = await run(bob, ['inbox', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.waiting).toEqual([
      {
        sender: 'alice',
        file: expect.stringMatching(/^meadow-\d{8}-\d{6}-[0-9a-f]{8}\.walnut$/),
        path: expect.stringMatching(/^inbox\/alice\//),
        size: expect.any(Number),
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        pinned: true,
        peer_status: 'accepted',
        verified: false,
        untrusted: { file: r.json.waiting[0].file },
      },
    ]);
    expect(r.json.waiting[0].size).toBeGreaterThan(100);
    // Nothing was downloaded: no blob of the package in bob's clone, nothing in his local inbox.
    const blob = bareFiles(bob.url).get(r.json.waiting[0].path)!;
    expect(spawnSync('git', ['cat-file', '-e', blob], { cwd: bob.paths.clone, env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } }).status).not.toBe(0);
    expect(existsSync(join(bob.paths.inbox, 'alice', r.json.waiting[0].file))).toBe(false);
    const human = await run(bob, ['inbox']);
    expect(human.stdout).toMatch(/^ {2}alice: 1 package \(pinned peer's folder, not verified yet\)$/m);
    expect(human.stdout).toMatch(/^<<<BEGIN UNTRUSTED FOLDERS AND FILES \S+\nalice\s+meadow-.*\.walnut\s+[\d.]+ (B|KiB)\s+\S+Z\n/m);
    expect((await run(bob, ['pull'])).code).toBe(0);
    expect((await run(bob, ['inbox', '--json'])).json.waiting).toEqual([]);
  });

  it("status checks every pinned peer's published key against its pin and says which differ", async () => {
    const carol = await fixtureRelayUser(base.dir, 'carol');
    await pair(bob, carol);
    // carol's key changes on her relay (a new pair, published by setup).
    rmSync(carol.paths.privateKey);
    rmSync(carol.paths.publicKey);
    writeTestKeys(carol.paths);
    expect((await run(carol, ['setup', '--json'])).code).toBe(0);
    expect((await run(bob, ['add-peer', 'carol', '--name', 'Carol'])).code).toBe(0); // a relay command: state stale
    const status = await run(bob, ['status', '--json']);
    const c = status.json.peers.find((p: any) => p.login === 'carol');
    expect(c).toMatchObject({ key: 'ok', relay_key: 'changed' });
    expect(c.relay_fingerprint).toMatch(/^SHA256:/);
    expect(status.json.problems.join('\n')).toMatch(/carol's relay now publishes the key SHA256:\S+, not the SHA256:\S+ you pinned/);
    expect(status.json.peers.find((p: any) => p.login === 'alice')).toMatchObject({ relay_key: 'ok' });
    expect((await run(bob, ['status'])).stdout).toMatch(/carol .*KEY CHANGED ON THEIR RELAY/);
  });

  it('remove-peer unpins and stops accepting: a later pull files their packages under unverified/ with the reason', async () => {
    const pkg = await walnutPackage(alice, 'after');
    expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
    const rm = await run(bob, ['remove-peer', 'alice', '--json']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.json).toMatchObject({ ok: true, peer: 'alice', unpinned: expect.stringMatching(/^SHA256:/), access_removed: null });
    expect(rm.json.problems.join(' ')).toMatch(/git transport has no access control of its own/);
    expect(existsSync(join(bob.paths.peersKeyDir, 'alice.pem'))).toBe(false);
    expect(JSON.parse(readFileSync(bob.paths.config, 'utf8')).peers.find((p: any) => p.github === 'alice')).toMatchObject({
      status: 'removed',
      fingerprint: null,
    });

    const inbox = await run(bob, ['inbox', '--json']);
    expect(inbox.json.waiting[0]).toMatchObject({ sender: 'alice', pinned: false, peer_status: 'removed' });
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code).toBe(1);
    expect(pull.json.received[0]).toMatchObject({ from: 'alice', verified: false });
    expect(pull.json.received[0].path).toContain(join('alice', 'unverified'));
    expect(pull.json.received[0].problems.join(' ')).toMatch(/you removed alice from your peers/);
    const push = await run(bob, ['push', pkg, '--to', 'alice', '--json']);
    expect(push.json.error.message).toMatch(/you removed alice/);
    // accept brings the peer back.
    const back = await run(bob, ['accept', 'alice', '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(readFileSync(bob.paths.config, 'utf8')).peers.find((p: any) => p.github === 'alice')).toMatchObject({ status: 'accepted' });
  });
});

// A story: each test builds on the state the one before left, so the order stays (also under --sequence.shuffle).
describe('GitHub: inbox and remove-peer against the fake server', { shuffle: false }, () => {
  let gh: FakeGithub;
  beforeAll(async () => {
    gh = new FakeGithub({ tokens: { 'tok-ann': 'ann', 'tok-ben': 'ben' } });
    await gh.start();
  });
  afterAll(() => gh.close());

  it('inbox lists with sizes from the tree; remove-peer removes the collaborator (DELETE) and says what it did', async () => {
    const g = join(base.dir, 'gh');
    const ann = makeUser(g, 'ann', { GH_ENTERPRISE_TOKEN: 'tok-ann', GITHUB_API_URL: gh.url });
    const ben = makeUser(g, 'ben', { GH_ENTERPRISE_TOKEN: 'tok-ben', GITHUB_API_URL: gh.url });
    for (const u of [ann, ben]) {
      writeTestKeys(u.paths);
      expect((await run(u, ['setup', '--json'])).code).toBe(0);
    }
    expect((await run(ann, ['add-peer', 'ben', '--json'])).json.invited).toBe('invited');
    expect((await run(ben, ['accept', 'ann', '--json'])).code).toBe(0);
    expect((await run(ben, ['add-peer', 'ann', '--json'])).code).toBe(0);
    expect((await run(ann, ['accept', '--json'])).code).toBe(0);
    const pkg = await walnutPackage(ben, 'tidings');
    const push = await run(ben, ['push', pkg, '--to', 'ann', '--json']);
    expect(push.code, push.stderr).toBe(0);

    const inbox = await run(ann, ['inbox', '--json']);
    expect(inbox.json.waiting).toEqual([expect.objectContaining({ sender: 'ben', file: push.json.name, size: push.json.bytes, pinned: true })]);
    expect(gh.count('GET', /\/git\/blobs\//)).toBe(0);

    expect(gh.repo('ann/walnut-relay').collaborators.has('ben')).toBe(true);
    const rm = await run(ann, ['remove-peer', 'ben', '--json']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.json).toMatchObject({ ok: true, access_removed: true, problems: [] });
    expect(gh.repo('ann/walnut-relay').collaborators.has('ben')).toBe(false);
    const human = await run(ann, ['remove-peer', 'ben']);
    expect(human.stdout).toMatch(/Done: removed ben's access to ann\/walnut-relay/);
    // ben can no longer deliver.
    const denied = await run(ben, ['push', pkg, '--to', 'ann', '--json']);
    expect(denied.code).toBe(1);
  });

  it('on GitHub too: a replaced own key is reported, and accept --fingerprint refuses another key', async () => {
    const g = join(base.dir, 'gh2');
    const ann = makeUser(g, 'ann', { GH_ENTERPRISE_TOKEN: 'tok-ann', GITHUB_API_URL: gh.url });
    const ben = makeUser(g, 'ben', { GH_ENTERPRISE_TOKEN: 'tok-ben', GITHUB_API_URL: gh.url });
    for (const u of [ann, ben]) writeTestKeys(u.paths);
    // ann's relay exists from the test above; setup publishes her new key again.
    expect((await run(ann, ['setup', '--json'])).code).toBe(0);
    expect((await run(ann, ['status', '--json'])).json.own_key).toBe('ok');
    const intruder = writeTestKeys(relayPaths(join(g, 'intruder')));
    gh.commitFiles('ann/walnut-relay', { 'keys/ann.pem': intruder.publicKeyPem }, 'replaced');
    expect((await run(ann, ['add-peer', 'ben', '--json'])).code).toBe(0); // a relay command: the state is stale
    const status = await run(ann, ['status', '--json']);
    expect(status.json.own_key).toBe('changed');
    expect(status.json.problems.join(' ')).toMatch(/NOT your key/);
    // setup publishes her key again: status and the session hook (last_action) stop warning at once.
    expect((await run(ann, ['setup', '--json'])).code).toBe(0);
    const state = JSON.parse(readFileSync(ann.paths.state, 'utf8'));
    expect(state.own_key.status).toBe('ok');
    expect(Date.parse(state.last_action)).toBeGreaterThan(Date.parse(state.probed_at));
    const republished = await run(ann, ['status', '--json']);
    expect(republished.json.own_key).toBe('ok');
    expect(republished.json.problems.join(' ')).not.toMatch(/NOT your key/);

    expect((await run(ben, ['setup', '--json'])).code).toBe(0);
    const wrong = `SHA256:${'abcd:'.repeat(15)}abcd`;
    const refused = await run(ann, ['accept', 'ben', '--url', 'ben/walnut-relay', '--fingerprint', wrong, '--json']);
    expect(refused.json, JSON.stringify(refused.json)).toMatchObject({ ok: false, error: { code: 'fingerprint_mismatch' } });
  });
});

describe('isStale', () => {
  it('holds state older than a minute stale, as well as state older than the last relay command', async () => {
    const { isStale } = await import('../../scripts/lib/relay/commands/status.ts');
    const { emptyState } = await import('../../scripts/lib/relay/state.ts');
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    // A peer's push is no relay command here: figures a few minutes old are checked again.
    expect(isStale({ ...emptyState(), last_sync: at(120_000), probed_at: at(120_000) })).toBe(true);
    expect(isStale({ ...emptyState(), last_sync: at(10_000), probed_at: at(10_000) })).toBe(false);
    expect(isStale({ ...emptyState(), last_sync: at(10_000), probed_at: at(10_000), last_action: at(5_000) })).toBe(true);
    // A check that failed a moment ago: status said to run it again once the relay answers.
    expect(isStale({ ...emptyState(), last_sync: at(10_000), probed_at: at(10_000), last_error: 'cannot reach the relay' })).toBe(true);
  });
});
