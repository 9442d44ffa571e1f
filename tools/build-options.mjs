// The esbuild options of every dist/<entry>.mjs bundle, and the build of all of them, shared by
// tools/build.mjs (into dist/) and the test suite's global setup (into a temporary folder).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts');

import { builtinModules, createRequire } from 'node:module';

// CommonJS dependencies inside an ESM bundle call require() for Node built-ins; give them one.
// Everything else is bundled, so a require() at run time names a built-in, or an optional module a
// dependency tries in a try block (not found, as from createRequire). process.getBuiltinModule
// (Node 20.16+) needs no import of node:module, whose ESM facade and import.meta cost start-up.
const requireBanner = [
  '#!/usr/bin/env node',
  "const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? " +
    '(() => { throw Object.assign(new Error("Cannot find module \'" + id + "\'"), { code: \'MODULE_NOT_FOUND\' }); })() : ' +
    "(await import('node:module')).createRequire(import.meta.url);",
].join('\n');

// The hooks run on every tool call and session start, and bundle no CommonJS code: they get no
// require(), whose creation alone costs about 0.5 ms of start-up (bench/hooks.ts). A CommonJS
// dependency added to a hook would fail at run time, so test/plugin checks the bundles for it.
export const HOOK_ENTRIES = ['log-guardian', 'log-guardian-shell', 'relay-check'];

/**
 * The bundles built without keepNames: the hooks and the dispatch entry (not the command bundles it
 * loads), whose start-up the benchmarks hold to a target and which bundle only this repository's
 * code, whose error classes name themselves (errors.ts, names.ts). keepNames puts a
 * __name(fn, "name") call beside every function and class, run at load and at each closure's
 * creation: 1.2-1.6 million instructions of a hook's start (3.9 million for a Bash command that
 * names log.md, 2.5 million for `dispatch status`), about a quarter of a millisecond each million.
 * What they lose: stack traces (ALIVE_DEBUG=1) name the minified functions. dispatch-mcp too
 * (2026-12-07): 20 KB of dist/'s 2 MB budget; the MCP SDK and zod name their errors themselves, and
 * zod reads a constructor's name only to describe a class instance, which no JSON it parses holds.
 */
export const UNNAMED_ENTRIES = [...HOOK_ENTRIES, 'dispatch', 'dispatch-mcp'];

/**
 * A Node built-in imported by a command bundle loads when the code first uses it, not when the
 * bundle (or chunk) that imports it starts: esbuild hoists `import … from 'node:x'` to the top of
 * each output file, so `--help` and `dispatch status` would load crypto (and with it the stream
 * modules), zlib, child_process … that they never call. Each import of a built-in becomes a small
 * CommonJS module. For a built-in whose exports are a plain object of functions and values (fs,
 * path, crypto, os, util, zlib, child_process …), that module's exports object has no properties
 * of its own and, as prototype, a proxy that requires the built-in at the first property read and
 * then puts the real module in its place; esbuild's __toESM copy of an exports object (a getter
 * per own property, about a hundred for node:fs, in every importing module) has nothing to copy.
 * A built-in that exports a function or an object with a prototype of its own (events, stream,
 * assert, module, process) is required as it is when the importing module runs: a default import
 * of it must be the function itself, and its methods may read `this`.
 * Only for bundles with the require banner.
 */
const builtinNames = new Set(builtinModules);
/** Sends every `import … from 'node:x'` statement (not a dynamic import) to `namespace`. */
const resolveBuiltinImports = (build, namespace) =>
  build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
    if (args.kind !== 'import-statement' || args.namespace === namespace) return undefined;
    const bare = args.path.replace(/^node:/, '');
    if (!builtinNames.has(bare)) return undefined;
    return { path: `node:${bare}`, namespace };
  });
