/**
 * The paths a glob in a shell command expands to, read from the file system as bash would at run
 * time (`rm *.md`, `sed -i … _kernel/*`): each component with a `*`, `?` or `[…]` is matched against the names
 * of its folder, case-sensitively, leaving out dot-names unless the component starts with `.`.
 *
 * Within a budget per command, so a hook never stalls: folder entries read, and matching work
 * (a pattern's length times a name's, summed). An expansion the budget cut short says so
 * (`complete: false`), and the guardian then fails closed as for a folder it cannot tell.
 */
import { fs } from '../fs/node-fs.ts';
import { join } from 'node:path';
import { globMatches } from '../text/glob.ts';

/** Folder entries read for one command's globs in all. */
export const GLOB_ENTRIES_MAX = 20_000;
/** Characters of pattern times name matched for one command's globs in all (some tens of ms). */
export const GLOB_STEPS_MAX = 4_000_000;
/** A longer component matches no name a file system holds (names are at most 255 bytes). */
const PATTERN_MAX = 1024;

export interface GlobBudget {
  entries: number;
  steps: number;
}

export const globBudget = (): GlobBudget => ({ entries: GLOB_ENTRIES_MAX, steps: GLOB_STEPS_MAX });

/** True when `part` holds a `*`, `?` or `[` (a bracket expression: the shell reader escapes any other) that no backslash quotes. */
function hasGlob(part: string): boolean {
  for (let k = 0; k < part.length; k++) {
    if (part[k] === '\\') k++;
    else if (part[k] === '*' || part[k] === '?' || part[k] === '[') return true;
  }
  return false;
}

const unescaped = (part: string) => part.replace(/\\(.)/g, '$1');

/** The names of `dir`, or undefined when the budget ran out before its end. */
/** What opening a folder costs of the entry budget: a path through long chains of links costs the kernel as much as reading many names. */
const OPEN_COST = 16;

function names(dir: string, budget: GlobBudget): string[] | undefined {
  const found: string[] = [];
  let handle: import('node:fs').Dir | undefined;
  budget.entries -= OPEN_COST;
  if (budget.entries < 0) return undefined;
  try {
    handle = fs.opendirSync(dir);
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
      if (--budget.entries < 0) return undefined;
      found.push(entry.name);
    }
  } catch {
    // Not a folder, or unreadable: it expands to nothing, as in bash.
  } finally {
    handle?.closeSync();
  }
  return found;
}

/**
 * What the glob `pattern` (escaped as the shell reader writes it), relative to `base` unless
 * absolute, names now; `complete` is false when the budget cut the expansion short.
 */
export function globPaths(pattern: string, base: string, budget: GlobBudget = globBudget()): { paths: string[]; complete: boolean } {
  let paths = [pattern.startsWith('/') ? '/' : base];
  for (const raw of pattern.split('/')) {
    if (raw === '') continue;
    if (!hasGlob(raw)) {
      paths = paths.map((p) => join(p, unescaped(raw)));
      continue;
    }
    // A run of stars (a `**` is not expanded: the shell reader fails closed on it) costs the matcher as much as the name is long.
    const part = raw.replace(/\*{2,}/g, '*');
    if (part.length > PATTERN_MAX) return { paths: [], complete: false };
    const next: string[] = [];
    for (const dir of paths) {
      const listed = names(dir, budget);
      if (listed === undefined) return { paths: next, complete: false };
      for (const name of listed) {
        budget.steps -= part.length * (name.length + 1);
        if (budget.steps < 0) return { paths: next, complete: false };
        if ((part.startsWith('.') || !name.startsWith('.')) && globMatches(part, name)) next.push(join(dir, name));
      }
    }
    paths = next;
    if (paths.length === 0) break;
  }
  return { paths, complete: true };
}
