/**
 * The files a create packs (collect.ts plans them, create.ts hashes and writes them), kept by
 * column: one string per file (its package path), its numbers and SHA-256 in typed arrays. An
 * object per file (with its walnut path and absolute path as strings of their own), a digest
 * object, and a manifest entry object took about 700 bytes a file while the package was made;
 * this takes about 150. A file's walnut path and source are made from its package path when asked
 * for (`at`), which every caller does one file at a time.
 */
import { join } from 'node:path';
import type { Digest } from './file-source.ts';
import type { ManifestFile } from './manifest.ts';
import { sortByCodePoints } from './safe-path.ts';

/** One planned file, as its readers see it (made on demand: `PlannedFiles.at`). */
export interface PlannedFile {
  /** Path inside the package. */
  path: string;
  /** Path in the walnut (a warning's name for it). */
  rel: string;
  /** For a link to a file of the walnut packed in its own right: the target's path in the walnut. */
  linkTo?: string;
  /** Absolute path of the bytes to pack. */
  source: string;
  /** YAML files have their `active_sessions:` block stripped. */
  yaml: boolean;
  mode: number;
  mtimeSec: number;
  /** Size on disk when collected (a read-buffer hint; the packed size is measured while hashing). */
  diskSize: number;
  /** The file collect looked at: reading refuses any other one found at `source` (file-source.ts). */
  dev: number;
  ino: number;
}

/** The manifest entries of planned files, made one at a time as they are read. */
export interface FileListing extends Iterable<ManifestFile> {
  readonly length: number;
}

const YAML = 1;
const EXECUTABLE = 2;
const HASHED = 4;
/** Numbers kept per file, in this order. */
const MTIME = 0;
const DISK_SIZE = 1;
const DEV = 2;
const INO = 3;
const SIZE = 4;
const NUMBERS = 5;
const SHA256_BYTES = 32;

/** How a walnut path is made from a package path: `rel` + what follows `pkg` (the same path: both ''). */
interface Base {
  pkg: string;
  rel: string;
}

/** A file whose bytes are not at its walnut path: packed through a link, they are its target's. */
interface Linked {
  source: string;
  linkTo: string | undefined;
}

export class PlannedFiles implements Iterable<PlannedFile> {
  #paths: string[] = [];
  #numbers: Float64Array;
  #flags: Uint8Array;
  #digests: Buffer;
  #base: Uint32Array;
  #bases: Base[] = [{ pkg: '', rel: '' }];
  #baseIds = new Map<string, number>([['\0', 0]]);
  #linked = new Map<number, Linked>();

  /** `root`: the walnut's real path, under which every file that is not a link's lies at its walnut path. */
  constructor(
    readonly root: string,
    capacity = 256,
  ) {
    this.#numbers = new Float64Array(capacity * NUMBERS);
    this.#flags = new Uint8Array(capacity);
    this.#digests = Buffer.alloc(capacity * SHA256_BYTES);
    this.#base = new Uint32Array(capacity);
  }

  get length(): number {
    return this.#paths.length;
  }

