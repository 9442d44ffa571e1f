/**
 * `relay setup` with keys/public.pem but no keys/private.pem: the pair is incomplete. The refusal
 * is setup's own (restore the private key, or move public.pem aside for a new pair), not keygen's
 * advice to choose another --out folder, an option setup does not have.
 */
import { afterAll, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir } from './helpers.ts';
import { run } from './in-process.ts';
import { nextTestKeyPair } from '../support/test-keys.ts';

const base = tempDir('setup-incomplete');
afterAll(() => base.cleanup());

it('refuses an incomplete key pair in its own words, changing nothing', async () => {
  const ann = makeUser(base.dir, 'ann');
  mkdirSync(ann.paths.keysDir, { recursive: true, mode: 0o700 });
  const pem = nextTestKeyPair().publicKeyPem;
  writeFileSync(ann.paths.publicKey, pem);
  const r = await run(ann, ['setup', '--transport', 'git', '--login', 'ann', '--url', join(base.dir, 'remotes', 'ann.git'), '--json']);
  expect(r.code).toBe(1);
  expect(r.json.error.code).toBe('key_exists');
  expect(r.json.error.message).toMatch(/your relay key pair is incomplete \(private\.pem missing/);
  expect(r.json.error.message).toMatch(/restore .*private\.pem.*or move .*public\.pem.* aside/);
  expect(r.json.error.message).toMatch(/accept the new key/);
  expect(r.json.error.message).not.toMatch(/--out|keygen/);
  expect(existsSync(ann.paths.privateKey)).toBe(false);
  expect(readFileSync(ann.paths.publicKey, 'utf8')).toBe(pem);
});
