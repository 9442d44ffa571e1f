/**
 * A package holds a person's private context: create makes it 0600 from the first byte (its hidden
 * `.partial` is opened so, and linked into place), whatever the umask, in every format and
 * envelope. It took 0644 from the umask before, so on a shared machine another user could read
 * the walnut's owner-only files from the package. Run with umask 000: nothing is taken away.
 * The mode is the package writer's, not the entry's: create runs in-process under umask 000 (passphrase
 * keys with 1000 PBKDF2 rounds through the test knob), and the plain 2.0 case through the bundle too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { CLI, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let root = '';
let walnut = '';
let bob = '';
let carol = '';

beforeAll(() => {
  root = tempRoot('package-mode');
  walnut = makeWalnut(join(root, 'garden'), { 'notes/private.md': 'mine\n' });
  bob = join(root, 'bob.pem');
  carol = join(root, 'carol.pem');
  writeFileSync(bob, testKeyPair(3).publicKeyPem);
  writeFileSync(carol, testKeyPair(4).publicKeyPem);
  setPbkdf2IterationsForTests(1000);
});
afterAll(() => {
  setPbkdf2IterationsForTests(undefined);
  rmrf(root);
});

/** Runs create under umask 000 (the bundle's, or in-process) and returns the modes of the packages it names. */
async function createUnderUmask000(tag: string, flags: string[], packages: string[], viaBundle: boolean): Promise<string[]> {
  const out = join(root, tag);
  mkdirSync(out);
  const args = ['create', '--walnut', walnut, '--scope', 'full', ...flags, '--output', join(out, 'p.walnut')];
  const env = sandboxEnv(join(root, `env-${tag}`), { WALNUT_PASSPHRASE: 'correct horse' });
  if (viaBundle) {
    const r = spawnSync('bash', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
  } else {
    const previous = process.umask(0);
    try {
      const r = await aliveInProcess(args, env);
      expect(r.status, r.stderr).toBe(0);
    } finally {
      process.umask(previous);
    }
  }
  return packages.map((p) => (statSync(join(out, p)).mode & 0o777).toString(8));
}

describe('a package is readable by its owner only', () => {
  it.each([
    ['plain, format 2.0, through the bundle', [], ['p.walnut'], true],
    ['plain, format 2.0', [], ['p.walnut'], false],
    ['passphrase, format 2.0', ['--encrypt', 'passphrase'], ['p.walnut'], false],
    ['rsa to two recipients, format 2.0', ['--encrypt', 'rsa', '--recipient', 'BOB', '--recipient', 'CAROL'], ['p-bob.walnut', 'p-carol.walnut'], false],
    ['plain, format 2.1', ['--format', '2.1'], ['p.walnut'], false],
    ['passphrase, format 2.1', ['--encrypt', 'passphrase', '--format', '2.1'], ['p.walnut'], false],
    ['rsa, format 2.1', ['--encrypt', 'rsa', '--recipient', 'BOB', '--format', '2.1'], ['p.walnut'], false],
  ] as const)('%s: 0600', async (name, flags, packages, viaBundle) => {
    const keyed = flags.map((f) => (f === 'BOB' ? bob : f === 'CAROL' ? carol : f));
    const modes = await createUnderUmask000(name.replace(/\W+/g, '-'), keyed, [...packages], viaBundle);
    expect(modes).toEqual(packages.map(() => '600'));
  });
});
