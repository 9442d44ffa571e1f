import { closeSync, constants, createReadStream, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AliveError, errnoCode } from '../errors.ts';
import { ActiveSessionsStripper } from './yaml-strip.ts';
import type { PlannedFile } from './collect.ts';

/** The bytes that are packed for a planned file: the file as is, or YAML with sessions stripped. */
export function openPackedBytes(file: PlannedFile): Readable {
  // A read buffer no larger than the file: most walnut files are small, and a 256 KiB buffer per
  // file (twice: hashing, then packing) made garbage collection a large part of create.
  // One byte past the size collect saw (`end` is inclusive): a file that grew is refused, not read on.
  const raw = createReadStream(file.source, { fd: openPlanned(file), autoClose: true, highWaterMark: readBufferSize(file.diskSize), end: file.diskSize });
  let read = 0;
  raw.on('data', (chunk: Buffer | string) => {
    read += chunk.length;
    if (read > file.diskSize) raw.destroy(grew(file));
  });
  if (!file.yaml) return raw;
  const stripper = new ActiveSessionsStripper();
  raw.on('error', (err) => stripper.destroy(err));
  return raw.pipe(stripper);
}

const MAX_READ_BUFFER = 256 * 1024;

function readBufferSize(size: number): number {
  if (!(size >= 0)) return MAX_READ_BUFFER;
  // +1 so the read that sees end-of-file needs no second buffer.
  return Math.min(MAX_READ_BUFFER, Math.max(1024, size + 1));
}

/**
 * A plain file's bytes read with synchronous calls, in chunks no larger than the file. A stream
 * per file (two per file: hashing, then packing) cost create far more than the reads themselves:
 * thread-pool round trips, stream objects and garbage collection on the main thread, which also
 * feeds the compressing threads. Local walnut files are read while nothing else waits for the
 * main thread. `scratch`, when given, is reused for every chunk: the caller must be done with a
 * chunk before asking for the next (hashing only).
 */
function* plainChunks(file: PlannedFile, scratch?: Buffer): Generator<Buffer> {
  const fd = openPlanned(file);
  const size = file.diskSize;
  try {
    const want = readBufferSize(size);
    // No further than one byte past the size collect saw: a file that grows (a sparse terabyte
    // costs no disk) would be read for ever.
    for (let left = size + 1; ; ) {
      const buf = scratch ?? Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, Math.min(buf.length, want, left), null);
      if (n === 0) return;
      left -= n;
      if (left === 0) throw grew(file);
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** The packed bytes of a file, chunk by chunk (see plainChunks; YAML goes through its stripper). */
function packedChunks(file: PlannedFile, scratch?: Buffer): AsyncIterable<Buffer> | Iterable<Buffer> {
  if (file.yaml) return openPackedBytes(file) as AsyncIterable<Buffer>;
  return plainChunks(file, scratch);
}

/**
 * Opens the file collect planned, only as collect saw it: never through a link (O_NOFOLLOW: a file
 * swapped for a link out of the walnut), never waiting on a FIFO or device (O_NONBLOCK, which reads
 * of a regular file ignore), only when what was opened is a regular file with the device and inode
 * collect recorded, and only when it is the file at the planned path itself (openedOutside: a
 * folder above it swapped for a link while collect walked makes collect record the file outside,
 * which O_NOFOLLOW, checking only the last name, then opens). Anything else changed while create
 * was packing.
 */
function openPlanned(file: PlannedFile): number {
  let fd: number;
  try {
    fd = openSync(file.source, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    // Linux and macOS say ELOOP for a link met with O_NOFOLLOW, FreeBSD EMLINK.
    const code = errnoCode(err);
    if (code === 'ELOOP' || code === 'EMLINK') throw swapped(file, 'it is now a symbolic link');
    throw err;
  }
  let why: string | undefined;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) why = 'it is no longer a regular file';
    else if (st.dev !== file.dev || st.ino !== file.ino) why = 'another file took its place';
    else if (openedOutside(fd, file.source, st)) why = 'a folder above it became a link, and it names a file outside the walnut';
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  if (why !== undefined) {
    closeSync(fd);
    throw swapped(file, why);
  }
  return fd;
}

/**
 * Whether the opened file is not the one at `source`, a real path (collect plans every file at
 * its real path under the walnut's real path). Linux names what a descriptor opened
 * (/proc/self/fd); elsewhere the path must still be real and name the opened file.
 */
function openedOutside(fd: number, source: string, opened: Stats): boolean {
  let named: string | undefined;
  try {
    named = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    named = undefined;
  }
  if (named !== undefined) return named !== source;
  try {
    if (realpathSync(source) !== source) return true;
    const now = statSync(source);
    return now.dev !== opened.dev || now.ino !== opened.ino;
  } catch {
    return true;
  }
}

function grew(file: PlannedFile): AliveError {
  return swapped(file, `it grew while create read it, past the ${file.diskSize} bytes it had`);
}

function swapped(file: PlannedFile, why: string): AliveError {
  return new AliveError(`${file.path} changed while create was packing it (${why}); run create again once nothing else changes it`, {
    code: 'changed_while_packing',
  });
}

export interface Digest {
  sha256: string;
  size: number;
}

/** A file of the walnut that cannot be read is the user's to fix, not a bug of ours. */
function unreadable(file: PlannedFile, err: unknown): unknown {
  const code = errnoCode(err);
  if (err instanceof AliveError || !code) return err;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AliveError(
      `cannot read ${file.path}: it was moved or deleted while create was packing the walnut; run create again once nothing else changes it`,
      {
        code: 'unreadable',
        cause: err,
      },
    );
  }
  return new AliveError(`cannot read ${file.path} (${code}); fix its permissions or add it to .walnutignore, then try again`, {
    code: 'unreadable',
    cause: err,
  });
}

/**
 * Bytes hashed between two turns of the event loop. The reads are synchronous (plainChunks), and
 * without a turn a Ctrl-C was never handled while create hashed: its clean-up and message waited
 * for the whole walnut.
 */
const HASHED_PER_TURN = 16 * 1024 * 1024;
let hashedSinceTurn = 0;

/**
 * SHA-256 and length of the packed bytes, streaming; `onChunk` sees each chunk hashed (and must
 * be done with it when it returns: the buffer is reused).
 */
export async function digestPackedBytes(file: PlannedFile, onChunk?: (chunk: Buffer) => void): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  const scratch = spareScratch.pop() ?? Buffer.allocUnsafe(MAX_READ_BUFFER);
  try {
    for await (const chunk of packedChunks(file, scratch)) {
      hash.update(chunk);
      onChunk?.(chunk);
      size += chunk.length;
      hashedSinceTurn += chunk.length;
      if (hashedSinceTurn >= HASHED_PER_TURN) {
        hashedSinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } catch (err) {
    throw unreadable(file, err);
  } finally {
    if (spareScratch.length < SPARE_SCRATCH) spareScratch.push(scratch);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Read buffers for hashing, each used by one file at a time and then by the next: one allocated
 * per file (100,000 small files) left that many buffers for the garbage collector.
 */
const spareScratch: Buffer[] = [];
const SPARE_SCRATCH = 4;

/** Yields the packed bytes again while hashing them, and checks they still match `expected`. */
export async function* packedBytesChecked(file: PlannedFile, expected: Digest): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of packedChunks(file)) {
      hash.update(chunk);
      yield chunk;
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  if (hash.digest('hex') !== expected.sha256) {
    throw new AliveError(`${file.path} changed while it was being packed; try again`, { code: 'changed_while_packing' });
  }
}
