/**
 * The end of the tar archive ends the package: the reader stops there. Zero padding to a record
 * (tar writers fill the last 10240-byte record, or a larger one with a higher blocking factor) is
 * read and dropped; any other byte after the end, or more zeros than any record holds, is a
 * bad_archive refusal — found without reading on (a reader that kept on would pull whatever
 * follows, gigabytes of it). Packages from every writer we know
 * (alive-p2p create, Python's tarfile as the reference uses it, GNU tar, node-tar) still read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { create as nodeTarCreate } from 'tar';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { readTarStream } from '../../scripts/lib/package/tar-read.ts';
import { TarWriter } from '../../scripts/lib/package/tar-writer.ts';
import { readPackageHeadSafe } from '../../scripts/lib/receive/package-io.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { entriesFor, makeWalnut, refManifest, rmrf, sandboxEnv, tempRoot, writeTree } from './helpers.ts';
import { GOOD, VECTOR_DIR } from './vectors/generate.ts';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;
const LIMITS = { maxBytes: 1 << 30, maxEntries: 100, label: 'x.tar' };

let root: string;
beforeAll(() => {
  root = tempRoot('trailing');
});
afterAll(() => rmrf(root));

let boxes = 0;
function box(): string {
  const d = join(root, `box-${++boxes}`);
  mkdirSync(d, { recursive: true });
  return d;
}

/** A tar of `files` by our writer: the entries, then (unless `end` is false) two zero blocks and padding to 10240 bytes. */
async function ourTar(files: Record<string, string | Buffer>, end = true): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const tar = new TarWriter(async (c) => {
    chunks.push(Buffer.from(c));
  });
  for (const [path, data] of Object.entries(files)) {
    const body = Buffer.from(data);
    await tar.addFile({ path, size: body.length, mode: 0o644, mtimeSec: 1_700_000_000 }, body);
  }
  if (end) await tar.finish();
  return Buffer.concat(chunks);
}

/** `head`, then `tail` bytes of `fill` in 64 KiB chunks, counting the bytes the reader pulls. */
function counted(head: Buffer, fill: string | number, tail: number): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    pulled += head.length;
    yield head;
    for (let left = tail; left > 0; left -= CHUNK) {
      const n = Math.min(CHUNK, left);
      pulled += n;
      yield Buffer.alloc(n, fill);
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), pulled: () => pulled };
}

/** The names readTarStream gives, the bodies drained. */
async function names(stream: Readable): Promise<string[]> {
  const seen: string[] = [];
  await readTarStream(stream, 'none', LIMITS, async (e) => {
    seen.push(e.path);
    e.body.resume();
  });
  return seen;
}

describe('data after the end of the tar archive', () => {
  it('is refused as bad_archive, and the reader pulls nothing much past the end', async () => {
    const tar = await ourTar(GOOD);
    const src = counted(tar, 'A', 8 * MiB);
    await expect(names(src.stream)).rejects.toMatchObject({
      code: 'bad_archive',
      message: expect.stringMatching(/x\.tar has data after the end of the tar archive; .*damaged or not made by alive/),
    });
    expect(src.pulled()).toBeLessThan(tar.length + MiB);
  });

  it('zeros past any record padding are refused too, without reading on', async () => {
    const tar = await ourTar(GOOD);
    const src = counted(tar, 0, 8 * MiB);
    await expect(names(src.stream)).rejects.toMatchObject({
      code: 'bad_archive',
      message: expect.stringMatching(/zero bytes after the end of the tar archive/),
    });
    expect(src.pulled()).toBeLessThan(tar.length + 2 * MiB);
  });

  it('zero padding to a record of 64 KiB (tar -b 128) is read and dropped', async () => {
    const tar = await ourTar(GOOD);
    await expect(names(counted(tar, 0, 64 * 1024 - tar.length).stream)).resolves.toEqual(Object.keys(GOOD));
  });

  it('data right after end blocks whose checksum fields hold spaces (still end blocks to the parser) is refused', async () => {
    const end = Buffer.alloc(1024);
    end.write(' '.repeat(8), 148, 'latin1');
    end.write(' '.repeat(8), 512 + 148, 'latin1');
    const src = counted(Buffer.concat([await ourTar(GOOD, false), end]), 'A', 4 * MiB);
    await expect(names(src.stream)).rejects.toMatchObject({ code: 'bad_archive', message: expect.stringMatching(/data after the end of the tar archive/) });
  });

  it('zeros inside the archive are content, not its end', async () => {
    const files = { 'a.bin': Buffer.concat([Buffer.alloc(3 * MiB), Buffer.from('data after the zeros')]), 'b.txt': 'after the zeros\n' };
    const seen: Record<string, number> = {};
    await readTarStream(Readable.from([await ourTar(files)]), 'none', LIMITS, async (e) => {
      let n = 0;
      for await (const c of e.body as AsyncIterable<Buffer>) n += c.length;
      seen[e.path] = n;
    });
    expect(seen).toEqual({ 'a.bin': 3 * MiB + 20, 'b.txt': 16 });
  });

  it('a tar stream that is itself compressed (gzip, or zstd magic) is refused, not inflated a second time', async () => {
    const tar = await ourTar(GOOD);
    const gz = gzipSync(tar);
    for (const chunks of [[gz], [gz.subarray(0, 1), gz.subarray(1)]]) {
      await expect(names(Readable.from(chunks))).rejects.toMatchObject({ code: 'bad_archive', message: expect.stringMatching(/compressed twice/) });
    }
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), tar]);
    await expect(names(Readable.from([zstd]))).rejects.toMatchObject({ code: 'bad_archive' });
  });
});

