/**
 * File-system I/O of the bus, in one place. Anyone who can write the bus folder can plant a
 * symbolic link where the bus keeps a folder (runtimes/, runtimes/<r>/, inbox/, .tmp/, ...) and so
 * redirect where messages, answers, reason files and claims land, or feed the bus files from
 * outside it. So no folder level below the bus root may be a link, on every write and every read,
 * and a link is refused with the folder named. The bus root itself is the user's choice and may be
 * a link.
 *
 * How, without a window between the check and the use: each operation opens the folder it works
 * in (O_DIRECTORY) and asks the kernel where that open folder really is (readlink of
 * /proc/self/fd/N): it must be the root's real path plus the same names, else a level was a link.
 * The operation then names its file through /proc/self/fd/N/<name>, which reaches the folder that
 * was checked even if a link is swapped in meanwhile (openat semantics; Node has no openat). New
 * files are created with O_EXCL | O_NOFOLLOW and renamed inside checked folders. Where there is no
 * /proc (macOS), every level is lstat-checked just before the operation, which leaves a window of
 * a few system calls.
 */
import {
  accessSync,
  closeSync,
  constants as fsc,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  opendirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Dir,
  type Dirent,
  type Stats,
} from 'node:fs';
import { secureRandomBytes } from '../crypto/random-bytes.ts';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AliveError, errnoCode, messageOf, type AliveErrorOptions } from '../errors.ts';
import { untrustedDetail } from '../text/fence.ts';
import { openForReading, readOpenRegularFile, type ReadOpen } from '../fs/small-file.ts';
import { jsonText } from '../text/untrusted.ts';

/** The refusal of a folder of the bus that is a link (or not a folder at all). */
export function unsafeBusFolder(dir: string, st: Stats | undefined): AliveError {
  const what =
    st === undefined
      ? 'is not where the bus expects it (a folder on the way was replaced or moved while the bus used it): check the folders under the bus root for links, then try again'
      : st.isSymbolicLink()
        ? 'is a symbolic link, not a real folder of the bus: the bus neither writes nor reads through links (whoever planted it could send the bus files anywhere, or feed it files from outside). Remove the link (the bus makes a real folder in its place) and check where it pointed'
        : 'is not a folder (a file or device stands where the bus keeps a folder): remove it or move it away, then try again';
  const named = busFoldersNamed([dir]);
  return new AliveError(`refusing to use ${named.shown}: it ${what}`, { code: 'unsafe_bus_folder', ...named.options });
}

/**
 * A failure's message with the bus folders it names in place (an unsafe_bus_folder or no_access
 * refusal gives them apart, untrusted), for a text that is itself given fenced or under untrusted:
 * a receiver's row of `status`, the folders a lookup passed over, a serve log's fence.
 */
export function busFolderProblemInPlace(err: unknown): string {
  const detail = err instanceof AliveError ? err.untrusted : undefined;
  const paths = detail?.json.bus_folder;
  return paths !== undefined && detail?.reference !== undefined ? messageOf(err).replace(detail.reference, paths) : messageOf(err);
}

/**
 * Bus folders as a message of ours names them: as they are, unless one lies in a receiver's folder,
 * whose name any bus writer chooses (up to 64 letters, digits, `-` and `_`: enough for a sentence
 * an agent reads in the error): then their paths come in an untrusted detail after the message.
 */
function busFoldersNamed(dirs: string[]): { shown: string; options: Pick<AliveErrorOptions, 'fields' | 'untrusted'> } {
  const all = dirs.join(' and ');
  if (!dirs.some((d) => /\/runtimes\/[^/]+(\/|$)/.test(d))) return { shown: all, options: { fields: { folder: dirs[0] } } };
  const shown = 'a folder of a receiver (path below: untrusted)';
  return { shown, options: { untrusted: untrustedDetail('bus folder', all, shown) } };
}

const FOLDER_ERRNOS = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP']);

/**
 * True for the errors a bus folder changed by a bus writer or a sync tool gives (a link or a file
 * in its place, made unreadable, removed or moved between two calls): waited out or skipped by
 * serve, never its own faults. no_access also stands for a read-only file system (EROFS): not that.
 */
