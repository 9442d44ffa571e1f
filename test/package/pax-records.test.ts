/**
 * pax headers are bounded and read by each record's length (pax.ts, tar-read.ts): a package's pax
 * header is small (a name of at most 4096 bytes and a time), so one over PAX_HEADER_LIMIT bytes or
 * PAX_RECORDS_LIMIT records is refused, and so is a second one before the same entry; a record is
 * the length its digits say, so a value may hold a line break and what follows it is no record.
 * 1,000 pax headers of 1 MiB of `6 a=b` lines before a package (1.5 MB compressed) took info 149 s
 * of CPU through node-tar's line-by-line decoder, and every one of them was read.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { PAX_HEADER_LIMIT, PAX_RECORDS_LIMIT, parsePax } from '../../scripts/lib/package/pax.ts';
import { type TarEntry, readTarStream } from '../../scripts/lib/package/tar-read.ts';
import { TAR_END, entriesFor, paxData, paxMember, rawMember, refManifest } from './tar-fixtures.ts';
import { rmrf, tempRoot } from './helpers.ts';

const FILES = { '_kernel/key.md': '---\ntype: venture\n---\n# Key\n', 'notes/n.md': 'a note\n' };
const LIMITS = { maxBytes: 1 << 30, maxEntries: 100, label: 'x.tar' };

/** A valid package as raw tar members (no end blocks). */
const packageTar = (): Buffer =>
  Buffer.concat([rawMember('manifest.yaml', refManifest({ files: entriesFor(FILES) })), ...Object.entries(FILES).map(([name, data]) => rawMember(name, data))]);

/** `6 a=b\n` records (the shortest there is) filling `bytes`. */
const shortRecords = (bytes: number): Buffer => Buffer.alloc(bytes, '6 a=b\n');

/** Reads `tar`, a chunk at a time, counting the chunks the reader pulled; the names it saw, or its refusal. */
async function read(tar: Buffer, chunk = 4096): Promise<{ names: string[]; err?: { code: string; message: string }; pulled: number }> {
  let pulled = 0;
  const pieces = function* () {
    for (let at = 0; at < tar.length; at += chunk) {
      pulled += 1;
      yield tar.subarray(at, at + chunk);
    }
  };
  const names: string[] = [];
  try {
    await readTarStream(Readable.from(pieces(), { objectMode: false }), 'none', LIMITS, async (e: TarEntry) => {
      names.push(e.path);
    });
    return { names, pulled };
  } catch (err) {
    return { names, err: err as { code: string; message: string }, pulled };
  }
}

describe('pax headers: bounded', () => {
  it(`one over ${PAX_HEADER_LIMIT} bytes is refused (too_large) before its data is read`, async () => {
    const tar = Buffer.concat([paxMember(shortRecords(PAX_HEADER_LIMIT + 6)), packageTar(), TAR_END]);
    const r = await read(tar);
    expect(r.err).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/x\.tar has a pax header of 65542 bytes, more than the 65536 a package's pax header holds/),
    });
    expect(r.names).toEqual([]);
    expect(r.pulled).toBeLessThanOrEqual(2);
  });

  it('one at the limit, of short records, is read (the records past the count limit are refused)', async () => {
    const ok = paxData([['path', 'notes/n.md'], ...Array.from({ length: PAX_RECORDS_LIMIT - 1 }, (): [string, string] => ['comment', 'x'])]);
    const tar = Buffer.concat([
      rawMember('manifest.yaml', refManifest({ files: entriesFor(FILES) })),
      paxMember(ok),
      rawMember('other.md', FILES['notes/n.md']),
      TAR_END,
    ]);
    expect(await read(tar)).toMatchObject({ names: ['manifest.yaml', 'notes/n.md'] });
    const over = paxData(Array.from({ length: PAX_RECORDS_LIMIT + 1 }, (): [string, string] => ['comment', 'x']));
    const r = await read(Buffer.concat([paxMember(over), packageTar(), TAR_END]));
    expect(r.err).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(new RegExp(`has a pax header of more than ${PAX_RECORDS_LIMIT} records`)),
    });
  });

  it('a run of pax headers before one entry (the CPU stall: 1,000 of them) is refused at the second', async () => {
    const one = paxMember(shortRecords(600));
    const tar = Buffer.concat([...Array.from({ length: 1000 }, () => one), packageTar(), TAR_END]);
    const r = await read(tar, 1024);
    expect(r.err).toMatchObject({ code: 'unsafe_entry', message: expect.stringMatching(/has two pax headers before one entry/) });
    expect(r.pulled).toBeLessThanOrEqual(4);
  });

  it('a pax global header is refused where it stands, before the entries after it are read', async () => {
    const g = paxMember(paxData([['comment', 'hello']]), 'g');
    const tar = Buffer.concat([...Array.from({ length: 1000 }, () => g), packageTar(), TAR_END]);
    const r = await read(tar, 1024);
    expect(r.err).toMatchObject({ code: 'unsafe_entry', message: expect.stringMatching(/x\.tar holds a pax global header, which packages never use/) });
    expect(r.pulled).toBeLessThanOrEqual(2);
    // Even as the last thing in the archive.
    expect((await read(Buffer.concat([packageTar(), g, TAR_END]))).err).toMatchObject({ code: 'unsafe_entry' });
  });

  it('a GNU long name over the limit is refused too', async () => {
    const r = await read(Buffer.concat([rawMember('././@LongLink', Buffer.alloc(PAX_HEADER_LIMIT + 1, 'a'), 'L'), packageTar(), TAR_END]));
    expect(r.err).toMatchObject({ code: 'too_large', message: expect.stringMatching(/GNU long name of 65537 bytes/) });
  });

  it('info (which reads any package, up to 1,000,000 entries) refuses the stalling package at once', async () => {
    const root = tempRoot('pax-records');
    try {
      const pkg = join(root, 'pax.walnut');
      const one = paxMember(shortRecords(1024 * 1024));
      writeFileSync(pkg, gzipSync(Buffer.concat([...Array.from({ length: 20 }, () => one), packageTar(), TAR_END]), { level: 1 }));
      await expect(readPackageHead(pkg)).rejects.toMatchObject({ code: 'too_large' });
    } finally {
      rmrf(root);
    }
  });
});

