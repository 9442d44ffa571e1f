/**
 * Private folders in the system's temporary folder for an encrypted package's payload:
 * `alive-spool-*` (read: the payload and its wrapped key, spooled) and `alive-seal-*` (relay push
 * sealing one for a peer). Made 0700 by mkdtemp, marked with their owner (fs/owned-folder.ts) and
 * removed on Ctrl-C, SIGTERM or SIGHUP as when done; those of a process killed outright are removed
 * by a later run, once per process: the first that reads a package (verify, extract, receive,
 * relay pull) or makes such a folder. So are the unmarked ones older versions left, once certainly
 * theirs (removeLegacyFolder).
 */
import { lstatSync, mkdtempSync, opendirSync, rmdirSync, unlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markOwned, type OwnedKind, removeStaleOwned } from '../fs/owned-folder.ts';
import { removeTree } from '../fs/remove-tree.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';

/**
 * Versions before the marker (80388f55) made these folders the same way (mkdtemp, 0700) and spooled
 * only these files in them, top level: a spool `payload.enc` and `payload.key` (format 2.0), or
 * `rsa-envelope-v1.json` and `payload.enc` (2.1 RSA); a seal `payload.enc` and `payload.key`. A
 * folder may be empty: killed before its first file (and until 5dbad731 every package read made one).
 */
const LEGACY_FILES = {
  spool: new Set(['payload.enc', 'payload.key', 'rsa-envelope-v1.json']),
  seal: new Set(['payload.enc', 'payload.key']),
};

/**
 * How long nothing in an unmarked folder must have been written before it is taken for one a
 * process of an older version, killed outright, left. Those versions leave no pid to check: their
 * process, alive, writes the folder's files as it reads the package, then reads them for seconds or
 * minutes. A day covers one stopped meanwhile (Ctrl-Z, a suspended machine) for a night; one stopped
 * for longer may fail when it goes on (its spool is gone).
 */
export const LEGACY_TEMP_MIN_AGE_MS = 24 * 60 * 60_000;

/**
 * Removes `path` if it is certainly a folder an older version left for `files`: a real folder of
 * this user (lstat), mkdtemp's mode 0700 exactly, holding nothing but regular files of this user
 * among `files` (no marker, no folder, no link), the folder and each file unwritten for a day.
 * Only those files are unlinked, and the folder removed only if nothing else came into it since.
 */
function removeLegacyFolder(path: string, files: ReadonlySet<string>, now = Date.now()): void {
  const uid = process.getuid?.();
  if (uid === undefined) return; // no owner to check (Windows): kept
  const old = (mtimeMs: number) => now - mtimeMs >= LEGACY_TEMP_MIN_AGE_MS;
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st === undefined || !st.isDirectory() || st.uid !== uid || (st.mode & 0o7777) !== 0o700 || !old(st.mtimeMs)) return;
  const names: string[] = [];
  const listing = opendirSync(path);
  try {
    for (let entry = listing.readSync(); entry !== null; entry = listing.readSync()) {
      if (!files.has(entry.name)) return;
      names.push(entry.name);
    }
  } finally {
    listing.closeSync();
  }
  for (const name of names) {
    const f = lstatSync(join(path, name));
    if (!f.isFile() || f.uid !== uid || !old(f.mtimeMs)) return;
  }
  for (const name of names) unlinkSync(join(path, name));
  rmdirSync(path);
}

/** mkdtemp adds six letters or digits to the prefix. */
const KINDS = {
  spool: {
    name: /^alive-spool-[A-Za-z0-9]{6}$/,
    madeBy: 'alive-p2p spool',
    removeIfUnmarkedLeftover: (path: string) => removeLegacyFolder(path, LEGACY_FILES.spool),
  },
  seal: {
    name: /^alive-seal-[A-Za-z0-9]{6}$/,
    madeBy: 'alive-p2p seal',
    removeIfUnmarkedLeftover: (path: string) => removeLegacyFolder(path, LEGACY_FILES.seal),
  },
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
