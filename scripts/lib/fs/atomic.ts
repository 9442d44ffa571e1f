import { openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { jsonText } from '../text/untrusted.ts';

export interface AtomicWriteOptions {
  /** File mode for the new file (default 0o644). */
  mode?: number;
}

/** A temporary name beside `target`, on the same file system, hidden and unique. */
export function siblingTempPath(target: string, tag = 'tmp'): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${tag}`);
}

/**
 * Writes a file so that readers see either the old content or the whole new content:
 * write aside, fsync, rename over the target, then fsync the folder (best effort).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = siblingTempPath(target);
  writeNewFileDurably(tmp, data, options.mode ?? 0o644);
  try {
    renameSync(tmp, target);
  } catch (err) {
    safeUnlink(tmp);
    throw err;
  }
  fsyncDir(dirname(target));
}

/** Creates `path` (never an existing file), writes `data` and fsyncs it; removes it on failure. */
export function writeNewFileDurably(path: string, data: string | Uint8Array, mode = 0o644): void {
  const fd = openSync(path, 'wx', mode);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    safeUnlink(path);
    throw err;
  }
  closeSync(fd);
}

/** JSON with two-space indent and a trailing newline, written atomically. */
/**
 * `value` as a JSON file, replaced atomically. What JSON.stringify leaves raw (C1 controls, bidi
 * overrides, line separators: someone else's text in a ledger or a state file that an agent or a
 * terminal may show) is written as `\u` escapes (jsonText): the same values once parsed.
 */
export function writeJsonAtomic(target: string, value: unknown, options: AtomicWriteOptions = {}): void {
  writeFileAtomic(target, `${jsonText(value, 2)}\n`, options);
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}

export function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
