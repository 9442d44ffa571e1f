import { close, fsync, linkSync, openSync, unlinkSync, existsSync, renameSync, write } from 'node:fs';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { siblingTempPath, fsyncDir, safeUnlink } from '../fs/atomic.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';
import { ParallelGzipWriter, type GzipWriterOptions } from './gzip-writer.ts';
import { TarWriter } from './tar-writer.ts';

const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);

export interface WrittenArchive {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Writes a .tar.gz to a hidden temporary file (0600) beside `output`, then links it into place only
 * if nothing exists there yet: a package appears whole or not at all, and never replaces a file.
 */
export async function writeTarGz(output: string, fill: (tar: TarWriter) => Promise<void>, gzipOptions: GzipWriterOptions = {}): Promise<WrittenArchive> {
  return writeTarFile(output, fill, { gzip: true, gzipOptions });
}

/** The same for a tar that is gzip'd or not (v3's RSA envelope is a plain tar). */
export async function writeTarFile(
  output: string,
  fill: (tar: TarWriter) => Promise<void>,
  opts: { gzip: boolean; gzipOptions?: GzipWriterOptions },
): Promise<WrittenArchive> {
  if (existsSync(output)) {
    throw new AliveError(`${output} already exists; choose another --output or move the old file away`, { code: 'exists' });
  }
  const tmp = siblingTempPath(output, 'partial');
  let fd: number;
  // Listening before the file exists: a Ctrl-C that met no listener would end the process at once.
  const release = cleanUpIfInterrupted(() => safeUnlink(tmp));
  try {
    // 0600 from the first byte, as the .payload beside it: a package holds a person's private
    // context (owner-only files included), and it is linked into place as it is. Made on this
    // thread: an open on the thread pool could create the file after a Ctrl-C's clean-up ran.
    fd = openSync(tmp, 'wx', 0o600);
  } catch (err) {
    release();
    throw new AliveError(`cannot write to ${dirname(output)} (${errnoCode(err) ?? 'error'}); check the folder exists and is writable`, {
      code: 'unwritable',
    });
  }
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const toFile = async (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      let off = 0;
      while (off < chunk.length) off += (await writeAsync(fd, chunk, off, chunk.length - off)).bytesWritten;
    };
    const gz = opts.gzip ? new ParallelGzipWriter(toFile, opts.gzipOptions ?? {}) : undefined;
    const tar = new TarWriter(gz ? (chunk) => gz.write(chunk) : toFile);
    await fill(tar);
    await tar.finish();
    await gz?.end();
    await fsyncAsync(fd);
    await closeAsync(fd);
  } catch (err) {
    await closeAsync(fd).catch(() => {});
    safeUnlink(tmp);
    release();
    throw writeFailure(output, err);
  }
  try {
    placeNewFile(tmp, output);
  } finally {
    release();
  }
  return { path: output, sha256: hash.digest('hex'), bytes };
}

/**
 * What a failed write of the package at `output` (or of a temporary file beside it, removed by the
 * caller) is reported as: a system error (ENOSPC, EFBIG, EIO, ...) as `unwritable`, in our words;
 * our own errors and bugs as they are.
 */
export function writeFailure(output: string, err: unknown): unknown {
  if (err instanceof AliveError || !/^E[A-Z]+$/.test(errnoCode(err) ?? '')) return err;
  return new AliveError(`cannot write ${output} (${errnoCode(err)}); check the free space and permissions of ${dirname(output)}; nothing was written`, {
    code: 'unwritable',
    cause: err,
  });
}

/**
 * Moves a finished temporary file into place only if nothing exists at `output` (hard link, then
 * unlink; a rename after one more check where links are not supported). Removes `tmp` on failure.
 */
export function placeNewFile(tmp: string, output: string): void {
  try {
    linkSync(tmp, output);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') {
      safeUnlink(tmp);
      throw new AliveError(`${output} appeared while packing; choose another --output`, { code: 'exists' });
    }
    // File systems without hard links: fall back to a rename after one more existence check.
    if ((code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') && !existsSync(output)) {
      renameSync(tmp, output);
      fsyncDir(dirname(output));
      return;
    }
    safeUnlink(tmp);
    throw err;
  }
  unlinkSync(tmp);
  fsyncDir(dirname(output));
}
