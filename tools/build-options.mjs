// The esbuild options of every dist/<entry>.mjs bundle, shared by tools/build.mjs and the tests
// that bundle an entry on their own.

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins; give them one.
const requireBanner = [
  '#!/usr/bin/env node',
  "import { createRequire as __aliveCreateRequire } from 'node:module';",
  'const require = __aliveCreateRequire(import.meta.url);',
].join('\n');

// The hooks run on every tool call and session start, and bundle no CommonJS code: they get no
// require(), whose creation alone costs about 0.5 ms of start-up (bench/hooks.ts). A CommonJS
// dependency added to a hook would fail at run time, so test/plugin checks the bundles for it.
export const HOOK_ENTRIES = ['log-guardian', 'relay-check'];

/** esbuild options for the entry named `name` (scripts/<name>.ts). */
export function bundleOptions(name) {
  return {
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: false,
    banner: { js: HOOK_ENTRIES.includes(name) ? '#!/usr/bin/env node' : requireBanner },
    legalComments: 'none',
    minifySyntax: true,
    charset: 'utf8',
    logLevel: 'warning',
  };
}