export function isBusFolderFault(err: unknown): boolean {
  if (!(err instanceof AliveError)) return FOLDER_ERRNOS.has(errnoCode(err) ?? '');
  return err.code === 'unsafe_bus_folder' || (err.code === 'no_access' && errnoCode(err.cause) === 'EACCES');
}

/**
 * Checks every folder level from below `root` down to `dir` with lstat: each must be a real
 * folder, never a link. With `create`, missing levels are made one at a time (and checked after).
 * Returns false when a level is missing (without `create`); throws `unsafe_bus_folder` on a link
 * or non-folder, naming it.
 */
export function checkBusDir(root: string, dir: string, create: boolean): boolean {
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

const PROC_FD = existsSync('/proc/self/fd') ? '/proc/self/fd' : undefined;
const realRoots = new Map<string, string>();

/** A folder of the bus, open and checked: `at(name)` names an entry of exactly that folder. */
export interface BusDir {
  readonly path: string;
  /** The open folder (undefined without /proc: then `at` is a plain path, checked just before). */
  readonly fd: number | undefined;
  at(name: string): string;
  close(): void;
}

/** Where `dir` really is when no level below the root is a link (null when it cannot be said). */
function expectedRealPath(root: string, dir: string): string | null {
  let realRoot = realRoots.get(root);
  if (realRoot === undefined) {
    try {
      realRoot = realpathSync.native(root);
    } catch {
      return null;
    }
    realRoots.set(root, realRoot);
  }
  if (dir.length > root.length && dir.startsWith(root) && dir[root.length] === sep) return realRoot + dir.slice(root.length);
  const rel = relative(root, dir);
  return rel === '' ? realRoot : join(realRoot, rel);
}

/**
 * Opens folder `dir` of the bus (made, with the levels above it, when `create`) after proving that
 * no level below the root is a link. Undefined when it does not exist (without `create`).
 */
export function openBusDir(root: string, dir: string, create: boolean): BusDir | undefined {
  if (PROC_FD === undefined) {
    if (!checkBusDir(root, dir, create)) return undefined;
    return { path: dir, fd: undefined, at: (name) => join(dir, name), close: () => {} };
  }
  for (let attempt = 0; ; attempt++) {
    // Reads often meet an absent folder (no dead letters yet): existsSync finds that without the
    // exception a failed open makes (`dispatch status` start-up); the walk then says whether a
    // level on the way is a link or not a folder, as after a failed open.
    if (!create && attempt === 0 && !existsSync(dir) && !checkBusDir(root, dir, false)) return undefined;
    let fd: number;
    try {
      fd = openSync(dir, fsc.O_RDONLY | fsc.O_DIRECTORY);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' && !create && !checkBusDir(root, dir, false)) return undefined;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP') throw err;
      // Absent (made here), or a level that is not a folder or loops (named by the walk).
      if (attempt > 0 || !checkBusDir(root, dir, create)) throw err;
      continue;
    }
    let real: string;
    try {
      real = readlinkSync(`${PROC_FD}/${fd}`);
    } catch {
      // A /proc that does not show our descriptors (a sandbox): check level by level instead.
      closeSync(fd);
      if (!checkBusDir(root, dir, create)) return undefined;
      return { path: dir, fd: undefined, at: (name) => join(dir, name), close: () => {} };
    }
    if (real === expectedRealPath(root, dir)) {
      const open = fd;
      return { path: dir, fd, at: (name) => `${PROC_FD}/${open}/${name}`, close: () => closeSync(open) };
    }
    closeSync(fd);
    // Not where it should be: the walk names the link; if it finds none (the root itself moved,
    // or a link came and went), look once more with the root's real path read anew.
    checkBusDir(root, dir, create);
    realRoots.delete(root);
    if (attempt > 0) throw unsafeBusFolder(dir, undefined);
  }
}

