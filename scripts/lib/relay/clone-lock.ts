/**
 * A lock file left in the relay's local clone by a git that was killed (a ref's `….lock`, the
 * config's): every fetch failed on it, reported as an unreachable relay. Loaded by the git
 * transport only when git failed on a lock.
 */
import { lstatSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { GitError } from './git-run.ts';

/**
 * A git here holds a lock file of the clone (a ref's, the config's) for moments: one this old was
 * left by a git that was killed (the probe's, stopped at its budget), and nothing else removes it.
 */
const STALE_LOCK_MS = 2 * 60_000;

/**
 * The lock file of the clone that made git fail ("Unable to create '….lock': File exists"), when it
 * is one: a file ending in `.lock` inside `clonePath` that exists. Null for any other failure.
 */
function lockInClone(err: unknown, clonePath: string): string | null {
  if (!(err instanceof GitError) || err.timedOut) return null;
  const m = /Unable to create '([^'\n]+\.lock)': File exists/.exec(err.stderr);
  if (!m) return null;
  const clone = resolve(clonePath);
  const lock = resolve(clone, m[1]!); // git names it from the clone, where it runs
  if (!lock.startsWith(`${clone}/`)) return null;
  try {
    return lstatSync(lock).isFile() ? lock : null;
  } catch {
    return null;
  }
}

/** Removes the lock file that made git fail when it is STALE_LOCK_MS old (see lockInClone); true when it did. */
export function removeStaleLock(err: unknown, clonePath: string, now = Date.now()): boolean {
  const lock = lockInClone(err, clonePath);
  if (lock === null) return false;
  try {
    if (now - lstatSync(lock).mtimeMs < STALE_LOCK_MS) return false;
    rmSync(lock, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** The failure of a lock file of the clone that stayed (a fresh one: another git may hold it); null for another failure. */
export function cloneLockedError(err: unknown, clonePath: string): AliveError | null {
  const lock = lockInClone(err, clonePath);
  if (lock === null) return null;
  return new AliveError(
    `the relay's local clone is locked: ${inlineText(lock)} exists, so git cannot update it. Another alive or git command working ` +
      `in it holds such a lock for moments, and a git that was stopped leaves it behind: if none runs, remove that file and try again ` +
      `(alive removes one itself once it is ${STALE_LOCK_MS / 60_000} minutes old)`,
    { code: 'clone_locked', cause: err },
  );
}
