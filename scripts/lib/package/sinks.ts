import { open, mkdir } from 'node:fs/promises';
import { openSync, writeSync, closeSync, futimesSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';

export interface FileDigest {
  sha256: string;
  size: number;
}

/**
 * A file's bytes as a package reader hands them over: read once (for await), or left with
 * `resume()`. A Readable is one; so is an entry of tar-read.ts.
 */
export interface FileBody extends AsyncIterable<Buffer> {
  resume(): void;
  /**
   * The next piece when the reader already holds it, without waiting: null once the body is all
   * taken, undefined when the next piece must be waited for (for await). Optional: a body without
   * it is read with for await alone.
   */
  takeReady?(): Buffer | null | undefined;
}

/** Where a package reader puts file bytes: a folder on disk, or nowhere (verify). */
export interface FileSink {
  writeFile(path: string, mode: number, mtimeSec: number, body: FileBody, size?: number): Promise<FileDigest>;
  /**
   * Consumes the body and resolves with a promise of its digest: the write (and hash) may end
   * later, so the reader goes on to the next entry meanwhile. Sinks without it are awaited per file.
   */
  startFile?(path: string, mode: number, mtimeSec: number, body: FileBody, size?: number): Promise<{ digest: Promise<FileDigest> }>;
  /** Waits until every write begun has ended (written or failed) and releases what the sink holds. */
  close?(): Promise<void>;
}

/** Hashes and discards: for verify. */
export const hashOnlySink: FileSink = {
  async writeFile(_path, _mode, _mtime, body) {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  },
};

const SMALL_FILE = 1024 * 1024;

/**
 * A package path is valid up to 4096 bytes, yet below the destination (a staging folder) it can
 * pass what the system opens: that is what is wrong, not the free space or the permissions.
 */
export function tooLongToUnpack(path: string): AliveError {
  return new AliveError(
    `cannot unpack ${path}: its path is too long for this system (ENAMETOOLONG); nothing was written. ` +
      'Unpack it where the path is shorter, or ask the sender for shorter names',
    { code: 'too_large' },
  );
}

function writeFailure(path: string, err: unknown): AliveError {
  if (errnoCode(err) === 'ENAMETOOLONG') return tooLongToUnpack(path);
  return new AliveError(
    `cannot write ${path} while unpacking (${errnoCode(err) ?? 'error'}); check the free space and permissions of the destination; nothing was written`,
    { code: 'unwritable', cause: err },
  );
}

/**
 * Small files are gathered in memory and written with synchronous calls: one open, write and
 * close each, instead of a thread-pool round trip per call (many small files dominate extraction).
 */
async function writeSmall(target: string, path: string, mode: number, mtimeSec: number, body: FileBody): Promise<FileDigest> {
  const chunks: Buffer[] = [];
  let size = 0;
  const hash = createHash('sha256');
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    chunks.push(chunk);
    size += chunk.length;
  }
  let fd: number;
  try {
    fd = openSync(target, 'wx', mode);
  } catch (err) {
    throw new AliveError(`cannot create ${path} while unpacking (${errnoCode(err) ?? 'error'}); nothing was written`, {
      code: errnoCode(err) === 'EEXIST' ? 'duplicate_entry' : 'unwritable',
    });
  }
  try {
    const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      throw writeFailure(path, err);
    }
    if (mtimeSec > 0) futimesSync(fd, mtimeSec, mtimeSec);
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Writes into a fresh folder that only this process knows: every file is created with O_EXCL
 * (never through an existing file or link) and gets mode 0644 or 0755, never setuid bits.
 */
export function folderSink(root: string): FileSink {
  const made = new Set<string>();
  const ensureDir = async (rel: string) => {
    if (rel === '' || made.has(rel)) return;
    await mkdir(join(root, rel), { recursive: true });
    for (let d = rel; d !== '' && !made.has(d); d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') made.add(d);
  };
  return {
    async writeFile(path, mode, mtimeSec, body, declared) {
      const target = join(root, path);
      const slash = path.lastIndexOf('/');
      if (slash > 0) await ensureDir(path.slice(0, slash));
      const fileMode = mode & 0o111 ? 0o755 : 0o644;
      if (declared !== undefined && declared <= SMALL_FILE) return writeSmall(target, path, fileMode, mtimeSec, body);
      let fh;
      try {
        fh = await open(target, 'wx', fileMode);
      } catch (err) {
        body.resume();
        throw new AliveError(`cannot create ${path} while unpacking (${errnoCode(err) ?? 'error'}); nothing was written`, {
          code: errnoCode(err) === 'EEXIST' ? 'duplicate_entry' : 'unwritable',
        });
      }
      const hash = createHash('sha256');
      let size = 0;
      try {
        // Gather small chunks into larger writes: fewer system calls for many small files.
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async () => {
          if (pendingBytes === 0) return;
          const buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          let off = 0;
          try {
            while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
          } catch (err) {
            throw writeFailure(path, err);
          }
        };
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= 1024 * 1024) await flush();
        }
        await flush();
        if (mtimeSec > 0) await fh.utimes(mtimeSec, mtimeSec).catch(() => {});
      } finally {
        await fh.close();
      }
      return { sha256: hash.digest('hex'), size };
    },
  };
}