const plainObjectBuiltin = (id) => {
  const m = createRequire(import.meta.url)(id);
  return m !== null && typeof m === 'object' && Object.getPrototypeOf(m) === Object.prototype;
};
/** The module that makes each lazy built-in's exports (one copy per bundle, not one per built-in). */
const LAZY_PROXY = 'alive-lazy-builtin-proxy';
export const lazyBuiltins = {
  name: 'lazy-node-builtins',
  setup(build) {
    resolveBuiltinImports(build, 'lazy-builtin');
    build.onResolve({ filter: new RegExp(`^${LAZY_PROXY}$`) }, () => ({ path: LAZY_PROXY, namespace: 'lazy-builtin-proxy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin-proxy' }, () => ({
      contents: [
        'module.exports = function (requireBuiltin) {',
        '  var real;',
        '  var load = function () { return real || (real = requireBuiltin()); };',
        '  var lazy = new Proxy({}, {',
        '    get: function (_, key, receiver) {',
        '      var m = load();',
        '      if (Object.getPrototypeOf(receiver) === lazy) Object.setPrototypeOf(receiver, m);',
        '      return m[key];',
        '    },',
        '    has: function (_, key) { return key in load(); },',
        '  });',
        '  return Object.create(lazy);',
        '};',
      ].join('\n'),
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const id = JSON.stringify(args.path);
      if (!plainObjectBuiltin(args.path)) return { contents: `module.exports = require(${id});`, loader: 'js' };
      return { contents: `module.exports = require(${JSON.stringify(LAZY_PROXY)})(function () { return require(${id}); });`, loader: 'js' };
    });
  },
};

/**
 * The hooks' ES imports of Node built-ins (node:path, node:url): an import of a built-in makes
 * Node's ES module loader build a module namespace for it, about a millisecond of every hook
 * start (bench/hooks.ts), where process.getBuiltinModule (Node 20.16+) hands over the CommonJS
 * exports object, as scripts/lib/fs/node-fs.ts does for node:fs. Earlier 20.x releases import it
 * as before. Only data properties become named exports: reading a getter such as fs.promises
 * would load what it guards at start-up (a named import of one fails the build).
 */
export const hookBuiltins = {
  name: 'hook-node-builtins',
  setup(build) {
    resolveBuiltinImports(build, 'hook-builtin');
    build.onLoad({ filter: /.*/, namespace: 'hook-builtin' }, (args) => {
      const id = JSON.stringify(args.path);
      const descriptors = Object.getOwnPropertyDescriptors(createRequire(import.meta.url)(args.path));
      const names = Object.keys(descriptors).filter((k) => 'value' in descriptors[k] && k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
      return {
        contents: [
          `const builtin = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule(${id}) : (await import(${id})).default;`,
          `export const { ${names.join(', ')} } = builtin;`,
          'export default builtin;',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * How a command entry keeps `--help` and its common commands from loading every other command:
 *
 * - SPLIT_ENTRIES (alive-p2p, relay-probe, migrate-relay) use esbuild's code splitting, so tar,
 *   yaml, zod and Octokit sit once in chunks they share. An entry that lists its commands with
 *   lazyCommand (alive-p2p) is built apart as one file with what it imports statically, so that
 *   `--help` reads a single file (each more file costs the ES module loader a resolve, a read on
 *   the thread pool and a link: about a millisecond, bench/startup.ts); the commands it loads,
 *   chunks/<concern>-<command>.mjs, are split together with the other entries. As with dispatch
 *   below, such an entry's command factory is its own copy, and each command catches its own
 *   errors.
 * - COMMAND_CHUNK_ENTRIES (dispatch, dispatch-mcp) stay one file each, and each command that
 *   dispatch loads with lazyCommand is a bundle of its own, chunks/<concern>-<command>.mjs
 *   (commandChunks), split with the others: what two of them use sits once, in
 *   chunks/shared-<hash>.mjs. `status` is imported statically and sits in the entry (shared chunks
 *   once made it read 16 files). Each command bundle had its own copy of the bus code until
 *   2026-12-07: 400 KB of dist/'s 2 MB, which left no room for a fix of the bus; a command other
 *   than status now reads two or three shared chunks more (`dispatch show`: 42.5 against 38.8 ms,
 *   `node -e 0` 22.5 ms). Serve, run and repl, which run for long, are one bundle
 *   (bus/commands/long-running.ts); each chunk's command catches its own errors.
 */
/**
 * Octokit's JSON (json-with-bigint) becomes scripts/lib/relay/octokit-json.ts, JSON.parse and
 * JSON.stringify: that module says why. vitest.config.ts does the same for the tests.
 */
export const OCTOKIT_JSON = join(scriptsDir, 'lib', 'relay', 'octokit-json.ts');
const octokitJson = {
  name: 'octokit-json',
  setup(build) {
    build.onResolve({ filter: /^json-with-bigint$/ }, () => ({ path: OCTOKIT_JSON }));
  },
};

/**
 * The MCP SDK's default JSON Schema validator (Ajv) becomes scripts/lib/bus/mcp/no-ajv.ts, which
 * fails if built: the server validates schemas for elicitation only, never used here, and
 * createServer gives its own validator. That module says why.
 */
const NO_AJV = join(scriptsDir, 'lib', 'bus', 'mcp', 'no-ajv.ts');
/** Its Zod 3 support (zod/v3, zod-to-json-schema) becomes scripts/lib/bus/mcp/no-zod-v3.ts: that module says why. */
const NO_ZOD_V3 = join(scriptsDir, 'lib', 'bus', 'mcp', 'no-zod-v3.ts');
const mcpWithoutAjv = {
  name: 'mcp-without-ajv',
  setup(build) {
    build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, (args) =>
      /[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(args.importer) ? { path: NO_AJV } : undefined,
    );
    build.onResolve({ filter: /^(zod\/v3|zod-to-json-schema)$/ }, (args) =>
      /[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(args.importer) ? { path: NO_ZOD_V3 } : undefined,
    );
  },
};

export const SPLIT_ENTRIES = ['alive-p2p', 'migrate-relay', 'relay-probe'];
export const COMMAND_CHUNK_ENTRIES = ['dispatch', 'dispatch-mcp'];

/** esbuild options for the entry named `name` (scripts/<name>.ts). */
export function bundleOptions(name) {
  const hook = HOOK_ENTRIES.includes(name);
  const split = !hook && !COMMAND_CHUNK_ENTRIES.includes(name);
  return {
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: split,
    ...(split ? { chunkNames: 'chunks/[name]-[hash]' } : {}),
    banner: { js: hook ? '#!/usr/bin/env node' : requireBanner },
    plugins: hook ? [hookBuiltins] : [lazyBuiltins, octokitJson, mcpWithoutAjv],
    // log-guardian loads its shell reader, a bundle of its own, by this relative specifier.
    ...(name === 'log-guardian' ? { define: { ALIVE_SHELL_READER: JSON.stringify('./log-guardian-shell.mjs') } } : {}),
    legalComments: 'none',
    minifySyntax: true,
    // Every bundle is minified, names kept (for stack traces and class names) but in
    // UNNAMED_ENTRIES: dist/ in all stays under 2 MB. The hooks too (their sources are
    // scripts/log-guardian*.ts and relay-check.ts): 47 KB less for Node to read and parse on every
    // tool call and session start.
    minifyWhitespace: true,
    minifyIdentifiers: true,
    keepNames: !UNNAMED_ENTRIES.includes(name),
    // ASCII only (a non-ASCII character in a string is written as its \u escape): Node decodes a
    // bundle into a JS string and V8 scans it, and one character past ASCII (an ellipsis in a
    // message) makes the whole source a two-byte string, slower to decode and to scan. About 0.5-1.8
    // million fewer instructions per start of a hook or of `dispatch status` (callgrind), the same text at run time.
    charset: 'ascii',
    logLevel: 'warning',
  };
}

/**
 * True when the source file `file` lists commands with lazyCommand (an entry or a group): it
 * imports lazyCommand. Not lib/cli/command.ts, which defines it and which every command entry
 * imports (read as a caller, it made relay-probe and migrate-relay whole bundles of 170-210 KB).
 */
function callsLazyCommand(file) {
  return /^import\s*(?:type\s+)?\{[^}]*\blazyCommand\b[^}]*\}\s*from\s/m.test(readFileSync(file, 'utf8'));
}

/**
 * True when the entry `file` lists commands with lazyCommand, itself or through a module it
 * imports statically (scripts/lib/cli/alive-p2p-group.ts, which tests read the commands from).
 */
function listsLazyCommands(file) {
  if (callsLazyCommand(file)) return true;
  const imports = [...readFileSync(file, 'utf8').matchAll(/^import [^;]* from '(\.[^']+\.ts)';$/gm)].map((m) => resolve(dirname(file), m[1]));
  return imports.some(callsLazyCommand);
}

/**
 * True when the dynamic imports `file` makes are bundles of their own in a COMMAND_CHUNK_ENTRIES
 * entry: it lists commands with lazyCommand, or it is a command module (a file of a commands/
 * folder) that sits in the entry (bus/commands/status.ts loads the header reader, message.ts,
 * only when an inbox holds a file: 2.5 KB the entry does not carry).
 */
function chunksItsImports(file) {
  return /[\\/]commands[\\/][^\\/]+\.ts$/.test(file) || callsLazyCommand(file);
}

/**
 * For COMMAND_CHUNK_ENTRIES: a dynamic import made by a module that calls lazyCommand (the group
 * of dispatch's commands), or by a command module in the entry (chunksItsImports), stays an import of chunks/<concern>-<command>.mjs, and the module is
 * recorded in `chunks` (out name -> source path) to be bundled on its own. Inside such a command
 * bundle (`inChunk`), every dynamic import is a bundle of its own the same way (bus/config-schema.ts:
 * zod, 30 KB that `dispatch send` parses only when a receiver has a config.json): a module loaded
 * so has its own copies of what it imports, so it hands back plain values, never classes or state
 * its importer shares.
 */
function commandChunks(chunks, inChunk) {
  const lazyImporters = new Map();
  return {
    name: 'command-chunks',
    setup(build) {
      build.onResolve({ filter: /\.ts$/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        if (!inChunk) {
          // Read once per build: every dynamic import of a module asks.
          if (!lazyImporters.has(args.importer)) lazyImporters.set(args.importer, chunksItsImports(args.importer));
          if (!lazyImporters.get(args.importer)) return undefined;
        }
        const source = resolve(args.resolveDir, args.path);
        const out = `chunks/${relative(join(scriptsDir, 'lib'), source).replace(/\.ts$/, '').replace('/commands/', '/').replaceAll('/', '-')}`;
        if (chunks.has(out) && chunks.get(out) !== source) throw new Error(`two command modules make ${out}.mjs: ${chunks.get(out)} and ${source}`);
        chunks.set(out, source);
        return { path: inChunk ? `./${basename(out)}.mjs` : `./${out}.mjs`, external: true };
      });
    },
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
  // Entries that share options are built together (one esbuild call per kind), so that the split
  // entries share their chunks.
  const groups = new Map();
  for (const name of names) {
    const options = bundleOptions(name);
    const key = JSON.stringify({ options, commandChunks: COMMAND_CHUNK_ENTRIES.includes(name) });
    if (!groups.has(key)) groups.set(key, { options, commandChunks: COMMAND_CHUNK_ENTRIES.includes(name), entryPoints: [] });
    groups.get(key).entryPoints.push(join(scriptsDir, `${name}.ts`));
  }
  const emit = async (options) => {
    const result = await build({ ...options, ...(logLevel ? { logLevel } : {}), outdir: outDir, write: false });
    for (const file of result.outputFiles) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, withoutUnusedRequire(file.text));
    }
  };
  for (const { options, commandChunks: chunked, entryPoints } of groups.values()) {
    const chunks = new Map();
    if (options.splitting) {
      // An entry that lists lazy commands is one file; the others, and every command the first
      // load lazily, are split together.
      const apart = entryPoints.filter(listsLazyCommands);
      if (apart.length > 0) await emit({ ...options, splitting: false, entryPoints: apart, plugins: [...options.plugins, commandChunks(chunks, false)] });
      const together = [
        ...entryPoints.filter((f) => !apart.includes(f)).map((f) => ({ in: f, out: basename(f, '.ts') })),
        ...[...chunks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([out, source]) => ({ in: source, out })),
      ];
      if (together.length > 0) await emit({ ...options, entryPoints: together });
      continue;
    }
    await emit({ ...options, entryPoints, ...(chunked ? { plugins: [...options.plugins, commandChunks(chunks, false)] } : {}) });
    // The command bundles, then the bundles they import dynamically, until none is new.
    for (let pending = [...chunks]; pending.length > 0; ) {
      const found = new Map();
      pending.sort(([a], [b]) => (a < b ? -1 : 1));
      // Names kept in the command bundles (UNNAMED_ENTRIES names the entry alone): they bundle zod
      // and the MCP SDK, and dispatch-mcp, built apart, writes the same chunks.
      await emit({
        ...options,
        keepNames: true,
        splitting: true,
        chunkNames: 'chunks/shared-[hash]',
        entryPoints: pending.map(([out, source]) => ({ in: source, out })),
        plugins: [...options.plugins, commandChunks(found, true)],
      });
      pending = [...found].filter(([out]) => !chunks.has(out));
      for (const [out, source] of pending) chunks.set(out, source);
    }
  }
  for (const name of names) chmodSync(join(outDir, `${name}.mjs`), 0o755);
  return names;
}

const REQUIRE_LINES = requireBanner.slice(requireBanner.indexOf('\n') + 1);
const USES_REQUIRE = /(?<![\w$.'"])require(?![\w$])/;

/**
 * A chunk that never calls require() does not make one: each createRequire (and the import.meta
 * it reads) is start-up time, and only esbuild's runtime chunk, whose require shim every chunk
 * goes through, calls it.
 */
export function withoutUnusedRequire(text) {
  const at = text.indexOf(REQUIRE_LINES);
  if (at < 0) return text;
  const rest = text.slice(at + REQUIRE_LINES.length);
  return USES_REQUIRE.test(rest) ? text : text.slice(0, at) + rest.replace(/^\n/, '');
}
