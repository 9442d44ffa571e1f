/**
 * Streams the entries of a tar or tar.gz, refusing anything that is not a plain file or folder
 * with a safe, unique name (walnut-package-v2.md 4.3). The visitor sees only validated entries,
 * one at a time, and must consume each entry's bytes or leave them (`body.resume()`).
 *
 * The walk over the archive's 512-byte blocks is ours; each header block is decoded to node-tar's
 * values (`tar/header`; tar-header.ts reads the plain blocks itself, to the same values), the way
 * its own parser does, with its strict mode's refusals. pax headers are read by pax.ts, record by
 * record as POSIX lays them out (node-tar's decoder read them line by line), and bounded: at most
 * one before an entry, of at most PAX_HEADER_LIMIT bytes; a pax global header is refused. The
 * walk hands each file's bytes to the visitor as views of the chunks the stream brings, pulled as
 * the visitor reads them: no stream per entry (node-tar's parser made one for each; with it an
 * extract of 2,013 files spent 0.28-0.33 CPU-seconds on its main thread, without it 0.24-0.26,
 * issue 16).
 */
import { constants as fsConstants, createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { AliveError, messageOf, type ErrorCode } from '../errors.ts';
import { unsafePathReason, normaliseMemberName } from './safe-path.ts';
import { senderName, senderText } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import type { OnProgress } from './progress.ts';
import { inflatedGzipFile } from './gzip-members.ts';
import { declaredSize, decodeHeader, headerNameIsUtf8, prefixOutsideUstar, unreadableNumberField, type HeaderFields } from './tar-header.ts';
import { PAX_HEADER_LIMIT, PaxError, PaxKeyError, PaxRecordsError, parsePax, type PaxFields } from './pax.ts';
import { requireRegularFile } from './package-path.ts';
import { NAME_SLOT_BYTES, NAMES_HELD_LIMIT } from './limits.ts';
import { NameSet, recordName, type NameClash } from './name-set.ts';
import { memberKey } from '../fs/name-fold.ts';
import type { FileBody } from './sinks.ts';

export interface TarEntry {
  /** Normalised path (no `./`, no trailing `/`). */
  path: string;
  kind: 'file' | 'dir';
  size: number;
  mode: number;
  mtimeSec: number;
  /**
   * Bytes of the archive the entry took besides its data: its header block, and the pax header or
   * GNU long names before it (up to PAX_HEADER_LIMIT each), for a reader that bounds what it reads.
   */
  headerBytes: number;
  /** The file's bytes (files only), read once or left (`resume()`); the reader goes on after the visit. */
  body: FileBody;
}

export interface TarLimits {
  /** Total bytes of file content allowed (expanded size). */
  maxBytes: number;
  /** Most entries allowed. */
  maxEntries: number;
  /** Name of the archive for messages (e.g. "package.walnut" or "payload.enc"). */
  label: string;
  /**
   * What a size refusal tells the user to do: by default, raise the limit with --max-size (verify,
   * extract, receive, relay pull have it); a reader whose command has no such option says its own.
   */
  raise?: string;
  /** Most bytes kept of the names met (default NAMES_HELD_LIMIT; a smaller one lets tests reach it with small archives). */
  maxNamesHeld?: number;
}

const RAISE_MAX_SIZE = 'if you trust the package, raise the limit with --max-size BYTES';

export type Compression = 'gzip' | 'none' | 'auto';

const TYPE_REASONS: Record<string, string> = {
  SymbolicLink: 'is a symbolic link',
  Link: 'is a hard link',
  CharacterDevice: 'is a character device',
  BlockDevice: 'is a block device',
  FIFO: 'is a FIFO',
  ContiguousFile: '',
  OldFile: '',
  File: '',
  Directory: '',
};

/** A refusal of `label` (the package, ours) or of its `entry` (named by the sender: senderText). */
export function refuse(label: string, entry: string | undefined, reason: string, code: ErrorCode = 'unsafe_entry'): AliveError {
  if (entry === undefined) return new AliveError(`${inlineText(label)} ${reason}; nothing was written`, { code });
  const name = senderText(entry, 'entry name');
  // A file that is not what the manifest says was changed or damaged after the package was made.
  const next =
    code === 'size_mismatch' || code === 'checksum_mismatch' ? ': the package was changed or damaged after it was made; ask the sender for it again' : '';
  return new AliveError(`${inlineText(label)}: entry ${name.shown} ${reason}; nothing was written${next}`, {
    code,
    ...(name.untrusted && { untrusted: name.untrusted }),
  });
}

/**
 * The refusal of entry `entry`, whose name is one with `earlier`'s on a file system that ignores
 * case and Unicode form (name-fold.ts): extracted there, one would land on the other.
 */
function collision(label: string, entry: string, earlier: string): AliveError {
  return refuse(
    label,
    entry,
    `and the earlier entry ${senderName(earlier)} differ only by letter case or Unicode form (or a trailing dot or space), so they are one name on macOS and Windows, where one would overwrite the other; the sender must rename one of them in the walnut and pack it again`,
    'name_collision',
  );
}

const CLASH_REASONS: Record<NameClash['kind'], string> = {
  twice: 'appears twice in the archive',
  'file-and-folder': 'is both a file and a folder',
  'inside-file': 'is inside an entry that is a file',
};

const BLOCK = 512;
/**
 * Most zero bytes read after the end of the archive. Tar writers pad the archive to a whole record:
 * 10240 bytes by default (GNU tar, bsdtar, Python's tarfile); this allows blocking factors up to 2048.
 */
const END_PADDING_LIMIT = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Entries that describe the next one (pax headers, GNU long names), as node-tar names them, and
 * what the reader calls them. A pax global header ('g') is refused where it stands.
 */
const META_TYPES = new Map([
  ['ExtendedHeader', 'pax header'],
  ['OldExtendedHeader', 'pax header'],
  ['NextFileHasLongPath', 'GNU long name'],
  ['NextFileHasLongLinkpath', 'GNU long link name'],
]);
/**
 * Type flags of regular files: '0', the old '\0', and '7' (contiguous). Named with a trailing '/',
 * node-tar reads a '0' as an empty folder and its bytes as the next headers, tarfile does so for
 * '\0', GNU tar for neither (it passes over the bytes): such an entry is refused.
 */
const FILE_FLAGS = new Set([0x30, 0x00, 0x37]);
/** Types node-tar reads as entries; any other is skipped by its parser, and refused here. */
const ENTRY_TYPES = new Set(['File', 'OldFile', 'Link', 'SymbolicLink', 'CharacterDevice', 'BlockDevice', 'Directory', 'FIFO', 'ContiguousFile', 'GNUDumpDir']);

const ZEROS = Buffer.alloc(64 * 1024);

/** Whether buf holds only zero bytes. */
function allZeros(buf: Buffer): boolean {
  for (let at = 0; at < buf.length; at += ZEROS.length) {
    const end = Math.min(buf.length, at + ZEROS.length);
    // The first byte decides most blocks of data without a call into compare.
    if (buf[at] !== 0 || ZEROS.compare(buf, at, end, 0, end - at) !== 0) return false;
  }
  return true;
}

/**
 * The tar stream as it comes, in views of its chunks (never copied, except a block that spans two
 * chunks). `onChunk` sees each chunk first (limits); a failure of the stream itself is given to
 * `readFailure` to name.
 */
class TarInput {
  readonly #chunks: AsyncIterator<Buffer>;
  #chunk: Buffer = EMPTY;
  #at = 0;
  #ended = false;

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly onChunk: (chunk: Buffer) => void,
    private readonly readFailure: (err: unknown) => AliveError,
  ) {
    this.#chunks = source[Symbol.asyncIterator]();
  }

  async #next(): Promise<boolean> {
    if (this.#ended) return false;
    let r: IteratorResult<Buffer>;
    try {
      r = await this.#chunks.next();
    } catch (err) {
      throw this.readFailure(err);
    }
    if (r.done) {
      this.#ended = true;
      return false;
    }
    this.onChunk(r.value);
    this.#chunk = r.value;
    this.#at = 0;
    return true;
  }

  /** Up to `max` bytes (at least one), a view of the input; undefined once it has ended. */
  async take(max: number): Promise<Buffer | undefined> {
    while (this.#at >= this.#chunk.length) if (!(await this.#next())) return undefined;
    return this.takeReady(max);
  }

  /** Up to `max` bytes of the chunk in hand, a view of it; undefined when that chunk is used up. */
  takeReady(max: number): Buffer | undefined {
    if (this.#at >= this.#chunk.length) return undefined;
    const n = Math.min(max, this.#chunk.length - this.#at);
    const piece = this.#chunk.subarray(this.#at, this.#at + n);
    this.#at += n;
    return piece;
  }

  /** `n` bytes, fewer only where the input ends. */
  async exactly(n: number): Promise<Buffer> {
    if (this.#chunk.length - this.#at >= n) {
      const piece = this.#chunk.subarray(this.#at, this.#at + n);
      this.#at += n;
      return piece;
    }
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const piece = await this.take(n - got);
      if (!piece) break;
      parts.push(piece);
      got += piece.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
  }

  /** Passes over `n` bytes; how many there were. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const piece = await this.take(left);
      if (!piece) break;
      left -= piece.length;
    }
    return n - left;
  }

  /** Stops the stream (a reader that ends early). */
  stop(): void {
    void this.#chunks.return?.().catch(() => {});
  }
}

/**
 * One file's bytes, pulled from the input as the visitor reads them (once). Whatever the visitor
 * leaves is passed over by the reader when the visit ends; after that the body yields nothing more.
 */
class EntryBody implements FileBody {
  #left: number;
  #done = false;

  constructor(
    private readonly input: TarInput,
    size: number,
    private readonly truncated: (missing: number) => AliveError,
  ) {
    this.#left = size;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    while (this.#left > 0 && !this.#done) {
      const piece = await this.input.take(this.#left);
      if (!piece) throw this.truncated(this.#left);
      this.#left -= piece.length;
      yield piece;
    }
  }

  resume(): void {
    // the reader passes over what is left when the visit ends
  }

  takeReady(): Buffer | null | undefined {
    if (this.#left === 0 || this.#done) return null;
    const piece = this.input.takeReady(this.#left);
    if (piece) this.#left -= piece.length;
    return piece;
  }

  /** Passes over what the visitor left, and the padding to the next block. */
  async finish(padding: number): Promise<void> {
    this.#done = true;
    const want = this.#left + padding;
    const got = await this.input.skip(want);
    this.#left = 0;
    if (got < want) throw this.truncated(want - got);
  }
}

/**
 * What kind of package `path` holds, from its first bytes. A path that is not a regular file (a
 * FIFO, a folder, a device) is refused as unreadable: opened without O_NONBLOCK, a FIFO with no
 * writer would block the command for good.
 */
export async function sniffCompression(path: string): Promise<'gzip' | 'tar' | 'salted' | 'unknown'> {
  const fh = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    requireRegularFile(path, await fh.stat());
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (bytesRead >= 8 && head.subarray(0, 8).toString('latin1') === 'Salted__') return 'salted';
    if (bytesRead >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
    return 'unknown';
  } finally {
    await fh.close();
  }
}

/**
 * Reads a tar stream (gzip'd unless `compression` says otherwise) from `source`, calling `visit`
 * for each validated entry in archive order, one at a time: the next header is read once the visit
 * has ended (a body it has not read to its end is passed over).
 */
export async function readTarStream(
  source: Readable | AsyncIterable<Buffer>,
  compression: 'gzip' | 'none',
  limits: TarLimits,
  visit: (entry: TarEntry) => Promise<void>,
): Promise<void> {
  const { label } = limits;
  const names = new NameSet(memberKey);
  /** What keeping `names` costs, as NAMES_HELD_LIMIT counts it. */
  let namesHeld = 0;
  const maxNamesHeld = limits.maxNamesHeld ?? NAMES_HELD_LIMIT;
  /** Counts keeping a name (NameSet.add follows): its own bytes `cost`, and a slot. */
  const hold = (cost: number) => {
    namesHeld += cost + NAME_SLOT_BYTES;
    if (namesHeld > maxNamesHeld) {
      throw refuse(
        label,
        undefined,
        `holds more names than a package can (keeping them takes more than ${maxNamesHeld} bytes: long names, or many folders); it was not read further`,
        'too_large',
      );
    }
  };
  let entries = 0;
  let contentBytes = 0;
  // Slack for headers and padding: the decompressed stream may exceed content a little, not a lot.
  const decompressedLimit = limits.maxBytes + 64 * 1024 * 1024 + limits.maxEntries * 1536;
  let seen = 0;
  const magic: number[] = [];
  /**
   * The reader's own refusal (of the archive, or of the stream under it), which wins over what a
   * visitor reading a body made of the same problem.
   */
  let failure: AliveError | undefined;
  const fail = (err: AliveError): AliveError => (failure ??= err);
  const invalid = (code: string, message: string) => fail(refuse(label, undefined, `is not a valid tar archive (${code}: ${message})`, 'bad_archive'));

  const check = (header: HeaderFields, path: string, block: Buffer, headerBytes: number): TarEntry => {
    const type = header.type;
    if (!ENTRY_TYPES.has(type)) {
      // node-tar's parser skips these (types it does not model: V, M, S, A, I, unknown letters
      // such as Z); each is a member the manifest cannot account for, so it is refused.
      throw refuse(label, path, `has an unsupported type ('${String.fromCharCode(block[156]!)}'), which a package never holds`);
    }
    const typeReason = TYPE_REASONS[type];
    if (typeReason === undefined) throw refuse(label, path, `has an unsupported type (${type})`);
    if (typeReason !== '') throw refuse(label, path, typeReason);
    const name = normaliseMemberName(path);
    const kind = type === 'Directory' ? 'dir' : 'file';
    if (name === '' && kind === 'dir') return { path: '', kind, size: 0, mode: 0o755, mtimeSec: 0, headerBytes, body: NO_BODY };
    const why = unsafePathReason(name);
    if (why) throw refuse(label, path, why);
    const clash = recordName(names, name, kind, hold);
    if (clash?.earlier !== undefined) throw collision(label, path, clash.earlier);
    if (clash) throw refuse(label, path, CLASH_REASONS[clash.kind], 'duplicate_entry');
    entries += 1;
    if (entries > limits.maxEntries) throw refuse(label, undefined, `has more than ${limits.maxEntries} entries`, 'too_large');
    const size = kind === 'file' ? (header.size ?? 0) : 0;
    contentBytes += size;
    if (contentBytes > limits.maxBytes) {
      throw refuse(label, path, `takes the expanded size past the limit of ${limits.maxBytes} bytes; ${limits.raise ?? RAISE_MAX_SIZE}`, 'too_large');
    }
    return { path: name, kind, size, mode: (header.mode ?? 0o644) & 0o777, mtimeSec: header.mtimeSec, headerBytes, body: NO_BODY };
  };

  let stream: AsyncIterable<Buffer> = source;
  let readFailure = (err: unknown): AliveError =>
    fail(err instanceof AliveError ? err : refuse(label, undefined, `cannot be read (${messageOf(err)})`, 'bad_archive'));
  const readable = isReadable(source) ? source : undefined;
  if (compression === 'gzip') {
    if (!readable) throw new Error('readTarStream: a gzip stream is read from a Readable');
    // Large output chunks matter: the 16 KiB default makes gunzip three times slower.
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    let sourceError: unknown;
    readable.on('error', (err) => {
      sourceError = err;
      gunzip.destroy(err);
    });
    readable.pipe(gunzip);
    stream = gunzip;
    const ofSource = readFailure;
    readFailure = (err) =>
      sourceError !== undefined
        ? ofSource(sourceError)
        : fail(refuse(label, undefined, `is not a complete gzip stream (${messageOf(err)}); the file is damaged or not a package`, 'bad_archive'));
  }
  const input = new TarInput(
    stream,
    (chunk) => {
      if (magic.length < 2) {
        magic.push(...chunk.subarray(0, 2 - magic.length));
        // A tar that is gzip data itself would be inflated past every limit set here by a reader that sniffs.
        if (magic[0] === 0x1f && magic[1] === 0x8b) {
          throw fail(refuse(label, undefined, 'is compressed twice (its tar is gzip data); the package is damaged or not made by alive', 'bad_archive'));
        }
      }
      seen += chunk.length;
      if (seen > decompressedLimit) {
        throw fail(refuse(label, undefined, `expands past the size limit of ${limits.maxBytes} bytes; ${limits.raise ?? RAISE_MAX_SIZE}`, 'too_large'));
      }
    },
    readFailure,
  );

  let completed = false;
  try {
    /** What the pax header or GNU long names before the next entry set, and which of them came. */
    let ex: PaxFields | undefined;
    const pending = new Set<string>();
    /** Bytes of those records, with their header blocks. */
    let metaBytes = 0;
    let nullBefore = false;
    /** A header was read (node-tar's parser leaves its 'begin' state): else the input is no tar. */
    let begun = false;
    for (;;) {
      const block = await input.exactly(BLOCK);
      if (block.length < BLOCK) {
        // The input ended without the two empty blocks that end an archive, at a block boundary
        // or inside a header block: node-tar's parser accepts both (after at least one header).
        if (!begun) throw invalid('TAR_BAD_ARCHIVE', 'Unrecognized archive format');
        break;
      }
      let header: HeaderFields;
      try {
        header = decodeHeader(block, ex);
      } catch (err) {
        throw invalid('TAR_ENTRY_INVALID', messageOf(err));
      }
      if (header.nullBlock) {
        if (nullBefore) {
          await afterEnd(input, label);
          break;
        }
        nullBefore = true;
        continue;
      }
      if (nullBefore) {
        // GNU tar and Python's tarfile end the archive at a first zero block: what follows is not there for them.
        throw refuse(label, undefined, "has a lone zero block before more entries, where GNU tar and Python's tarfile end the archive", 'bad_archive');
      }
      begun = true;
      if (!header.cksumValid) throw invalid('TAR_ENTRY_INVALID', 'checksum failure');
      if (!header.path) throw invalid('TAR_ENTRY_INVALID', 'path is required');
      const type = header.type;
      const isLink = type === 'Link' || type === 'SymbolicLink';
      if (isLink && !header.linkpath) throw invalid('TAR_ENTRY_INVALID', 'linkpath required');
      if (!isLink && type !== 'ExtendedHeader' && type !== 'GlobalExtendedHeader' && header.linkpath) throw invalid('TAR_ENTRY_INVALID', 'linkpath forbidden');
      // A number field node-tar reads as no number (letters; for the size also a negative base-256
      // one, or blanks) was taken as 0 (or the mode as 0644) and the entries after it read, where
      // GNU tar refuses the header and Python's tarfile ends the archive there or reports a
      // negative size.
      const unreadable = unreadableNumberField(block) ?? (header.size === undefined && declaredSize(block) === undefined ? 'size' : undefined);
      if (unreadable !== undefined) throw invalid('TAR_ENTRY_INVALID', `its ${unreadable} field holds no number`);
      const size = header.size ?? 0;
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      const path = ex?.path !== undefined && ex.path !== null ? String(ex.path) : header.path;
      if (type === 'GlobalExtendedHeader') {
        // It sets fields for every entry after it; a package never holds one (git archive writes
        // one), and it is refused before what it holds, or what follows it, is read.
        throw refuse(label, undefined, 'holds a pax global header, which packages never use', 'unsafe_entry');
      }
      const meta = META_TYPES.get(type);
      if (meta) {
        // One of each before an entry: tar tools read a run of them differently (of two pax paths,
        // GNU tar takes the last, Python's tarfile the first), and 1,000 pax headers of 1 MiB
        // each before a package kept info busy for minutes.
        if (pending.has(meta))
          throw refuse(label, undefined, `has two ${meta}s before one entry, which tar tools read differently and packages never hold`, 'unsafe_entry');
        pending.add(meta);
        if (size > PAX_HEADER_LIMIT) {
          throw refuse(label, undefined, `has a ${meta} of ${size} bytes, more than the ${PAX_HEADER_LIMIT} a package's ${meta} holds`, 'too_large');
        }
        const record = await input.exactly(size + padding);
        if (record.length < size + padding) throw truncatedInput(size + padding - record.length);
        metaBytes += BLOCK + size + padding;
        const data = record.subarray(0, size);
        const next: PaxFields = ex ?? {};
        if (meta === 'pax header') {
          let fields: PaxFields;
          try {
            fields = parsePax(data);
          } catch (err) {
            if (err instanceof PaxRecordsError) throw refuse(label, undefined, `has a pax header of ${err.message}`, 'too_large');
            if (err instanceof PaxKeyError) {
              throw refuse(
                label,
                undefined,
                `has a pax header with the pax key ${senderName(err.key)}, which GNU tar and Python's tarfile read as a sparse or multi-volume file's name, size or layout (node-tar ignores it); packages never hold one`,
                'unsafe_entry',
              );
            }
            if (err instanceof PaxError) throw refuse(label, undefined, `has a pax header that is not one (${err.message})`, 'bad_archive');
            throw err;
          }
          // tarfile names the entry by the long name, GNU tar and node-tar by the pax path.
          if (fields.path !== undefined && pending.has('GNU long name')) throw bothNames();
          Object.assign(next, fields);
        } else {
          // A C string: the name ends at its first NUL, as GNU tar and tarfile read it.
          const nul = data.indexOf(0);
          const bytes = data.subarray(0, nul < 0 ? size : nul);
          const text = bytes.toString('utf8');
          if (meta === 'GNU long link name') next.linkpath = text;
          else {
            if (!isUtf8(bytes)) throw refuse(label, undefined, 'has a GNU long name that is not UTF-8, which tar tools write as its bytes', 'bad_archive');
            if (next.path !== undefined) throw bothNames();
            next.path = text;
          }
        }
        ex = next;
        continue;
      }
      if (ex?.path === undefined && prefixOutsideUstar(block)) {
        throw refuse(
          label,
          path,
          "has a name prefix outside a POSIX ustar header, which Python's tarfile (and GNU tar, for some) put before its name and node-tar does not; packages never hold one",
          'unsafe_entry',
        );
      }
      if (ex?.path === undefined && !headerNameIsUtf8(block)) {
        throw refuse(label, path, 'has a name that is not UTF-8, which tar tools write as its bytes; packages never hold one', 'bad_archive');
      }
      if (FILE_FLAGS.has(block[156]!) && path.endsWith('/')) {
        throw refuse(
          label,
          path,
          "is a file whose name ends with '/', which tar tools read as a folder or as a file (and its bytes as entries or as data); packages never hold one",
        );
      }
      if (type === 'Directory') {
        // node-tar and tarfile read what follows a folder's header as the next header, whatever
        // size it gives; a reader that passes over that many bytes sees other entries.
        const declared = ex?.size ?? declaredSize(block);
        if (declared !== 0) {
          throw refuse(
            label,
            path,
            `is a folder whose header gives a size${declared === undefined ? '' : ` (${declared} bytes)`}, which tar tools read differently; packages never hold one`,
          );
        }
      }
      ex = undefined;
      pending.clear();
      const checked = check(header, path, block, BLOCK + metaBytes);
      metaBytes = 0;
      // A folder has no bytes (node-tar's header reads a folder's size as 0), nor has an empty file.
      if (size === 0) {
        await visit(checked);
        continue;
      }
      const body = new EntryBody(input, size, truncatedInput);
      await visit({ ...checked, body });
      await body.finish(padding);
    }
    completed = true;
  } catch (err) {
    throw failure ?? err;
  } finally {
    if (!completed) {
      input.stop();
      readable?.destroy();
    }
  }

  function bothNames(): AliveError {
    return refuse(label, undefined, 'has a GNU long name and a pax path for one entry, which tar tools choose between differently', 'unsafe_entry');
  }

  function truncatedInput(missing: number): AliveError {
    return invalid('TAR_BAD_ARCHIVE', `Truncated input (needed ${missing} more bytes)`);
  }
}

/** What follows the two empty blocks that end the archive: zero padding (up to END_PADDING_LIMIT), dropped; anything else, refused. */
async function afterEnd(input: TarInput, label: string): Promise<void> {
  const refused = (what: string) =>
    refuse(label, undefined, `has ${what} after the end of the tar archive; the package is damaged or not made by alive`, 'bad_archive');
  let padding = 0;
  for (;;) {
    const piece = await input.take(END_PADDING_LIMIT + 1 - padding);
    if (!piece) return;
    if (!allZeros(piece)) throw refused('data');
    padding += piece.length;
    if (padding > END_PADDING_LIMIT) throw refused(`more than ${END_PADDING_LIMIT} zero bytes`);
  }
}

function isReadable(source: Readable | AsyncIterable<Buffer>): source is Readable {
  return typeof (source as Readable).pipe === 'function';
}

/** The body of an entry without bytes (a folder, an empty file). */
const NO_BODY: FileBody = {
  async *[Symbol.asyncIterator]() {},
  resume() {},
};

export interface TarFileReading {
  onProgress?: OnProgress;
  /** The reader stops at the first entries (the manifest): inflate no gzip member ahead. */
  headOnly?: boolean;
  /** The package file's bytes, in order from its first, exactly as the reader takes them. */
  onBytes?: (chunk: Buffer) => void;
}

export function readTarFile(
  path: string,
  compression: 'gzip' | 'none',
  limits: TarLimits,
  visit: (e: TarEntry) => Promise<void>,
  { onProgress, headOnly = false, onBytes }: TarFileReading = {},
): Promise<void> {
  let total = 0;
  if (onProgress) {
    try {
      total = statSync(path).size;
    } catch {
      // the read reports the error
    }
  }
  let done = 0;
  const onRead = onProgress ? (n: number) => onProgress({ phase: 'reading', doneBytes: (done += n), totalBytes: total, finished: false }) : undefined;
  let read: Promise<void>;
  if (compression === 'gzip') {
    read = readTarStream(inflatedGzipFile(path, limits.label, onRead, headOnly ? 1 : undefined, onBytes), 'none', limits, visit);
  } else {
    const source = createReadStream(path, { highWaterMark: 256 * 1024 });
    if (onRead) source.on('data', (c: Buffer | string) => onRead(c.length));
    if (onBytes) source.on('data', (c: Buffer | string) => onBytes(c as Buffer));
    read = readTarStream(source, compression, limits, visit);
  }
  if (!onProgress) return read;
  return read.finally(() => onProgress({ phase: 'reading', doneBytes: done, totalBytes: total, finished: true }));
}