  /** `f.path` is kept as it is: a flat string (one made by a template is two joined, and costs twice). */
  add(f: PlannedFile): void {
    const i = this.#paths.length;
    if (i === this.#flags.length) this.#grow(Math.max(256, i * 2));
    this.#paths.push(f.path);
    this.#numbers.set([f.mtimeSec, f.diskSize, f.dev, f.ino, 0], i * NUMBERS);
    this.#flags[i] = (f.yaml ? YAML : 0) | (f.mode & 0o111 ? EXECUTABLE : 0);
    this.#base[i] = this.#baseOf(f.path, f.rel);
    if (f.linkTo !== undefined || f.source !== join(this.root, f.rel)) this.#linked.set(i, { source: f.source, linkTo: f.linkTo });
  }

  path(i: number): string {
    return this.#paths[i]!;
  }

  at(i: number): PlannedFile {
    const path = this.#paths[i]!;
    const base = this.#bases[this.#base[i]!]!;
    const rel = base.rel + path.slice(base.pkg.length);
    const linked = this.#linked.get(i);
    const n = i * NUMBERS;
    return {
      path,
      rel,
      ...(linked?.linkTo !== undefined ? { linkTo: linked.linkTo } : {}),
      source: linked?.source ?? join(this.root, rel),
      yaml: (this.#flags[i]! & YAML) !== 0,
      mode: this.#flags[i]! & EXECUTABLE ? 0o755 : 0o644,
      mtimeSec: this.#numbers[n + MTIME]!,
      diskSize: this.#numbers[n + DISK_SIZE]!,
      dev: this.#numbers[n + DEV]!,
      ino: this.#numbers[n + INO]!,
    };
  }

  *[Symbol.iterator](): Iterator<PlannedFile> {
    for (let i = 0; i < this.#paths.length; i++) yield this.at(i);
  }

  setDigest(i: number, d: Digest): void {
    this.#digests.write(d.sha256, i * SHA256_BYTES, SHA256_BYTES, 'hex');
    this.#numbers[i * NUMBERS + SIZE] = d.size;
    this.#flags[i]! |= HASHED;
  }

  /** The digest `setDigest` recorded for file `i`. */
  digest(i: number): Digest {
    if ((this.#flags[i]! & HASHED) === 0) throw new Error(`${this.#paths[i]} was not hashed`);
    return { sha256: this.#digests.toString('hex', i * SHA256_BYTES, (i + 1) * SHA256_BYTES), size: this.#numbers[i * NUMBERS + SIZE]! };
  }

  /** The manifest entries of the files (each hashed by then), in this table's order. */
  get listing(): FileListing {
    const files = this;
    return {
      get length() {
        return files.length;
      },
      *[Symbol.iterator]() {
        for (let i = 0; i < files.length; i++) yield { path: files.path(i), ...files.digest(i) };
      },
    };
  }

  /** The same files in code-point order of their package paths (the order manifests list them in). */
  sorted(): PlannedFiles {
    const order = sortByCodePoints(this.#paths.map((path, i) => ({ path, i }))).map((e) => e.i);
    return this.#copy(order);
  }

  /** The files `keep` keeps, in this order. */
  filter(keep: (f: PlannedFile, i: number) => boolean): PlannedFiles {
    const order: number[] = [];
    for (let i = 0; i < this.#paths.length; i++) if (keep(this.at(i), i)) order.push(i);
    return this.#copy(order);
  }

  /** A table of files `order` (indexes of this one), sized to them. */
  #copy(order: readonly number[]): PlannedFiles {
    const out = new PlannedFiles(this.root, order.length);
    out.#bases = this.#bases;
    out.#baseIds = this.#baseIds;
    order.forEach((from, to) => {
      out.#paths.push(this.#paths[from]!);
      out.#numbers.set(this.#numbers.subarray(from * NUMBERS, (from + 1) * NUMBERS), to * NUMBERS);
      out.#flags[to] = this.#flags[from]!;
      this.#digests.copy(out.#digests, to * SHA256_BYTES, from * SHA256_BYTES, (from + 1) * SHA256_BYTES);
      out.#base[to] = this.#base[from]!;
      const linked = this.#linked.get(from);
      if (linked) out.#linked.set(to, linked);
    });
    return out;
  }

  /** The id of the base that makes `rel` from `path`: what precedes the longest end they share. */
  #baseOf(path: string, rel: string): number {
    let a = path.length;
    let b = rel.length;
    while (a > 0 && b > 0 && path.charCodeAt(a - 1) === rel.charCodeAt(b - 1)) {
      a--;
      b--;
    }
    const key = `${path.slice(0, a)}\0${rel.slice(0, b)}`;
    let id = this.#baseIds.get(key);
    if (id === undefined) {
      id = this.#bases.length;
      this.#bases.push({ pkg: path.slice(0, a), rel: rel.slice(0, b) });
      this.#baseIds.set(key, id);
    }
    return id;
  }

  #grow(capacity: number): void {
    const numbers = new Float64Array(capacity * NUMBERS);
    numbers.set(this.#numbers);
    this.#numbers = numbers;
    const flags = new Uint8Array(capacity);
    flags.set(this.#flags);
    this.#flags = flags;
    const digests = Buffer.alloc(capacity * SHA256_BYTES);
    this.#digests.copy(digests);
    this.#digests = digests;
    const base = new Uint32Array(capacity);
    base.set(this.#base);
    this.#base = base;
  }
}
