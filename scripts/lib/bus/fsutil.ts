/**
 * File-system I/O of the bus, in one place. Anyone who can write the bus folder can plant a
 * symbolic link where the bus keeps a folder (runtimes/, runtimes/<r>/, inbox/, .tmp/, ...) and so
 * redirect where messages, answers, reason files and claims land, or feed the bus files from
 * outside it. So every folder level below the bus root is checked (lstat: a real folder, not a
 * link) on each write and each read, and a link is refused with the folder named. Files are
 * created with O_EXCL | O_NOFOLLOW in a folder just checked, written aside and renamed inside a
 * checked folder, which keeps the window between check and use to a few system calls (Node has
 * no openat/renameat to close it entirely). The bus root itself is the user's choice and may be a
 * link.
 */
import {
  closeSync,
  constants as fsc,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { fsyncDir, siblingTempPath } from '../fs/atomic.ts';

/** The refusal of a folder of the bus that is a link (or not a folder at all). */
export function unsafeBusFolder(dir: string, st: Stats): AliveError {
  const what = st.isSymbolicLink()
    ? 'is a symbolic link, not a real folder of the bus: the bus neither writes nor reads through links (whoever planted it could send the bus files anywhere, or feed it files from outside). Remove the link (the bus makes a real folder in its place) and check where it pointed'
    : 'is not a folder (a file or device stands where the bus keeps a folder): remove it or move it away, then try again';
  return new AliveError(`refusing to use ${dir}: it ${what}`, { code: 'unsafe_bus_folder', fields: { folder: dir } });
}

/**
 * Checks every folder level from below `root` down to `dir`: each must be a real folder, never a
 * link. With `create`, missing levels are made one at a time (and checked after). Returns false
 * when a level is missing (without `create`); throws `unsafe_bus_folder` on a link or non-folder.
 */
export function checkBusDir(root: string, dir: string, create: boolean): boolean {
  if (isRealFolderBelow(root, dir)) return true;
  const rel = relative(root, dir);
  if (rel === '') {
    if (!create) return lstatSync(root, { throwIfNoEntry: false }) !== undefined;
    mkdirSync(root, { recursive: true });
    return true;
  }
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`internal: ${dir} is not inside the bus root ${root}`);
  if (create && lstatSync(root, { throwIfNoEntry: false }) === undefined) mkdirSync(root, { recursive: true });
  let cur = root;
  for (const seg of rel.split(sep)) {
    cur = join(cur, seg);
    let st = lstatSync(cur, { throwIfNoEntry: false });
    if (!st) {
      if (!create) return false;
      try {
        mkdirSync(cur, 0o755);
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST') throw err;
      }
      st = lstatSync(cur);
    }
    if (st.isSymbolicLink() || !st.isDirectory()) throw unsafeBusFolder(cur, st);
  }
  return true;
}

const realRoots = new Map<string, string>();

/**
 * The fast answer (one realpath(3) call, where the C library lstats each level): `dir` is a folder
 * whose real path is the root's real path plus the same names, so no level below the root is a
 * link, and the trailing '/.' makes a non-folder fail. False means "look level by level" (absent,
 * a link, not a folder, a relative or unusual root, or the root itself moved).
 */
function isRealFolderBelow(root: string, dir: string): boolean {
  if (dir.length <= root.length || !dir.startsWith(root) || dir[root.length] !== sep) return false;
  let realRoot = realRoots.get(root);
  try {
    if (realRoot === undefined) {
      realRoot = realpathSync.native(root);
      realRoots.set(root, realRoot);
    }
    if (realpathSync.native(`${dir}${sep}.`) === realRoot + dir.slice(root.length)) return true;
  } catch {
    // absent or not a folder: the level-by-level walk says which
  }
  realRoots.delete(root);
  return false;
}

/** Makes `dir` and the folders above it (below the root), each a real folder. */
export function ensureDir(root: string, dir: string): void {
  checkBusDir(root, dir, true);
}

/** True when `dir` exists as real folders all the way down; false when absent; throws on a link. */
export function busDirExists(root: string, dir: string): boolean {
  return checkBusDir(root, dir, false);
}

/** The names in a bus folder ([] when it does not exist). */
export function listBusDir(root: string, dir: string): string[] {
  if (!busDirExists(root, dir)) return [];
  try {
    return readdirSync(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw err;
  }
}

/** The entries of a bus folder with their types ([] when it does not exist). */
export function listBusDirents(root: string, dir: string): Dirent[] {
  if (!busDirExists(root, dir)) return [];
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw err;
  }
}

/** lstat of an entry of a bus folder (undefined when it or its folder is absent). */
export function lstatBus(root: string, path: string): Stats | undefined {
  if (!busDirExists(root, dirname(path))) return undefined;
  return lstatSync(path, { throwIfNoEntry: false });
}

/**
 * Creates `path` (never an existing file, never through a link) in a folder checked just before,
 * and returns its descriptor.
 */
export function openNewBusFile(root: string, path: string, mode = 0o644): number {
  ensureDir(root, dirname(path));
  return openSync(path, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW, mode);
}

