/**
 * The relay's branch: GitHub's default branch is whatever its owner chose, and git allows names
 * like `release+2026`. setup stores it, and every later command reads relay.json back, so setup
 * only ever writes a config that reads back (one schema), and the branch rule is git's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGithub } from '../support/fake-github.ts';
import { isUsableBranch, readRelayConfig, writeRelayConfig, type RelayConfig } from '../../scripts/lib/relay/config.ts';
import { bareFiles, makeUser, tempDir, writeFixtureKeys, writeTestKeys, type TestUser } from './helpers.ts';
import { run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

describe('branch names: what git accepts (check-ref-format)', () => {
  it('accepts git branch names and refuses what git refuses (and unprintable ones)', () => {
    for (const ok of ['main', 'release+2026', 'feature/x-1', 'v1.2', 'a@b', 'fix_%41', 'é-branch', "it's", 'a,b=c', 'x'.repeat(255)])
      expect(isUsableBranch(ok), ok).toBe(true);
    for (const bad of [
      '',
      '@',
      'HEAD',
      'a..b',
      'a b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'x.lock',
      'a/x.lock/b',
      'a/',
      '/a',
      'a//b',
      '.a',
      'a/.b',
      'a.',
      'a@{1}',
      '-a',
      'a\u0000b',
      'a\tb',
      'a\u007fb',
      'a\u202eb',
      'x'.repeat(256),
    ])
      expect(isUsableBranch(bad), JSON.stringify(bad)).toBe(false);
  });

  it('relay.json is validated with its schema before it is written: nothing unreadable is ever written', () => {
    const t = tempDir('branch-write');
    try {
      const path = join(t.dir, 'relay.json');
      const cfg = {
        repo: 'alice/walnut-relay',
        github_username: 'alice',
        transport: 'github',
        url: null,
        api_url: null,
        branch: 'main',
        peers: [],
      } as RelayConfig;
      writeRelayConfig(path, cfg);
      expect(() => writeRelayConfig(path, { ...cfg, branch: 'a..b' })).toThrow(
        expect.objectContaining({ code: 'config_invalid', message: expect.stringMatching(/field 'branch'/) }),
      );
      expect(readRelayConfig(path)).toMatchObject({ branch: 'main' });
      writeRelayConfig(path, { ...cfg, branch: 'release+2026' });
      expect(readRelayConfig(path)).toMatchObject({ branch: 'release+2026' });
    } finally {
      t.cleanup();
    }
  });
});

describe('setup with the default branch GitHub gives', () => {
  let gh: FakeGithub;
  let base: ReturnType<typeof tempDir>;
  let alice: TestUser;
  beforeAll(async () => {
    gh = new FakeGithub({ tokens: { 'tok-alice': 'alice' } });
    await gh.start();
    base = tempDir('branch-gh');
    alice = makeUser(base.dir, 'alice', { GH_ENTERPRISE_TOKEN: 'tok-alice', GITHUB_API_URL: gh.url });
    writeFixtureKeys(alice.paths, 'alice');
  });
  afterAll(async () => {
    await gh.close();
    base.cleanup();
  });

  it('a default branch named release+2026 is stored and used: setup again, status and inbox all work', async () => {
    expect((await run(alice, ['setup', '--json'])).code).toBe(0);
    const repo = gh.repo('alice/walnut-relay');
    repo.refs.set('heads/release+2026', repo.refs.get('heads/main')!);
    repo.refs.delete('heads/main');
    repo.defaultBranch = 'release+2026';
    const again = await run(alice, ['setup', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(alice.paths.config, 'utf8')).branch).toBe('release+2026');
    const status = await run(alice, ['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const inbox = await run(alice, ['inbox', '--json']);
    expect(inbox.code, inbox.stderr).toBe(0);
    expect(inbox.json).toMatchObject({ ok: true, waiting: [] });
    expect((await run(alice, ['setup'])).code).toBe(0);
  });

  it('a default branch this relay cannot use is refused by setup with what to do, and relay.json is left as it was', async () => {
    // Set up first when this case runs before the one above (npx vitest run --sequence.shuffle).
    if (!existsSync(alice.paths.config)) expect((await run(alice, ['setup', '--json'])).code).toBe(0);
    const repo = gh.repo('alice/walnut-relay');
    const before = readFileSync(alice.paths.config, 'utf8');
    const usable = repo.defaultBranch;
    repo.refs.set('heads/bad\u202ename', repo.refs.get(`heads/${usable}`)!);
    repo.defaultBranch = 'bad\u202ename';
    try {
      const r = await run(alice, ['setup', '--json']);
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'bad_relay' } });
      // A name that is not plain (here a bidi override) is the server's text: only in the untrusted detail.
      expect(r.json.error.message).toMatch(/a default branch whose name is not one git accepts.*rename it on GitHub.*run `alive-p2p relay setup` again/);
      expect(JSON.stringify(r.json.error.untrusted)).toContain('bad\\\\u{202e}name');
      expect(readFileSync(alice.paths.config, 'utf8')).toBe(before);
      expect((await run(alice, ['status', '--offline'])).code).toBe(0);
    } finally {
      // The relay as it was, for the case above when this one runs first.
      repo.defaultBranch = usable;
      repo.refs.delete('heads/bad\u202ename');
    }
  });
});

describe('a git relay on a branch named release+2026', () => {
  let base: ReturnType<typeof tempDir>;
  beforeAll(() => {
    isolateProcessGit();
    base = tempDir('branch-git');
  });
  afterAll(() => base.cleanup());

  it('setup, add-peer, push and pull all use it (in refspecs and ref names)', async () => {
    const users: Record<string, TestUser & { url: string }> = {};
    for (const login of ['alice', 'bob']) {
      const u = makeUser(base.dir, login);
      writeTestKeys(u.paths);
      const url = join(base.dir, 'remotes', `${login}.git`);
      writeRelayConfig(u.paths.config, {
        repo: url,
        github_username: login,
        transport: 'git',
        url,
        api_url: null,
        branch: 'release+2026',
        peers: [],
      } as RelayConfig);
      const r = await run(u, ['setup', '--transport', 'git', '--login', login, '--url', url, '--json']);
      expect(r.code, r.stderr).toBe(0);
      users[login] = { ...u, url };
    }
    const { alice, bob } = users as Record<string, TestUser & { url: string }>;
    expect(bareFiles(alice!.url, 'release+2026').has('keys/alice.pem')).toBe(true);
    expect((await run(alice!, ['add-peer', 'bob', '--url', bob!.url])).code).toBe(0);
    expect((await run(bob!, ['add-peer', 'alice', '--url', alice!.url])).code).toBe(0);
    const push = await run(alice!, ['push', await walnutPackage(alice!, 'plus'), '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const status = await run(bob!, ['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const pull = await run(bob!, ['pull', '--json']);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true })]);
    expect([...bareFiles(bob!.url, 'release+2026').keys()].filter((p) => p.startsWith('inbox/'))).toEqual([]);
  });
});