describe("info's bound on what comes before the manifest", () => {
  it('counts pax headers too: 1,100 of 60 KiB, each before an empty file, are refused before the manifest', async () => {
    const root = tempRoot('pax-records');
    try {
      const pkg = join(root, 'pax-before.walnut');
      const pax = paxMember(paxData([['comment', 'x'.repeat(60 * 1024)]]));
      const members = Array.from({ length: 1100 }, (_, i) => Buffer.concat([pax, rawMember(`e${String(i).padStart(4, '0')}`)]));
      writeFileSync(pkg, gzipSync(Buffer.concat([...members, packageTar(), TAR_END]), { level: 1 }));
      await expect(readPackageHead(pkg)).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/bytes of entries before its manifest/) });
    } finally {
      rmrf(root);
    }
  });
});

describe('pax records: parsed by their length', () => {
  it('takes path, linkpath, size and mtime; a value may hold a line break, and the last of a key wins', () => {
    const data = paxData([
      ['comment', 'harmless\n24 path=notes/CLAUDE.md'],
      ['path', 'a/b.md'],
      ['mtime', '1700000000.25'],
      ['size', '12'],
      ['linkpath', 'x'],
      ['SCHILY.xattr.user.a', 'b=c\n'],
      ['path', 'a/c.md'],
    ]);
    expect(parsePax(data)).toEqual({ path: 'a/c.md', mtime: new Date(1_700_000_000_250), size: 12, linkpath: 'x' });
  });

  it('ignores mode and type (GNU tar and tarfile do; node-tar applied them) and cuts a name at a NUL', () => {
    expect(
      parsePax(
        paxData([
          ['mode', '4095'],
          ['type', '5'],
          ['path', 'ok.txt\u0000../x'],
        ]),
      ),
    ).toEqual({ path: 'ok.txt' });
  });

  it.each([
    ['a record cut short', Buffer.from('30 path=a\n')],
    ['no length', Buffer.from('path=a\n')],
    ['a length of 0', Buffer.from('0 path=a\n')],
    ['a record not ending in a line break', Buffer.from('10 path=ab')],
    ['no key', Buffer.from('5 =a\n')],
    ['no =', Buffer.from('9 pathab\n')],
    ['trailing zeros', Buffer.concat([paxData([['path', 'a']]), Buffer.alloc(4)])],
    ['a size that is not digits', paxData([['size', '1e3']])],
    ['a negative size', paxData([['size', '-1']])],
    ['an mtime that is not a number', paxData([['mtime', 'nan']])],
    ['an empty path', paxData([['path', '']])],
    ['a name that is not UTF-8', Buffer.concat([Buffer.from('11 path=a'), Buffer.from([0xff]), Buffer.from('\n')])],
  ])('refuses %s', (_what, data) => {
    expect(() => parsePax(data)).toThrow();
  });
});
