/** Small file-system helpers of the bus: cached mkdir, durable writes into a folder, no-clobber moves. */
import { closeSync, constants as fsc, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoCode } from '../errors.ts';
import { fsyncDir, safeUnlink, writeNewFileDurably } from '../fs/atomic.ts';

/**
 * mkdir -p. Not cached: a long-running daemon must survive someone removing a folder under it
 * (the syscall is cheap next to the fsync every message costs).
 */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Writes `data` to `tmpPath` (exclusive create) and fsyncs it. */
export function writeDurable(tmpPath: string, data: Uint8Array | string, mode = 0o644): void {
  ensureDir(dirname(tmpPath));
  writeNewFileDurably(tmpPath, data, mode);
}

/**
 * Renames a finished (already fsynced) temporary file into `destDir` under `name`, then fsyncs the
 * folder unless `syncDir` is false. The rename alone makes the file appear whole; the folder sync
 * makes its appearance survive a power cut.
 */
export function publish(tmpPath: string, destDir: string, name: string, syncDir = true): string {
  ensureDir(destDir);
  const dest = join(destDir, name);
  try {
    renameSync(tmpPath, dest);
  } catch (err) {
    safeUnlink(tmpPath);
    throw err;
  }
  if (syncDir) fsyncDir(destDir);
  return dest;
}

/**
 * A free name in `dir` for `name`: the name itself, else `name.1`, `name.2`, ... Used where two
 * different files may share a name (foreign slugs in the archive or dead-letter).
 */
export function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}.${n}`;
    if (!existsSync(join(dir, candidate))) return candidate;
  }
}

/** rename() that reports "the source is gone" as false instead of throwing. */
export function renameIfPresent(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/**
 * The most of one message file read into memory outside a claim (show, thread, wait, reply): a
 * bus writer can plant a file of any size, and the claim's own max_bytes check (8 MiB by default)
 * only guards the inbox. Larger files are reported as too large, never read.
 */
export const MESSAGE_READ_LIMIT = 64 * 1024 * 1024;

export type BusFileProblem = 'missing' | 'not_a_file' | 'too_large' | 'unreadable';

export type BusFileRead = { ok: true; bytes: Buffer; size: number; mtimeMs: number } | { ok: false; problem: BusFileProblem; detail: string };

/**
 * Reads a file of the bus, which any writer may have planted: `lstat` first (only a regular file
 * counts), then an open that neither follows a link nor waits on a FIFO or device
 * (O_NOFOLLOW | O_NONBLOCK), then `fstat` on what was opened (it may have been swapped meanwhile).
 * `headBytes` reads only the start; otherwise a file over `maxBytes` is refused unread.
 */
export function readBusFile(path: string, opts: { maxBytes?: number; headBytes?: number } = {}): BusFileRead {
  let st;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    return { ok: false, problem: 'unreadable', detail: errnoCode(err) ?? String(err) };
  }
  if (!st) return { ok: false, problem: 'missing', detail: 'no such file' };
  if (!st.isFile()) return { ok: false, problem: 'not_a_file', detail: 'not a regular file (a folder, link, FIFO or device)' };
  let fd: number;
  try {
    fd = openSync(path, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return { ok: false, problem: 'missing', detail: 'no such file' };
    if (code === 'ELOOP') return { ok: false, problem: 'not_a_file', detail: 'a symbolic link' };
    return { ok: false, problem: 'unreadable', detail: code ?? String(err) };
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) return { ok: false, problem: 'not_a_file', detail: 'not a regular file (a folder, link, FIFO or device)' };
    if (opts.headBytes === undefined && opts.maxBytes !== undefined && fst.size > opts.maxBytes) {
      return { ok: false, problem: 'too_large', detail: `larger than the limit of ${opts.maxBytes} bytes (${fst.size} bytes)` };
    }
    const want = opts.headBytes === undefined ? fst.size : Math.min(fst.size, opts.headBytes);
    const bytes = Buffer.alloc(want);
    let off = 0;
    while (off < want) {
      const n = readSync(fd, bytes, off, want - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: bytes.subarray(0, off), size: fst.size, mtimeMs: fst.mtimeMs };
  } catch (err) {
    return { ok: false, problem: 'unreadable', detail: errnoCode(err) ?? String(err) };
  } finally {
    closeSync(fd);
  }
}

/** A small JSON file of the bus (reason files, config, daemon records), read safely; undefined if absent or bad. */
export function readBusJson(path: string, maxBytes = 1024 * 1024): unknown {
  const r = readBusFile(path, { maxBytes });
  if (!r.ok) return undefined;
  try {
    return JSON.parse(r.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
