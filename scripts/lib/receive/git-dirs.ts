/**
 * Folders of a package that git would take for a repository whatever their name: git's own test
 * (is_git_directory) is a `HEAD` file with `objects/` and `refs/` beside it, or with a `commondir`
 * file naming where they are. Inside one, any `git status` reads its `config`, whose
 * `core.fsmonitor` runs a command. Names are compared folded (a file system that ignores case
 * takes `head` for `HEAD`).
 */

/** The part of a repository that folded segment `i` of a path is, if any. */
function memberAt(folded: readonly string[], i: number): string | undefined {
  const name = folded[i]!;
  if (i === folded.length - 1) return name === 'head' || name === 'commondir' ? name : undefined;
  return name === 'objects' || name === 'refs' ? name : undefined;
}

/** The package-relative folders (`''` for the package's root) that hold a repository. */
export function gitRepoFolders(paths: readonly string[], fold: (segment: string) => string): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const path of paths) {
    const segs = path.split('/');
    const folded = segs.map(fold);
    for (let i = 0; i < segs.length; i++) {
      const member = memberAt(folded, i);
      if (member === undefined) continue;
      const folder = segs.slice(0, i).join('/');
      const names = seen.get(folder) ?? new Set<string>();
      names.add(member);
      seen.set(folder, names);
    }
  }
  const repos = new Set<string>();
  for (const [folder, names] of seen) {
    if (names.has('head') && (names.has('commondir') || (names.has('objects') && names.has('refs')))) repos.add(folder);
  }
  return repos;
}

/**
 * What to leave out of a path inside one of `repos`: the outermost repository folder, whole, as
 * `.git/` is; at the package's root, which must stay, only what makes it one (HEAD, commondir,
 * objects/, refs/). Undefined when the path is in none.
 */
export function repoRemoval(segs: readonly string[], folded: readonly string[], repos: ReadonlySet<string>): string | undefined {
  if (repos.size === 0) return undefined;
  if (repos.has('') && memberAt(folded, 0) !== undefined) return segs[0];
  for (let i = 1; i < segs.length; i++) {
    const folder = segs.slice(0, i).join('/');
    if (repos.has(folder)) return folder;
  }
  return undefined;
}

/**
 * Folders (folded names) of version-control systems other than Git whose config can run commands
 * (hooks, pagers, Darcs's posthooks): each name but its first character is the program's.
 */
export const VCS_FOLDERS: ReadonlySet<string> = new Set(['.hg', '.jj', '.sl', '_darcs', '.pijul']);

/** The index of the segment of `folded` that is one of VCS_FOLDERS, or -1. */
export function otherVcsAt(folded: readonly string[]): number {
  return folded.findIndex((s, i) => i < folded.length - 1 && VCS_FOLDERS.has(s));
}

/** A folder of version-control metadata to leave out, whole, and the program that reads its config. */
export interface VcsFolder {
  /** Its package path (for a repository at the package's root, the member: `HEAD`, `objects`, ...). */
  path: string;
  program: 'git' | 'hg' | 'jj' | 'sl' | 'darcs' | 'pijul';
}

/**
 * The version-control metadata of a package's `paths`, as receive leaves it out (plan.ts): a
 * `.git` (a folder, or a gitfile naming a repository), a folder git takes for a repository, a
 * `.hg/`, `.jj/` or `.sl/` folder. By path of each file that lies in one.
 */
export function vcsFoldersOf(paths: readonly string[], fold: (segment: string) => string): Map<string, VcsFolder> {
  const repos = gitRepoFolders(paths, fold);
  const out = new Map<string, VcsFolder>();
  for (const path of paths) {
    const segs = path.split('/');
    const folded = segs.map(fold);
    const gitAt = folded.indexOf('.git');
    if (gitAt >= 0) {
      out.set(path, { path: segs.slice(0, gitAt + 1).join('/'), program: 'git' });
      continue;
    }
    const repo = repoRemoval(segs, folded, repos);
    if (repo !== undefined) {
      out.set(path, { path: repo, program: 'git' });
      continue;
    }
    const at = otherVcsAt(folded);
    if (at >= 0) out.set(path, { path: segs.slice(0, at + 1).join('/'), program: folded[at]!.slice(1) as VcsFolder['program'] });
  }
  return out;
}
