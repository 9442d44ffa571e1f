/**
 * The packages pull saved but could not verify: files under $ALIVE_HOME/relay/inbox/<folder>/unverified/.
 * Pull reports them once; `relay status` and the SessionStart hook count them from here on every
 * run, as they are now on disk (a file the user deleted is gone from the count). Read by the hook:
 * fs through node-fs.ts, no zod, no regular expression built at run time.
 */
import { join } from 'node:path';
import { fs } from '../fs/node-fs.ts';

/** The folder, under each inbox/<folder>/, where pull files what it could not verify. */
export const UNVERIFIED_DIR = 'unverified';

export interface UnverifiedSaved {
  /** `.walnut` files found under inbox/<folder>/unverified/. */
  packages: number;
  /** The same by inbox folder, as pull named it (the name the relay's writer chose). */
  byFolder: Map<string, number>;
  /** False when `maxFolders` stopped the count: there may be more. */
  complete: boolean;
}

function list(dir: string): import('node:fs').Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Counts the unverified packages under `inbox`, looking into at most `maxFolders` inbox folders
 * (whoever writes the relay can make a folder per package: the hook bounds its time with this).
 */
export function countUnverifiedSaved(inbox: string, maxFolders = Number.POSITIVE_INFINITY): UnverifiedSaved {
  const byFolder = new Map<string, number>();
  let packages = 0;
  let seen = 0;
  let complete = true;
  for (const folder of list(inbox)) {
    if (!folder.isDirectory()) continue;
    if (seen++ >= maxFolders) {
      complete = false;
      break;
    }
    let n = 0;
    for (const f of list(join(inbox, folder.name, UNVERIFIED_DIR))) if (f.isFile() && f.name.endsWith('.walnut')) n++;
    if (n === 0) continue;
    byFolder.set(folder.name, n);
    packages += n;
  }
  return { packages, byFolder, complete };
}
