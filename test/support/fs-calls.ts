/**
 * What code under test asks of node:fs while a function runs, counted by folder: files opened,
 * folders opened, listings begun and the names they made. For tests that prove a bound by counting
 * the work, not timing it.
 *
 * Not vi.mock: the files of a worker share their modules (vitest.config.ts, isolate: false), and a
 * module another file loaded first keeps the node:fs (or bus/fsutil.ts) it was loaded with, so a
 * mock made here was not applied and a bound was "kept" with nothing counted. node:fs's CommonJS
 * object is one per process: its functions are replaced for the run, and syncBuiltinESMExports
 * hands them to every ESM import of node:fs, loaded before or after (the scripts' own
 * process.getBuiltinModule('node:fs') reads that object). A Dir's readSync is counted on Dir's
 * prototype. Everything is put back when the function ends, thrown or not.
 */
import fs, { Dir } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

type Kind = 'file-open' | 'folder-open' | 'listing' | 'name';

export interface FsCalls {
  /** How many of `kind` in `folder` (any folder when not given). */
  count(kind: Kind, folder?: string): number;
  /** How many of `kind` in `folder` and the folders under it. */
  countUnder(kind: Kind, folder: string): number;
  /** The folder of each of `kind`, as a path relative to `folder` ('' for `folder` itself), of those in or under it. */
  within(kind: Kind, folder: string): string[];
}

const PROC_FD = /^\/proc\/self\/fd\/(\d+)(?:\/(.*))?$/;

/** The real path `p` names: a bus names an open folder's entries /proc/self/fd/N/<name> (bus/fsutil.ts). */
function realOf(p: string, readlink: (p: string) => string): string {
  const m = PROC_FD.exec(p);
  if (!m) return resolve(p);
  const base = readlink(`/proc/self/fd/${m[1]}`);
  return m[2] === undefined ? base : join(base, m[2]);
}

/** `folder`'s real path when it exists (a temporary folder may be reached through a link). */
function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return resolve(folder);
  }
}

/** Runs `fn` counting its calls of node:fs (see above); `fn`'s result and the counts. */
export async function fsCallsDuring<T>(fn: () => T | Promise<T>): Promise<{ result: T; calls: FsCalls }> {
  const events: { kind: Kind; folder: string }[] = [];
  const real = { openSync: fs.openSync, opendirSync: fs.opendirSync, readdirSync: fs.readdirSync, readlinkSync: fs.readlinkSync };
  const readSync = Dir.prototype.readSync;
  const readlink = (p: string) => String(real.readlinkSync(p));
  const listed = new WeakMap<Dir, string>();
  const note = (kind: Kind, folder: string) => events.push({ kind, folder });
  const patched = fs as unknown as Record<string, unknown>;
  patched.openSync = function openSync(this: unknown, ...a: Parameters<typeof fs.openSync>) {
    const fd = real.openSync.apply(this, a);
    const path = realOf(String(a[0]), readlink);
    if (typeof a[1] === 'number' && (a[1] & fs.constants.O_DIRECTORY) !== 0) note('folder-open', path);
    else note('file-open', dirname(path));
    return fd;
  };
  patched.opendirSync = function opendirSync(this: unknown, ...a: Parameters<typeof fs.opendirSync>) {
    const dir = real.opendirSync.apply(this, a);
    const folder = realOf(String(a[0]), readlink);
    note('listing', folder);
    listed.set(dir, folder);
    return dir;
  };
  patched.readdirSync = function readdirSync(this: unknown, ...a: unknown[]) {
    const names = (real.readdirSync as (...x: unknown[]) => unknown[]).apply(this, a);
    const folder = realOf(String(a[0]), readlink);
    note('listing', folder);
    for (let i = 0; i < names.length; i++) note('name', folder);
    return names;
  };
  Dir.prototype.readSync = function (this: Dir) {
    const entry = readSync.call(this);
    if (entry !== null) note('name', listed.get(this) ?? '?');
    return entry;
  };
  syncBuiltinESMExports();
  try {
    const result = await fn();
    const count = (kind: Kind, within: (folder: string) => boolean) => events.filter((e) => e.kind === kind && within(e.folder)).length;
    return {
      result,
      calls: {
        count: (kind, folder) => {
          const where = folder === undefined ? undefined : realFolder(folder);
          return count(kind, (f) => where === undefined || f === where);
        },
        countUnder: (kind, folder) => {
          const where = realFolder(folder);
          return count(kind, (f) => f === where || f.startsWith(`${where}${sep}`));
        },
        within: (kind, folder) => {
          const where = realFolder(folder);
          return events.filter((e) => e.kind === kind && (e.folder === where || e.folder.startsWith(`${where}${sep}`))).map((e) => relative(where, e.folder));
        },
      },
    };
  } finally {
    Object.assign(patched, real);
    Dir.prototype.readSync = readSync;
    syncBuiltinESMExports();
  }
}
