/**
 * Folders a process makes for its own work (an extract's staging, an encrypted package's spool)
 * and removes when done, marked with `owner.json` (the process that made it: pid, start time, host
 * tag). A process killed with SIGKILL runs no cleanup; a later run removes such a folder, but only
 * one that is provably ours (our name, our user, a real folder, our marker) and whose owner is
 * gone. A marker from another host or PID namespace says nothing about its process: kept.
 */
import { closeSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ownerRunning, processStartTime } from './lock.ts';
import { removeTree } from './remove-tree.ts';
import { openForReading, readOpenRegularFile } from './small-file.ts';
import { hostTag } from '../proc/host-tag.ts';

export const OWNER_FILE = 'owner.json';
/** A marker is a hundred bytes; a larger file in its place is not ours. */
const OWNER_MAX = 1024;

/** A kind of owned folder: the names it takes, and what its marker says made it. */
export interface OwnedKind {
  name: RegExp;
  madeBy: string;
  /**
   * For a folder of this name that is not a stale one of ours by its marker: removes it if it is
   * certainly one older versions, which made no marker, left (temp-folder.ts); else leaves it.
   */
  removeIfUnmarkedLeftover?: (path: string) => void;
}

/** Marks `dir`, a private folder this process has just made, as `kind`'s and this process's. */
export function markOwned(dir: string, kind: OwnedKind): void {
  const start = processStartTime(process.pid);
  const owner = { made_by: kind.madeBy, pid: process.pid, ...(start ? { start } : {}), host: hostTag() };
  writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600, flag: 'wx' });
}

function readOwner(dir: string): unknown {
  const opened = openForReading(join(dir, OWNER_FILE));
  if (!('fd' in opened)) return undefined;
  try {
    const r = readOpenRegularFile(opened.fd, { maxBytes: OWNER_MAX });
    return r.ok ? JSON.parse(r.bytes.toString('utf8')) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/** Is `path` a folder of `kind` whose process is gone (so it can be removed)? */
export function isStaleOwned(path: string, kind: OwnedKind): boolean {
  if (!kind.name.test(basename(path))) return false;
  const st = lstatSync(path, { throwIfNoEntry: false });
  // lstat: a link with the name is not a folder, and is never followed.
  if (st === undefined || !st.isDirectory()) return false;
  if (process.getuid !== undefined && st.uid !== process.getuid()) return false;
  const owner = readOwner(path) as { made_by?: unknown; pid?: unknown; start?: unknown; host?: unknown } | undefined;
  if (owner === null || typeof owner !== 'object' || owner.made_by !== kind.madeBy || owner.host !== hostTag()) return false;
  const { pid, start } = owner;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (start !== undefined && typeof start !== 'string') return false;
  return !ownerRunning(pid, start);
}

/** Removes the stale folders of `kinds` in `parent`; what cannot be read or removed is left alone. */
export function removeStaleOwned(parent: string, kinds: readonly OwnedKind[]): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const kind = kinds.find((k) => k.name.test(name));
    if (!kind) continue;
    const path = join(parent, name);
    try {
      if (isStaleOwned(path, kind)) removeTree(path);
      else kind.removeIfUnmarkedLeftover?.(path);
    } catch {
      // another run removing it too, or a folder we may not empty: it blocks nothing
    }
  }
}
