/**
 * Modules of scripts/ for the child processes a test starts, without tsx: `node --import tsx`
 * costs each child about 0.35 s of CPU before it runs a line of the test (its loader, esbuild),
 * two to four times what the child then does. childModules(), called at a test file's top level,
 * gives a function that bundles a module with esbuild (once per module and test file) into one
 * ES module plain node imports, and returns its file URL; the folder goes when the file's tests end.
 */
import { afterAll } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = join(import.meta.dirname, '..', '..');

/** Bundles the repository's module `entry` (e.g. 'scripts/lib/hook/io.ts') into one ES module at `outfile`, for plain node. */
export async function bundleForChild(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(repo, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

/** `(path) => file URL of path's bundle`, path relative to the repository (e.g. 'scripts/lib/hook/io.ts'). */
export function childModules(): (path: string) => Promise<string> {
  let dir: string | undefined;
  const built = new Map<string, Promise<string>>();
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return (path) => {
    let url = built.get(path);
    if (!url) {
      dir ??= mkdtempSync(join(tmpdir(), 'alive-child-modules-'));
      const outfile = join(dir, `${built.size}-${path.replace(/[^\w.-]+/g, '_')}.mjs`);
      url = bundleForChild(path, outfile).then(() => pathToFileURL(outfile).href);
      built.set(path, url);
    }
    return url;
  };
}
