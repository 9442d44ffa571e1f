/**
 * Walking up the folder tree: the one find-up-to-root (world root, bus root, the guardian's world
 * lookup). Only stat calls: the hooks use it on every tool call.
 */
import { dirname, resolve } from 'node:path';
import { fs } from './node-fs.ts';

/** True when `path` is a folder (a missing path is the common answer, so no exception is built). */
export function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` for which `matches` is true; undefined past the filesystem root. */
export function findUp(start: string, matches: (dir: string) => boolean): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (matches(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
