/**
 * node:fs for code on a hook's start-up path (and the shared modules hooks use).
 *
 * An ESM `import ... from 'node:fs'` makes Node build a namespace holding every fs export, and
 * reading them all loads fs/promises as a side effect: about 2 ms of every hook start, which is
 * a tenth of `node -e 0` (bench/hooks.ts). The CommonJS exports object has no such cost.
 * process.getBuiltinModule exists from Node 20.16; earlier 20.x releases fall back to require.
 */
import { createRequire } from 'node:module';

type NodeFs = typeof import('node:fs');

export const fs: NodeFs =
  typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:fs') : (createRequire(import.meta.url)('node:fs') as NodeFs);
