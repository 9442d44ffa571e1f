/**
 * A signed package no pinned key can verify is refused (`unverified`) from its manifest, before the
 * rest of it is read: the clear manifest (a plain package, an encrypted 2.0 one) is checked before a
 * passphrase is asked, a private key tried or a file unpacked; the manifest inside a 2.1 envelope,
 * which only decryption reveals, before the files after it are unpacked. Observed from outside: no
 * passphrase asked, no key tried, and a file that does not match the manifest (which the unpacking
 * would have refused) never reached.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { createPassphraseEncryptStream } from '../../scripts/lib/crypto/passphrase.ts';
import { signManifestText } from '../../scripts/lib/crypto/sign.ts';
import { writeCipheredTarGz } from '../../scripts/lib/package/encrypt.ts';
import type { PackageCrypto } from '../../scripts/lib/package/read-package.ts';
import { receiveCrypto } from '../../scripts/lib/receive/crypto.ts';
import { relayPinFor } from '../../scripts/lib/receive/relay-pin.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp, tree, v2Manifest, v3Manifest, writePackage } from './helpers.ts';

const MAX = 64 * 1024 * 1024;
const PASSPHRASE = 'correct horse battery staple';

let base = '';
let keys = '';
let forger: NodeJS.ProcessEnv;
let walnut = '';

beforeEach(() => setPbkdf2IterationsForTests(1000));
afterAll(() => setPbkdf2IterationsForTests(undefined));

beforeAll(() => {
  base = tmp('unverified-early');
  keys = join(base, 'keys');
  mkdirSync(keys, { recursive: true, mode: 0o700 });
  for (const f of ['private.pem', 'public.pem']) copyFileSync(join(repoRoot, 'test', 'package-crypto', 'keys', 'alice', f), join(keys, f));
  chmodSync(join(keys, 'private.pem'), 0o600);
  // No relay: create signs as any --signer then.
  forger = { ...testEnv(join(base, 'forger')), WALNUT_PASSPHRASE: PASSPHRASE };
  walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2', bundles: { launch: { 'a.md': 'a\n' } } });
});

/** The receiver's crypto, counting passphrases asked and private keys tried. */
function countingCrypto(env: NodeJS.ProcessEnv, privateKey?: string): { crypto: PackageCrypto; asked: () => number } {
  const real = receiveCrypto(privateKey, env, relayPinFor);
  let asked = 0;
  return {
    crypto: {
      ...real,
      passphraseDecryptStream: (legacy) => {
        asked++;
        return real.passphraseDecryptStream(legacy);
      },
      unwrapPayloadKey: (wrapped, sealedFor) => {
        asked++;
        return real.unwrapPayloadKey!(wrapped, sealedFor);
      },
      unwrapV3Envelope: (json) => {
        asked++;
        return real.unwrapV3Envelope!(json);
      },
    },
    asked: () => asked,
  };
}

/** receive (and its dry run) of `pkg` into a fresh world: the error code each gave, and what they asked for. */
async function receiveBoth(pkg: string, tag: string, privateKey?: string): Promise<{ codes: string[]; asked: number; unchanged: boolean }> {
  const world = makeWorld(join(base, `w-${tag}`), { layout: 'v2' });
  const before = tree(world);
  const env = { ...testEnv(join(base, `r-${tag}`)), WALNUT_PASSPHRASE: PASSPHRASE };
  const codes: string[] = [];
  let asked = 0;
  for (const dryRun of [true, false]) {
    const { crypto, asked: count } = countingCrypto(env, privateKey);
    const err = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, crypto, dryRun, as: 'x' }).then(
      () => undefined,
      (e: { code?: string }) => e,
    );
    codes.push(err?.code ?? 'ok');
    asked += count();
  }
  return { codes, asked, unchanged: JSON.stringify([...tree(world)]) === JSON.stringify([...before]) };
}

/** A manifest signed with alice's key under a name no receiver pinned. */
function signed(text: string): string {
  return signManifestText(text, createPrivateKey(readFileSync(join(keys, 'private.pem'))), 'mallory');
}

describe('unverified is refused from the manifest, before the rest of the package is read', () => {
  it('a plain 2.0 package: before its files are unpacked (a file that does not match is never reached)', async () => {
    const files = { '_kernel/key.md': 'key\n', '_kernel/log.md': '---\n---\n' };
    const pkg = await writePackage(join(base, 'plain.walnut'), signed(v2Manifest('garden', 'full', files)), {
      ...files,
      '_kernel/key.md': 'KEY\n',
    });
    expect(await receiveBoth(pkg, 'plain')).toEqual({ codes: ['unverified', 'unverified'], asked: 0, unchanged: true });
  });

  it('a 2.0 passphrase package: before the passphrase is asked', async () => {
    const pkg = join(base, 'pass.walnut');
    const c = await aliveInProcess(
      ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase', '--sign', join(keys, 'private.pem'), '--signer', 'mallory'],
      forger,
    );
    expect(c.status, c.stderr).toBe(0);
    expect(await receiveBoth(pkg, 'pass')).toEqual({ codes: ['unverified', 'unverified'], asked: 0, unchanged: true });
  });

  it('a 2.0 RSA package: before a private key is tried', async () => {
    const pkg = join(base, 'rsa.walnut');
    const c = await aliveInProcess(
      [
        'create',
        '--walnut',
        walnut,
        '--scope',
        'full',
        '--output',
        pkg,
        '--encrypt',
        'rsa',
        '--recipient',
        join(keys, 'public.pem'),
        '--sign',
        join(keys, 'private.pem'),
        '--signer',
        'mallory',
      ],
      forger,
    );
    expect(c.status, c.stderr).toBe(0);
    expect(await receiveBoth(pkg, 'rsa', join(keys, 'private.pem'))).toEqual({ codes: ['unverified', 'unverified'], asked: 0, unchanged: true });
  });

  it('a 2.1 passphrase package: its manifest is inside the envelope, so after the passphrase, but before the files after it are unpacked', async () => {
    const files = { '_kernel/key.md': 'key\n' };
    const manifest = Buffer.from(signed(v3Manifest('garden', 'full', files)));
    const wrong = Buffer.from('KEY\n');
    const out = join(base, 'v3-pass.walnut');
    const payload = await writeCipheredTarGz(out, await createPassphraseEncryptStream(PASSPHRASE), async (tar) => {
      await tar.addFile({ path: 'manifest.yaml', size: manifest.length, mode: 0o644, mtimeSec: 1_700_000_000 }, manifest);
      await tar.addFile({ path: '_kernel/key.md', size: wrong.length, mode: 0o644, mtimeSec: 1_700_000_000 }, wrong);
    });
    renameSync(payload.path, out);
    // Its Ctrl-C cleanup stays registered until discarded (the workers' files share the process).
    payload.discard();
    const r = await receiveBoth(out, 'v3-pass');
    expect(r.codes).toEqual(['unverified', 'unverified']);
    expect(r.unchanged).toBe(true);
  });
});
