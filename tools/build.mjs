// Bundles every scripts/<entry>.ts into a self-contained dist/<entry>.mjs (ESM, Node 20).
// The output is deterministic so that CI can compare a fresh build with the committed dist/.
import { build } from 'esbuild';
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scriptsDir = join(root, 'scripts');
const distDir = join(root, 'dist');
const entries = readdirSync(scriptsDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort()
  .map((f) => join(scriptsDir, f));

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins; give them one.
const banner = [
  '#!/usr/bin/env node',
  "import { createRequire as __aliveCreateRequire } from 'node:module';",
  'const require = __aliveCreateRequire(import.meta.url);',
].join('\n');

await build({
  entryPoints: entries,
  outdir: distDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: false,
  banner: { js: banner },
  legalComments: 'none',
  minifySyntax: true,
  charset: 'utf8',
  logLevel: 'warning',
});
for (const e of entries) console.log(`built dist/${basename(e, '.ts')}.mjs`);
