/**
 * A wrong passphrase on a 2.0 package whose payload.enc matches the manifest's payload_sha256
 * (checked before decrypting): the payload is not damaged, so the refusal says the passphrase is
 * wrong, without "or the payload is damaged … the two cannot be told apart" (daily-use review).
 * A payload with no payload_sha256 to check it against keeps the two-way wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';

let work: string;
let pkg: string;

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
  const r = await alive(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase'], { WALNUT_PASSPHRASE: 'right one' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => {
  setPbkdf2IterationsForTests(undefined);
  rmSync(work, { recursive: true, force: true });
});

describe('a wrong passphrase on a payload that matches its payload_sha256', () => {
  for (const command of ['verify', 'extract'] as const) {
    it(`${command} says the passphrase is wrong, and not that the payload may be damaged`, async () => {
      const args = command === 'verify' ? ['verify', pkg, '--json'] : ['extract', pkg, '--output', join(work, 'out'), '--json'];
      const r = await alive(args, { WALNUT_PASSPHRASE: 'wrong one' });
      expect(r.status).toBe(1);
      const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(error.code).toBe('wrong_passphrase');
      expect(error.message).toMatch(/wrong passphrase/);
      expect(error.message).toMatch(/payload_sha256/);
      expect(error.message).not.toMatch(/or the payload is damaged|cannot be told apart/);
      expect(r.stdout + r.stderr).not.toContain('wrong one');
    });
  }
});
