/**
 * Keys deeper in a large file than collect reads (package/private-key.ts: a file over 64 KiB is
 * looked at in its first 4 KiB there): planPackage searches every packed byte of such a file while
 * it hashes it, and leaves out one holding a key before the manifest is written, named as a
 * smaller one is.
 */
import { generateKeyPairSync } from 'node:crypto';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPackage } from '../../scripts/lib/package/create.ts';
import { SCAN_CHUNK_BYTES } from '../../scripts/lib/package/private-key.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('key-deep');
});
afterAll(() => rmrf(root));

const MiB = 1024 * 1024;
const pemKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const line = 'A line of notes, logs or anything else a walnut keeps in a large text file.\n';

/** `size` bytes of `filler` repeated, with `middle` written at byte `at`. */
function bytesWith(size: number, at: number, middle: Buffer, filler: Buffer): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += filler.length) filler.copy(out, i);
  middle.copy(out, at);
  return out;
}
/** Binary bytes: NULs and others, as an image or a database holds. */
const BINARY = Buffer.from([0, 0, 0, 0x17, 0x80, 0xff, 0, 0x42, 0x13, 0, 0xa9, 0]);

/** planPackage of a walnut holding `files`: what it packs, and what it left out holding a private key. */
async function plan(name: string, files: Record<string, Buffer>, allowPrivateKeys = false) {
  const walnut = makeWalnut(join(root, name), files);
  const p = await planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, allowPrivateKeys });
  return {
    packed: [...p.collected.files].map((f) => f.path),
    // What the manifest lists, each with its digest: the files hashed that stay.
    hashed: [...p.files].map((f) => f.path),
    leftOut: p.collected.skipped.filter((s) => /holds a private key/.test(s.reason)).map((s) => s.path),
    skipped: p.collected.skipped,
    privateKeys: p.collected.privateKeys,
  };
}

describe('a key past what collect reads of a large file', () => {
  const deep: Record<string, Buffer> = {
    // A PEM block 5 MiB into a 6 MiB binary file, NULs around it.
    'media/blob.bin': bytesWith(6 * MiB, 5 * MiB, Buffer.from(`\n${pemKey}\n`), BINARY),
    // A UTF-16LE text file (with its byte-order mark) of 200 KiB, the key 100 KiB in.
    'notes/utf16.txt': Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      bytesWith(200 * 1024, 100 * 1024, Buffer.from(`\n${pemKey}\n`, 'utf16le'), Buffer.from(line, 'utf16le')),
    ]),
    // Big-endian without a byte-order mark, and little-endian after a stray byte (the other parity).
    'notes/utf16be.txt': Buffer.from(bytesWith(300 * 1024, 150 * 1024, Buffer.from(`\n${pemKey}\n`, 'utf16le'), Buffer.from(line, 'utf16le'))).swap16(),
    'notes/utf16-odd.txt': Buffer.concat([
      Buffer.from([0x07]),
      bytesWith(300 * 1024, 200 * 1024, Buffer.from(`\n${pemKey}\n`, 'utf16le'), Buffer.from(line, 'utf16le')),
    ]),
    // A PEM block 17 MiB into a 20 MiB text file.
    'logs/huge.log': bytesWith(20 * MiB, 17 * MiB, Buffer.from(`\n${pemKey}\n`), Buffer.from(line)),
  };

  it('a PEM key 5 MiB into a binary file, 100 KiB into a UTF-16 one, 17 MiB into a text one: each left out and named', async () => {
    const r = await plan('deep', { ...deep, 'notes/plain.md': Buffer.from(line.repeat(3000)) });
    expect(r.leftOut.sort()).toEqual(Object.keys(deep).sort());
    for (const p of Object.keys(deep)) {
      expect(r.packed).not.toContain(p);
      expect(r.hashed).not.toContain(p);
    }
    expect(r.packed).toContain('notes/plain.md');
    expect(r.skipped.find((s) => s.path === 'notes/utf16.txt')?.reason).toMatch(/UTF-16\); pass --allow-private-keys/);
  });

  it('--allow-private-keys packs them, each named as a key', async () => {
    const r = await plan('deep-allowed', deep, true);
    for (const p of Object.keys(deep)) expect(r.packed).toContain(p);
    expect(r.privateKeys.sort()).toEqual(Object.keys(deep).sort());
  });

  it('a link to such a file is left out with it, saying why', async () => {
    const walnut = makeWalnut(join(root, 'linked'), { 'media/blob.bin': deep['media/blob.bin']! });
    symlinkSync('blob.bin', join(walnut, 'media', 'alias.bin'));
    const p = await planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    expect([...p.files].map((f) => f.path)).toEqual(['_kernel/key.md']);
    expect(p.collected.skipped.find((s) => s.path === 'media/alias.bin')?.reason).toMatch(
      /^symlink to media\/blob\.bin, which is left out \(holds a private key/,
    );
  });

  it('a key whose block sits across a boundary of the chunks the scan reads, in a binary file, is left out', async () => {
    const files: Record<string, Buffer> = {};
    const block = Buffer.from(`\n${pemKey}\n`);
    for (const d of [-block.length + 20, -40, -10, 0, 10])
      files[`media/across${d}.bin`] = bytesWith(4 * SCAN_CHUNK_BYTES, 3 * SCAN_CHUNK_BYTES + d, block, BINARY);
    const r = await plan('across', files);
    expect(r.leftOut.sort()).toEqual(Object.keys(files).sort());
  });

  it('a _kernel/key.md holding a key past its first 4 KiB stops create, as one holding it earlier does', async () => {
    const walnut = makeWalnut(join(root, 'key-md'), { '_kernel/key.md': bytesWith(100 * 1024, 80 * 1024, Buffer.from(`\n${pemKey}\n`), Buffer.from(line)) });
    await expect(planPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false })).rejects.toMatchObject({
      code: 'no_walnut',
      message: expect.stringMatching(/_kernel\/key\.md of .* cannot be packed \(holds a private key/),
    });
  });

  it('large binary and text files without a key, or only mentioning one, are packed', async () => {
    const files = {
      'media/plain.bin': bytesWith(3 * MiB, 0, Buffer.alloc(0), BINARY),
      'media/mention.bin': bytesWith(3 * MiB, 2 * MiB, Buffer.from('\nsee -----BEGIN PRIVATE KEY----- blocks\n'), BINARY),
      'notes/mention.txt': bytesWith(20 * MiB, 17 * MiB, Buffer.from('The marker -----BEGIN PRIVATE KEY----- starts a key.\n'), Buffer.from(line)),
    };
    const r = await plan('clean', files);
    for (const p of Object.keys(files)) expect(r.packed).toContain(p);
    expect(r.leftOut).toEqual([]);
  });
});
