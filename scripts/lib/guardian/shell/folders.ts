/**
 * Where the shell is after a `cd` (or `pushd`) that may not run or may fail: bash goes on in the
 * folder it was in (`cd /nonexistent 2>/dev/null; rm _kernel/log.md`, `false && cd x; …`, a `cd`
 * in a pipeline, in the background, in a body that may never run). The reader then keeps every
 * folder the shell may be in, and a relative write is checked in each (review of 2026-12-07).
 */
import { resolve } from 'node:path';
import { fs } from '../../fs/node-fs.ts';
import { joinPath } from './names.ts';
import type { Reading, ShellScope } from './words.ts';

/** The most folders the shell may be in that are followed; past it, the folder is unknown. */
const MAX_FOLDERS = 8;

type Folder = string | undefined;

/**
 * How sure a `cd` is: `sure`, it runs and moves the shell (a folder that exists, in a plain
 * list); `chained`, the commands `&&` joins to it run only where it went, the ones after that
 * chain where it was or where it went; `maybe`, anything after it runs in either (a pipeline's or
 * background job's `cd` runs in a subshell, a body's may not run, `cd a b` fails in bash 5).
 */
export type CdCertainty = 'sure' | 'chained' | 'maybe';

/** The folders, each once, without `dir`; one unknown (or too many) makes them one unknown. */
function distinct(folders: Folder[], dir: Folder): readonly Folder[] | undefined {
  const set = [...new Set(folders)].filter((f) => f !== dir || f === undefined);
  if (set.includes(undefined) || set.length > MAX_FOLDERS) return [undefined];
  return set.length > 0 ? set : undefined;
}

/** `scope` after a `cd` to `target` (undefined: a folder it cannot tell) as sure as `how`. */
export function cdTo(scope: ShellScope, target: string | undefined, how: CdCertainty): void {
  const from = [scope.dir, ...(scope.also ?? [])];
  const to = (d: Folder) => (target === undefined || d === undefined ? undefined : joinPath(d, target));
  scope.dir = to(scope.dir);
  const moved = (scope.also ?? []).map(to);
  scope.also = distinct(how === 'maybe' ? [...moved, ...from] : moved, scope.dir);
  if (how === 'chained') scope.unless = distinct([...(scope.unless ?? []), ...from], undefined);
}

/**
 * Where a chain of `&&` after an unsure `cd` ends (`;`, `||`, `&`, a newline): the folders it was
 * in before join the ones the shell may be in, and `$PWD` is no longer known.
 */
export function chainEnds(scope: ShellScope): void {
  if (scope.unless === undefined) return;
  scope.also = distinct([...(scope.also ?? []), ...scope.unless], scope.dir);
  scope.unless = undefined;
  scope.vars.set('PWD', undefined);
}

/**
 * The most files and folders removed or moved that a cd is checked against: past it, any folder
 * may be gone (every cd after is unsure). Each cd looked through all of them, a 78 KB command of
 * `rm -f a;cd a;` took 5.7 s (third review of 2026-12-07, H3).
 */
const MAX_GONE = 64;

/** Notes that rm, rmdir or mv takes away `place` (undefined: a place the text does not tell). */
export function markGone(reading: Reading, place: string | undefined): void {
  const gone = (reading.gone ??= []);
  if (gone.includes(undefined) || (place !== undefined && gone.includes(place))) return;
  if (place === undefined || gone.length >= MAX_GONE) reading.gone = [undefined];
  else gone.push(place);
}

/** True when `place` is `folder` or lies under it (both absolute, as resolve makes them). */
const atOrUnder = (place: string, folder: string) =>
  place.startsWith(folder) && (place.length === folder.length || folder.endsWith('/') || place[folder.length] === '/');

/** The longest path a system call takes (Linux PATH_MAX, with its NUL): stat fails on a longer one. */
const PATH_MAX = 4096;

/**
 * True when `target` is a folder bash's cd enters from every folder the shell may be in (each
 * taken from the starting folder), as the file system says now: looked up as written, as bash's
 * cd does, so a missing folder before `..` fails (`nothere/../d`); one the hook's user may enter;
 * and none the command removed or moved before (Reading.gone). Each look costs one folder entry of
 * the command's glob budget.
 */
export function isFolderEverywhere(scope: ShellScope, target: string, reading: Reading): boolean {
  const { cwd, globs: budget, gone } = reading;
  if (cwd === undefined) return false;
  for (const d of [scope.dir, ...(scope.also ?? [])]) {
    if (d === undefined || budget.entries <= 0) return false;
    // Too long for stat as written (resolving it first may shorten it: then it is unsure all the same).
    if ((target.startsWith('/') ? 0 : cwd.length + d.length + 2) + target.length >= PATH_MAX) return false;
    budget.entries--;
    const place = resolve(cwd, d, target);
    if (gone?.some((g) => g === undefined || atOrUnder(place, g))) return false;
    try {
      const asWritten = target.startsWith('/') ? target : `${resolve(cwd, d)}/${target}`;
      if (fs.statSync(asWritten, { throwIfNoEntry: false })?.isDirectory() !== true) return false;
      fs.accessSync(asWritten, fs.constants.X_OK);
    } catch {
      return false;
    }
  }
  return true;
}
