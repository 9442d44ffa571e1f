/**
 * Private folders in the system's temporary folder for an encrypted package's payload:
 * `alive-spool-*` (read: the payload and its wrapped key, spooled) and `alive-seal-*` (relay push
 * sealing one for a peer). Made 0700 by mkdtemp, marked with their owner (fs/owned-folder.ts) and
 * removed on Ctrl-C, SIGTERM or SIGHUP as when done; those of a process killed outright are removed
 * by a later run, once per process: the first that reads a package (verify, extract, receive,
 * relay pull) or makes such a folder.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markOwned, type OwnedKind, removeStaleOwned } from '../fs/owned-folder.ts';
import { removeTree } from '../fs/remove-tree.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';

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

export interface TempFolder {
  path: string;
  /** Removes it (and stops listening for the signals that would). */
  remove(): Promise<void>;
}

/** A new private folder in $TMPDIR for `use`, marked as this process's. */
export function makeTempFolder(use: keyof typeof KINDS): TempFolder {
  removeStaleTempFolders();
  let path: string | undefined;
  // Listening before the folder exists, and made on this thread: a signal's cleanup runs between
  // two tasks of it, so it sees the folder as soon as it exists.
  const release = cleanUpIfInterrupted(() => {
    if (path !== undefined) removeTree(path);
  });
  try {
    path = mkdtempSync(join(tmpdir(), `alive-${use}-`));
    markOwned(path, KINDS[use]);
  } catch (err) {
    release();
    if (path !== undefined) removeTree(path);
    throw err;
  }
  const made = path;
  return {
    path: made,
    remove: async () => {
      release();
      await rm(made, { recursive: true, force: true });
    },
  };
}
