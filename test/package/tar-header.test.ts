/**
 * tar-header.ts reads the header blocks of plain files and folders itself and hands every other
 * block to node-tar's Header. Whatever block comes, the two must agree: same fields, or the same
 * error. Blocks here are written by node-tar's encoder, then have their fields changed the way a
 * hostile or odd writer would (bytes after a NUL, a line break after it, base-256 numbers, signs,
 * spaces, checksums laid out three ways, broken UTF-8, prefixes, magics), from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { Header } from 'tar/header';
import type { EntryTypeName } from 'tar/types';
import { TarWriter } from '../../scripts/lib/package/tar-writer.ts';
import { decodeHeader, nodeTarHeaderFields, plainHeaderFields, type HeaderFields } from '../../scripts/lib/package/tar-header.ts';

/** xorshift32: the same cases on every run. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

function encoded(fields: { path: string; type?: EntryTypeName; size?: number; mode?: number; mtime?: Date; atime?: Date }): Buffer {
  const h = new Header({
    path: fields.path,
    type: fields.type ?? 'File',
    size: fields.size ?? 0,
    mode: fields.mode ?? 0o644,
    mtime: fields.mtime ?? new Date(1_700_000_000_000),
    uid: 0,
    gid: 0,
    ...(fields.atime ? { atime: fields.atime, ctime: fields.atime } : {}),
  });
  h.encode();
  return h.block!;
}

type ChecksumLayout = 'gnu' | 'seven' | 'eight' | 'spaces';

/** Writes the block's checksum in one of the layouts tar writers use (or a wrong one). */
function setChecksum(b: Buffer, layout: ChecksumLayout, delta = 0): void {
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += b[i]!;
  sum += delta;
  const digits = sum.toString(8);
  if (layout === 'gnu') b.write(`${digits.padStart(6, '0')}\0 `, 148, 'latin1');
  else if (layout === 'seven') b.write(`${digits.padStart(7, '0')}\0`, 148, 'latin1');
  else if (layout === 'eight') b.write(digits.padStart(8, '0'), 148, 'latin1');
  else b.write(`  ${digits.padStart(5, '0')}\0`, 148, 'latin1');
}

const FIELDS = [
  [0, 100],
  [100, 8],
  [108, 8],
  [116, 8],
  [124, 12],
  [136, 12],
  [148, 8],
  [156, 1],
  [157, 100],
  [257, 8],
  [329, 8],
  [337, 8],
  [345, 130],
  [475, 1],
  [476, 12],
  [488, 12],
] as const;

const NAMES = ['notes.md', 'a/b/c.txt', 'dir/', 'é/ü.md', 'x'.repeat(99), 'd\u202eevil', '_kernel/key.md', '', 'a b', '..', './x'];

/** A field's new bytes: the odd contents a writer (or an attacker) can put there. */
function oddValue(r: ReturnType<typeof random>, len: number): Buffer {
  const v = Buffer.alloc(len);
  switch (r.int(13)) {
    case 0:
      return v; // all NUL
    case 1:
      v.write(`${r.int(8 ** Math.min(len - 1, 11)).toString(8)}\0`, 'latin1');
      return v;
    case 2:
      v.write(`  ${r.int(4096).toString(8)} `, 'latin1');
      return v;
    case 3:
      v.write(`${r.pick(['+', '-', '8', '9', 'x', '\t', '\n'])}${r.int(512).toString(8)}`, 'latin1');
      return v;
    case 4:
      v[0] = r.pick([0x80, 0xff, 0x81, 0xfe]);
      for (let i = 1; i < len; i++) v[i] = r.int(256);
      return v;
    case 5:
      v.write(`ab\0${r.pick(['c', '\nx', 'y\nz', '\0'])}`, 'latin1');
      return v;
    case 6:
      for (let i = 0; i < Math.min(len, 3); i++) v[i] = r.pick([0xe2, 0x82, 0xc3, 0xa9, 0xf0, 0x9f]);
      return v;
    case 7:
      v.write(r.pick(NAMES), 'utf8');
      return v;
    case 8:
      for (let i = 0; i < len; i++) v[i] = 0x30 + r.int(8); // digits to the end of the field
      return v;
    case 9:
      v.write(r.pick(['ustar\u000000', 'ustar  \u0000', 'ustar\u0000\u0000\u0000', 'USTAR\u000000']), 'latin1');
      return v;
    case 10:
      v[0] = r.pick([0x30, 0x35, 0x00, 0x31, 0x32, 0x78, 0x67, 0x4c, 0x37, 0x44]);
      return v;
    case 11:
      // A NUL first, then text: node-tar keeps what follows a line break after the NUL.
      v.write(`\0${r.pick(['\n', 'x', '\nlink', '\u2028y'])}`, Math.min(len - 1, r.int(3)), 'utf8');
      return v;
    default:
      for (let i = 0; i < len; i++) v[i] = r.int(256);
      return v;
  }
}

/** node-tar's block for each of the few hundred field sets mutated() starts from, encoded once. */
const bases = new Map<string, Buffer>();

