/** Running hook bundles: this run's bundles of the current source (test/support/bundles.ts). */
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleDir, bundlePath } from '../support/bundles.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The bundle of scripts/<name>.ts built for this run; with `outDir`, a copy at `<outDir>/<name>.mjs`
 * (a plugin-like folder where the test chooses the neighbours, e.g. a stand-in relay-probe), with
 * the chunks the command bundles load (`<outDir>/chunks/`, tools/build-options.mjs).
 */
export async function bundleEntry(name: string, outDir?: string): Promise<string> {
  if (outDir === undefined) return bundlePath(name);
  const file = join(outDir, `${name}.mjs`);
  copyFileSync(bundlePath(name), file);
  const chunks = join(bundleDir(), 'chunks');
  if (existsSync(chunks)) cpSync(chunks, join(outDir, 'chunks'), { recursive: true });
  return file;
}

export interface HookRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a bundle with `stdin` as its input, in `cwd`, with exactly the given environment. */
export function runBundle(script: string, stdin: string, opts: { cwd: string; env: NodeJS.ProcessEnv; args?: string[]; timeoutMs?: number }): HookRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script, ...(opts.args ?? [])], {
    input: stdin,
    cwd: opts.cwd,
    env: opts.env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** A minimal environment: PATH only, plus what the test sets (never the developer's HOME). */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra };
}
