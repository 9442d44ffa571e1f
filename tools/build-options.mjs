// The esbuild options of every dist/<entry>.mjs bundle, and the build of all of them, shared by
// tools/build.mjs (into dist/) and the test suite's global setup (into a temporary folder).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts');

import { builtinModules } from 'node:module';

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins; give them one.
const requireBanner = [
  '#!/usr/bin/env node',
  "import { createRequire as __aliveCreateRequire } from 'node:module';",
  'const require = __aliveCreateRequire(import.meta.url);',
].join('\n');

// The hooks run on every tool call and session start, and bundle no CommonJS code: they get no
// require(), whose creation alone costs about 0.5 ms of start-up (bench/hooks.ts). A CommonJS
// dependency added to a hook would fail at run time, so test/plugin checks the bundles for it.
export const HOOK_ENTRIES = ['log-guardian', 'log-guardian-shell', 'relay-check'];

/**
 * Static imports of Node built-ins become require() calls made where the importing module first
 * runs. esbuild hoists every `import … from 'node:x'` to the top of an ESM bundle, so a command
 * that `--help` never runs still made Node load crypto, zlib, child_process, worker_threads …
 * at start-up (about half the start-up cost of alive-p2p). Through this plugin a built-in loads
 * with the (lazily initialised) module that uses it. Only for bundles with the require banner.
 */
const builtinNames = new Set(builtinModules);
export const lazyBuiltins = {
  name: 'lazy-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (args.kind !== 'import-statement' || args.namespace === 'lazy-builtin') return undefined;
      const bare = args.path.replace(/^node:/, '');
      if (!builtinNames.has(bare)) return undefined;
      return { path: `node:${bare}`, namespace: 'lazy-builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** esbuild options for the entry named `name` (scripts/<name>.ts). */
export function bundleOptions(name) {
  const hook = HOOK_ENTRIES.includes(name);
  return {
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: false,
    banner: { js: hook ? '#!/usr/bin/env node' : requireBanner },
    plugins: hook ? [] : [lazyBuiltins],
    legalComments: 'none',
    minifySyntax: true,
    // The command bundles are minified (names kept, for stack traces and class names): dist/ in
    // all stays under 2 MB. The hooks stay readable; they are small.
    ...(hook ? {} : { minifyWhitespace: true, minifyIdentifiers: true, keepNames: true }),
    charset: 'utf8',
    logLevel: 'warning',
  };
}

/** The bundle names: one per scripts/<name>.ts, sorted. */
export function entryNames() {
  return readdirSync(scriptsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => basename(f, '.ts'));
}

/**
 * Bundles every scripts/<name>.ts into `<outDir>/<name>.mjs` (mode 0755: the bundles are commands,
 * as npm makes package.json "bin" files) and returns the names built.
 */
export async function buildBundles(outDir, { logLevel } = {}) {
  const names = entryNames();
  mkdirSync(outDir, { recursive: true });
  // Entries that share options are built together (one esbuild call per banner).
  const groups = new Map();
  for (const name of names) {
    const options = bundleOptions(name);
    const key = JSON.stringify(options);
    if (!groups.has(key)) groups.set(key, { options, entryPoints: [] });
    groups.get(key).entryPoints.push(join(scriptsDir, `${name}.ts`));
  }
  for (const { options, entryPoints } of groups.values()) {
    await build({ ...options, ...(logLevel ? { logLevel } : {}), entryPoints, outdir: outDir });
  }
  for (const name of names) chmodSync(join(outDir, `${name}.mjs`), 0o755);
  return names;
}
