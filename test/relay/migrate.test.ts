/**
 * migrate-relay: both v1 shapes, idempotent, the v1 file kept, counts right, garbage refused. The
 * first migration runs the bundle; the others run the same command in-process (`migrate`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { siblingTempPath } from '../../scripts/lib/fs/atomic.ts';
import { makeUser, tempDir, type TestUser } from './helpers.ts';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { cli } from './cli.ts';
import { run, runAsCli } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('migrate');
});
afterAll(() => base.cleanup());

const NESTED = `# v1 relay settings
relay:
  repo: alice/walnut-relay
  github_username: alice
peers:
  - github: bob
    name: "Bob Builder"
    relay: bob/walnut-relay
    person_walnut: People/bob
    added: 2025-03-01
    status: accepted
  - github: "yes"
    name: Literal Yes
    status: pending
  - github: 2024
    added: 2025-04-02
`;

const FLAT = `repo: carol/walnut-relay
github_username: carol
peers: []
`;

/** `migrate-relay <args>` in-process, as the user. */
const migrate = (u: TestUser, args: string[]) => runAsCli(u, args, migrateRelayCommand);

function setup(name: string, v1: string) {
  const u = makeUser(base.dir, name);
  mkdirSync(u.env.ALIVE_HOME!, { recursive: true });
  const v1Path = join(u.env.ALIVE_HOME!, 'relay.yaml');
  writeFileSync(v1Path, v1);
  return { u, v1Path };
}

