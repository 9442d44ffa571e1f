/**
 * Where the bus lives (cli.md section 7): --root, else HELLOWORLD_ROOT, else the nearest ancestor
 * holding `runtimes/`, else the current folder. Only cheap fs calls: the SessionStart hook uses it.
 */
import { join, resolve } from 'node:path';
import { findUp, isDirectory as isDir } from '../fs/find-up.ts';
import { fs } from '../fs/node-fs.ts';

/**
 * The nearest folder at or above `start` that holds a `runtimes/` of the user's own (`uid`, by
 * default this process's), if any. One another user made above the current folder (in /tmp, a
 * shared folder) would take every message sent from below it and answer them: it is passed over,
 * as git passes over a repository another user owns. So is a link named `runtimes` another user
 * made (its owner is the link's, lstat: the folder it points at may be the user's, which let it
 * block every command below it with unsafe_bus_folder). A link of the user's own to a folder is
 * found, and the bus then refuses it as it refuses any linked folder (unsafe_bus_folder).
 */
export function findBusAncestor(start: string, uid: number | undefined = process.getuid?.()): string | undefined {
  return findUp(start, (dir) => {
    const runtimes = join(dir, 'runtimes');
    if (!isDir(runtimes)) return false;
    if (uid === undefined) return true;
    try {
      return fs.lstatSync(runtimes).uid === uid;
    } catch {
      return false;
    }
  });
}

/** The bus root for a command. */
export function resolveBusRoot(flag: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined && flag !== '') return resolve(cwd, flag);
  const fromEnv = env.HELLOWORLD_ROOT;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(cwd, fromEnv);
  return findBusAncestor(cwd) ?? resolve(cwd);
}

/** The bus root only when one exists (no fallback to the current folder). */
export function existingBusRoot(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.HELLOWORLD_ROOT;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const root = resolve(cwd, fromEnv);
    return isDir(join(root, 'runtimes')) ? root : undefined;
  }
  return findBusAncestor(cwd);
}