/** A 2.0 package with a clear manifest saying `encrypted: true` and a payload.enc of `payload` bytes, then `after`. */
async function encryptedManifestPackage(dir: string, payload: number, after = Buffer.alloc(0)): Promise<string> {
  const manifest = refManifest({ files: entriesFor(GOOD) }).replace('encrypted: false', 'encrypted: true');
  const tar = await ourTar({ 'manifest.yaml': manifest, 'payload.enc': Buffer.concat([Buffer.from('Salted__'), Buffer.alloc(payload - 8, 7)]) });
  const pkg = join(dir, 'enc.walnut');
  writeFileSync(pkg, gzipSync(Buffer.concat([tar, after])));
  return pkg;
}

describe("the head read (info, receive's first look)", () => {
  it('an encrypted clear manifest without payload.key reads on to the end: data after it is refused there too', async () => {
    const pkg = await encryptedManifestPackage(box(), 64 * 1024, Buffer.alloc(4 * MiB, 'A'));
    await expect(readPackageHead(pkg)).rejects.toMatchObject({ code: 'bad_archive' });
  });

  it("keeps to the caller's --max-size: a payload.enc past it is not read to its end", async () => {
    const pkg = await encryptedManifestPackage(box(), 2 * MiB);
    await expect(readPackageHead(pkg)).resolves.toMatchObject({ envelope: 'passphrase' });
    await expect(readPackageHead(pkg, MiB)).rejects.toMatchObject({ code: 'too_large' });
    await expect(readPackageHeadSafe(pkg, 4 * MiB)).resolves.toMatchObject({ manifest: { encrypted: true } });
    await expect(readPackageHeadSafe(pkg, MiB)).resolves.toBeUndefined();
  });
});

describe('packages from every writer are read, whatever padding follows their end', () => {
  /** A folder holding a package's files and its manifest (the reference layout). */
  function packageTree(): string {
    const dir = box();
    writeTree(dir, { 'manifest.yaml': refManifest({ files: entriesFor(GOOD) }), ...GOOD });
    return dir;
  }
  const MEMBERS = ['manifest.yaml', ...Object.keys(GOOD)];

  async function expectRead(pkg: string): Promise<void> {
    const read = await readPackage(pkg, hashOnlySink, { maxBytes: MiB });
    expect(read.files).toBe(2);
  }

  it("Python's tarfile, as the reference writes (padded to a 10240-byte record)", async () => {
    const pkg = join(VECTOR_DIR, 'good_plain.walnut');
    expect(gunzipSync(readFileSync(pkg)).length % 10240).toBe(0);
    await expectRead(pkg);
  });

  it.each([
    ['its default 10240-byte record', []],
    ['a 64 KiB record (-b 128)', ['-b', '128']],
  ])('GNU tar, with %s', async (_what, args) => {
    const dir = packageTree();
    const pkg = join(box(), 'gnu.walnut');
    const r = spawnSync('tar', ['-czf', pkg, ...args, '-C', dir, ...MEMBERS], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    await expectRead(pkg);
  });

  it('node-tar (two zero blocks, no record padding)', async () => {
    const dir = packageTree();
    const pkg = join(box(), 'node-tar.walnut');
    await nodeTarCreate({ gzip: true, file: pkg, cwd: dir, portable: true }, MEMBERS);
    expect(gunzipSync(readFileSync(pkg)).length % 10240).not.toBe(0);
    await expectRead(pkg);
  });

  describe('alive-p2p create', () => {
    beforeAll(() => setPbkdf2IterationsForTests(1000));
    afterAll(() => setPbkdf2IterationsForTests(undefined));

    it.each([
      ['2.0', []],
      ['2.1', []],
      ['2.0', ['--encrypt', 'passphrase']],
      ['2.1', ['--encrypt', 'passphrase']],
    ])('--format %s %j', async (format, extra) => {
      const sb = box();
      const walnut = makeWalnut(join(sb, 'demo'), { 'notes/n.md': 'a note\n' });
      const pkg = join(sb, 'out.walnut');
      const env = sandboxEnv(sb, { WALNUT_PASSPHRASE: 'correct horse' });
      const made = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--format', format, ...extra], env);
      expect(made.status, made.stderr).toBe(0);
      const verified = await aliveInProcess(['verify', pkg, '--json'], env);
      expect(verified.status, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    });
  });
});
