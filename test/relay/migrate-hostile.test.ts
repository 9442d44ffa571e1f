/**
 * migrate-relay against a v1 file it should not trust blindly: something that is not a regular
 * file (a FIFO, a device, a folder, a link), a file far larger than any relay.yaml, and a failure
 * after the first write (nothing half-changed: relay.json is the commit point).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir, type TestUser } from './helpers.ts';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { cli } from './cli.ts';
import { runAsCli } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('migrate-hostile');
});
afterAll(() => base.cleanup());

const migrate = (u: TestUser, args: string[]) => runAsCli(u, args, migrateRelayCommand);

function user(name: string): { u: TestUser; v1Path: string } {
  const u = makeUser(base.dir, name);
  mkdirSync(u.env.ALIVE_HOME!, { recursive: true });
  return { u, v1Path: join(u.env.ALIVE_HOME!, 'relay.yaml') };
}

function expectNothingWritten(u: TestUser): void {
  expect(existsSync(u.paths.config)).toBe(false);
  expect(existsSync(u.paths.migrationMeta)).toBe(false);
}

describe('migrate-relay: a v1 path that is not a small regular file', () => {
  it('a FIFO is refused at once (it used to wait forever for a writer)', () => {
    const { u, v1Path } = user('fifo');
    execFileSync('mkfifo', [v1Path]);
    // A child process with a deadline: the old code blocked its only thread in read(2).
    const r = cli(u, 'migrate-relay', ['--json'], 10_000);
    expect(r.status, `stderr: ${r.stderr}`).toBe(1);
    expect(r.json.error.code).toBe('not_a_file');
    expect(r.stderr).toMatch(/^error: .*relay\.yaml is not a regular file.*--v1-path/);
    expectNothingWritten(u);
  });

  it('a device (/dev/zero, endless) is refused unread', () => {
    const { u } = user('device');
    const r = cli(u, 'migrate-relay', ['--v1-path', '/dev/zero', '--dry-run', '--json'], 10_000);
    expect(r.status, `stderr: ${r.stderr}`).toBe(1);
    expect(r.json.error.code).toBe('not_a_file');
  });

  it('a folder is refused saying what it is and what to do', async () => {
    const { u, v1Path } = user('folder');
    mkdirSync(v1Path);
    const r = await migrate(u, ['--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('not_a_file');
    expect(r.stderr).toMatch(/is not a regular file .*--v1-path/);
    expectNothingWritten(u);
  });

  it('a link is refused, and --v1-path to the real file migrates it', async () => {
    const { u, v1Path } = user('link');
    const real = join(u.root, 'real-relay.yaml');
    writeFileSync(real, 'github_username: erin\n');
    symlinkSync(real, v1Path);
    const r = await migrate(u, ['--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('not_a_file');
    expectNothingWritten(u);
    const ok = await migrate(u, ['--v1-path', real, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.json.status).toBe('migrated');
  });

  it('a v1 file over 1 MiB is refused unread (a real one is a few hundred bytes)', async () => {
    const { u, v1Path } = user('huge');
    let text = 'github_username: alice\npeers:\n';
    while (text.length <= 1024 * 1024) text += '  - github: "../not-a-login"\n';
    writeFileSync(v1Path, text);
    const t0 = Date.now();
    const r = await migrate(u, ['--json']);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('too_large');
    expect(r.stderr).toMatch(/^error: .*relay\.yaml is larger than 1048576 bytes .*nothing was written/);
    expectNothingWritten(u);
  });
});

describe('migrate-relay: nothing half-changed', () => {
  it('when the migration record cannot be written, relay.json is not written either, and a second run after the fix migrates', async () => {
    const { u, v1Path } = user('meta-blocked');
    writeFileSync(v1Path, 'github_username: frank\n');
    mkdirSync(u.paths.migrationMeta, { recursive: true }); // a folder where the record goes
    const r = await migrate(u, ['--json']);
    expect(r.status).toBe(1);
    const failure = JSON.parse(r.stdout);
    expect(failure.error.code).toBe('unwritable');
    expect(failure.error.message).toMatch(/\.migration-meta\.json.*nothing was changed/);
    expect(existsSync(u.paths.config)).toBe(false);
    // The user removes the folder; the migration then runs, instead of "already migrated".
    execFileSync('rmdir', [u.paths.migrationMeta]);
    const again = await migrate(u, ['--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json.status).toBe('migrated');
    expect(JSON.parse(readFileSync(u.paths.migrationMeta, 'utf8')).migrated_from).toBe(v1Path);
  });
});
