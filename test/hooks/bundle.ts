/**
 * Builds a hook entry the way tools/build.mjs builds dist/ (the same options, from
 * tools/build-options.mjs) into a private temporary dist folder, so these tests spawn the real
 * bundle of the current source without rewriting the shared dist/ other suites may be reading.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../../tools/build-options.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles scripts/<name>.ts into `<outDir>/<name>.mjs` and returns its path. */
export async function bundleEntry(name: string, outDir = mkdtempSync(join(tmpdir(), 'alive-dist-'))): Promise<string> {
  await build({ ...bundleOptions(name), entryPoints: [join(repoRoot, 'scripts', `${name}.ts`)], outdir: outDir, logLevel: 'silent' });
  return join(outDir, `${name}.mjs`);
}

export interface HookRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a bundle with `stdin` as its input, in `cwd`, with exactly the given environment. */
export function runBundle(
  script: string,
  stdin: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; args?: string[]; timeoutMs?: number },
): HookRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script, ...(opts.args ?? [])], {
    input: stdin,
    cwd: opts.cwd,
    env: opts.env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** A minimal environment: PATH only, plus what the test sets (never the developer's HOME). */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra };
}
