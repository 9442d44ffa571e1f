/** Small file-system helpers of the bus: cached mkdir, durable writes into a folder, no-clobber moves. */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
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
