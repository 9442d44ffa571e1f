// Bundles every scripts/<entry>.ts into a self-contained dist/<entry>.mjs (ESM, Node 20).
// The output is deterministic so that CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { readdirSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './build-options.mjs';
import { PLUGIN_FOLDER, writePluginFolder } from './plugin-folder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scriptsDir = join(root, 'scripts');
const distDir = join(root, 'dist');
const entries = readdirSync(scriptsDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort()
  .map((f) => join(scriptsDir, f));

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });

// Entries that share options are built together (one esbuild call per banner).
const groups = new Map();
for (const e of entries) {
  const options = bundleOptions(basename(e, '.ts'));
  const key = JSON.stringify(options);
  if (!groups.has(key)) groups.set(key, { options, entryPoints: [] });
  groups.get(key).entryPoints.push(e);
}
for (const { options, entryPoints } of groups.values()) {
  await build({ ...options, entryPoints, outdir: distDir });
}
// The bundles are commands (package.json "bin", with a shebang): executable, as npm would make them.
for (const e of entries) {
  const out = join(distDir, `${basename(e, '.ts')}.mjs`);
  chmodSync(out, 0o755);
  console.log(`built dist/${basename(e, '.ts')}.mjs`);
}
// What the marketplace installs: the runtime files and a copy of the bundles (tools/plugin-folder.mjs).
writePluginFolder({ root, distDir, outDir: join(root, PLUGIN_FOLDER) });
console.log(`wrote ${PLUGIN_FOLDER}/ (the runtime files the marketplace installs)`);
