/**
 * Deletes a folder and everything under it, however deep. fs.rmSync names each file by its
 * absolute path, so a tree whose paths pass PATH_MAX (a package's long paths, made longer by a
 * rename into a deeper folder) fails with ENAMETOOLONG half-way. Here, a folder whose path grows
 * long is first renamed to a short name directly under the root, and emptied from there: every
 * call names a path shorter than PATH_MAX. Links are removed, never followed.
 */
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { errnoCode } from '../errors.ts';

/** A folder path longer than this (bytes) is moved up before it is read: a name adds at most 255. */
const HOIST_AT = 2048;

export function removeTree(root: string): void {
  try {
    rmSync(root, { recursive: true, force: true });
    return;
  } catch (err) {
    if (errnoCode(err) !== 'ENAMETOOLONG') throw err;
  }
  let hoisted = 0;
  const shortened = (dir: string): string => {
    if (Buffer.byteLength(dir) <= HOIST_AT) return dir;
    let up = join(root, `.deep-${hoisted++}`);
    while (existsSync(up)) up = join(root, `.deep-${hoisted++}`);
    renameSync(dir, up);
    return up;
  };
  // Depth first, without recursion (a tree may be thousands of folders deep): a folder is read
  // once to delete its files and queue its folders, and once more, empty, to be removed.
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack[stack.length - 1]!;
    const folders: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) folders.push(p);
      else unlinkSync(p);
    }
    if (folders.length === 0) {
      rmdirSync(dir);
      stack.pop();
    } else for (const f of folders) stack.push(shortened(f));
  }
}