/** Writes all of `data` at the descriptor's position. */
export function writeAll(fd: number, data: Uint8Array | string): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Creates `path` (exclusive, no link followed), writes `data` and fsyncs it; removes it on failure. */
export function writeDurable(root: string, path: string, data: Uint8Array | string, mode = 0o644): void {
  const fd = openNewBusFile(root, path, mode);
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    safeUnlinkBus(root, path);
    throw err;
  }
  closeSync(fd);
}

/**
 * Writes a file of the bus so that readers see the old or the whole new content: written aside
 * in the same (checked) folder, renamed over the target (a rename replaces a planted link or FIFO,
 * never opens it), the folder synced.
 */
export function writeBusFileAtomic(root: string, target: string, data: Uint8Array | string, mode = 0o644): void {
  const tmp = siblingTempPath(target);
  writeDurable(root, tmp, data, mode);
  try {
    checkBusDir(root, dirname(target), false);
    renameSync(tmp, target);
  } catch (err) {
    safeUnlinkBus(root, tmp);
    throw err;
  }
  fsyncDir(dirname(target));
}

/** JSON with two-space indent and a trailing newline, written atomically into the bus. */
export function writeBusJsonAtomic(root: string, target: string, value: unknown): void {
  writeBusFileAtomic(root, target, `${JSON.stringify(value, null, 2)}\n`);
}

/** Appends to a file of the bus (made if absent): no link followed, no FIFO waited on. */
export function appendBusFile(root: string, path: string, data: string): void {
  ensureDir(root, dirname(path));
  const fd = openSync(path, fsc.O_WRONLY | fsc.O_APPEND | fsc.O_CREAT | fsc.O_NOFOLLOW | fsc.O_NONBLOCK, 0o644);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AliveError(`refusing to append to ${path}: not a regular file; remove it`, { code: 'not_a_file' });
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Renames a finished (already fsynced) temporary file into `destDir` under `name`, then fsyncs the
 * folder unless `syncDir` is false. The rename alone makes the file appear whole; the folder sync
 * makes its appearance survive a power cut.
 */
export function publish(root: string, tmpPath: string, destDir: string, name: string, syncDir = true): string {
  const dest = join(destDir, name);
  try {
    ensureDir(root, destDir);
    checkBusDir(root, dirname(tmpPath), false);
    renameSync(tmpPath, dest);
  } catch (err) {
    safeUnlinkBus(root, tmpPath);
    throw err;
  }
  if (syncDir) fsyncDir(destDir);
  return dest;
}

/**
 * A free name in `dir` for `name`: the name itself, else `name.1`, `name.2`, ... Used where two
 * different files may share a name (foreign slugs in the archive or dead-letter).
 */
export function freeName(root: string, dir: string, name: string): string {
  if (!lstatBus(root, join(dir, name))) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}.${n}`;
    if (!lstatBus(root, join(dir, candidate))) return candidate;
  }
}

/**
 * rename() inside the bus, both folders checked (the destination's made), that reports "the
 * source is gone" as false instead of throwing.
 */
export function renameIfPresent(root: string, from: string, to: string): boolean {
  if (!busDirExists(root, dirname(from))) return false;
  ensureDir(root, dirname(to));
  try {
    renameSync(from, to);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/** A hard link inside the bus (fails with EEXIST when `to` is taken), both folders checked. */
export function linkInBus(root: string, from: string, to: string): void {
  checkBusDir(root, dirname(from), false);
  ensureDir(root, dirname(to));
  linkSync(from, to);
}

/** Removes a file of the bus; absent is fine, a linked folder is refused. */
export function unlinkBusFile(root: string, path: string): void {
  if (!busDirExists(root, dirname(path))) return;
  try {
    unlinkSync(path);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw err;
  }
}

/** Best-effort removal (clean-up paths): never throws, never removes through a linked folder. */
export function safeUnlinkBus(root: string, path: string): void {
  try {
    unlinkBusFile(root, path);
  } catch {
    // not removable, or through a link: left alone
  }
}

/** Why `dir` cannot be read as a bus folder (a link or not a folder), for readers that skip it. */
export function busFolderProblem(root: string, dir: string): string | undefined {
  try {
    checkBusDir(root, dir, false);
    return undefined;
  } catch (err) {
    if (err instanceof AliveError) return err.message;
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
 * Reads a file of the bus, which any writer may have planted: its folders checked (a linked
 * folder is refused: nothing from outside the bus), `lstat` (only a regular file
 * counts), then an open that neither follows a link nor waits on a FIFO or device
 * (O_NOFOLLOW | O_NONBLOCK), then `fstat` on what was opened (it may have been swapped meanwhile).
 * `headBytes` reads only the start; otherwise a file over `maxBytes` is refused unread.
 */
export function readBusFile(root: string, path: string, opts: { maxBytes?: number; headBytes?: number } = {}): BusFileRead {
  let st;
  try {
    st = lstatBus(root, path);
  } catch (err) {
    if (err instanceof AliveError) throw err;
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
export function readBusJson(root: string, path: string, maxBytes = 1024 * 1024): unknown {
  const r = readBusFile(root, path, { maxBytes });
  if (!r.ok) return undefined;
  try {
    return JSON.parse(r.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