/**
 * A permission error (EACCES, EROFS) of an operation in `folders` as an AliveError that names the
 * folders this user may not change (all of them when it cannot tell, as root) and what to do.
 * Any other error is returned as it is.
 */
function noAccess(err: unknown, folders: string[]): unknown {
  const code = errnoCode(err);
  if (code !== 'EACCES' && code !== 'EROFS') return err;
  const denied = folders.filter((f) => {
    try {
      accessSync(f, fsc.R_OK | fsc.W_OK | fsc.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  const named = [...new Set(denied.length > 0 ? denied : folders)];
  const what = code === 'EROFS' ? 'is on a read-only file system' : 'may not be read or changed by this user';
  const text = busFoldersNamed(named);
  return new AliveError(
    `permission denied: ${text.shown} ${what}; give this user read and write access (chmod u+rwx, or chown it to this user), or run dispatch as the user who owns the bus folder`,
    { code: 'no_access', ...text.options, cause: err },
  );
}

/** Runs `fn` with folder `dir` open and checked; undefined (without calling it) when `dir` is absent. */
function inBusDir<T>(root: string, dir: string, create: boolean, fn: (d: BusDir) => T): T | undefined {
  try {
    return inCheckedBusDir(root, dir, create, fn);
  } catch (err) {
    throw noAccess(err, [dir]);
  }
}

function inCheckedBusDir<T>(root: string, dir: string, create: boolean, fn: (d: BusDir) => T): T | undefined {
  return inOpenBusDir(openBusDir(root, dir, create), fn);
}

/** Runs `fn` with `d` (undefined: absent, not called), then closes it; errors name real paths. */
function inOpenBusDir<T>(d: BusDir | undefined, fn: (d: BusDir) => T): T | undefined {
  if (!d) return undefined;
  try {
    return fn(d);
  } catch (err) {
    throw d.fd === undefined ? err : withRealPaths(err, `${PROC_FD}/${d.fd}/`, `${d.path}${sep}`);
  } finally {
    d.close();
  }
}

/** A file system error that names `/proc/self/fd/N/<name>` names the folder's real path instead. */
function withRealPaths(err: unknown, procPrefix: string, realPrefix: string): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as NodeJS.ErrnoException & { dest?: string };
  const fix = (s: string) => s.split(procPrefix).join(realPrefix);
  if (e.message.includes(procPrefix)) e.message = fix(e.message);
  if (typeof e.path === 'string') e.path = fix(e.path);
  if (typeof e.dest === 'string') e.dest = fix(e.dest);
  return e;
}

const CHILD_DIR = fsc.O_RDONLY | fsc.O_DIRECTORY | fsc.O_NOFOLLOW;

/**
 * Opens folder `name` of `parent` (open and checked) with no second walk from the root: through
 * /proc/self/fd/N/<name> with O_NOFOLLOW the kernel opens exactly that entry of the checked folder
 * and refuses a link there (openat semantics). Readers that go down a tree (`dispatch status`)
 * check each level once this way. Undefined when absent; `unsafe_bus_folder` for a link or a
 * non-folder.
 */
export function openBusChildDir(root: string, parent: BusDir, name: string): BusDir | undefined {
  const path = join(parent.path, name);
  if (parent.fd === undefined) return openBusDir(root, path, false);
  let fd: number;
  try {
    fd = openSync(parent.at(name), CHILD_DIR);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'ENOTDIR') throw unsafeBusFolder(path, lstatSync(parent.at(name), { throwIfNoEntry: false }));
    throw err;
  }
  return { path, fd, at: (n) => `${PROC_FD}/${fd}/${n}`, close: () => closeSync(fd) };
}

/** Runs `fn` with folder `name` of the open folder `parent` open (see openBusChildDir); undefined when absent. */
export function inBusChildDir<T>(root: string, parent: BusDir, name: string, fn: (d: BusDir) => T): T | undefined {
  return inOpenBusDir(openBusChildDir(root, parent, name), fn);
}

/** The names in an open bus folder. */
export function namesIn(d: BusDir): string[] {
  return readdirSync(d.at('.'));
}

/**
 * The first `max` names in folder `name` of the open folder `parent` (see openBusChildDir), and
 * whether it holds more (namesUpTo); undefined when absent. A permission error is `no_access`, as
 * for listBusDir.
 */
export function listBusChildDirUpTo(root: string, parent: BusDir, name: string, max: number): { names: string[]; more: boolean } | undefined {
  try {
    return inBusChildDir(root, parent, name, (d) => namesUpTo(d, max));
  } catch (err) {
    throw noAccess(err, [join(parent.path, name)]);
  }
}

/** The entries of an open bus folder with their types. */
export function direntsIn(d: BusDir): Dirent[] {
  return readdirSync(d.at('.'), { withFileTypes: true });
}

/** Makes `dir` and the folders above it (below the root), each a real folder. */
export function ensureDir(root: string, dir: string): void {
  inBusDir(root, dir, true, () => undefined);
}

/** True when `dir` exists as real folders all the way down; false when absent; throws on a link. */
export function busDirExists(root: string, dir: string): boolean {
  return inBusDir(root, dir, false, () => true) ?? false;
}

/** The names in a bus folder ([] when it does not exist). */
export function listBusDir(root: string, dir: string): string[] {
  return inBusDir(root, dir, false, (d) => readdirSync(d.at('.'))) ?? [];
}

/**
 * The first `max` entries of an open bus folder with their types, and whether it holds more: a
 * listing that stops there (opendir), where readdirSync makes every name and any bus writer can
 * plant any number (1,000,000 empty files in an outbox took a thread lookup 11-13 s). With no bound
 * (Infinity), one readdirSync.
 */
export function direntsUpTo(d: BusDir, max: number): { entries: Dirent[]; more: boolean } {
  if (max === Number.POSITIVE_INFINITY) return { entries: readdirSync(d.at('.'), { withFileTypes: true }), more: false };
  const entries: Dirent[] = [];
  const listing = opendirSync(d.at('.'), { bufferSize: 1024 });
  try {
    for (let e = listing.readSync(); e !== null; e = listing.readSync()) {
      if (entries.length >= max) return { entries, more: true };
      entries.push(e);
    }
    return { entries, more: false };
  } finally {
    listing.closeSync();
  }
}

/** direntsUpTo's names (see it). */
export function namesUpTo(d: BusDir, max: number): { names: string[]; more: boolean } {
  const { entries, more } = direntsUpTo(d, max);
  return { names: entries.map((e) => e.name), more };
}

/** The first `max` names of a bus folder ([] when it does not exist), and whether it holds more (direntsUpTo). */
export function listBusDirUpTo(root: string, dir: string, max: number): { names: string[]; more: boolean } {
  return inBusDir(root, dir, false, (d) => namesUpTo(d, max)) ?? { names: [], more: false };
}

/** The listings listBusDirBatch reads on from, by folder, and the name each read past its last batch. */
const batchCursors = new Map<string, { listing: Dir; next: string }>();

/**
 * The next `max` names of a bus folder (none when it does not exist): one listing (opendir) that
 * each call reads on from, and that is opened again, from the start, once a call has read it to its
 * end (`end`). In a process that lives (a daemon, the MCP server), every name present throughout is
 * met within ceil(names / max) calls, at most `max` names made per call; a process of one call meets
 * the first `max`. An open listing holds one descriptor until it is read to its end. `cursor`: the
 * listing's key, for two walks over one folder that must not take each other's batches.
 */
export function listBusDirBatch(root: string, dir: string, max: number, cursor = dir): { names: string[]; end: boolean } {
  if (max <= 0) return { names: [], end: false };
  const open = batchCursors.get(cursor);
  batchCursors.delete(cursor);
  const listing = open?.listing ?? inBusDir(root, dir, false, (d) => opendirSync(d.at('.'), { bufferSize: 1024 }));
  if (!listing) return { names: [], end: true };
  const names: string[] = open ? [open.next] : [];
  let next: string | undefined;
  try {
    for (let e = names.length < max ? listing.readSync() : null; e !== null; e = names.length < max ? listing.readSync() : null) names.push(e.name);
    // One name past the batch says whether the folder goes on: one of exactly `max` names is whole.
    next = names.length < max ? undefined : (listing.readSync()?.name ?? undefined);
  } catch (err) {
    listing.closeSync();
    throw err;
  }
  if (next === undefined) {
    listing.closeSync();
    return { names, end: true };
  }
  batchCursors.set(cursor, { listing, next });
  return { names, end: false };
}

/** The first `max` entries of a bus folder with their types ([] when it does not exist), and whether it holds more (direntsUpTo). */
export function listBusDirentsUpTo(root: string, dir: string, max: number): { entries: Dirent[]; more: boolean } {
  return inBusDir(root, dir, false, (d) => direntsUpTo(d, max)) ?? { entries: [], more: false };
}

/** The entries of a bus folder with their types ([] when it does not exist). */
export function listBusDirents(root: string, dir: string): Dirent[] {
  return inBusDir(root, dir, false, (d) => readdirSync(d.at('.'), { withFileTypes: true })) ?? [];
}

/**
 * An entry of a bus folder named by its bytes: a name that is not UTF-8 (a latin1 writer's
 * `msg-caf\xe9.hw`) has no string form that names the file (Node decodes it with U+FFFD).
 */
export interface RawBusEntry {
  dir: string;
  raw: Buffer;
}

/** The first `max` entries of a bus folder with their types and their names' bytes ([] when it does not exist; direntsUpTo). */
export function listBusRawDirents(root: string, dir: string, max = Number.POSITIVE_INFINITY): Dirent<Buffer>[] {
  return (
    inBusDir(root, dir, false, (d) => {
      if (max === Number.POSITIVE_INFINITY) return readdirSync(d.at('.'), { withFileTypes: true, encoding: 'buffer' });
      const entries: Dirent<Buffer>[] = [];
      const listing = opendirSync(d.at('.'), { bufferSize: 1024, encoding: 'buffer' as BufferEncoding });
      try {
        for (let e = listing.readSync(); e !== null && entries.length < max; e = listing.readSync()) entries.push(e as unknown as Dirent<Buffer>);
        return entries;
      } finally {
        listing.closeSync();
      }
    }) ?? []
  );
}

/** `d.at` for a name given by its bytes. */
function rawAt(d: BusDir, raw: Buffer): Buffer {
  // at('x') ends in the folder's path and a separator, whichever form `d` takes.
  return Buffer.concat([Buffer.from(d.at('x').slice(0, -1)), raw]);
}

/** renameIfPresent for an entry named by its bytes (RawBusEntry). */
export function renameRawIfPresent(root: string, from: RawBusEntry, to: string): boolean {
  return (
    inTwoBusDirs(root, join(from.dir, 'x'), to, (src, dest) => {
      try {
        renameSync(rawAt(src, from.raw), dest.at(basename(to)));
        return true;
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') return false;
        throw err;
      }
    }) ?? false
  );
}

/** lstat of an entry of a bus folder (undefined when it or its folder is absent). */
export function lstatBus(root: string, path: string): Stats | undefined {
  return inBusDir(root, dirname(path), false, (d) => lstatIn(d, basename(path)));
}

const NEW_FILE = fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW;

/** Creates `path` (never an existing file, never through a link) and returns its descriptor. */
export function openNewBusFile(root: string, path: string, mode = 0o644): number {
  return inBusDir(root, dirname(path), true, (d) => openSync(d.at(basename(path)), NEW_FILE, mode))!;
}

/** Writes all of `data` at the descriptor's position. */
export function writeAll(fd: number, data: Uint8Array | string): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Writes `data` into the new file `fd`, fsyncs and closes it; removes `name` from `d` on failure. */
function fillNewFile(d: BusDir, name: string, fd: number, data: Uint8Array | string): void {
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(d.at(name));
    } catch {
      // gone already
    }
    throw err;
  }
  closeSync(fd);
}

