/**
 * A package sealed for another key (carol opening one sealed for bob, or bob after rotating his
 * key): its manifest names the recipients, so the refusal says whom it was sealed for and which
 * key was tried, and suggests no damage. Whom it was sealed for is the package's claim unless a
 * pinned key verified the manifest that lists them: said so, the same way for a 2.0 manifest's
 * list and a 2.1 envelope's key ids (which nothing signs), by one message.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, formatFingerprint, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp, tree } from './helpers.ts';

let base = '';
let pkg = '';
let signedPkg = '';
let v3Pkg = '';
const keys = { alice: '', bob: '', mallory: '' };

beforeAll(async () => {
  base = tmp('wrong-key-recipients');
  const fixture = { alice: 'alice', bob: 'bob', mallory: 'ossl' } as const;
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
  // Signed by alice (no relay: create signs as any --signer), and a 2.1 package, both for bob.
  signedPkg = join(base, 'for-bob-signed.walnut');
  v3Pkg = join(base, 'for-bob-v3.walnut');
  for (const [out, extra] of [
    [signedPkg, ['--sign', join(keys.alice, 'private.pem'), '--signer', 'alice']],
    [v3Pkg, ['--format', '2.1']],
  ] as const) {
    const made = await aliveInProcess(
      ['create', '--walnut', walnut, '--scope', 'full', '--output', out, '--encrypt', 'rsa', '--recipient', join(keys.bob, 'public.pem'), ...extra],
      testEnv(join(base, 'alice')),
    );
    expect(made.status, made.stderr).toBe(0);
  }
});

const fp = (who: keyof typeof keys) => formatFingerprint(fingerprint(loadPublicKey(join(keys[who], 'public.pem'))));

/** receive of `path` with mallory's key, its error (and the world left as it was). */
async function openWithMallory(path: string, env: NodeJS.ProcessEnv, tag: string): Promise<{ code: string; message: string }> {
  const world = makeWorld(join(base, `w-${tag}`), { layout: 'v2' });
  const before = tree(world);
  const r = await aliveInProcess(['receive', path, '--world', world, '--private-key', join(keys.mallory, 'private.pem'), '--json'], env);
  expect(r.status).toBe(1);
  expect(tree(world)).toEqual(before);
  return JSON.parse(r.stdout).error;
}

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
    // Unsigned: the list is the package's word, and said to be.
    expect(error.message).toContain(`its manifest says it was sealed for ${bob}, not your key ${mine} (the package's own claim: no pinned key verified it)`);
    expect(error.message).toMatch(/previous key of yours, pass --private-key with it;/);
    expect(error.message).not.toMatch(/damaged/);
    expect(tree(world)).toEqual(before);
  });

  it('a list in a manifest a pinned key verified is stated as what the signed manifest says', async () => {
    const env = testEnv(join(base, 'carol-pinned'));
    mkdirSync(join(env.ALIVE_HOME!, 'relay', 'keys', 'peers'), { recursive: true });
    copyFileSync(join(keys.alice, 'public.pem'), join(env.ALIVE_HOME!, 'relay', 'keys', 'peers', 'alice.pem'));
    const error = await openWithMallory(signedPkg, env, 'signed');
    expect(error.code).toBe('wrong_key');
    expect(error.message).toContain(`its signed manifest says it was sealed for ${fp('bob')}, not your key ${fp('mallory')};`);
    expect(error.message).not.toMatch(/claim/);
  });

  it('a 2.1 envelope says the same, through the same message: its key ids, as its claim', async () => {
    const error = await openWithMallory(v3Pkg, testEnv(join(base, 'carol-v3')), 'v3');
    expect(error.code).toBe('wrong_key');
    const bobId = fp('bob').slice(0, 'SHA256:'.length + 19);
    expect(error.message).toContain(
      `the key given with --private-key (${join(keys.mallory, 'private.pem')}) cannot open this package: it was encrypted for someone else: ` +
        `its envelope says it was sealed for ${bobId}…, not your key ${fp('mallory')} (the package's own claim: no pinned key verified it); nothing was written. ` +
        'If that was a previous key of yours, pass --private-key with it; otherwise, use the private key whose public half the sender used, or ask the sender to send it to your current key',
    );
    expect(error.message).not.toMatch(/damaged/);
  });
});