describe('migrate-relay', () => {
  it('nested v1: migrates peers with their fields as strings, keeps the v1 file, counts right', () => {
    const { u, v1Path } = setup('nested', NESTED);
    const r = cli(u, 'migrate-relay', ['--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, status: 'migrated', v1_peer_count: 3, v2_peer_count: 3, skipped_peers: [] });
    const cfg = JSON.parse(readFileSync(u.paths.config, 'utf8'));
    expect(cfg).toMatchObject({ repo: 'alice/walnut-relay', github_username: 'alice', transport: 'github' });
    expect(cfg.peers).toEqual([
      {
        github: 'bob',
        name: 'Bob Builder',
        relay: 'bob/walnut-relay',
        person_walnut: 'People/bob',
        added: '2025-03-01',
        status: 'accepted',
        fingerprint: null,
      },
      { github: 'yes', name: 'Literal Yes', relay: null, person_walnut: null, added: null, status: 'pending', fingerprint: null },
      { github: '2024', name: null, relay: null, person_walnut: null, added: '2025-04-02', status: 'pending', fingerprint: null },
    ]);
    expect(readFileSync(v1Path, 'utf8')).toBe(NESTED);
    const meta = JSON.parse(readFileSync(u.paths.migrationMeta, 'utf8'));
    expect(meta).toMatchObject({ migrated_from: v1Path, v1_peer_count: 3, v2_peer_count: 3 });
    expect(meta.migrated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(r.json.warnings.join(' ')).toMatch(/accept LOGIN/);
  });

  it('flat v1 with an inline empty list: zero peers (not 2), and a second run changes nothing', async () => {
    const { u } = setup('flat', FLAT);
    const r = await migrate(u, ['--json']);
    expect(r.json).toMatchObject({ status: 'migrated', v1_peer_count: 0, v2_peer_count: 0 });
    const bytes = readFileSync(u.paths.config);
    const mtime = statSync(u.paths.config).mtimeMs;
    const again = await migrate(u, ['--json']);
    expect(again.status).toBe(0);
    expect(again.json.status).toBe('skipped:already-migrated');
    expect(readFileSync(u.paths.config).equals(bytes)).toBe(true);
    expect(statSync(u.paths.config).mtimeMs).toBe(mtime);
    // The migrated file is a relay.json the relay commands accept.
    const status = await run(u, ['status', '--json']);
    expect(status.json).toMatchObject({ configured: true, login: 'carol', repo: 'carol/walnut-relay' });
  });

  it('--dry-run writes nothing; no v1 file is a skip with exit 0', async () => {
    const { u } = setup('dry', FLAT);
    const r = await migrate(u, ['--dry-run', '--json']);
    expect(r.json).toMatchObject({ status: 'would-migrate', v2_peer_count: 0 });
    expect(existsSync(u.paths.config)).toBe(false);
    const none = makeUser(base.dir, 'none');
    expect((await migrate(none, ['--json'])).json.status).toBe('skipped:no-v1');
  });

  it('peers with unusable logins are skipped and counted, never written', async () => {
    const { u } = setup('bad-peers', `github_username: dan\npeers:\n  - github: ../../etc\n  - name: no login\n  - github: ok-peer\n`);
    const r = await migrate(u, ['--json']);
    expect(r.json).toMatchObject({ status: 'migrated', v1_peer_count: 3, v2_peer_count: 1 });
    expect(r.json.skipped_peers).toHaveLength(2);
    expect(JSON.parse(readFileSync(u.paths.config, 'utf8')).peers.map((p: any) => p.github)).toEqual(['ok-peer']);
  });

  it('a peer whose login repeats another in a different case is skipped as a duplicate of that login', async () => {
    const { u } = setup('dup-peers', `github_username: dan\npeers:\n  - github: Bob\n  - github: bob\n  - github: ../x\n`);
    const r = await migrate(u, ['--json']);
    expect(r.json).toMatchObject({ status: 'migrated', v1_peer_count: 3, v2_peer_count: 1, skipped_peers: ['bob', '../x'] });
    const warnings = r.json.warnings.join('\n');
    expect(warnings).toMatch(/skipped peer bob: a duplicate of Bob/);
    expect(warnings).toMatch(/skipped 1 peer without a valid login: \.\.\/x$/m);
    expect(warnings).not.toMatch(/without a valid login: .*bob/);
  });

  it.each([
    ['at the top', 'github_username: alice\nrepo: alice/walnut-relay\ngithub_username: mallory\n', 'github_username'],
    ['under relay:', 'relay:\n  repo: alice/walnut-relay\n  repo: mallory/walnut-relay\ngithub_username: alice\n', 'repo'],
  ])('a key written twice (%s) is refused naming the key, nothing written', async (_where, text, key) => {
    const { u, v1Path } = setup(`dup-key-${key}`, text);
    const r = await migrate(u, ['--json']);
    expect(r.status).toBe(1);
    const failure = JSON.parse(r.stdout);
    expect(failure.error.code).toBe('bad_v1');
    expect(failure.error.message).toContain(`sets '${key}' more than once`);
    expect(failure.error.message).toMatch(/nothing was written/);
    expect(existsSync(u.paths.config)).toBe(false);
    expect(existsSync(u.paths.migrationMeta)).toBe(false);
    expect(readFileSync(v1Path, 'utf8')).toBe(text);
  });

  it("a killed run's migration record left aside is removed by the next run; a live process's is kept", async () => {
    const { u } = setup('stale-meta', FLAT);
    mkdirSync(u.paths.dir, { recursive: true });
    // A pid that is surely gone (a child that has exited), and one alive (this test's parent), in
    // the names the record is written aside under (`.<record>.<pid>.<hex>.tmp`).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const aside = (pid: number) => siblingTempPath(u.paths.migrationMeta).replace(`.${process.pid}.`, `.${pid}.`);
    const stale = aside(dead);
    const live = aside(process.ppid);
    writeFileSync(stale, '{}\n');
    writeFileSync(live, '{}\n');
    const r = await migrate(u, ['--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(u.paths.dir).filter((n) => n.endsWith('.tmp'))).toEqual([basename(live)]);
  });

  it.each([
    ['not YAML at all', 'relay: [unclosed\n  - :: {'],
    ['a YAML list', '- a\n- b\n'],
    ['a mapping with nothing of a relay', 'theme: dark\nfont: mono\n'],
    ['binary noise', '\u0000\u0001\u0002garbage\u00ff'],
    ['an invalid login', 'github_username: "../root"\n'],
  ])('garbage (%s) is refused with exit 1 and nothing written', async (_what, text) => {
    const { u, v1Path } = setup(`garbage-${Math.random().toString(36).slice(2, 8)}`, text);
    const r = await migrate(u, ['--json']);
    expect(r.status).toBe(1);
    const failure = JSON.parse(r.stdout);
    expect(failure.ok).toBe(false);
    expect(['not_v1', 'bad_v1']).toContain(failure.error.code); // bad_v1: not YAML at all
    expect(r.stderr).toMatch(/^error: .*(not a v1 relay config|not readable YAML)/);
    expect(existsSync(u.paths.config)).toBe(false);
    expect(existsSync(u.paths.migrationMeta)).toBe(false);
    expect(readFileSync(v1Path, 'utf8')).toBe(text);
  });

  it('a broken existing relay.json is never overwritten', async () => {
    const { u } = setup('broken-v2', FLAT);
    mkdirSync(u.paths.dir, { recursive: true });
    writeFileSync(u.paths.config, '{"repo": ');
    const r = await migrate(u, []);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(readFileSync(u.paths.config, 'utf8')).toBe('{"repo": ');
  });
});
