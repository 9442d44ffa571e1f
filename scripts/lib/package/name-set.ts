/**
 * The names an archive reader has met (tar-read.ts), each a file or a folder, kept in typed arrays
 * outside the JavaScript heap: a name's UTF-8 bytes once, and each folder above it as a prefix of
 * those bytes. A Map of strings cost about 100 bytes a name on the heap (its slot, the string),
 * and as much again in the room the heap grows by; here a file costs its bytes and 21 more, a
 * folder 21. Lookups compare the bytes themselves: a hash is only where to look (seeded per set,
 * so no package can choose names that all land in one place).
 *
 * With a key function, names are looked up by their key (memberKey: as a file system that ignores
 * case sees them) but kept as spelled, so that a name met under another spelling can be told.
 */
import { randomBytes } from 'node:crypto';

export type NameKind = 'file' | 'dir';
const KIND_CODE = { file: 1, dir: 2 } as const;
const KIND_OF = [undefined, 'file', 'dir'] as const;
/** Kind bit: the name kept is its own key (its bytes compare with a key's as they are). */
const OWN_KEY = 4;

/**
 * The bytes are kept in chunks of this size (a longer name gets one of its own), so that they grow
 * without copying, nor doubling past what they hold. 8,192 chunks (2 GiB) at most: far past what
 * the reader keeps (NAMES_HELD_LIMIT).
 */
const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;

export class NameSet {
  #chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  #used = CHUNK;
  /** Per name: where its bytes start (chunk << CHUNK_BITS | offset), how many, its hash and kind. */
  #start = new Int32Array(1024);
  #length = new Int32Array(1024);
  #hash = new Int32Array(1024);
  #kind = new Uint8Array(1024);
  #count = 0;
  /** Open addressing: name index + 1, 0 for an empty slot; at most half full. */
  #slots = new Int32Array(2048);
  readonly #seed = randomBytes(4).readInt32LE(0);
  readonly #keyOf: ((name: string) => string) | undefined;

  /** The name being looked at (load): its bytes, and the hash of each prefix ending before a '/'. */
  #scratch = Buffer.allocUnsafe(4096);
  #scratchLength = 0;
  #scratchAt = -1;
  /** Its key's bytes (`#scratch` itself when the name is its own key). */
  #keyScratch = this.#scratch;
  #keyLength = 0;
  #ownKey = true;
  #prefixHash = new Int32Array(64);
  /** Byte positions of the '/' of the loaded name (but a first byte), in order; of its key's. */
  #slashes = new Int32Array(64);
  #keySlashes = new Int32Array(64);
  #slashCount = 0;
  #fullHash = 0;
  /** The entry the last lookup found. */
  #found = -1;

  /** `key`: what names are compared by (memberKey); it keeps the number of '/' of a name. */
  constructor(key?: (name: string) => string) {
    this.#keyOf = key;
  }

  get size(): number {
    return this.#count;
  }

