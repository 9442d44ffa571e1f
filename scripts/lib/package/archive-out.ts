import { open, type FileHandle } from 'node:fs/promises';
import { linkSync, unlinkSync, existsSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { siblingTempPath, fsyncDir, safeUnlink } from '../fs/atomic.ts';
import { ParallelGzipWriter, type GzipWriterOptions } from './gzip-writer.ts';
import { TarWriter } from './tar-writer.ts';

export interface WrittenArchive {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Writes a .tar.gz to a hidden temporary file beside `output`, then links it into place only if
 * nothing exists there yet: a package appears whole or not at all, and never replaces a file.
 */
export async function writeTarGz(
  output: string,
  fill: (tar: TarWriter) => Promise<void>,
  gzipOptions: GzipWriterOptions = {},
): Promise<WrittenArchive> {
  if (existsSync(output)) {
    throw new AliveError(`${output} already exists; choose another --output or move the old file away`, { code: 'exists' });
  }
  const tmp = siblingTempPath(output, 'partial');
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx', 0o644);
  } catch (err) {
    throw new AliveError(`cannot write to ${dirname(output)} (${errnoCode(err) ?? 'error'}); check the folder exists and is writable`, {
      code: 'unwritable',
    });
  }
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const gz = new ParallelGzipWriter(async (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      let off = 0;
      while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
    }, gzipOptions);
    const tar = new TarWriter((chunk) => gz.write(chunk));
    await fill(tar);
    await tar.finish();
    await gz.end();
    await fh.sync();
    await fh.close();
  } catch (err) {
    await fh.close().catch(() => {});
    safeUnlink(tmp);
    throw err;
  }
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
      return { path: output, sha256: hash.digest('hex'), bytes };
    }
    safeUnlink(tmp);
    throw err;
  }
  unlinkSync(tmp);
  fsyncDir(dirname(output));
  return { path: output, sha256: hash.digest('hex'), bytes };
}
