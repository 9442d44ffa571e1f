/**
 * The bundles under test: built once per run from the source by test/support/global-setup.ts into a
 * world-readable temporary folder. Tests run bundles only from here, never from the committed dist/.
 */
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding <name>.mjs for every scripts/<name>.ts of this run. */
    aliveBundles: string;
  }
}

/** The folder of this run's bundles. */
export function bundleDir(): string {
  const dir = inject('aliveBundles');
  if (!dir) throw new Error('no bundles: run the tests with vitest (vitest.config.ts globalSetup builds them)');
  return dir;
}

/** The path of this run's bundle of scripts/<name>.ts, e.g. bundlePath('alive-p2p'). */
export function bundlePath(name: string): string {
  const file = join(bundleDir(), `${name}.mjs`);
  if (!existsSync(file)) throw new Error(`no bundle ${name}.mjs in ${bundleDir()}: is there a scripts/${name}.ts?`);
  return file;
}

/**
 * A fresh folder (mode 0755) beside this run's bundles, inside a temporary folder every user can
 * traverse: for a test that runs something as another user (e.g. uid 65534), wherever the clone
 * and TMPDIR live. The test removes it.
 */
export function sharedTempDir(tag: string): string {
  const dir = mkdtempSync(join(dirname(bundleDir()), `alive-test-${tag}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * The preload that freezes or stalls a bundle at an exact file-system call (test/support/stop-at.mjs):
 * `node --import STOP_AT <bundle> ...` with ALIVE_TEST_STOP_AT in the environment.
 */
export const STOP_AT = pathToFileURL(join(import.meta.dirname, 'stop-at.mjs')).href;

/**
 * The preload that has a bundle derive passphrase keys with 1000 PBKDF2 rounds instead of the
 * format's 600000 (test/support/pbkdf2-rounds.mjs): `node --import PBKDF2_ROUNDS <bundle> ...`,
 * for bundle runs whose test is not about the derivation.
 */
export const PBKDF2_ROUNDS = pathToFileURL(join(import.meta.dirname, 'pbkdf2-rounds.mjs')).href;