/** Creates `path` (exclusive, no link followed), writes `data` and fsyncs it; removes it on failure. */
export function writeDurable(root: string, path: string, data: Uint8Array | string, mode = 0o644): void {
  const name = basename(path);
  inBusDir(root, dirname(path), true, (d) => fillNewFile(d, name, openSync(d.at(name), NEW_FILE, mode), data));
}

function fsyncFolder(d: BusDir): void {
  try {
    if (d.fd !== undefined) fsyncSync(d.fd);
    else {
      const fd = openSync(d.path, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  }
}

/**
 * Writes a file of the bus so that readers see the old or the whole new content: written aside
 * in the same (checked, open) folder, renamed over the target (a rename replaces a planted link or
 * FIFO, never opens it), the folder synced.
 */
export function writeBusFileAtomic(root: string, target: string, data: Uint8Array | string, mode = 0o644): void {
  const name = basename(target);
  const tmp = `.${name}.${process.pid}.${secureRandomBytes(4).toString('hex')}.tmp`;
  inBusDir(root, dirname(target), true, (d) => {
    fillNewFile(d, tmp, openSync(d.at(tmp), NEW_FILE, mode), data);
    try {
      renameSync(d.at(tmp), d.at(name));
    } catch (err) {
      try {
        unlinkSync(d.at(tmp));
      } catch {
        // gone already
      }
      throw err;
    }
    fsyncFolder(d);
  });
}

/**
 * JSON with two-space indent and a trailing newline, written atomically into the bus; what
 * JSON.stringify leaves raw (bidi overrides, C1 controls: a sender's or an agent's text in a
 * reason) as \u escapes (jsonText), the same values once parsed.
 */
export function writeBusJsonAtomic(root: string, target: string, value: unknown): void {
  writeBusFileAtomic(root, target, `${jsonText(value, 2)}\n`);
}

/**
 * Why the bus neither reads nor appends to a file with more than one name: a bus writer can plant
 * a hard link to a file outside the bus (O_NOFOLLOW does not see it; Linux's protected_hardlinks
 * stops other users only). The bus links a file itself only while it returns a stale claim to the
 * inbox (claims.ts returnToInbox), and the claim waits for that to end.
 */
export function hardLinkProblem(nlink: number): string {
  return `a hard link (the file has ${nlink} names, one may be outside the bus): the bus reads and writes only files with one name`;
}

/** Appends to a file of the bus (made if absent): no link followed, no FIFO waited on, no hard link. */
export function appendBusFile(root: string, path: string, data: string): void {
  inBusDir(root, dirname(path), true, (d) => {
    let fd: number;
    try {
      fd = openSync(d.at(basename(path)), fsc.O_WRONLY | fsc.O_APPEND | fsc.O_CREAT | fsc.O_NOFOLLOW | fsc.O_NONBLOCK, 0o644);
    } catch (err) {
      // In a folder this user may write, the file itself refuses (left read-only by any bus writer,
      // or another user's): no_access would send the user to the folder's permissions.
      if ((errnoCode(err) === 'EACCES' || errnoCode(err) === 'EPERM') && writableFolder(d)) {
        throw new AliveError(`refusing to append to ${path}: this user may not write it (a file left read-only, or another user's); remove it`, {
          code: 'not_a_file',
          cause: err,
        });
      }
      throw err;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new AliveError(`refusing to append to ${path}: not a regular file; remove it`, { code: 'not_a_file' });
      if (st.nlink !== 1) throw new AliveError(`refusing to append to ${path}: ${hardLinkProblem(st.nlink)}; remove it`, { code: 'not_a_file' });
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
  });
}

/** True when this user may add and remove entries of the open folder `d`. */
function writableFolder(d: BusDir): boolean {
  try {
    accessSync(d.at('.'), fsc.W_OK | fsc.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `fn` with the folders of `from` (must exist: else undefined) and of `to` (made) open and checked. */
function inTwoBusDirs<T>(root: string, from: string, to: string, fn: (src: BusDir, dest: BusDir) => T): T | undefined {
  return inBusDirPair(root, dirname(from), dirname(to), fn);
}

/**
 * Runs `fn` with folder `srcDir` (must exist: else undefined) and folder `destDir` (made) open and
 * checked, for several steps in them (renameIn, lstatIn, linkIn, unlinkIn): opening and checking a
 * folder costs more than a rename, and a sweep returning 10,000 claims spent most of its time there.
 */
export function inBusDirPair<T>(root: string, srcDir: string, destDir: string, fn: (src: BusDir, dest: BusDir) => T): T | undefined {
  try {
    return inCheckedBusDir(root, srcDir, false, (src) => inCheckedBusDir(root, destDir, true, (dest) => fn(src, dest)));
  } catch (err) {
    throw noAccess(err, [srcDir, destDir]);
  }
}

/** rename() from entry `fromName` of `from` to `toName` of `to` (open bus folders); false when the source is gone. */
export function renameIn(from: BusDir, fromName: string, to: BusDir, toName: string): boolean {
  try {
    renameSync(from.at(fromName), to.at(toName));
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/** A hard link to entry `fromName` of `from` as `toName` of `to` (open bus folders); fails with EEXIST when `toName` is taken. */
export function linkIn(from: BusDir, fromName: string, to: BusDir, toName: string): void {
  linkSync(from.at(fromName), to.at(toName));
}

/** lstat of entry `name` of an open bus folder (undefined when absent). */
export function lstatIn(d: BusDir, name: string): Stats | undefined {
  return lstatSync(d.at(name), { throwIfNoEntry: false });
}

/** Removes entry `name` of an open bus folder; absent is fine. */
export function unlinkIn(d: BusDir, name: string): void {
  try {
    unlinkSync(d.at(name));
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw err;
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
    const done = inTwoBusDirs(root, tmpPath, dest, (src, to) => {
      renameSync(src.at(basename(tmpPath)), to.at(name));
      if (syncDir) fsyncFolder(to);
      return true;
    });
    if (!done) throw new AliveError(`cannot publish ${tmpPath}: its folder is gone`, { code: 'io' });
  } catch (err) {
    safeUnlinkBus(root, tmpPath);
    throw err;
  }
  return dest;
}

/**
 * The numbers freeName tries in turn before it draws one at random: any bus writer can take
 * `name.1` … `name.300000`, and trying each made every archiving of that id (serve's, a reply's)
 * take 2.4 s; an id sent k times cost k² tries.
 */
export const FREE_NAME_TRIES = 16;

/**
 * A free name in `dir` for `name`: the name itself, else `name.1` … `name.<FREE_NAME_TRIES>`, else
 * `name.<N>` for a random N of 13 digits (status counts `name.<digits>` as a copy). Used where two
 * different files may share a name (foreign slugs in the archive or dead-letter).
 */
export function freeName(root: string, dir: string, name: string): string {
  return (
    inBusDir(root, dir, false, (d) => {
      const taken = (n: string) => lstatSync(d.at(n), { throwIfNoEntry: false }) !== undefined;
      if (!taken(name)) return name;
      for (let n = 1; n <= FREE_NAME_TRIES; n++) if (!taken(`${name}.${n}`)) return `${name}.${n}`;
      for (;;) {
        const n = `${name}.${1_000_000_000_000 + secureRandomBytes(5).readUIntBE(0, 5)}`;
        if (!taken(n)) return n;
      }
    }) ?? name
  );
}

/**
 * rename() inside the bus, both folders checked (the destination's made), that reports "the
 * source is gone" as false instead of throwing.
 */
export function renameIfPresent(root: string, from: string, to: string): boolean {
  return inTwoBusDirs(root, from, to, (src, dest) => renameIn(src, basename(from), dest, basename(to))) ?? false;
}

/** Removes a file of the bus; absent is fine, a linked folder is refused. */
export function unlinkBusFile(root: string, path: string): void {
  inBusDir(root, dirname(path), false, (d) => unlinkIn(d, basename(path)));
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
    inBusDir(root, dir, false, () => undefined);
    return undefined;
  } catch (err) {
    if (err instanceof AliveError) return err.message;
    throw err;
  }
}

/**
 * Opens an existing file of the bus for reading: its folder checked, no link followed, no FIFO
 * waited on. Undefined when it or its folder is absent.
 */
export function openBusFileForReading(root: string, path: string): number | undefined {
  return inBusDir(root, dirname(path), false, (d) => {
    try {
      return openSync(d.at(basename(path)), fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return undefined;
      throw err;
    }
  });
}

/**
 * The most of one message file read into memory outside a claim (show, thread, wait, reply): a
 * bus writer can plant a file of any size, and the claim's own max_bytes check (8 MiB by default)
 * only guards the inbox. Larger files are reported as too large, never read.
 */
export const MESSAGE_READ_LIMIT = 64 * 1024 * 1024;

/** What a listing reads of each message file (its headers and first lines), whatever its size. */
export const LISTED_PEEK_BYTES = 64 * 1024;

/** Why a file over `limit` bytes is not read, in the words readBusFile reports it. */
export function tooLargeDetail(limit: number, size: number): string {
  return `larger than the limit of ${limit} bytes (${size} bytes)`;
}

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
  let opened: ReadOpen | undefined;
  try {
    opened = inBusDir(root, dirname(path), false, (d) => openFileIn(d, basename(path)));
  } catch (err) {
    if (err instanceof AliveError && err.code !== 'no_access') throw err;
    if (err instanceof AliveError) return { ok: false, problem: 'unreadable', detail: errnoCode(err.cause) ?? err.message };
    return { ok: false, problem: 'unreadable', detail: errnoCode(err) ?? String(err) };
  }
  return readOpened(opened, opts);
}

/** readBusFile for a file of a folder already open and checked. */
export function readBusFileIn(d: BusDir, name: string, opts: { maxBytes?: number; headBytes?: number } = {}): BusFileRead {
  let opened: ReadOpen;
  try {
    opened = openFileIn(d, name);
  } catch (err) {
    return { ok: false, problem: 'unreadable', detail: errnoCode(err) ?? String(err) };
  }
  return readOpened(opened, opts);
}

function openFileIn(d: BusDir, name: string): ReadOpen {
  const st = lstatSync(d.at(name), { throwIfNoEntry: false });
  if (!st) return { problem: 'missing' };
  if (!st.isFile()) return { problem: 'not_a_file' };
  return openForReading(d.at(name));
}

function readOpened(opened: ReadOpen | undefined, opts: { maxBytes?: number; headBytes?: number }): BusFileRead {
  const NOT_REGULAR = 'not a regular file (a folder, link, FIFO or device)';
  if (!opened || !('fd' in opened)) {
    if (!opened || opened.problem === 'missing') return { ok: false, problem: 'missing', detail: 'no such file' };
    if (opened.problem === 'not_a_file') return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    return { ok: false, problem: 'unreadable', detail: opened.code };
  }
  try {
    const nlink = fstatSync(opened.fd).nlink;
    if (nlink !== 1) return { ok: false, problem: 'not_a_file', detail: hardLinkProblem(nlink) };
    const read = readOpenRegularFile(opened.fd, opts);
    if (read.ok) return read;
    if (read.problem === 'not_a_file') return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    if (read.problem === 'too_large') return { ok: false, problem: 'too_large', detail: tooLargeDetail(opts.maxBytes!, read.size) };
    return { ok: false, problem: 'unreadable', detail: read.code };
  } finally {
    closeSync(opened.fd);
  }
}

/** A small JSON file of the bus (reason files, config, daemon records), read safely; undefined if absent or bad. */
export function readBusJson(root: string, path: string, maxBytes = 1024 * 1024): unknown {
  return parseBusJson(readBusFile(root, path, { maxBytes }));
}

/** readBusJson for a file of a folder already open and checked. */
export function readBusJsonIn(d: BusDir, name: string, maxBytes = 1024 * 1024): unknown {
  return parseBusJson(readBusFileIn(d, name, { maxBytes }));
}

function parseBusJson(r: BusFileRead): unknown {
  if (!r.ok) return undefined;
  try {
    return JSON.parse(r.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
