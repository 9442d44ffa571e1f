/**
 * A relay URL never carries a secret (tokens come from the environment or `gh auth token`, git's
 * from its credential helper or an SSH key): one given with a password, or any user part on
 * http(s), where GitHub reads a token, was stored in state.json, printed by `relay-probe --json`
 * and `relay status --json`, and put in git's argv. Refused where it comes in, and in a relay.json
 * edited by hand. Also the relay folder migrate-relay makes is the user's alone (it was 0755).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitUrlHoldsSecret } from '../../scripts/lib/relay/repo-name.ts';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { emptyState, writeRelayState } from '../../scripts/lib/relay/state.ts';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { runAsCli } from './in-process.ts';

const SECRET = 'ghp_TOPSECRET123';

describe('gitUrlHoldsSecret', () => {
  const rows: [string, boolean][] = [
    [`https://alice:${SECRET}@example.com/alice.git`, true],
    [`https://${SECRET}@github.com/alice/walnut-relay.git`, true],
    [`http://alice@example.com/alice.git`, true],
    [`ssh://git:${SECRET}@example.com/alice.git`, true],
    ['ssh://git@example.com/alice.git', false],
    ['git@github.com:alice/walnut-relay.git', false],
    ['https://example.com/alice.git', false],
    ['/srv/relays/alice.git', false],
    ['file:///srv/relays/alice.git', false],
  ];
  for (const [url, secret] of rows) it(`${url}: ${secret}`, () => expect(gitUrlHoldsSecret(url)).toBe(secret));
});

describe('a relay URL holding a user name or password', () => {
  it('is refused by setup, add-peer and accept, without showing it, and nothing is written', async () => {
    const t = tempDir('url-secret');
    try {
      const u = makeUser(t.dir, 'bob');
      writeFixtureKeys(u.paths, 'bob');
      const setup = await runAsCli(u, ['setup', '--transport', 'git', '--login', 'bob', '--url', `https://bob:${SECRET}@example.com/bob.git`, '--json']);
      expect(setup.status).toBe(1);
      expect(setup.json.error?.code, setup.stderr).toBe('bad_url');
      expect(setup.json.error.message).toMatch(/holds a user name or password \(not shown\)/);
      expect(setup.stdout + setup.stderr).not.toContain(SECRET);
      expect(existsSync(u.paths.config)).toBe(false);

      const ok = await runAsCli(u, ['setup', '--transport', 'git', '--login', 'bob', '--url', join(t.dir, 'bob.git'), '--json']);
      expect(ok.status, ok.stderr).toBe(0);
      const before = readFileSync(u.paths.config, 'utf8');
      for (const args of [
        ['add-peer', 'alice', '--url', `https://alice:${SECRET}@example.com/alice.git`, '--json'],
        ['accept', 'alice', '--url', `https://${SECRET}@example.com/alice.git`, '--json'],
      ]) {
        const r = await runAsCli(u, args);
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.json.error?.code, r.stderr).toBe('bad_url');
        expect(r.stdout + r.stderr).not.toContain(SECRET);
        expect(readFileSync(u.paths.config, 'utf8')).toBe(before);
      }
    } finally {
      t.cleanup();
    }
  });

  it('in a relay.json edited by hand is an invalid_field refusal that does not show it', async () => {
    const t = tempDir('url-secret-config');
    try {
      const u = makeUser(t.dir, 'bob');
      writeFixtureKeys(u.paths, 'bob');
      const ok = await runAsCli(u, ['setup', '--transport', 'git', '--login', 'bob', '--url', join(t.dir, 'bob.git'), '--json']);
      expect(ok.status, ok.stderr).toBe(0);
      const cfg = JSON.parse(readFileSync(u.paths.config, 'utf8'));
      cfg.peers.push({ github: 'alice', relay: `https://alice:${SECRET}@example.com/alice.git`, status: 'accepted' });
      writeFileSync(u.paths.config, JSON.stringify(cfg));
      const r = await runAsCli(u, ['status', '--offline', '--json']);
      expect(r.status).toBe(1);
      expect(r.json.error?.code, r.stderr).toBe('invalid_field');
      expect(r.json.error.message).toMatch(/peers\.0\.relay|peers\[0\]\.relay/);
      expect(r.json.error.message).toMatch(/user name or password/);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    } finally {
      t.cleanup();
    }
  });
});

describe('the relay folder and state.json', () => {
  it('are the user’s alone when migrate-relay makes the folder and a probe writes the state', async () => {
    const t = tempDir('relay-modes');
    try {
      const u = makeUser(t.dir, 'carol');
      mkdirSync(u.env.ALIVE_HOME!, { recursive: true });
      writeFileSync(join(u.env.ALIVE_HOME!, 'relay.yaml'), 'github_username: carol\nrepo: carol/walnut-relay\npeers: []\n');
      const r = await runAsCli(u, ['--json'], migrateRelayCommand);
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(u.paths.dir).mode & 0o777).toBe(0o700);
      writeRelayState(u.paths.state, emptyState());
      expect(statSync(u.paths.state).mode & 0o777).toBe(0o600);
    } finally {
      t.cleanup();
    }
  });
});

describe('a GitHub repository named . or ..', () => {
  it('is not a repository: the owner check cannot be passed with dave/.. (it made requests to /repos/)', async () => {
    const { isGithubRepo, isOwnedBy } = await import('../../scripts/lib/relay/repo-name.ts');
    expect(isGithubRepo('dave/..')).toBe(false);
    expect(isGithubRepo('dave/.')).toBe(false);
    expect(isOwnedBy('dave/..', 'dave')).toBe(false);
    expect(isGithubRepo('dave/.github')).toBe(true);
    expect(isGithubRepo('dave/walnut-relay')).toBe(true);
  });
});

describe('a first relay setup without a GitHub token', () => {
  it('says how to set the relay up on any Git remote instead', async () => {
    const t = tempDir('setup-no-token');
    try {
      const u = makeUser(t.dir, 'erin');
      for (const k of ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN']) delete u.env[k];
      u.env.PATH = '/nonexistent'; // no gh to ask
      const r = await runAsCli(u, ['setup', '--json']);
      expect(r.status).toBe(1);
      expect(r.json.error?.code, r.stderr).toBe('no_token');
      expect(r.json.error.message).toContain('alive-p2p relay setup --transport git --login NAME --url URL');
    } finally {
      t.cleanup();
    }
  });
});
