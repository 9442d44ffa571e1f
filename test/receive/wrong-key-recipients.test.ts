/**
 * A package sealed for another key (carol opening one sealed for bob, or bob after rotating his
 * key): its manifest names the recipients, so the refusal says whom it was sealed for and which
 * key was tried, and suggests no damage.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, formatFingerprint, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp, tree } from './helpers.ts';

let base = '';
let pkg = '';
const keys = { bob: '', mallory: '' };

beforeAll(async () => {
  base = tmp('wrong-key-recipients');
  const fixture = { bob: 'bob', mallory: 'ossl' } as const;
  for (const who of Object.keys(keys) as Array<keyof typeof keys>) {
    keys[who] = join(base, 'keys', who);
    mkdirSync(keys[who], { recursive: true, mode: 0o700 });
    for (const f of ['private.pem', 'public.pem']) copyFileSync(join(repoRoot, 'test', 'package-crypto', 'keys', fixture[who], f), join(keys[who], f));
    chmodSync(join(keys[who], 'private.pem'), 0o600);
  }
  const walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2', bundles: { launch: { 'a.md': 'a\n' } } });
  pkg = join(base, 'for-bob.walnut');
  const c = await aliveInProcess(
    ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'rsa', '--recipient', join(keys.bob, 'public.pem')],
    testEnv(join(base, 'alice')),
  );
  expect(c.status, c.stderr).toBe(0);
});

describe('wrong_key with the recipients the manifest names', () => {
  it('says whom it was sealed for and which key was tried, without suggesting damage', async () => {
    const world = makeWorld(join(base, 'w'), { layout: 'v2' });
    const before = tree(world);
    const r = await aliveInProcess(
      ['receive', pkg, '--world', world, '--private-key', join(keys.mallory, 'private.pem'), '--json'],
      testEnv(join(base, 'carol')),
    );
    expect(r.status).toBe(1);
    const error = JSON.parse(r.stdout).error;
    expect(error.code).toBe('wrong_key');
    const bob = formatFingerprint(fingerprint(loadPublicKey(join(keys.bob, 'public.pem'))));
    const mine = formatFingerprint(fingerprint(loadPublicKey(join(keys.mallory, 'public.pem'))));
    expect(error.message).toContain(`sealed for ${bob}, not your key ${mine}`);
    expect(error.message).toMatch(/previous key of yours, pass --private-key with it;/);
    expect(error.message).not.toMatch(/damaged/);
    expect(tree(world)).toEqual(before);
  });
});
