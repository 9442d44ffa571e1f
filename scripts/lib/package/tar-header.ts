/**
 * A tar header block's fields, as node-tar's `Header` decodes them, for the fields the reader
 * uses. node-tar's decoder turns every field into a string first (names, modes, owners, three
 * dates), about 20 µs a block until V8 has optimized it: 45 ms of an extract of 2,013 files, on the
 * thread every other step waits for (issue 16). The blocks nearly every package holds (a plain
 * file or folder, no pax record before it, fields as tar writers lay them out) are read here
 * byte by byte, to the same values; any other block goes to node-tar's `Header` as before, so an
 * odd block is never read two ways. test/package/tar-header.test.ts compares the two on random
 * and mutated blocks.
 */
import { isUtf8 } from 'node:buffer';
import { Header, type HeaderData } from 'tar/header';

/** What the reader takes from a header block. */
export interface HeaderFields {
  /** An all-zero block (the end of the archive, when two follow each other). */
  nullBlock: boolean;
  cksumValid: boolean;
  path: string | undefined;
  /** node-tar's name of the type: 'File', 'Directory', 'SymbolicLink', 'ExtendedHeader' … or 'Unsupported'. */
  type: string;
  linkpath: string | undefined;
  size: number | undefined;
  mode: number | undefined;
  /** Seconds since the epoch, as node-tar's Date gives them (0 when the field holds no date). */
  mtimeSec: number;
}

const SPACE = 0x20;
const DIGIT_0 = 0x30;
const DIGIT_7 = 0x37;
const TYPE_FILE = 0x30; // '0'
const TYPE_DIR = 0x35; // '5'
const SLASH = 0x2f;
/** 'ustar\0' '00': the POSIX magic and version, after which node-tar reads the name's prefix. */
const USTAR = Buffer.from('ustar\u000000', 'latin1');
/** A field's value when it is not one this decoder reads the way node-tar does (the block goes to node-tar). */
const OTHER = -1;
const ZEROS = Buffer.alloc(512);
/** The block's bytes copied to a 4-byte-aligned place, to be summed a word at a time. */
const WORDS = new Uint32Array(128);
const ALIGNED = Buffer.from(WORDS.buffer);

/** True when bytes [start, end) of `b` are all zero (a native compare, not a loop byte by byte). */
const zeros = (b: Buffer, start: number, end: number) => b.compare(ZEROS, 0, end - start, start, end) === 0;

/**
 * The header checksum's sum: every byte of the block, the checksum field's 8 counted as spaces.
 * Four bytes at a time, in two sums of alternate bytes (16-bit lanes hold 128 bytes of 255).
 */
function checksumSum(b: Buffer): number {
  b.copy(ALIGNED, 0, 0, 512);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < 128; i++) {
    const w = WORDS[i]!;
    even += w & 0x00ff00ff;
    odd += (w >>> 8) & 0x00ff00ff;
  }
  let field = 0;
  for (let i = 148; i < 156; i++) field += b[i]!;
  return (even & 0xffff) + (even >>> 16) + (odd & 0xffff) + (odd >>> 16) - field + 8 * SPACE;
}

/**
 * The number in an octal field of `len` bytes at `off`: node-tar parses the field's text after
 * its leading white space up to the first character that is not an octal digit. Here: spaces,
 * then at least one digit; anything else (a base-256 number, a sign, no digits) is OTHER.
 */
function octal(b: Buffer, off: number, len: number): number {
  const end = off + len;
  let i = off;
  while (i < end && b[i] === SPACE) i++;
  let value = 0;
  const first = i;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c < DIGIT_0 || c > DIGIT_7) break;
    value = value * 8 + (c - DIGIT_0);
  }
  return i === first ? OTHER : value;
}

/**
 * The text of a string field: node-tar decodes the whole field as UTF-8 and drops what follows the
 * first NUL, up to a line break. When only NULs follow the first one, that is the UTF-8 text before
 * it; otherwise undefined (node-tar decodes the block).
 */
function text(b: Buffer, off: number, len: number): string | undefined {
  const end = off + len;
  const nul = b.indexOf(0, off);
  if (nul < 0 || nul >= end) return b.toString('utf8', off, end);
  return zeros(b, nul, end) ? b.toString('utf8', off, nul) : undefined;
}

/**
 * The size a header's field gives, whatever its type (node-tar reads a folder's as 0): the octal
 * number, or undefined when the field holds something else (a base-256 number, a sign, no digits).
 */
export function declaredSize(b: Buffer): number | undefined {
  if (zeros(b, 124, 136)) return 0;
  const size = octal(b, 124, 12);
  return size === OTHER ? undefined : size;
}

/** The number fields of a header Python's tarfile reads (its nti), by name: offset and length. */
const NUMBER_FIELDS: ReadonlyArray<readonly [string, number, number]> = [
  ['mode', 100, 8],
  ['uid', 108, 8],
  ['gid', 116, 8],
  ['size', 124, 12],
  ['mtime', 136, 12],
  ['devmajor', 329, 8],
  ['devminor', 337, 8],
];

