// The folder the marketplace installs (`plugin/`): only what the plugin needs at run time.
//
// Claude Code copies a marketplace plugin's source folder into its cache and, when a
// package.json and a lockfile sit there, runs `npm ci` in the copy, which would install this
// project's whole development toolchain. The bundles in dist/ need nothing installed, so the
// marketplace entry points at this folder instead of the repository root: the manifests, hooks,
// skills, the MCP declaration, the README and docs/, the licence and a copy of the bundles, and no
// package.json. tools/build.mjs writes it after the bundles; CI checks that the committed copy
// matches a fresh build.
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Files and folders copied from the repository root as they are (a missing optional one is skipped). */
export const RUNTIME_SOURCES = [
  { path: '.claude-plugin/plugin.json', required: true },
  { path: 'hooks', required: true },
  { path: 'skills', required: true },
  { path: '.mcp.json', required: false },
  { path: 'README.md', required: true },
  // The README, the skills, receive's held-back index and the hooks' --help point the reader here.
  { path: 'docs', required: true },
  { path: 'LICENSE', required: true },
];

/** Where the marketplace entry's `source` points, relative to the repository root. */
export const PLUGIN_FOLDER = 'plugin';

/** Regular files under `dir` (relative paths, sorted); a symlink or other special file is an error. */
function filesUnder(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const st = lstatSync(join(dir, path));
    if (st.isDirectory()) out.push(...filesUnder(dir, path));
    else if (st.isFile()) out.push(path);
    else throw new Error(`${join(dir, path)}: not a regular file; the plugin folder holds plain files only`);
  }
  return out;
}

function copy(from, to, mode) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  chmodSync(to, mode);
}

/**
 * Writes the runtime folder `outDir` from the repository `root` and the bundles in `distDir`
 * (every dist/*.mjs and dist/chunks/*.mjs), replacing whatever was there. Returns the relative paths written, sorted.
 */
export function writePluginFolder({ root, distDir, outDir }) {
  rmSync(outDir, { recursive: true, force: true });
  const written = [];
  for (const { path, required } of RUNTIME_SOURCES) {
    const from = join(root, path);
    if (!existsSync(from)) {
      if (required) throw new Error(`${path} is missing: the plugin cannot be assembled without it`);
      continue;
    }
    const files = lstatSync(from).isDirectory() ? filesUnder(from).map((f) => `${path}/${f}`) : [path];
    for (const f of files) {
      copy(join(root, f), join(outDir, f), 0o644);
      written.push(f);
    }
  }
  // The bundles: every entry (executable, as package.json "bin" makes them) and its chunks/.
  for (const f of filesUnder(distDir).filter((n) => n.endsWith('.mjs'))) {
    copy(join(distDir, f), join(outDir, 'dist', f), f.includes('/') ? 0o644 : 0o755);
    written.push(`dist/${f}`);
  }
  return written.sort();
}
