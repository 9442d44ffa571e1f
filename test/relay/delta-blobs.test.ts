/**
 * A Git server stores near-identical blobs as deltas once it repacks (every hosted server's gc
 * does). Asked for one blob by a blob-less clone, it sent it as a delta against another blob the
 * clone was assumed to have (the commits the clone named hold it) but never fetched: the fetch
 * failed ("did not send all necessary objects") and the package stayed on the relay, every pull.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitToBare, git, gitUser, tempDir } from './helpers.ts';
import { isolateProcessGit } from './git-env.ts';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  t = tempDir('delta-blobs');
});
afterAll(() => t.cleanup());

it('a package the server keeps as a delta of another is downloaded whole', async () => {
  const bob = gitUser(t.dir, 'bob');
  await bob.transport.setup(bob.keys.publicKeyPem);
  const base = randomBytes(256 * 1024);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 3; i++) {
    const b = Buffer.from(base);
    b[0] = i;
    files[`inbox/mallory/j${i}-20260101-000000-0000000${i}.walnut`] = b;
  }
  commitToBare(bob.url, files);
  git(['repack', '-a', '-d', '-f', '--window=10', '--depth=10'], bob.url);
  const { entries } = await bob.transport.listInbox();
  expect(entries).toHaveLength(3);
  for (const entry of entries) {
    const dest = join(t.dir, `got-${entry.name}`);
    await bob.transport.download(entry, dest);
    expect(readFileSync(dest).equals(files[entry.path]!)).toBe(true);
  }
});