/**
 * The first number field of the block that holds no number, if any: one that is not base-256 nor
 * octal digits between spaces up to a NUL (or its end). Python's tarfile takes a header with one
 * for the end of the archive, not seeing the entries after it, and GNU tar refuses the value,
 * where node-tar reads no number and goes on.
 */
export function unreadableNumberField(b: Buffer): string | undefined {
  for (const [name, off, len] of NUMBER_FIELDS) {
    if ((b[off]! & 0x80) !== 0) continue;
    const end = off + len;
    let i = off;
    while (i < end && b[i] === SPACE) i++;
    while (i < end && b[i]! >= DIGIT_0 && b[i]! <= DIGIT_7) i++;
    while (i < end && b[i] === SPACE) i++;
    if (i < end && b[i] !== 0) return name;
  }
  return undefined;
}

/**
 * True when the block has a name prefix (bytes 345-500) that not every tool reads: Python's tarfile
 * puts it before the name whatever the magic, GNU tar when the magic is `ustar\0` (any version),
 * node-tar only for `ustar\0` with version `00`.
 */
export function prefixOutsideUstar(b: Buffer): boolean {
  return b[345] !== 0 && b.compare(USTAR, 0, 8, 257, 265) !== 0;
}

/** The bytes of a string field up to its first NUL. */
function cString(b: Buffer, off: number, len: number): Buffer {
  const field = b.subarray(off, off + len);
  const nul = field.indexOf(0);
  return nul < 0 ? field : field.subarray(0, nul);
}

/**
 * True when the block's name (and, under a POSIX ustar magic, its prefix) is UTF-8. node-tar
 * decodes it leniently (a byte 0xff becomes U+FFFD) where GNU tar and Python's tarfile keep the
 * bytes: the reader and they would name the file differently.
 */
export function headerNameIsUtf8(b: Buffer): boolean {
  return isUtf8(cString(b, 0, 100)) && (b.compare(USTAR, 0, 8, 257, 265) !== 0 || isUtf8(cString(b, 345, 155)));
}

/** True when the number field at `off` would go to node-tar's base-256 reader (which can throw). */
const base256 = (b: Buffer, off: number) => (b[off]! & 0x80) !== 0;

/**
 * The block's fields when it is a plain file or folder laid out as tar writers do (node-tar's
 * values), else undefined.
 */
export function plainHeaderFields(b: Buffer): HeaderFields | undefined {
  const flag = b[156];
  if (flag !== TYPE_FILE && flag !== TYPE_DIR) return undefined;
  const mode = octal(b, 100, 8);
  const size = octal(b, 124, 12);
  const mtime = octal(b, 136, 12);
  // node-tar reads the checksum from a 12-byte window: the field, the type flag and 3 bytes after.
  const cksum = octal(b, 148, 12);
  if (mode === OTHER || size === OTHER || mtime === OTHER || cksum === OTHER) return undefined;
  if (base256(b, 108) || base256(b, 116)) return undefined;
  if (!zeros(b, 157, 257)) return undefined; // a link's target: node-tar reads it
  const name = text(b, 0, 100);
  if (name === undefined) return undefined;
  // node-tar reads a file whose name ends with '/' as a folder (old tars wrote folders so), before
  // it puts the prefix in front.
  const dir = flag === TYPE_DIR || name.charCodeAt(name.length - 1) === SLASH;
  let path = name;
  if (b.compare(USTAR, 0, 8, 257, 265) === 0) {
    // The prefix (and the dates beside it) of a POSIX header.
    if (b[475] !== 0 || base256(b, 329) || base256(b, 337) || base256(b, 476) || base256(b, 488)) return undefined;
    const prefix = text(b, 345, 130);
    if (prefix === undefined) return undefined;
    if (prefix !== '') path = `${prefix}/${path}`;
  }
  return {
    nullBlock: false,
    cksumValid: checksumSum(b) === cksum,
    path,
    type: dir ? 'Directory' : 'File',
    linkpath: '',
    size: dir ? 0 : size,
    mode,
    mtimeSec: mtime,
  };
}

/** node-tar's decoding of the block, with `ex` (a pax record or GNU long name) and `gex` (a global pax record) applied. */
export function nodeTarHeaderFields(block: Buffer, ex?: HeaderData, gex?: HeaderData): HeaderFields {
  const h = new Header(block, 0, ex, gex);
  return {
    nullBlock: h.nullBlock,
    cksumValid: h.cksumValid,
    path: h.path,
    type: h.type,
    linkpath: h.linkpath,
    size: h.size,
    mode: h.mode,
    mtimeSec: h.mtime instanceof Date ? Math.floor(h.mtime.getTime() / 1000) : 0,
  };
}

/**
 * Decodes a 512-byte header block (throws as node-tar's Header does for a block it cannot read).
 * A pending pax record or long name always goes through node-tar, which applies it.
 */
export function decodeHeader(block: Buffer, ex?: HeaderData, gex?: HeaderData): HeaderFields {
  return (ex === undefined && gex === undefined ? plainHeaderFields(block) : undefined) ?? nodeTarHeaderFields(block, ex, gex);
}
