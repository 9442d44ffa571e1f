/**
 * `info` reads as far as the manifest. A package whose first entry claims 16 GiB of zeros (a 16 MB
 * file) made it inflate all of that before the manifest: 11 s, and up to its 64 GiB cap. Packages
 * are written manifest first; entries before it may hold at most HEAD_BEFORE_MANIFEST_BYTES.
 * After an encrypted 2.0 manifest, info reads on for payload.key only as far as the package could hold.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { HEAD_AFTER_MANIFEST_SLACK, HEAD_BEFORE_MANIFEST_BYTES, readPackageHead } from '../../scripts/lib/package/info.ts';
import { rmrf, tempRoot } from './helpers.ts';
import { v2Manifest } from '../receive/helpers.ts';
import { randomBytes } from 'node:crypto';

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

/** A gzip'd tar of `members` (name, declared size, bytes written: fewer than declared = a truncated file). */
function tarGz(members: Array<{ path: string; size: number; bytes: Buffer }>): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const block = Buffer.alloc(512);
    new Header({ path: m.path, size: m.size, mode: 0o644, type: 'File', mtime: new Date(0) }).encode(block, 0);
    parts.push(block, m.bytes);
    if (m.bytes.length === m.size) parts.push(Buffer.alloc((512 - (m.size % 512)) % 512));
  }
  return gzipSync(Buffer.concat(parts));
}

const encryptedManifest = Buffer.from(v2Manifest('w', 'full', { 'a.md': 'a\n' }).replace(/^encrypted: false$/m, 'encrypted: true'));

it('decides an encrypted 2.0 package at the header of a payload.enc larger than the package could hold, without inflating it', async () => {
  // payload.enc claims 4 GiB (a 4 MB file of zeros inflated that far); this file holds 1 MiB of it:
  // a reader that went on into its body would meet the truncation (or, whole, inflate 4 GiB).
  const pkg = join(root, 'zeros.walnut');
  writeFileSync(
    pkg,
    tarGz([
      { path: 'manifest.yaml', size: encryptedManifest.length, bytes: encryptedManifest },
      { path: 'payload.enc', size: 4 * 1024 ** 3, bytes: Buffer.alloc(1024 * 1024) },
    ]),
  );
  const head = await readPackageHead(pkg);
  expect(head.envelope).toBe('passphrase');
  expect(head.manifest?.encrypted).toBe(true);
  expect(head.entries).toEqual(['manifest.yaml', 'payload.enc']);
  // What info may read after the manifest: the package's own size and this.
  expect(HEAD_AFTER_MANIFEST_SLACK).toBeLessThanOrEqual(16 * 1024 * 1024);
});

it("still reads through an honest payload.enc to a payload.key after it (the reference's sorted order)", async () => {
  const pkg = join(root, 'rsa-sorted.walnut');
  const cipher = randomBytes(200 * 1024);
  const key = randomBytes(512);
  writeFileSync(
    pkg,
    tarGz([
      { path: 'manifest.yaml', size: encryptedManifest.length, bytes: encryptedManifest },
      { path: 'payload.enc', size: cipher.length, bytes: cipher },
      { path: 'payload.key', size: key.length, bytes: key },
    ]),
  );
  const head = await readPackageHead(pkg);
  expect(head.envelope).toBe('rsa');
});

it('counts the headers after an encrypted 2.0 manifest too: empty entries with long pax names stop at the bound, not at a million names kept', async () => {
  // Each entry is a pax header holding a ~3,000-byte path and an empty file: no size to count, so
  // info read on to its million-entry limit, keeping every name (100,000 of them, a 2.8 MB
  // package, took 415 MB; a million would pass the heap).
  const dir = `${'d'.repeat(200)}/`.repeat(15);
  const parts: Buffer[] = [];
  const header = (path: string, size: number, type: 'File' | 'ExtendedHeader') => {
    const block = Buffer.alloc(512);
    new Header({ path, size, mode: 0o644, type, mtime: new Date(0) }).encode(block, 0);
    return block;
  };
  const record = (key: string, value: string) => {
    const rest = Buffer.byteLength(` ${key}=${value}\n`);
    let n = rest + 1;
    while (String(n).length + rest !== n) n += 1;
    return Buffer.from(`${n} ${key}=${value}\n`);
  };
  parts.push(header('manifest.yaml', encryptedManifest.length, 'File'), encryptedManifest, Buffer.alloc((512 - (encryptedManifest.length % 512)) % 512));
  for (let i = 0; i < 5000; i++) {
    const pax = record('path', `${dir}f${String(i).padStart(6, '0')}`);
    parts.push(header('PaxHeader', pax.length, 'ExtendedHeader'), pax, Buffer.alloc((512 - (pax.length % 512)) % 512), header(`x${i}`, 0, 'File'));
  }
  parts.push(Buffer.alloc(1024));
  const pkg = join(root, 'long-names.walnut');
  writeFileSync(pkg, gzipSync(Buffer.concat(parts)));
  const head = await readPackageHead(pkg);
  expect(head.envelope).toBe('passphrase');
  // Some hundreds of entries fit in the package's own size and the slack; not all 5,000.
  expect(head.entries.length).toBeLessThan(1000);
});
