import { lstatSync } from 'node:fs';

/** Something is at `path` itself, a dangling link included (lstat: links are not followed). */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