  /**
   * Makes `name` the one the other calls look at: its folders are its prefixes before each '/',
   * the deepest last (`folders()`).
   */
  load(name: string): void {
    const max = Buffer.byteLength(name);
    if (max > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(max * 2);
    const n = this.#scratch.write(name, 0, 'utf8');
    this.#scratchLength = n;
    this.#scratchAt = -1;
    this.#slashCount = 0;
    for (let i = 1; i < n; i++) {
      if (this.#scratch[i] !== 0x2f) continue;
      if (this.#slashCount === this.#slashes.length) this.#growSlashes();
      this.#slashes[this.#slashCount++] = i;
    }
    const key = this.#keyOf?.(name) ?? name;
    this.#ownKey = key === name;
    if (this.#ownKey) {
      this.#keyScratch = this.#scratch;
      this.#keyLength = n;
      this.#keySlashes.set(this.#slashes.subarray(0, this.#slashCount));
    } else {
      const keyMax = Buffer.byteLength(key);
      if (this.#keyScratch === this.#scratch || keyMax > this.#keyScratch.length) this.#keyScratch = Buffer.allocUnsafe(Math.max(4096, keyMax * 2));
      this.#keyLength = this.#keyScratch.write(key, 0, 'utf8');
      let count = 0;
      for (let i = 1; i < this.#keyLength; i++) if (this.#keyScratch[i] === 0x2f) this.#keySlashes[count++] = i;
      if (count !== this.#slashCount) throw new Error('NameSet: a key must hold as many folders as its name');
    }
    let h = this.#seed ^ 0x811c9dc5;
    let slash = 0;
    for (let i = 0; i < this.#keyLength; i++) {
      const b = this.#keyScratch[i]!;
      if (slash < this.#slashCount && i === this.#keySlashes[slash]) this.#prefixHash[slash++] = finish(h, i);
      h = Math.imul(h ^ b, 0x01000193);
    }
    this.#fullHash = finish(h, this.#keyLength);
  }

  /** How many '/' the loaded name holds (its folders are `folder(0)` … `folder(count - 1)`). */
  get slashes(): number {
    return this.#slashCount;
  }

  /** The kind recorded for the loaded name, or for its folder before slash number `slash`. */
  kind(slash?: number): NameKind | undefined {
    const i = this.#find(slash);
    this.#found = i;
    return i < 0 ? undefined : KIND_OF[this.#kind[i]! & 3];
  }

  /** The name (or folder) as first spelled, that the last `kind` call found. */
  foundName(): string | undefined {
    const i = this.#found;
    return i < 0 ? undefined : this.#bytesOf(i).toString('utf8');
  }

  /** Records the loaded name (or its folder before slash number `slash`) as `kind`. */
  add(kind: NameKind, slash?: number): void {
    const length = slash === undefined ? this.#scratchLength : this.#slashes[slash]!;
    const hash = slash === undefined ? this.#fullHash : this.#prefixHash[slash]!;
    if (this.#scratchAt < 0) {
      // The whole name's bytes, once: each folder above it is a prefix of them.
      if (this.#used + this.#scratchLength > CHUNK) {
        this.#chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, this.#scratchLength)));
        this.#used = 0;
      }
      this.#scratch.copy(this.#chunks[this.#chunks.length - 1]!, this.#used, 0, this.#scratchLength);
      this.#scratchAt = ((this.#chunks.length - 1) << CHUNK_BITS) | this.#used;
      this.#used += this.#scratchLength;
    }
    if (this.#count === this.#start.length) this.#growNames();
    const i = this.#count++;
    this.#start[i] = this.#scratchAt;
    this.#length[i] = length;
    this.#hash[i] = hash;
    this.#kind[i] = KIND_CODE[kind] | (this.#ownKey ? OWN_KEY : 0);
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(i);
  }

  #bytesOf(i: number): Buffer {
    const start = this.#start[i]!;
    const at = start & (CHUNK - 1);
    return this.#chunks[start >>> CHUNK_BITS]!.subarray(at, at + this.#length[i]!);
  }

  /** The entry of the loaded name (or its folder before slash number `slash`) by key, or -1. */
  #find(slash: number | undefined): number {
    const length = slash === undefined ? this.#scratchLength : this.#slashes[slash]!;
    const keyLength = slash === undefined ? this.#keyLength : this.#keySlashes[slash]!;
    const hash = slash === undefined ? this.#fullHash : this.#prefixHash[slash]!;
    const mask = this.#slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = this.#slots[s]!;
      if (slot === 0) return -1;
      const i = slot - 1;
      if (this.#hash[i] === hash && this.#sameKey(i, length, keyLength)) return i;
    }
  }

  /** Whether entry `i` has the key of the loaded name's first `length` bytes (`keyLength` of its key). */
  #sameKey(i: number, length: number, keyLength: number): boolean {
    const kept = this.#bytesOf(i);
    // Spelled alike (nearly every hit): the same key.
    if (kept.length === length && kept.compare(this.#scratch, 0, length) === 0) return true;
    if (this.#kind[i]! & OWN_KEY) return kept.length === keyLength && kept.compare(this.#keyScratch, 0, keyLength) === 0;
    const key = Buffer.from(this.#keyOf!(kept.toString('utf8')));
    return key.length === keyLength && key.compare(this.#keyScratch, 0, keyLength) === 0;
  }

  #place(i: number): void {
    const mask = this.#slots.length - 1;
    let s = this.#hash[i]! & mask;
    while (this.#slots[s] !== 0) s = (s + 1) & mask;
    this.#slots[s] = i + 1;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    for (let i = 0; i < this.#count; i++) this.#place(i);
  }

  #growNames(): void {
    const n = this.#start.length * 2;
    this.#start = grown(this.#start, n);
    this.#length = grown(this.#length, n);
    this.#hash = grown(this.#hash, n);
    const kind = new Uint8Array(n);
    kind.set(this.#kind);
    this.#kind = kind;
  }

  #growSlashes(): void {
    const n = this.#slashes.length * 2;
    this.#slashes = grown(this.#slashes, n);
    this.#keySlashes = grown(this.#keySlashes, n);
    this.#prefixHash = grown(this.#prefixHash, n);
  }
}

/**
 * Why `name` cannot join the names met, or undefined once it is recorded as `kind`: it was met
 * before (a folder may be met again), is both a file and a folder, or lies inside a file.
 * `earlier` is set when the name met before is spelled otherwise (the set's key made them one).
 * `hold(bytes)` is called before each name is recorded (its own bytes, or 0 for a folder above it).
 */
export function recordName(names: NameSet, name: string, kind: NameKind, hold: (bytes: number) => void = () => {}): NameClash | undefined {
  names.load(name);
  const prior = names.kind();
  if (prior && !(prior === 'dir' && kind === 'dir')) return clash(names, name, prior === 'dir' ? 'file-and-folder' : 'twice');
  // A name must not be used as a file and as a folder (a/ then a, or a then a/b). Its folders are
  // registered from the deepest up to the first one known: every folder above a known one is
  // known too (and none of them is a file), so a deep name costs its length once, not its
  // depth times its length (thousands of entries 2,000 folders deep took minutes).
  for (let slash = names.slashes - 1; slash >= 0; slash--) {
    const known = names.kind(slash);
    if (known === 'file') return clash(names, name.slice(0, nthSlash(name, slash)), 'inside-file');
    if (known === 'dir') break;
    // A prefix of the name: it shares the name's bytes, counted once below.
    hold(0);
    names.add('dir', slash);
  }
  if (prior === undefined) {
    hold(Buffer.byteLength(name));
    names.add(kind);
  }
  return undefined;
}

export interface NameClash {
  kind: 'twice' | 'file-and-folder' | 'inside-file';
  /** The name met before, when spelled otherwise than this one (or its folder). */
  earlier?: string;
}

function clash(names: NameSet, spelled: string, kind: NameClash['kind']): NameClash {
  const earlier = names.foundName()!;
  return earlier === spelled ? { kind } : { kind, earlier };
}

/** Where slash number `slash` of `name` is (a '/' that starts it is not counted, as load does). */
function nthSlash(name: string, slash: number): number {
  let at = 0;
  for (let i = 0; i <= slash; i++) at = name.indexOf('/', at + 1);
  return at;
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** The FNV-1a state of `length` bytes, mixed (murmur3's finaliser) so its low bits place it well. */
function finish(h: number, length: number): number {
  let x = h ^ length;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}
