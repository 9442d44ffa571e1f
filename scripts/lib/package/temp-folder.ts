/**
 * Private folders in the system's temporary folder for an encrypted package's payload:
 * `alive-spool-*` (read: the payload and its wrapped key, spooled) and `alive-seal-*` (relay push
 * sealing one for a peer). Made 0700 by mkdtemp and marked with their owner (fs/owned-folder.ts),
 * so that those of a process killed outright are removed by a later run, once per process: the
 * first that reads a package (verify, extract, receive, relay pull) or makes such a folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markOwned, type OwnedKind, removeStaleOwned } from '../fs/owned-folder.ts';

/** mkdtemp adds six letters or digits to the prefix. */
const KINDS = {
  spool: { name: /^alive-spool-[A-Za-z0-9]{6}$/, madeBy: 'alive-p2p spool' },
  seal: { name: /^alive-seal-[A-Za-z0-9]{6}$/, madeBy: 'alive-p2p seal' },
} satisfies Record<string, OwnedKind>;

/** The temporary folders already cleaned by this process ($TMPDIR may change between runs in one). */
const cleaned = new Set<string>();

/** Removes the spool and seal folders that processes of this user, now gone, left in $TMPDIR. */
export function removeStaleTempFolders(): void {
  const dir = tmpdir();
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  removeStaleOwned(dir, Object.values(KINDS));
}

/** A new private folder in $TMPDIR for `use`, marked as this process's; the caller removes it. */
export async function makeTempFolder(use: keyof typeof KINDS): Promise<string> {
  removeStaleTempFolders();
  const dir = await mkdtemp(join(tmpdir(), `alive-${use}-`));
  try {
    await markOwned(dir, KINDS[use]);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return dir;
}