function mutated(r: ReturnType<typeof random>): Buffer {
  const fields = {
    path: r.pick([...NAMES, `${'p/'.repeat(40)}deep.md`, `${'q'.repeat(120)}/file.md`]),
    type: r.pick(['File', 'File', 'File', 'Directory', 'SymbolicLink'] as const),
    size: r.pick([0, 1, 511, 512, 2 ** 33 + 5]),
    mode: r.pick([0o644, 0o755, 0o4777]),
    ...(r.next() < 0.3 ? { atime: new Date(1_600_000_000_000) } : {}),
  };
  const key = JSON.stringify(fields);
  let base = bases.get(key);
  if (!base) bases.set(key, (base = encoded(fields)));
  const b = Buffer.from(base);
  for (let n = r.int(4); n > 0; n--) {
    const [off, len] = r.pick(FIELDS);
    oddValue(r, len).copy(b, off);
  }
  const layout = r.pick(['gnu', 'seven', 'eight', 'spaces', 'keep'] as const);
  if (layout !== 'keep') setChecksum(b, layout, r.next() < 0.1 ? 1 : 0);
  return b;
}

/** Both decoders' answer: the fields, or the error message. */
function answers(block: Buffer): [HeaderFields | string, HeaderFields | string] {
  const run = (f: () => HeaderFields) => {
    try {
      return f();
    } catch (err) {
      return `throws: ${(err as Error).message}`;
    }
  };
  return [run(() => decodeHeader(block)), run(() => nodeTarHeaderFields(block))];
}

describe('tar header blocks', () => {
  it('reads the blocks tar writers make itself, to the values node-tar gives', () => {
    const blocks = [
      encoded({ path: 'notes.md', size: 1234, mode: 0o644 }),
      encoded({ path: 'bundles/a/', type: 'Directory', mode: 0o755 }),
      encoded({ path: `${'segment/'.repeat(12)}file.md` }), // name and prefix
      encoded({ path: 'café/naïve.md', size: 7 }),
    ];
    const gnu = Buffer.from(blocks[0]!);
    gnu.write('ustar  \u0000', 257, 'latin1'); // GNU tar's magic: no prefix
    setChecksum(gnu, 'gnu');
    const python = Buffer.from(blocks[0]!);
    setChecksum(python, 'gnu'); // Python's tarfile: six digits, NUL, space
    for (const block of [...blocks, gnu, python]) {
      const own = plainHeaderFields(block);
      expect(own).toBeDefined();
      expect(own).toEqual(nodeTarHeaderFields(block));
      expect(own!.cksumValid).toBe(true);
    }
    expect(plainHeaderFields(blocks[2]!)!.path).toBe(`${'segment/'.repeat(12)}file.md`);
    expect(plainHeaderFields(blocks[1]!)!.type).toBe('Directory');
  });

  it("reads every header of alive's own archives itself, but for the one after a pax record", async () => {
    const chunks: Buffer[] = [];
    const tar = new TarWriter(async (c) => {
      chunks.push(Buffer.from(c));
    });
    // ASCII names up to 100 bytes, one with a prefix; a name that is not ASCII gets a pax record.
    const files = ['manifest.yaml', '_kernel/key.md', `${'deep/'.repeat(20)}x.md`, 'bundles/é/notes.md'];
    for (const path of files) await tar.addFile({ path, size: 3, mode: 0o644, mtimeSec: 1_700_000_000 }, Buffer.from('abc'));
    await tar.finish();
    const archive = Buffer.concat(chunks);
    const ownReads: string[] = [];
    let afterPax = false;
    for (let at = 0; ; ) {
      const block = archive.subarray(at, at + 512);
      const theirs = nodeTarHeaderFields(block);
      if (theirs.nullBlock) break;
      const own = plainHeaderFields(block);
      if (theirs.type === 'ExtendedHeader') expect(own).toBeUndefined();
      else if (!afterPax) {
        expect(own, `block at ${at}`).toEqual(theirs);
        ownReads.push(own!.path!);
      }
      afterPax = theirs.type === 'ExtendedHeader';
      at += 512 + Math.ceil(theirs.size! / 512) * 512;
    }
    expect(ownReads).toEqual(files.slice(0, 3));
  });

  it('agrees with node-tar on 40,000 changed blocks, and reads a share of them itself', () => {
    const r = random(16);
    let own = 0;
    for (let i = 0; i < 40_000; i++) {
      const block = mutated(r);
      const [ours, theirs] = answers(block);
      if (
        JSON.stringify(ours) !== JSON.stringify(theirs) ||
        (typeof ours === 'object' && typeof theirs === 'object' && !Object.is(ours.mtimeSec, theirs.mtimeSec))
      ) {
        expect({ case: i, block: block.toString('base64'), ours }).toEqual({ case: i, block: block.toString('base64'), ours: theirs });
      }
      if (plainHeaderFields(block)) own += 1;
    }
    // Both paths are exercised: the cases where this module reads the block are compared too.
    expect(own).toBeGreaterThan(8_000);
    expect(own).toBeLessThan(36_000);
  });

  it('hands a block with a pending pax record or long name to node-tar, which applies it', () => {
    const block = encoded({ path: 'short.md', size: 3 });
    expect(decodeHeader(block, { path: 'the/long/name.md', size: 9 } as never)).toEqual(
      nodeTarHeaderFields(block, { path: 'the/long/name.md', size: 9 } as never),
    );
    expect(decodeHeader(block, { path: 'the/long/name.md' } as never).path).toBe('the/long/name.md');
  });

  it("reads a name ending in '/' as node-tar does: a folder, judged before the prefix is put in front", () => {
    const slash = encoded({ path: 'old-style-dir/' });
    expect(decodeHeader(slash)).toMatchObject({ type: 'Directory', size: 0 });
    const emptyName = encoded({ path: `${'p'.repeat(120)}/x.md` });
    emptyName.fill(0, 0, 100); // an empty name under a prefix
    setChecksum(emptyName, 'gnu');
    expect(decodeHeader(emptyName)).toEqual(nodeTarHeaderFields(emptyName));
    expect(decodeHeader(emptyName).type).toBe('File');
  });
});
