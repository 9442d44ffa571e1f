/**
 * An encrypted create whose write fails part-way (a full disk; here the file size limit of
 * `ulimit -f`, a real EFBIG from the kernel): the ciphertext is streamed into a hidden `.payload`
 * file first, and a failed write there crashed the process with Node's "Unhandled 'error' event"
 * and left the `.payload` behind. Every envelope now ends as a plain create does: `unwritable`,
 * one `error:` line, one JSON object under --json, and nothing left in the output folder.
 * Passphrase keys are derived with 1000 PBKDF2 rounds (test/support/pbkdf2-rounds.mjs): the
 * derivation comes before the write under test.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PBKDF2_ROUNDS } from '../support/bundles.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { CLI, errorLine, makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let root = '';
let walnut = '';
let bob = '';

beforeAll(() => {
  root = tempRoot('create-write-failure');
  // Incompressible, so the payload passes the 1 MiB limit below.
  walnut = makeWalnut(join(root, 'garden'), { 'raw/blob.bin': randomBytes(3 * 1024 * 1024) });
  bob = join(root, 'bob.pem');
  writeFileSync(bob, testKeyPair(3).publicKeyPem);
});
afterAll(() => rmrf(root));

/** Runs the bundle under `ulimit -f 1024` (1024-byte blocks): a write past 1 MiB fails with EFBIG. */
function underFileLimit(args: string[], envDir: string) {
  return spawnSync('bash', ['-c', 'ulimit -f 1024; exec "$0" "$@"', process.execPath, '--import', PBKDF2_ROUNDS, CLI, ...args], {
    env: sandboxEnv(envDir, { WALNUT_PASSPHRASE: 'correct horse' }),
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('an encrypted create that cannot write its payload', () => {
  it.each([
    ['passphrase, format 2.0', ['--encrypt', 'passphrase']],
    ['rsa, format 2.0', ['--encrypt', 'rsa', '--recipient', 'BOB']],
    ['passphrase, format 2.1', ['--encrypt', 'passphrase', '--format', '2.1']],
    ['rsa, format 2.1', ['--encrypt', 'rsa', '--recipient', 'BOB', '--format', '2.1']],
  ])('%s: unwritable, one JSON object, no temporary file left', (name, flags) => {
    const tag = name.replace(/\W+/g, '-');
    const outDir = join(root, `out-${tag}`);
    mkdirSync(outDir);
    const output = join(outDir, 'y.walnut');
    const args = ['create', '--walnut', walnut, '--scope', 'full', ...flags.map((f) => (f === 'BOB' ? bob : f)), '--output', output, '--json'];
    const r = underFileLimit(args, join(root, `env-${tag}`));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/Unhandled|^\s+at /m);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['error', 'ok']);
    expect(out).toMatchObject({ ok: false, error: { code: 'unwritable' } });
    const line = errorLine({ status: r.status, stdout: r.stdout, stderr: r.stderr });
    expect(line).toBe(`error: ${out.error.message}`);
    expect(line).toBe(`error: cannot write ${output} (EFBIG); check the free space and permissions of ${outDir}; nothing was written`);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
