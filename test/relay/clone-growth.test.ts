/**
 * A git relay's clone is blob-less, but every package pull fetched stayed in it, whole, for good:
 * each package was on the disk twice, and junk a peer pushed and the user deleted from
 * unverified/ was still there. A download drops the pack its fetch wrote once the package is out
 * (and keeps it when pull's byte cap refused it, for the next pull).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commitToBare, gitUser, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';
import { overPullLimit } from '../../scripts/lib/relay/pull-limits.ts';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  t = tempDir('clone-growth');
});
afterAll(() => t.cleanup());

function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return n;
}

it('downloaded packages do not stay in the clone; one refused by the byte cap does', async () => {
  const bob = gitUser(t.dir, 'bob');
  await bob.transport.setup(bob.keys.publicKeyPem);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 3; i++) files[`inbox/mallory/j${i}-20260101-000000-0000000${i}.walnut`] = randomBytes(256 * 1024);
  commitToBare(bob.url, files);
  const { entries } = await bob.transport.listInbox();
  const objects = join(bob.paths.clone, 'objects');
  const before = bytesUnder(objects);
  for (const entry of entries.slice(0, 2)) {
    const dest = join(t.dir, `got-${entry.name}`);
    await bob.transport.download(entry, dest);
    expect(readFileSync(dest).equals(files[entry.path]!)).toBe(true);
  }
  expect(bytesUnder(objects) - before).toBeLessThan(64 * 1024);

  const last = entries[2]!;
  await expect(
    bob.transport.download(last, join(t.dir, 'refused'), undefined, undefined, () => {
      throw overPullLimit();
    }),
  ).rejects.toMatchObject({ code: 'pull_limit' });
  expect(bytesUnder(objects) - before).toBeGreaterThan(256 * 1024);
  // Still listed, still there: the next pull takes it without fetching again.
  const dest = join(t.dir, 'got-last');
  await bob.transport.download(last, dest);
  expect(readFileSync(dest).equals(files[last.path]!)).toBe(true);
  expect(bytesUnder(objects) - before).toBeLessThan(64 * 1024);
});
