/**
 * Streams the entries of a tar or tar.gz, refusing anything that is not a plain file or folder
 * with a safe, unique name (walnut-package-v2.md 4.3). The visitor sees only validated entries,
 * one at a time, and must consume each entry's bytes.
 */
import { constants as fsConstants, createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { Parser } from 'tar/parse';
import type { ReadEntry } from 'tar/read-entry';
import { AliveError, type ErrorCode } from '../errors.ts';
import { unsafePathReason, normaliseMemberName } from './safe-path.ts';
import { inlineText } from '../text/untrusted.ts';
import type { OnProgress } from './progress.ts';
import { inflatedGzipFile } from './gzip-members.ts';
import { requireRegularFile } from './package-path.ts';

export interface TarEntry {
  /** Normalised path (no `./`, no trailing `/`). */
  path: string;
  kind: 'file' | 'dir';
  size: number;
  mode: number;
  mtimeSec: number;
  /** The file's bytes (files only); must be consumed. */
  body: Readable;
}

export interface TarLimits {
  /** Total bytes of file content allowed (expanded size). */
  maxBytes: number;
  /** Most entries allowed. */
  maxEntries: number;
  /** Name of the archive for messages (e.g. "package.walnut" or "payload.enc"). */
  label: string;
}

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

export function refuse(label: string, entry: string | undefined, reason: string, code: ErrorCode = 'unsafe_entry'): AliveError {
  const where = entry === undefined ? label : `${label}: entry '${entry}'`;
  return new AliveError(`${inlineText(where)} ${reason}; nothing was written`, { code });
}

/** Counts bytes flowing through and fails once a limit is passed (gzip bombs). */
class ByteLimit extends Transform {
  seen = 0;
  constructor(
    private readonly limit: number,
    private readonly onExceed: () => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) cb(this.onExceed());
    else cb(null, chunk);
  }
}

const BLOCK = 512;
/**
 * Most zero bytes read after the end of the archive. Tar writers pad the archive to a whole record:
 * 10240 bytes by default (GNU tar, bsdtar, Python's tarfile); this allows blocking factors up to 2048.
 */
const END_PADDING_LIMIT = 1024 * 1024;
const ZEROS = Buffer.alloc(64 * 1024);

/** Whether buf[from, to) holds only zero bytes. */
function zeros(buf: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at += ZEROS.length) {
    const end = Math.min(to, at + ZEROS.length);
    // The first byte decides most blocks of data without a call into compare.
    if (buf[at] !== 0 || ZEROS.compare(buf, at, end, 0, end - at) !== 0) return false;
  }
  return true;
}

/** The end of the whole blocks of zeros that start at `at` (`at` itself when there are none). */
function zeroBlocksEnd(buf: Buffer, at: number): number {
  let end = at;
  while (end + ZEROS.length <= buf.length && zeros(buf, end, end + ZEROS.length)) end += ZEROS.length;
  while (end + BLOCK <= buf.length && zeros(buf, end, end + BLOCK)) end += BLOCK;
  return end;
}

function afterEnd(label: string, what: string): AliveError {
  return refuse(label, undefined, `has ${what} after the end of the tar archive; the package is damaged or not made by alive`, 'bad_archive');
}

/**
 * Writes a tar stream into the parser until the parser finds the end of the archive, then reads
 * the rest itself: zero padding (up to END_PADDING_LIMIT) is dropped, anything else refused. The
 * parser never sees it, because once past its end it keeps every byte written to it in one buffer,
 * copied whole for each chunk.
 *
 * The parser reports its end ('eof') only once it has handed out the entries before it, so the
 * feed cannot tell at once where the end was. It need not: the end follows two empty blocks, so
 * before a block with data that follows two empty ones, the feed lets the parser settle (its write
 * returns true, or it drains: either way no event is left queued) and looks. Whatever the parser
 * may then hold past its end is zeros.
 */
class TarFeed extends Writable {
  /** The parser has found the end of the archive. */
  private ended = false;
  private seen = 0;
  private padding = 0;
  /** The stream's first two bytes, once they have come. */
  private magic: number[] = [];
  /** Blocks in a row just before the current one that the parser may take as empty (at most 2). */
  private emptyBefore = 0;
  /** The current block, as far as it has come, is one the parser may take as empty. */
  private emptyBlock = true;

  constructor(
    private readonly parser: Parser,
    private readonly label: string,
  ) {
    super();
    parser.on('eof', () => {
      this.ended = true;
    });
  }

