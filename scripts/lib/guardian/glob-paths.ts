/**
 * The paths a glob in a shell command expands to, read from the file system as bash would at run
 * time (`rm *.md`, `sed -i … _kernel/*`): each `*` or `?` component is matched against the names
 * of its folder, case-sensitively, leaving out dot-names unless the component starts with `.`.
 */
import { fs } from '../fs/node-fs.ts';
import { join } from 'node:path';
import { globMatches } from '../text/glob.ts';

/** Folder entries read for one command's globs in all: past it, the rest goes unread (a hook must not stall). */
export const GLOB_ENTRIES_MAX = 20_000;

export interface GlobBudget {
  entries: number;
}

/** True when `part` holds a `*` or `?` that no backslash quotes. */
function hasGlob(part: string): boolean {
  for (let k = 0; k < part.length; k++) {
    if (part[k] === '\\') k++;
    else if (part[k] === '*' || part[k] === '?') return true;
  }
  return false;
}

const unescaped = (part: string) => part.replace(/\\(.)/g, '$1');

function names(dir: string, budget: GlobBudget): string[] {
  const found: string[] = [];
  let handle: import('node:fs').Dir | undefined;
  try {
    handle = fs.opendirSync(dir);
    for (let entry = handle.readSync(); entry !== null && budget.entries > 0; entry = handle.readSync()) {
      budget.entries--;
      found.push(entry.name);
    }
  } catch {
    // Not a folder, or unreadable: it expands to nothing, as in bash.
  } finally {
    handle?.closeSync();
  }
  return found;
}

/** What the glob `pattern` (escaped as ShellWrite.pattern is), relative to `base` unless absolute, names now. */
export function globPaths(pattern: string, base: string, budget: GlobBudget = { entries: GLOB_ENTRIES_MAX }): string[] {
  let paths = [pattern.startsWith('/') ? '/' : base];
  for (const part of pattern.split('/')) {
    if (part === '') continue;
    if (!hasGlob(part)) {
      paths = paths.map((p) => join(p, unescaped(part)));
      continue;
    }
    const next: string[] = [];
    for (const dir of paths) {
      for (const name of names(dir, budget)) {
        if ((part.startsWith('.') || !name.startsWith('.')) && globMatches(part, name)) next.push(join(dir, name));
      }
    }
    paths = next;
    if (paths.length === 0) break;
  }
  return paths;
}
