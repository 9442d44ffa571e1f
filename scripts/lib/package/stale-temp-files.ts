/**
 * The hidden temporary files of a package being written beside its output: the package itself
 * (archive-out.ts, `.partial`) and an encrypted package's payload (encrypt.ts, `.payload`), named
 * by fs/atomic.ts siblingTempPath `.<name>.<pid>.<8 hex>.<tag>`. Create removes them when it ends,
 * Ctrl-C included (cleanUpIfInterrupted); a create killed outright (kill -9, a crash, a machine
 * turned off) cannot, and its file, as large as the package, stayed for good. The next create into
 * the folder removes such a file (removeStaleTempFiles).
 */
import { lstatSync, opendirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../proc/alive.ts';

/** A name siblingTempPath gives a package's temporary file; the pid that wrote it is group 1. */
export const PACKAGE_TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.(partial|payload)$/;

/**
 * How long a temporary file must have been left unwritten before a later create removes it. Its
 * name holds a pid but not the machine: on a folder shared with another machine or container (a
 * network or synced folder, a bind mount), a create running there has a pid that runs nothing here.
 * Such a create writes its file all the time (an encrypted one leaves its `.payload` unwritten only
 * while it copies it into the `.partial`, minutes for the largest package), so an hour without a
 * write, well past clock skew between machines, is a create that is gone, or one stopped for an
 * hour (Ctrl-Z, a suspended machine), which then fails at its end with nothing written.
 */
export const TEMP_FILE_MIN_AGE_MS = 60 * 60_000;

/** Past this many names the folder is not read further: what is left stays for a later create. */
const NAMES_LOOKED_AT = 100_000;

/**
 * Removes, in `dir`, the temporary files of package writes that are certainly gone: a name exactly
 * PACKAGE_TEMP's (nothing else is ever looked at), a regular file (lstat: a link under the name is
 * neither followed nor removed, nor is a folder), owned by this user, untouched for
 * TEMP_FILE_MIN_AGE_MS, whose pid runs no process here (a pid now running another process, reused,
 * keeps it: that cannot be told apart from a create still at work). Best effort: what cannot be
 * read or removed stays.
 */
export function removeStaleTempFiles(dir: string, now = Date.now()): void {
  let listing: ReturnType<typeof opendirSync>;
  try {
    listing = opendirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  try {
    for (let seen = 0; seen < NAMES_LOOKED_AT; seen++) {
      const entry = listing.readSync();
      if (entry === null) break;
      const m = PACKAGE_TEMP.exec(entry.name);
      if (m === null) continue;
      // The pid as siblingTempPath writes it (no leading zero, within a pid's 31 bits), or not ours.
      const pid = Number(m[1]);
      if (pid <= 0 || pid > 0x7fffffff || String(pid) !== m[1]) continue;
      const path = join(dir, entry.name);
      try {
        const st = lstatSync(path);
        if (!st.isFile() || (uid !== undefined && st.uid !== uid) || now - st.mtimeMs < TEMP_FILE_MIN_AGE_MS) continue;
        if (processAlive(pid)) continue;
        // unlink removes the name only, never what a link would name.
        unlinkSync(path);
      } catch {
        // gone already (another create removing it too), or not ours to remove
      }
    }
  } catch {
    // the folder could not be read further
  } finally {
    listing.closeSync();
  }
}
