/**
 * An extraction's staging folder, made beside the destination: `.<name>.alive-extract-<12 hex>/`,
 * private, holding `owner.json` (the process that made it: pid, start time, host tag) and `tree/`
 * (the package's files, renamed into the destination once every check has passed). A run killed
 * with SIGKILL runs no cleanup; the next extract into the same folder removes such a folder, but
 * only one that is provably ours (our name, our user, a real folder, our marker) and whose owner is
 * gone. A marker from another host or PID namespace says nothing about its process: kept.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ownerRunning, processStartTime } from '../fs/lock.ts';
import { removeTree } from '../fs/remove-tree.ts';
import { openForReading, readOpenRegularFile } from '../fs/small-file.ts';
import { hostTag } from '../proc/host-tag.ts';

export const OWNER_FILE = 'owner.json';
export const TREE_DIR = 'tree';
const MADE_BY = 'alive-p2p extract';
const NAME = /^\..+\.alive-extract-[0-9a-f]{12}$/;
/** A marker is a hundred bytes; a larger file in its place is not ours. */
const OWNER_MAX = 1024;

/** The staging folder of an extraction into `output` (an absolute path). */
export function stagingPath(output: string): string {
  return join(dirname(output), `.${basename(output)}.alive-extract-${randomBytes(6).toString('hex')}`);
}

/** Makes the staging folder (private) with its marker; `tree/` is the caller's to make. */
export async function makeStaging(staging: string): Promise<void> {
  await mkdir(staging, { mode: 0o700 });
  const start = processStartTime(process.pid);
  const owner = { made_by: MADE_BY, pid: process.pid, ...(start ? { start } : {}), host: hostTag() };
  await writeFile(join(staging, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600, flag: 'wx' });
}

function readOwner(staging: string): unknown {
  const opened = openForReading(join(staging, OWNER_FILE));
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

/** Is `path` a staging folder of an extract whose process is gone (so it can be removed)? */
export function isStaleStaging(path: string): boolean {
  if (!NAME.test(basename(path))) return false;
  const st = lstatSync(path, { throwIfNoEntry: false });
  // lstat: a link with the name is not a folder, and is never followed.
  if (st === undefined || !st.isDirectory()) return false;
  if (process.getuid !== undefined && st.uid !== process.getuid()) return false;
  const owner = readOwner(path) as { made_by?: unknown; pid?: unknown; start?: unknown; host?: unknown } | undefined;
  if (owner === null || typeof owner !== 'object' || owner.made_by !== MADE_BY || owner.host !== hostTag()) return false;
  const { pid, start } = owner;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (start !== undefined && typeof start !== 'string') return false;
  return !ownerRunning(pid, start);
}

/** Removes the stale staging folders in `parent`; what cannot be read or removed is left alone. */
export function removeStaleStaging(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!NAME.test(name)) continue;
    const path = join(parent, name);
    try {
      if (isStaleStaging(path)) removeTree(path);
    } catch {
      // another extract removing it too, or a folder we may not empty: it blocks nothing
    }
  }
}
