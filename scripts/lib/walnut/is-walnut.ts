/**
 * Whether a folder is a walnut, by its kernel's key.md. Apart from layout.ts, through node-fs.ts:
 * the hooks ask it (world/root.ts), and an ES import of node:fs costs their start-up.
 */
import { join } from 'node:path';
import { fs } from '../fs/node-fs.ts';

export function isWalnut(dir: string): boolean {
  return fs.existsSync(join(dir, '_kernel', 'key.md'));
}

/** A walnut of any generation, v1 (`_core/key.md`) included: what create leaves out when nested. */
export function isAnyWalnut(dir: string): boolean {
  return isWalnut(dir) || fs.existsSync(join(dir, '_core', 'key.md'));
}