  override _write(chunk: Buffer, _e: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.take(chunk).then(() => cb(), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.parser.end();
    cb();
  }

  private async take(chunk: Buffer): Promise<void> {
    if (this.magic.length < 2) {
      this.magic.push(...chunk.subarray(0, 2 - this.magic.length));
      // The parser would inflate a tar that is gzip data itself, past every limit set here.
      if (this.magic[0] === 0x1f && this.magic[1] === 0x8b) {
        throw refuse(this.label, undefined, 'is compressed twice (its tar is gzip data); the package is damaged or not made by alive', 'bad_archive');
      }
    }
    let from = 0;
    let i = 0;
    while (i < chunk.length && !this.ended) {
      const inBlock = this.seen % BLOCK;
      let end = inBlock === 0 ? this.wholeBlocks(chunk, i) : i;
      if (end === i) {
        // Part of a block, a block that wholeBlocks leaves, or the one after two empty blocks.
        end = Math.min(chunk.length, i + BLOCK - inBlock);
        if (this.emptyBefore === 2 && !zeros(chunk, i, end)) {
          // The archive may have ended just before this block: the parser settles first.
          await this.give(chunk.subarray(from, i));
          from = i;
          if (this.ended) break;
        }
        // Bytes 148-155 are the checksum field, which the parser's empty blocks may fill.
        const sumStart = Math.min(end, Math.max(i, i - inBlock + 148));
        const sumEnd = Math.min(end, Math.max(i, i - inBlock + 156));
        this.emptyBlock &&= zeros(chunk, i, sumStart) && zeros(chunk, sumEnd, end);
        if ((inBlock + end - i) % BLOCK === 0) {
          this.emptyBefore = this.emptyBlock ? Math.min(2, this.emptyBefore + 1) : 0;
          this.emptyBlock = true;
        }
      }
      this.seen += end - i;
      i = end;
    }
    const rest = chunk.subarray(from);
    if (!this.ended) return this.give(rest);
    if (!zeros(rest, 0, rest.length)) throw afterEnd(this.label, 'data');
    this.padding += rest.length;
    if (this.padding > END_PADDING_LIMIT) throw afterEnd(this.label, `more than ${END_PADDING_LIMIT} zero bytes`);
  }

  /**
   * The end of a run of whole blocks from `at` that needs no closer look: blocks of zeros (empty),
   * or blocks that start with data (not empty) where the archive cannot end just before them.
   */
  private wholeBlocks(chunk: Buffer, at: number): number {
    let end = at;
    if (chunk[at] !== 0 && this.emptyBefore < 2) {
      while (end + BLOCK <= chunk.length && chunk[end] !== 0) end += BLOCK;
      if (end > at) this.emptyBefore = 0;
    } else {
      end = zeroBlocksEnd(chunk, at);
      this.emptyBefore = Math.min(2, this.emptyBefore + (end - at) / BLOCK);
    }
    return end;
  }

  /** Writes to the parser, resolving once it takes more (by then it has emitted any 'eof'). */
  private give(piece: Buffer): Promise<void> | undefined {
    if (piece.length === 0 || this.parser.write(piece)) return undefined;
    return new Promise((resolve) => this.parser.once('drain', resolve));
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
 * for each validated entry in archive order.
 */
export function readTarStream(source: Readable, compression: 'gzip' | 'none', limits: TarLimits, visit: (entry: TarEntry) => Promise<void>): Promise<void> {
  const { label } = limits;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const names = new Map<string, 'file' | 'dir'>();
    let entries = 0;
    let contentBytes = 0;
    let chain = Promise.resolve();
    // Slack for headers and padding: the decompressed stream may exceed content a little, not a lot.
    const decompressedLimit = limits.maxBytes + 64 * 1024 * 1024 + limits.maxEntries * 1536;
    const limit = new ByteLimit(decompressedLimit, () =>
      refuse(label, undefined, `expands past the size limit of ${limits.maxBytes} bytes (--max-size)`, 'too_large'),
    );
    const parser = new Parser({ strict: true, zstd: false });
    const feed = new TarFeed(parser, label);
    const stages: Array<Readable | NodeJS.WritableStream> = [source];

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      for (const s of stages) (s as Readable).destroy?.();
      parser.abort(new Error('aborted'));
      reject(err);
    };

    const check = (entry: ReadEntry): TarEntry => {
      const rawName = entry.path;
      if (entry.globalExtended && Object.keys(entry.globalExtended).length > 0) {
        throw refuse(label, rawName, 'follows a pax global header, which packages never use');
      }
      const typeReason = TYPE_REASONS[entry.type];
      if (typeReason === undefined) throw refuse(label, rawName, `has an unsupported type (${entry.type})`);
      if (typeReason !== '') throw refuse(label, rawName, typeReason);
      const name = normaliseMemberName(rawName);
      const kind = entry.type === 'Directory' ? 'dir' : 'file';
      if (name === '' && kind === 'dir') return { path: '', kind, size: 0, mode: 0o755, mtimeSec: 0, body: entry as unknown as Readable };
      const why = unsafePathReason(name);
      if (why) throw refuse(label, rawName, why);
      const prior = names.get(name);
      if (prior === 'dir' && kind === 'file') throw refuse(label, rawName, 'is both a file and a folder', 'duplicate_entry');
      if (prior && !(prior === 'dir' && kind === 'dir')) throw refuse(label, rawName, 'appears twice in the archive', 'duplicate_entry');
      // A name must not be used as a file and as a folder (a/ then a, or a then a/b). Its folders are
      // registered from the deepest up to the first one known: every folder above a known one is
      // known too (and none of them is a file), so a deep name costs its length once, not its
      // depth times its length (thousands of entries 2,000 folders deep took minutes).
      for (let slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
        const parent = name.slice(0, slash);
        const known = names.get(parent);
        if (known === 'file') throw refuse(label, rawName, `is inside '${parent}', which is a file`, 'duplicate_entry');
        if (known === 'dir') break;
        names.set(parent, 'dir');
      }
      names.set(name, kind);
      entries += 1;
      if (entries > limits.maxEntries) throw refuse(label, undefined, `has more than ${limits.maxEntries} entries`, 'too_large');
      const size = kind === 'file' ? (entry.size ?? 0) : 0;
      contentBytes += size;
      if (contentBytes > limits.maxBytes) {
        throw refuse(label, rawName, `takes the expanded size past the limit of ${limits.maxBytes} bytes (--max-size)`, 'too_large');
      }
      const mtime = entry.mtime instanceof Date ? Math.floor(entry.mtime.getTime() / 1000) : 0;
      return { path: name, kind, size, mode: (entry.mode ?? 0o644) & 0o777, mtimeSec: mtime, body: entry as unknown as Readable };
    };

    parser.on('entry', (entry: ReadEntry) => {
      if (settled) {
        entry.resume();
        return;
      }
      let checked: TarEntry;
      try {
        checked = check(entry);
      } catch (err) {
        entry.resume();
        fail(err);
        return;
      }
      if (checked.kind === 'dir') {
        entry.resume();
        chain = chain.then(() => visit(checked)).catch(fail);
        return;
      }
      entry.pause();
      chain = chain.then(async () => {
        if (settled) {
          entry.resume();
          return;
        }
        await visit(checked);
      });
      chain.catch(fail);
    });
    // The parser skips some members without an 'entry' event: types it does not model (V, M, S,
    // A, I, unknown letters such as Z) and oversized meta headers. Each is a member the manifest
    // cannot account for, so it is refused, never dropped.
    parser.on('ignoredEntry', (entry: ReadEntry) => {
      entry.resume();
      const block = entry.header.block;
      const letter = block && block.length >= 157 ? String.fromCharCode(block[156]!) : entry.header.typeKey;
      fail(refuse(label, entry.path, `has an unsupported type ('${letter}'), which a package never holds`));
    });
    parser.on('warn', (code: string, message: string | Error) => {
      fail(refuse(label, undefined, `is not a valid tar archive (${code}: ${String(message instanceof Error ? message.message : message)})`, 'bad_archive'));
    });
    parser.on('error', (err: Error) => {
      fail(refuse(label, undefined, `is not a valid tar archive (${err.message})`, 'bad_archive'));
    });
    parser.on('end', () => {
      chain.then(() => {
        if (!settled) {
          settled = true;
          resolve();
        }
      }, fail);
    });

    source.on('error', (err) => fail(err instanceof AliveError ? err : refuse(label, undefined, `cannot be read (${err.message})`, 'bad_archive')));
    limit.on('error', (err) => fail(err));
    feed.on('error', (err) => fail(err));
    if (compression === 'gzip') {
      // Large output chunks matter: the 16 KiB default makes gunzip three times slower.
      const gunzip = createGunzip({ chunkSize: 256 * 1024 });
      stages.push(gunzip);
      gunzip.on('error', (err) =>
        fail(refuse(label, undefined, `is not a complete gzip stream (${err.message}); the file is damaged or not a package`, 'bad_archive')),
      );
      source.pipe(gunzip).pipe(limit).pipe(feed);
    } else {
      source.pipe(limit).pipe(feed);
    }
    stages.push(limit, feed);
  });
}

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
