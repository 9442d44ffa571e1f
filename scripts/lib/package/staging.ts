/**
 * An extraction's staging folder, made beside the destination: `.<name>.alive-extract-<12 hex>/`,
 * private, holding `owner.json` (fs/owned-folder.ts: the process that made it) and `tree/` (the
 * package's files, renamed into the destination once every check has passed). The next extract
 * into the same folder removes one left by an extract killed outright, once provably ours and its
 * process gone.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isStaleOwned, markOwned, type OwnedKind, removeStaleOwned } from '../fs/owned-folder.ts';

export { OWNER_FILE } from '../fs/owned-folder.ts';
export const TREE_DIR = 'tree';
const STAGING: OwnedKind = { name: /^\..+\.alive-extract-[0-9a-f]{12}$/, madeBy: 'alive-p2p extract' };

/** The staging folder of an extraction into `output` (an absolute path). */
export function stagingPath(output: string): string {
  return join(dirname(output), `.${basename(output)}.alive-extract-${randomBytes(6).toString('hex')}`);
}

/** Makes the staging folder (private) with its marker; `tree/` is the caller's to make. */
export async function makeStaging(staging: string): Promise<void> {
  await mkdir(staging, { mode: 0o700 });
  markOwned(staging, STAGING);
}

/** Is `path` a staging folder of an extract whose process is gone (so it can be removed)? */
export function isStaleStaging(path: string): boolean {
  return isStaleOwned(path, STAGING);
}

/** Removes the stale staging folders in `parent`; what cannot be read or removed is left alone. */
export function removeStaleStaging(parent: string): void {
  removeStaleOwned(parent, [STAGING]);
}
