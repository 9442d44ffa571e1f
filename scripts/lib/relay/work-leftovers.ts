/**
 * What a push writes under $ALIVE_HOME/relay/work/ while it runs: the sealed package
 * (`push-….walnut`, as large as the package) and, on git, a folder of the package's object
 * (`deposit-…/`). The push removes both when it ends, Ctrl-C included (cleanUpIfInterrupted); a
 * push killed outright (kill -9, a crash, a machine turned off) cannot, so a later push removes
 * what such a push left (removeLeftovers).
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../proc/alive.ts';
import { hostTag } from '../proc/host-tag.ts';

/**
 * How old a leftover whose owner cannot be checked here must be before a later push removes it:
 * an hour past the longest a push may read it (git's transfer limit, 5 hours, git-transport.ts).
 */
export const LEFTOVER_AGE_MS = 6 * 60 * 60_000;

/** The start of a name under work/ that names this process: `<prefix><pid>h<hostTag>-`. */
export function ownedName(prefix: string): string {
  return `${prefix}${process.pid}h${hostTag()}-`;
}

/**
 * Removes the entries of `dir` named `prefix…` that no running push reads: those whose name says
 * they were made by a process of this machine (ownedName) that is no longer running, at once, and
 * once untouched for twice `ageMs` when a process of that id runs (no push lasts that long: the id
 * was reused, which would otherwise keep a package-sized file for ever); any other (made on another
 * machine or container sharing this folder, where a pid says nothing here, or by an older version,
 * whose names carry no machine) once untouched for `ageMs`.
 * Best effort: what cannot be removed stays for a later push.
 */
export function removeLeftovers(dir: string, prefix: string, ageMs = LEFTOVER_AGE_MS, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const here = hostTag();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dir, name);
    try {
      const owner = /^(\d+)h([0-9a-z]+)-/.exec(name.slice(prefix.length));
      const ownedHere = owner !== null && owner[2] === here;
      const age = now - lstatSync(path).mtimeMs;
      const gone = ownedHere ? age >= 2 * ageMs || !processAlive(Number(owner[1])) : age >= ageMs;
      if (gone) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already, or another command's to finish
    }
  }
}
