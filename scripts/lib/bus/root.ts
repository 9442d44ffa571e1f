/**
 * Where the bus lives (cli.md section 7): --root, else HELLOWORLD_ROOT, else the nearest ancestor
 * holding `runtimes/`, else the current folder. Only cheap fs calls: the SessionStart hook uses it.
 */
import { fs } from '../fs/node-fs.ts';
import { dirname, join, resolve } from 'node:path';

function isDir(path: string): boolean {
  try {
    return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` that holds `runtimes/`, if any. */
export function findBusAncestor(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (isDir(join(dir, 'runtimes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
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
