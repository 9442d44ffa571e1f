// Bundles every scripts/<entry>.ts into a self-contained dist/<entry>.mjs (ESM, Node 20).
// The output is deterministic so that CI can compare a fresh build with the committed dist/.
import { rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './build-options.mjs';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
rmSync(distDir, { recursive: true, force: true });
for (const name of await buildBundles(distDir)) console.log(`built dist/${name}.mjs`);
