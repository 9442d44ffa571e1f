/**
 * A wrong passphrase on a signed 2.0 package whose payload.enc matches the payload_sha256 of its
 * manifest, the signature verified (checked before decrypting): the payload is the one the signer
 * made, so the refusal says the passphrase is wrong, without "or the payload is damaged … the two
 * cannot be told apart" (daily-use review). Where nothing vouches for the manifest (unsigned, or a
 * signer no key checks), a matching hash proves nothing and the two-way wording stays (review of
 * the fix: a tamperer sets payload_sha256 to what they put in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';

let work: string;
let pkg: string;
let unsigned: string;
const keys = join(dirname(fileURLToPath(import.meta.url)), 'keys', 'alice');

async function alive(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base = { ...process.env };
  delete base.WALNUT_PASSPHRASE;
  return aliveInProcess(args, { ...base, ALIVE_HOME: join(work, 'home'), ...env });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'alive-wrong-pass-'));
  const walnut = join(work, 'garden');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: garden\n---\n# garden\n');
  writeFileSync(join(walnut, 'notes.md'), 'secret notes\n');
  pkg = join(work, 'garden.walnut');
  // The wording is the point, not the key derivation: 1000 PBKDF2 rounds.
  setPbkdf2IterationsForTests(1000);
  const privatePem = join(work, 'alice.pem');
  copyFileSync(join(keys, 'private.pem'), privatePem);
  chmodSync(privatePem, 0o600);
  const sign = ['--sign', privatePem, '--signer', 'alice'];
  const r = await alive(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase', ...sign], {
    WALNUT_PASSPHRASE: 'right one',
  });
  expect(r.status, r.stderr).toBe(0);
  unsigned = join(work, 'unsigned.walnut');
  const u = await alive(['create', '--walnut', walnut, '--scope', 'full', '--output', unsigned, '--encrypt', 'passphrase'], { WALNUT_PASSPHRASE: 'right one' });
  expect(u.status, u.stderr).toBe(0);
});
afterAll(() => {
  setPbkdf2IterationsForTests(undefined);
  rmSync(work, { recursive: true, force: true });
});

async function refusal(args: string[]): Promise<string> {
  const r = await alive(args, { WALNUT_PASSPHRASE: 'wrong one' });
  expect(r.status).toBe(1);
  expect(r.stdout + r.stderr).not.toContain('wrong one');
  const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
  expect(error.code).toBe('wrong_passphrase');
  return error.message;
}

describe('a wrong passphrase on a payload that matches its payload_sha256', () => {
  it('verify with the signer key says the passphrase is wrong, and not that the payload may be damaged', async () => {
    const message = await refusal(['verify', pkg, '--signer-key', join(keys, 'public.pem'), '--json']);
    expect(message).toMatch(/wrong passphrase \(the payload is the one the signer made: it matches the payload_sha256 of the signed manifest/);
    expect(message).not.toMatch(/or the payload is damaged|cannot be told apart/);
  });

  it('where no key checks the signature, or nothing is signed, the two cannot be told apart', async () => {
    for (const args of [
      ['verify', pkg, '--json'],
      ['extract', pkg, '--output', join(work, 'out'), '--json'],
      ['verify', unsigned, '--json'],
    ]) {
      expect(await refusal(args), args.join(' ')).toMatch(/wrong passphrase, or the payload is damaged .*cannot be told apart/);
    }
  });
});
