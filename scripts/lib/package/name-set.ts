/**
 * The names an archive reader has met (tar-read.ts), each a file or a folder, kept in typed arrays
 * outside the JavaScript heap: a name's UTF-8 bytes once, and each folder above it as a prefix of
 * those bytes. A Map of strings cost about 100 bytes a name on the heap (its slot, the string),
 * and as much again in the room the heap grows by; here a file costs its bytes and 21 more, a
 * folder 21. Lookups compare the bytes themselves: a hash is only where to look (seeded per set,
 * so no package can choose names that all land in one place).
 */
import { randomBytes } from 'node:crypto';

export type NameKind = 'file' | 'dir';
const KIND_CODE = { file: 1, dir: 2 } as const;
const KIND_OF = [undefined, 'file', 'dir'] as const;

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

  /** The name being looked at (load): its bytes, and the hash of each prefix ending before a '/'. */
  #scratch = Buffer.allocUnsafe(4096);
  #scratchLength = 0;
  #scratchAt = -1;
  #prefixHash = new Int32Array(64);
  /** Byte positions of the '/' of the loaded name (but a first byte), in order. */
  #slashes = new Int32Array(64);
  #slashCount = 0;
  #fullHash = 0;

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
    let h = this.#seed ^ 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      const b = this.#scratch[i]!;
      if (b === 0x2f && i > 0) {
        if (this.#slashCount === this.#slashes.length) this.#growSlashes();
        this.#slashes[this.#slashCount] = i;
        this.#prefixHash[this.#slashCount++] = finish(h, i);
      }
      h = Math.imul(h ^ b, 0x01000193);
    }
    this.#fullHash = finish(h, n);
  }

  /** How many '/' the loaded name holds (its folders are `folder(0)` … `folder(count - 1)`). */
  get slashes(): number {
    return this.#slashCount;
  }

  /** The kind recorded for the loaded name, or for its folder before slash number `slash`. */
  kind(slash?: number): NameKind | undefined {
    const [length, hash] = this.#prefix(slash);
    const i = this.#find(length, hash);
    return i < 0 ? undefined : KIND_OF[this.#kind[i]!];
  }

  /** Records the loaded name (or its folder before slash number `slash`) as `kind`. */
  add(kind: NameKind, slash?: number): void {
    const [length, hash] = this.#prefix(slash);
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
    this.#kind[i] = KIND_CODE[kind];
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(i);
  }

  #prefix(slash: number | undefined): [number, number] {
    return slash === undefined ? [this.#scratchLength, this.#fullHash] : [this.#slashes[slash]!, this.#prefixHash[slash]!];
  }

  #find(length: number, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = this.#slots[s]!;
      if (slot === 0) return -1;
      const i = slot - 1;
      if (this.#hash[i] === hash && this.#length[i] === length) {
        const start = this.#start[i]!;
        const at = start & (CHUNK - 1);
        if (this.#chunks[start >>> CHUNK_BITS]!.compare(this.#scratch, 0, length, at, at + length) === 0) return i;
      }
    }
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
    this.#prefixHash = grown(this.#prefixHash, n);
  }
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
