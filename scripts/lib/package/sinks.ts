import { open, mkdir, utimes } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AliveError, errnoCode } from '../errors.ts';

export interface FileDigest {
  sha256: string;
  size: number;
}

/** Where a package reader puts file bytes: a folder on disk, or nowhere (verify). */
export interface FileSink {
  writeFile(path: string, mode: number, mtimeSec: number, body: Readable): Promise<FileDigest>;
  mkdir(path: string): Promise<void>;
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
  async mkdir() {},
};

/**
 * Writes into a fresh folder that only this process knows: every file is created with O_EXCL
 * (never through an existing file or link) and gets mode 0644 or 0755, never setuid bits.
 */
export function folderSink(root: string): FileSink {
  return {
    async writeFile(path, mode, mtimeSec, body) {
      const target = join(root, path);
      const slash = path.lastIndexOf('/');
      if (slash > 0) await mkdir(join(root, path.slice(0, slash)), { recursive: true });
      let fh;
      try {
        fh = await open(target, 'wx', mode & 0o111 ? 0o755 : 0o644);
      } catch (err) {
        body.resume();
        throw new AliveError(`cannot create ${path} while unpacking (${errnoCode(err) ?? 'error'}); nothing was written`, {
          code: errnoCode(err) === 'EEXIST' ? 'duplicate_entry' : 'unwritable',
        });
      }
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          let off = 0;
          try {
            while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
          } catch (err) {
            throw new AliveError(`cannot write ${path} while unpacking (${errnoCode(err) ?? 'error'}); check the free space and permissions of the destination; nothing was written`, {
              code: 'unwritable',
              cause: err,
            });
          }
        }
      } finally {
        await fh.close();
      }
      if (mtimeSec > 0) await utimes(target, mtimeSec, mtimeSec).catch(() => {});
      return { sha256: hash.digest('hex'), size };
    },
    async mkdir(path) {
      await mkdir(join(root, path), { recursive: true });
    },
  };
}
