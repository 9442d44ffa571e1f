// Bundles every scripts/<entry>.ts into a self-contained dist/<entry>.mjs (ESM, Node 20).
// The output is deterministic so that CI can compare a fresh build with the committed dist/.
import { rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './build-options.mjs';
import { PLUGIN_FOLDER, writePluginFolder } from './plugin-folder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
rmSync(distDir, { recursive: true, force: true });
for (const name of await buildBundles(distDir)) console.log(`built dist/${name}.mjs`);
// What the marketplace installs: the runtime files and a copy of the bundles (tools/plugin-folder.mjs).
writePluginFolder({ root, distDir, outDir: join(root, PLUGIN_FOLDER) });
console.log(`wrote ${PLUGIN_FOLDER}/ (the runtime files the marketplace installs)`);
