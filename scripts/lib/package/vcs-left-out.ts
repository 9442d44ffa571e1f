/**
 * Version-control metadata in a package: what extract leaves out (as receive does), and what
 * verify and info say of it beforehand.
 */
import { vcsFoldersOf } from '../receive/git-dirs.ts';
import { segmentFolder } from '../walnut/agent-files.ts';
import { senderName } from '../text/fence.ts';
import { counted } from '../text/plural.ts';

/**
 * Version-control metadata is left out, whole, as receive leaves it out: git runs the command a
 * `.git/config` names (`core.fsmonitor`) on any `git status` in that folder, which a shell prompt
 * runs on `cd`, with no trust prompt for the user's own files. An honest package may hold one (the
 * reference's create skips `.git` only at the walnut's top), so the rest is written. Its files are
 * still read and checked against the manifest, just not written.
 */
export interface LeftOut {
  /** Package path of the folder (or gitfile) left out. */
  path: string;
  reason: string;
}

export interface LeftOutPlan {
  /** The folder each left-out file lies in, by the file's package path. */
  byPath: Map<string, string>;
  list: LeftOut[];
}

export function leftOutOf(paths: readonly string[]): LeftOutPlan {
  const byPath = new Map<string, string>();
  const list = new Map<string, LeftOut>();
  for (const [path, v] of vcsFoldersOf(paths, segmentFolder())) {
    byPath.set(path, v.path);
    if (!list.has(v.path)) list.set(v.path, { path: v.path, reason: `version-control metadata: its config names commands ${v.program} runs in that folder` });
  }
  return { byPath, list: [...list.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** The first ten folders, each quoted when a plain name, else left out saying so. */
function shownNames(list: readonly LeftOut[]): string {
  return `${list
    .slice(0, 10)
    .map((l) => senderName(l.path))
    .join(', ')}${list.length > 10 ? ', …' : ''}`;
}

/**
 * The warning extract prints when it left folders out (empty when none). Their names are the
 * sender's: each quoted when it is a plain name, else left out saying so; `left_out` in --json
 * holds them all.
 */
export function leftOutWarning(leftOut: readonly LeftOut[]): string | undefined {
  if (leftOut.length === 0) return undefined;
  return (
    `left out ${counted(leftOut.length, 'version-control folder')} of this package (${shownNames(leftOut)}), not written: its config names commands git (or hg, jj, sl) ` +
    "runs in that folder (core.fsmonitor, hooks) on any status there, a shell prompt's included. Every other file was written; " +
    'the left-out files were checked against the manifest all the same. receive leaves them out too'
  );
}

/** The note verify and info print when a package holds version-control metadata (empty when none). */
export function vcsNote(found: readonly LeftOut[]): string | undefined {
  if (found.length === 0) return undefined;
  return (
    `this package holds ${counted(found.length, 'version-control folder')} (${shownNames(found)}): extract and receive leave such folders out, ` +
    'as their config names commands git (or hg, jj, sl) runs in that folder; every other file is written'
  );
}
