/**
 * relay-probe (bundled): finishes within its budget whatever the network does, always exits 0,
 * never moves last_commit past a failed fetch, and writes nothing when no relay is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir, type TestUser } from './helpers.ts';
import { cli, cliAsync } from './cli.ts';
import { startHangingServer } from '../support/hanging-server.ts';
import { emptyRepo, FakeGithub } from '../support/fake-github.ts';
import { createHash, createPublicKey } from 'node:crypto';
import { nextTestKeyPair } from '../support/test-keys.ts';

let base: ReturnType<typeof tempDir>;
let hang: Awaited<ReturnType<typeof startHangingServer>>;

beforeAll(async () => {
  base = tempDir('probe');
  hang = await startHangingServer();
});
afterAll(async () => {
  await hang.close();
  base.cleanup();
});

const PREVIOUS = {
  last_sync: '2026-01-01T00:00:00+00:00',
  last_commit: '1111111111111111111111111111111111111111',
  pending_packages: 3,
  peer_reachability: {},
  newly_accepted: [],
};

function configure(user: TestUser, cfg: Record<string, unknown>): void {
  mkdirSync(user.paths.dir, { recursive: true });
  writeFileSync(user.paths.config, JSON.stringify({ github_username: user.login, peers: [], ...cfg }));
  writeFileSync(user.paths.state, JSON.stringify(PREVIOUS));
}

describe('relay-probe', () => {
  it('no relay configured: exits 0 quickly and writes nothing', () => {
    const u = makeUser(base.dir, 'nobody');
    const r = cli(u, 'relay-probe', ['--json']);
    expect(r.status).toBe(0);
    expect(r.json).toEqual({ configured: false });
    expect(existsSync(u.paths.state)).toBe(false);
  });

  it('git relay on a server that never answers: stays within the budget, exit 0, last_commit kept', async () => {
    const u = makeUser(base.dir, 'g');
    configure(u, {
      repo: `${hang.url}/r.git`,
      transport: 'git',
      url: `${hang.url}/r.git`,
      peers: [{ github: 'p', status: 'accepted', relay: `${hang.url}/p.git` }],
    });
    const r = await cliAsync(u, 'relay-probe', ['--budget', '2', '--json'], 40_000);
    expect(r.status).toBe(0);
    // The server never answers: the probe ended, so its budget ended the wait (with room for node
    // start-up on a loaded machine; start-up times live in npm run bench).
    expect(r.ms).toBeLessThan(2000 + 12_000);
    const state = JSON.parse(readFileSync(u.paths.state, 'utf8'));
    expect(state.last_commit).toBe(PREVIOUS.last_commit);
    // Nothing was read: the figures stay dated to the last read; the attempt is probed_at.
    expect(state.last_sync).toBe(PREVIOUS.last_sync);
    expect(Date.parse(state.probed_at)).toBeGreaterThan(Date.parse(PREVIOUS.last_sync));
    expect(state.last_error).toBeTruthy();
    expect(state.peer_reachability.p).toMatchObject({ reachable: false });
    expect(hang.connections()).toBeGreaterThan(0);
  });

  it('GitHub API that never answers: stays within the budget, exit 0, last_commit kept', async () => {
    const u = makeUser(base.dir, 'h', { GH_ENTERPRISE_TOKEN: 'dummy', GITHUB_API_URL: hang.url });
    configure(u, { repo: 'h/walnut-relay', transport: 'github', peers: [{ github: 'p', status: 'pending' }] });
    const r = await cliAsync(u, 'relay-probe', ['--budget', '2', '--json'], 40_000);
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(2000 + 12_000);
    const state = JSON.parse(readFileSync(u.paths.state, 'utf8'));
    expect(state.last_commit).toBe(PREVIOUS.last_commit);
    expect(state.pending_packages).toBe(PREVIOUS.pending_packages);
    expect(state.newly_accepted).toEqual([]);
    expect(state.last_error).toMatch(/did not answer in time|ran out of/);
  });

  it('a broken relay.json: exit 0, nothing written, the reason on stderr naming the field', () => {
    const u = makeUser(base.dir, 'b');
    mkdirSync(u.paths.dir, { recursive: true });
    writeFileSync(u.paths.config, JSON.stringify({ repo: 'x', github_username: 'b', peers: [{ github: '../evil', status: 'accepted' }] }));
    writeFileSync(u.paths.state, JSON.stringify(PREVIOUS));
    const r = cli(u, 'relay-probe', []);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/peers\[0\]\.github' is not a valid login/);
    expect(JSON.parse(readFileSync(u.paths.state, 'utf8'))).toEqual(PREVIOUS);
  });

  it('--config and --state point elsewhere; usage errors exit 2', () => {
    const u = makeUser(base.dir, 'c');
    const dir = join(base.dir, 'elsewhere');
    mkdirSync(dir, { recursive: true });
    const cfg = join(dir, 'relay.json');
    const state = join(dir, 'custom-state.json');
    writeFileSync(cfg, JSON.stringify({ repo: 'x', github_username: 'c', transport: 'git', url: join(base.dir, 'missing.git'), peers: [] }));
    const r = cli(u, 'relay-probe', ['--config', cfg, '--state', state, '--budget', '3', '--json']);
    expect(r.status).toBe(0);
    expect(existsSync(state)).toBe(true);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ last_commit: null, pending_packages: 0 });
    expect(cli(u, 'relay-probe', ['--budget', '0']).status).toBe(2);
    expect(cli(u, 'relay-probe', ['extra']).status).toBe(2);
  });

  it('a peer who accepted is pinned from the relay recorded for them, not a guessed <login>/walnut-relay', async () => {
    const gh = new FakeGithub({ tokens: { 'tok-amy': 'amy', 'tok-ben': 'ben' } });
    await gh.start();
    try {
      const benKey = nextTestKeyPair().publicKeyPem;
      // ben's relay has another name; amy knows it (add-peer --url), and ben let her read it.
      for (const [owner, name] of [
        ['amy', 'walnut-relay'],
        ['ben', 'mailbox'],
      ] as const) {
        gh.repos.set(`${owner}/${name}`, emptyRepo(owner, name));
      }
      gh.commitFiles('amy/walnut-relay', { 'README.md': 'x' });
      gh.commitFiles('ben/mailbox', { 'keys/ben.pem': benKey });
      gh.repo('ben/mailbox').collaborators.add('amy');
      gh.repo('amy/walnut-relay').collaborators.add('ben'); // ben accepted amy's invitation
      const u = makeUser(base.dir, 'amy', { GH_ENTERPRISE_TOKEN: 'tok-amy', GITHUB_API_URL: gh.url });
      configure(u, { repo: 'amy/walnut-relay', transport: 'github', peers: [{ github: 'ben', status: 'pending', relay: 'ben/mailbox' }] });
      const r = await cliAsync(u, 'relay-probe', ['--json'], 20_000);
      expect(r.status).toBe(0);
      expect(r.json.newly_accepted).toEqual(['ben']);
      const peer = JSON.parse(readFileSync(u.paths.config, 'utf8')).peers[0];
      const fp = createHash('sha256')
        .update(createPublicKey(benKey).export({ type: 'spki', format: 'der' }))
        .digest('hex');
      expect(peer).toMatchObject({ github: 'ben', status: 'accepted', relay: 'ben/mailbox', fingerprint: fp });
      expect(gh.count('GET', /^\/repos\/ben\/walnut-relay\//)).toBe(0);
    } finally {
      await gh.close();
    }
  });

  it('two pending peers whose relays publish one key: the probe pins it for the first only (key_in_use for the other)', async () => {
    const gh = new FakeGithub({ tokens: { 'tok-amy': 'amy' } });
    await gh.start();
    try {
      const shared = nextTestKeyPair().publicKeyPem;
      for (const [owner, name] of [
        ['amy', 'walnut-relay'],
        ['ben', 'walnut-relay'],
        ['cal', 'walnut-relay'],
      ] as const) {
        gh.repos.set(`${owner}/${name}`, emptyRepo(owner, name));
      }
      gh.commitFiles('amy/walnut-relay', { 'README.md': 'x' });
      gh.commitFiles('ben/walnut-relay', { 'keys/ben.pem': shared });
      gh.commitFiles('cal/walnut-relay', { 'keys/cal.pem': shared });
      for (const peer of ['ben', 'cal']) {
        gh.repo(`${peer}/walnut-relay`).collaborators.add('amy');
        gh.repo('amy/walnut-relay').collaborators.add(peer);
      }
      const u = makeUser(base.dir, 'amy-shared', { GH_ENTERPRISE_TOKEN: 'tok-amy', GITHUB_API_URL: gh.url });
      configure(u, {
        github_username: 'amy',
        repo: 'amy/walnut-relay',
        transport: 'github',
        peers: [
          { github: 'ben', status: 'pending' },
          { github: 'cal', status: 'pending' },
        ],
      });
      const r = await cliAsync(u, 'relay-probe', ['--json'], 20_000);
      expect(r.status).toBe(0);
      const peers = JSON.parse(readFileSync(u.paths.config, 'utf8')).peers;
      expect(peers[0]).toMatchObject({ github: 'ben', status: 'accepted' });
      expect(peers[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(peers[1]).toMatchObject({ github: 'cal', status: 'accepted', fingerprint: null });
      expect(r.json.last_error).toMatch(/cal's relay publishes SHA256:\S+, the key pinned for ben/);
      expect(existsSync(join(u.paths.peersKeyDir, 'cal.pem'))).toBe(false);
    } finally {
      await gh.close();
    }
  });
});
