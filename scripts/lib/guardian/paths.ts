/**
 * Where a tool call would really write. A path can look outside the world and land inside it
 * (a symlinked folder), or look inside and land elsewhere, and `..` means different things to the
 * operating system (physical: the parent of the symlink's target) and to a tool that normalises
 * the path text first (lexical). The guardian therefore checks every reading of the path.
 */
import { fs } from '../fs/node-fs.ts';
import { isAbsolute, join, resolve, sep } from 'node:path';

const MAX_LINK_HOPS = 40;
const DOT_DOT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
const DOT_SEGMENT = /(?:^|[\\/])\.{1,2}(?:[\\/]|$)/;

/**
 * Resolves `path` component by component the way the kernel does: symlinks are followed where
 * they are met, `..` goes to the parent of what has been resolved so far. Components below the
 * first one that does not exist are appended as written (lexically), since nothing can be
 * followed there.
 */
export function physicalPath(path: string): string {
  if (process.platform === 'win32') return resolve(path); // drive letters: the lexical readings cover Windows
  // Not path.resolve/join: they would collapse `..` lexically, which is what this must not do.
  const pending = splitComponents(isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`);
  let current: string = sep;
  let hops = 0;
  let missing = false;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '.' || part === '') continue;
    if (part === '..') {
      current = resolve(current, '..');
      continue;
    }
    const next = join(current, part);
    if (missing) {
      current = next;
      continue;
    }
    let isLink = false;
    try {
      const st = fs.lstatSync(next, { throwIfNoEntry: false });
      missing = st === undefined;
      isLink = st?.isSymbolicLink() === true;
    } catch {
      missing = true; // ENOTDIR, EACCES ...: nothing below can be followed either
    }
    if (!isLink) {
      current = next;
      continue;
    }
    if (++hops > MAX_LINK_HOPS) return next; // a loop; the OS would fail with ELOOP
    const target = fs.readlinkSync(next);
    pending.unshift(...splitComponents(target));
    if (isAbsolute(target)) current = sep;
  }
  return current;
}

function splitComponents(path: string): string[] {
  return path.split(/[\\/]+/).filter((p) => p !== '');
}

/** The lexically normalised absolute path with symlinks resolved (as far as it exists). */
export function lexicalRealPath(path: string): string {
  const lexical = resolve(path);
  try {
    return fs.realpathSync.native(lexical); // one realpath(3) call
  } catch {
    return physicalPath(lexical); // no `..` left, so this only follows the links that exist
  }
}

/** The most entries of a folder read to find the links in it (linksIn); past it, they are not known. */
const MAX_FOLDER_ENTRIES = 10_000;

/**
 * The symbolic links in `folder` whose name starts with `prefix`, as paths; [] when the folder
 * cannot be read, undefined when it holds more than MAX_FOLDER_ENTRIES entries.
 */
export function linksIn(folder: string, prefix: string): string[] | undefined {
  let entries: import('node:fs').Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  if (entries.length > MAX_FOLDER_ENTRIES) return undefined;
  return entries.filter((e) => e.isSymbolicLink() && e.name.startsWith(prefix)).map((e) => join(folder, e.name));
}

/**
 * Every place a write to `filePath` (relative paths taken from `cwd`) could land: the path as
 * normalised text, the same with symlinks resolved, and the physical resolution of the text.
 */
export function candidateTargets(filePath: string, cwd: string): string[] {
  const raw = isAbsolute(filePath) ? filePath : `${cwd}${sep}${filePath}`;
  const lexical = resolve(raw);
  const out = new Set<string>([lexical]);
  try {
    out.add(lexicalRealPath(lexical));
  } catch {
    /* unreadable link: the other readings still count */
  }
  // Without `..` components the physical reading is the one just computed.
  if (DOT_DOT.test(raw)) {
    try {
      out.add(physicalPath(raw));
    } catch {
      /* as above */
    }
  }
  return [...out];
}

/**
 * True when a write to `filePath` can only land in a file of that same name: the path has no
 * `.` or `..` components and its last component is not a symlink. Then no reading of the path
 * ends in a differently named file, and a name that is not log.md can be allowed at once (the
 * common case, on every Write and Edit).
 */
export function landsUnderItsOwnName(filePath: string, cwd: string): boolean {
  const raw = isAbsolute(filePath) ? filePath : `${cwd}${sep}${filePath}`;
  if (DOT_SEGMENT.test(raw)) return false;
  try {
    return fs.lstatSync(raw, { throwIfNoEntry: false })?.isSymbolicLink() !== true;
  } catch {
    return true; // nothing there: it will be created under this name (its folders may be links; the name stays)
  }
}

/** True when `child` is `parent` or below it (both absolute, normalised). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const prefix = parent.endsWith(sep) ? parent : parent + sep;
  return child.startsWith(prefix);
}

/** The folder itself and its symlink-free form. */
export function rootForms(dir: string): string[] {
  const forms = new Set<string>([resolve(dir)]);
  try {
    forms.add(fs.realpathSync.native(dir));
  } catch {
    /* keep the lexical form */
  }
  return [...forms];
}

/** Something is at `path` (through links). access(2), not stat: no Stats object at a hook's start. */
export function exists(path: string): boolean {
  return fs.existsSync(path);
}

/** A folder is at `path` (through links). */
export function isFolder(path: string): boolean {
  return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Entries read at most by one look below a folder (folderLook), or by all of one command's: past them the folder may hold a log. */
export const LOG_LOOK_ENTRIES = 20_000;

/** What a look below a folder found: the places of its files named log.md, and whether a link is below it. */
export interface FolderLook {
  /** Relative to the folder (`_kernel/log.md`), any letter case, as found. */
  logs: string[];
  links: boolean;
}

/** What opening a folder costs of a look's budget (as glob-paths.ts counts it): a tree of 100,000 empty folders took 2 s to look through. */
const FOLDER_OPEN_COST = 16;

/**
 * The log.md files below `folder` (a link to a folder is followed at the top, not below), read to
 * `budget` entries (a folder's names read as they come: one of a million names costs no more; each
 * folder opened costs FOLDER_OPEN_COST) and until `deadline` (Date.now()); undefined when it is not
 * a folder, unreadable or past either.
 */
export function folderLook(
  folder: string,
  followTop = false,
  budget = { entries: LOG_LOOK_ENTRIES },
  deadline = Number.POSITIVE_INFINITY,
): FolderLook | undefined {
  const top = followTop ? fs.statSync(folder, { throwIfNoEntry: false }) : fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!top?.isDirectory()) return undefined;
  const look: FolderLook = { logs: [], links: false };
  const stack = [''];
  try {
    while (stack.length > 0) {
      const rel = stack.pop()!;
      budget.entries -= FOLDER_OPEN_COST;
      if (budget.entries < 0 || Date.now() > deadline) return undefined;
      const dir = fs.opendirSync(rel === '' ? folder : join(folder, rel), { bufferSize: 256 });
      try {
        for (let e = dir.readSync(); e !== null; e = dir.readSync()) {
          if (--budget.entries < 0) return undefined;
          const at = rel === '' ? e.name : `${rel}/${e.name}`;
          if (e.isSymbolicLink()) look.links = true;
          if (e.name.toLowerCase() === 'log.md') look.logs.push(at);
          else if (e.isDirectory()) stack.push(at);
        }
      } finally {
        dir.closeSync();
      }
    }
  } catch {
    return undefined;
  }
  return look;
}

/**
 * True when `folder` is a real folder (not a link) and nothing below it, read to LOG_LOOK_ENTRIES
 * entries, is named log.md (in any letter case) or is a link: what find finds below it is no
 * walnut log (`find dist -type f -delete`). Unreadable, missing or past the budget: false.
 */
export function noLogBelow(folder: string): boolean {
  const look = folderLook(folder);
  return look !== undefined && look.logs.length === 0 && !look.links;
}
