/**
 * `info` reads as far as the manifest. A package whose first entry claims 16 GiB of zeros (a 16 MB
 * file) made it inflate all of that before the manifest: 11 s, and up to its 64 GiB cap. Packages
 * are written manifest first; entries before it may hold at most HEAD_BEFORE_MANIFEST_BYTES.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { HEAD_BEFORE_MANIFEST_BYTES, readPackageHead } from '../../scripts/lib/package/info.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('info-late-manifest');
});
afterAll(() => rmrf(root));

it('refuses, at its header, an entry before the manifest that would take the bytes before it past the bound', async () => {
  const block = Buffer.alloc(512);
  new Header({ path: 'aaa.bin', size: 16 * 1024 ** 3, mode: 0o644, type: 'File', mtime: new Date(0) }).encode(block, 0);
  // The header and 1 MiB of its zeros: the reader would have gone on inflating to the end.
  const pkg = join(root, 'late.walnut');
  writeFileSync(pkg, gzipSync(Buffer.concat([block, Buffer.alloc(1024 * 1024)])));
  await expect(readPackageHead(pkg)).rejects.toMatchObject({
    code: 'too_large',
    message: expect.stringMatching(/before its manifest/),
  });
  expect(HEAD_BEFORE_MANIFEST_BYTES).toBeLessThanOrEqual(256 * 1024 * 1024);
});
