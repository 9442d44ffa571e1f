/**
 * pull removes a package from the relay once it is "safely on disk": the file is fsynced and so is
 * the folder it was linked into. A folder this pull made (inbox/, inbox/<folder>/, its unverified/)
 * is an entry of its parent, which must reach the disk too: a crash after the relay's clean-up could
 * otherwise lose the new folder, and the package with it, on a file system that does not order
 * those writes for us.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { commitToBare, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

const synced: string[] = [];
vi.mock('../../scripts/lib/fs/atomic.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/lib/fs/atomic.ts')>();
  return {
    ...real,
    fsyncDir: (dir: string) => {
      synced.push(dir);
      real.fsyncDir(dir);
    },
  };
});

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('pull-durable');
});
afterAll(() => base.cleanup());

it('every folder a pull made for a package is made durable in its parent before the relay is cleaned', async () => {
  // Workers share loaded modules between files (vitest.config.ts, isolate: false): the commands are
  // loaded afresh here, so that they import the fsyncDir above.
  vi.resetModules();
  const { pair, relayUser, run, walnutPackage } = await import('./in-process.ts');
  const alice = await relayUser(base.dir, 'alice');
  const bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  const push = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(push.code, push.stderr).toBe(0);
  commitToBare(bob.url, { 'inbox/zed/junk-20260101-000000-00000001.walnut': 'not a package' });

  synced.length = 0;
  const pull = await run(bob, ['pull', '--json']);
  expect(pull.json.error?.code, pull.stdout).toBe('unverified');
  const inbox = bob.paths.inbox;
  // The verified one in inbox/alice/, the other in inbox/zed/unverified/: each folder on the way.
  for (const dir of [join(inbox, 'alice'), inbox, bob.paths.dir, join(inbox, 'zed', 'unverified'), join(inbox, 'zed')]) {
    expect(synced).toContain(dir);
  }
}, 60_000);
