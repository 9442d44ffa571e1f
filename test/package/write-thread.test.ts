/**
 * The extraction writer thread (issue 16): files created, written and hashed off the main thread,
 * bytes packed into a fixed pool of slabs (for a small package, the same code on the main thread). Every byte lands in the right file with the right
 * digest, mode and mtime; a name that exists already is duplicate_entry; a folder that cannot be
 * written is unwritable; close() waits for every write and never hangs.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLAB, threadedSink } from '../../scripts/lib/package/write-thread.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { buildTar, refManifest } from './tar-fixtures.ts';
import type { FileDigest, FileSink } from '../../scripts/lib/package/sinks.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('writer');
});
afterAll(() => rmrf(root));

/** `size` bytes that look random, the same for the same seed: an AES-CTR keystream (a byte-at-a-time generator took a second for the 15 MB here). */
function bytesOf(size: number, seed: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32LE(seed >>> 0);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

/** The bytes in uneven chunks, as a tar parser hands them over. */
function body(buf: Buffer, chunk = 70_001): Readable {
  const parts: Buffer[] = [];
  for (let off = 0; off < buf.length; off += chunk) parts.push(buf.subarray(off, off + chunk));
  return Readable.from(parts);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// The same writer code runs on a thread for large packages and on the main thread for small ones.
describe.each([
  // Never a second writer here, however slow the machine's file creation is (a loaded CI runner).
  ['thread', Number.POSITIVE_INFINITY, { slowCreateMs: Number.POSITIVE_INFINITY }],
  ['inline', 0, {}],
  // Every creation counts as slow: the second writer starts after the first writer's first files.
  ['two writers', Number.POSITIVE_INFINITY, { slowCreateMs: -1 }],
])('threadedSink (%s)', (tag, packageBytes, tuning) => {
  it('writes files of every size around the slab size, many small ones together, with digests, modes and mtimes', async () => {
    const dir = join(root, tag, 'sizes');
    mkdirSync(dir, { recursive: true });
    const sink = threadedSink(dir, packageBytes, tuning);
    const sizes = [0, 1, 100, SLAB - 1, SLAB, SLAB + 1, 3 * SLAB + 5, ...Array.from({ length: 300 }, (_, i) => (i * 977) % 5000)];
    const files = sizes.map((size, i) => ({ path: `d${i % 7}/sub${i % 3}/f${i}.bin`, data: bytesOf(size, i + 1), exec: i % 5 === 0 }));
    const digests: Array<Promise<FileDigest>> = [];
    for (const f of files) {
      const { digest } = await sink.startFile(f.path, f.exec ? 0o4777 : 0o600, 1_600_000_000 + digests.length, body(f.data), f.data.length);
      digests.push(digest);
    }
    const got = await Promise.all(digests);
    expect(sink.writers()).toBe(tag === 'two writers' ? 2 : 1);
    await sink.close();
    files.forEach((f, i) => {
      expect(got[i]).toEqual({ sha256: sha(f.data), size: f.data.length });
      const p = join(dir, f.path);
      expect(readFileSync(p).equals(f.data), f.path).toBe(true);
      const st = statSync(p);
      expect(st.mode & 0o7777).toBe(f.exec ? 0o755 : 0o644);
      expect(Math.floor(st.mtimeMs / 1000)).toBe(1_600_000_000 + i);
    });
  });

  it('makes every folder on the way, whichever writer gets a file of a parent or a child folder first', async () => {
    const dir = join(root, tag, 'nested');
    mkdirSync(dir, { recursive: true });
    const sink = threadedSink(dir, packageBytes, tuning);
    // Enough files first for a second writer to start where the tuning says every creation is slow.
    const warm = [];
    for (let i = 0; i < 80; i++) warm.push((await sink.startFile(`warm/w${i}.md`, 0o644, 0, body(Buffer.from(`${i}`)), `${i}`.length)).digest);
    await Promise.all(warm);
    expect(sink.writers()).toBe(tag === 'two writers' ? 2 : 1);
    const paths = ['p/q/r/s/deep.md', 'p/top.md', 'p/q/mid.md', 'p/q/r/s/t/deeper.md', 'x/y.md', 'p/q/r/low.md', 'top.md'];
    const digests = [];
    for (const [i, p] of paths.entries()) digests.push((await sink.startFile(p, 0o644, 0, body(bytesOf(10 + i, i + 1)), 10 + i)).digest);
    await Promise.all(digests);
    await sink.close();
    for (const [i, p] of paths.entries()) expect(readFileSync(join(dir, p)).equals(bytesOf(10 + i, i + 1)), p).toBe(true);
  });

  it('hashes without writing when it has no folder', async () => {
    const sink = threadedSink(null, packageBytes, tuning);
    const data = bytesOf(2 * SLAB + 17, 9);
    const digest = await sink.writeFile('a/b.bin', 0o644, 0, body(data), data.length);
    await sink.close();
    expect(digest).toEqual({ sha256: sha(data), size: data.length });
  });

  it('a name that exists already is duplicate_entry, and the file is left as it was', async () => {
    const dir = join(root, tag, 'dup');
    mkdirSync(dir, { recursive: true });
    const sink = threadedSink(dir, packageBytes, tuning);
    const first = await sink.writeFile('x.md', 0o644, 0, body(Buffer.from('first')), 5);
    expect(first.size).toBe(5);
    await expect(sink.writeFile('x.md', 0o644, 0, body(Buffer.from('second!')), 7)).rejects.toMatchObject({ code: 'duplicate_entry' });
    await sink.close();
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('first');
  });

  it('a folder that is gone is unwritable, for every file after it, and close() still returns', async () => {
    const dir = join(root, tag, 'gone');
    mkdirSync(dir, { recursive: true });
    const sink = threadedSink(dir, packageBytes, tuning);
    await sink.writeFile('a.md', 0o644, 0, body(Buffer.from('a')), 1);
    rmSync(dir, { recursive: true });
    const later = [];
    for (let i = 0; i < 20; i++) later.push((await sink.startFile(`f${i}.md`, 0o644, 0, body(bytesOf(SLAB / 2, i)), SLAB / 2)).digest);
    const settled = await Promise.allSettled(later);
    await sink.close();
    for (const s of settled) expect(s).toMatchObject({ status: 'rejected', reason: { code: 'unwritable' } });
  });

  it('a body that fails half way rejects that file, and close() waits for the rest', async () => {
    const dir = join(root, tag, 'broken-body');
    mkdirSync(dir, { recursive: true });
    const sink = threadedSink(dir, packageBytes, tuning);
    const ok = (await sink.startFile('ok.bin', 0o644, 0, body(bytesOf(SLAB * 2, 3)), SLAB * 2)).digest;
    async function* failing(): AsyncGenerator<Buffer> {
      yield bytesOf(SLAB + 10, 4);
      throw new Error('source went away');
    }
    await expect(sink.startFile('bad.bin', 0o644, 0, Readable.from(failing()), SLAB * 3)).rejects.toThrow('source went away');
    await expect(ok).resolves.toMatchObject({ size: SLAB * 2 });
    await sink.close();
    expect(readdirSync(dir).sort()).toEqual(['bad.bin', 'ok.bin']);
  });
});

describe('reading a package whose writers report out of order', () => {
  it('names the first bad file in archive order, whichever digest comes back first', async () => {
    // A sink like two writers: the second file's digest comes back before the first one's.
    const files = { 'a/big.md': Buffer.from('big\n'), 'b/small.md': Buffer.from('small\n') };
    const dir = join(root, 'order');
    mkdirSync(dir, { recursive: true });
    const manifest = refManifest({ files: Object.entries(files).map(([path, data]) => ({ path, sha256: '0'.repeat(64), size: data.length })) });
    const pkg = buildTar({
      out: join(dir, 'two-bad.walnut'),
      members: [{ name: 'manifest.yaml', data: manifest }, ...Object.entries(files).map(([name, data]) => ({ name, data }))],
    });
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    let started = 0;
    const sink: FileSink = {
      writeFile: () => Promise.reject(new Error('not used')),
      async startFile(_path, _mode, _mtime, body) {
        const chunks: Buffer[] = [];
        for await (const c of body as AsyncIterable<Buffer>) chunks.push(c);
        const data = Buffer.concat(chunks);
        const digest = { sha256: sha(data), size: data.length };
        const index = started++;
        if (index === 0) return { digest: firstHeld.then(() => digest) };
        setTimeout(releaseFirst, 50); // the later file has failed by then
        return { digest: Promise.resolve(digest) };
      },
    };
    await expect(readPackage(pkg, sink, { maxBytes: DEFAULT_MAX_SIZE })).rejects.toMatchObject({
      code: 'checksum_mismatch',
      message: expect.stringContaining("'a/big.md'"),
    });
  });
});
