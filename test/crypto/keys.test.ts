import { describe, it, expect, beforeAll } from 'vitest';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { fingerprint, formatFingerprint, generateRsaKeyPair, loadPrivateKey, loadPublicKey, publicKeyFromPem } from '../../scripts/lib/crypto/keys.ts';
import { modeOf, openssl, opensslOk, testKeys, tmp, type TestKeys } from './helpers.ts';

let keys: TestKeys;
let work: string;

beforeAll(async () => {
  keys = await testKeys();
  work = tmp('keys');
});

function refusal(fn: () => unknown, code: string, message: RegExp): AliveError {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AliveError);
  const e = err as AliveError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  // Never echo key material: a PEM line of a key's base64 (64 characters; a DER key starts MII).
  // Not 8 characters after MII: a temporary folder's random name (alive-keys-MII64Y) matched that.
  expect(e.message).not.toMatch(/MII[A-Za-z0-9+/]{40}/);
  return e;
}

function fileWith(name: string, content: string | Buffer, mode = 0o600): string {
  const p = join(work, name);
  writeFileSync(p, content, { mode });
  chmodSync(p, mode);
  return p;
}

const opensslFingerprint = (publicPem: string) =>
  createHash('sha256')
    .update(opensslOk(['pkey', '-pubin', '-in', publicPem, '-outform', 'DER']))
    .digest('hex');

describe('keys made by generateRsaKeyPair', () => {
  it('are RSA-4096 PKCS#8 / SPKI PEMs that openssl reads, private 0600 in a 0700 folder', () => {
    const { privatePem, publicPem } = keys.alice;
    expect(readFileSync(privatePem, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(publicPem, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(openssl(['pkey', '-in', privatePem, '-noout']).status).toBe(0);
    expect(openssl(['pkey', '-pubin', '-in', publicPem, '-noout']).status).toBe(0);
    expect(opensslOk(['pkey', '-in', privatePem, '-noout', '-text']).toString()).toMatch(/Private-Key: \(4096 bit/);
    // the two files are halves of one key
    expect(opensslOk(['pkey', '-in', privatePem, '-pubout']).toString()).toBe(readFileSync(publicPem, 'utf8'));
    expect(modeOf(privatePem)).toBe(0o600);
    expect(modeOf(join(privatePem, '..'))).toBe(0o700);
  });

  it('refuse to replace an existing private.pem or public.pem, changing nothing', async () => {
    const dir = join(work, 'existing');
    mkdirSync(dir);
    copyFileSync(keys.bob.privatePem, join(dir, 'private.pem'));
    const before = readFileSync(join(dir, 'private.pem'));
    const e = await generateRsaKeyPair(dir).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AliveError);
    expect((e as AliveError).code).toBe('key_exists');
    expect((e as AliveError).message).toMatch(/already exists.*Move it away first, or choose another --out folder/);
    expect(readFileSync(join(dir, 'private.pem')).equals(before)).toBe(true);

    const onlyPublic = join(work, 'only-public');
    mkdirSync(onlyPublic);
    copyFileSync(keys.bob.publicPem, join(onlyPublic, 'public.pem'));
    const e2 = await generateRsaKeyPair(onlyPublic).catch((err: unknown) => err);
    expect((e2 as AliveError).code).toBe('key_exists');
    expect(() => statSync(join(onlyPublic, 'private.pem'))).toThrow();
  });
});

describe('loadPublicKey / loadPrivateKey', () => {
  it('load keys openssl generated (genpkey RSA 4096, pkey -pubout)', () => {
    const pub = loadPublicKey(keys.ossl.publicPem);
    const priv = loadPrivateKey(keys.ossl.privatePem);
    expect(pub.type).toBe('public');
    expect(priv.type).toBe('private');
    expect(pub.asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(fingerprint(priv)).toBe(fingerprint(pub));
  });

  it('load the traditional PKCS#1 forms too (BEGIN RSA PRIVATE KEY / RSA PUBLIC KEY)', () => {
    const trad = fileWith('trad.pem', opensslOk(['pkey', '-in', keys.rsa2048.privatePem, '-traditional']));
    const rsaPub = fileWith('rsapub.pem', opensslOk(['rsa', '-in', keys.rsa2048.privatePem, '-RSAPublicKey_out']), 0o644);
    expect(readFileSync(trad, 'utf8')).toContain('BEGIN RSA PRIVATE KEY');
    expect(readFileSync(rsaPub, 'utf8')).toContain('BEGIN RSA PUBLIC KEY');
    expect(fingerprint(loadPrivateKey(trad))).toBe(fingerprint(loadPublicKey(rsaPub)));
    expect(fingerprint(loadPublicKey(rsaPub))).toBe(fingerprint(loadPublicKey(keys.rsa2048.publicPem)));
  });

  it('a missing file → key_not_found', () => {
    refusal(() => loadPublicKey(join(work, 'nope.pem')), 'key_not_found', /public key file not found: .*nope\.pem/);
    refusal(() => loadPrivateKey(join(work, 'nope', 'private.pem')), 'key_not_found', /private key file not found/);
  });

  it('a file that is not a key → "is not a PEM public key"', () => {
    const garbage = fileWith('garbage.pem', 'hello, I am not a key\n', 0o644);
    refusal(() => loadPublicKey(garbage), 'bad_key', /is not a PEM public key/);
    refusal(() => loadPrivateKey(garbage), 'bad_key', /is not a PEM private key/);
    const binary = fileWith('random.bin', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)));
    refusal(() => loadPublicKey(binary), 'bad_key', /is not a PEM public key/);
    const brokenBody = fileWith('broken.pem', '-----BEGIN PUBLIC KEY-----\nAAAAnotDER==\n-----END PUBLIC KEY-----\n', 0o644);
    refusal(() => loadPublicKey(brokenBody), 'bad_key', /does not parse/);
    refusal(() => loadPublicKey(work), 'bad_key', /is not a file/);
    const huge = fileWith('huge.pem', Buffer.alloc(200 * 1024, 0x41), 0o644);
    refusal(() => loadPublicKey(huge), 'bad_key', /is not a PEM public key \(it is 204800 bytes/);
  });

  it('a private key given where a public key is expected is refused, not silently used', () => {
    refusal(() => loadPublicKey(keys.alice.privatePem), 'bad_key', /is a private key, not a PEM public key/);
    refusal(() => publicKeyFromPem(readFileSync(keys.alice.privatePem, 'utf8'), 'the key of peer bob'), 'bad_key', /^the key of peer bob is a private key/);
    // a public key with a private key tucked in after it is flagged too
    const both = readFileSync(keys.alice.publicPem, 'utf8') + readFileSync(keys.alice.privatePem, 'utf8');
    refusal(() => publicKeyFromPem(both, 'relay key'), 'bad_key', /is a private key/);
    const twoPublic = readFileSync(keys.alice.publicPem, 'utf8') + readFileSync(keys.bob.publicPem, 'utf8');
    refusal(() => publicKeyFromPem(twoPublic, 'relay key'), 'bad_key', /more than one PEM block/);
    expect(fingerprint(publicKeyFromPem(readFileSync(keys.bob.publicPem, 'utf8')))).toBe(fingerprint(loadPublicKey(keys.bob.publicPem)));
  });

  it('a public key given where the private key is expected is refused', () => {
    refusal(() => loadPrivateKey(keys.alice.publicPem), 'bad_key', /is a public key, not a PEM private key/);
  });

  it('a certificate is not a public key', () => {
    const cert = opensslOk(['req', '-new', '-x509', '-key', keys.rsa2048.privatePem, '-subj', '/CN=test', '-days', '1']);
    refusal(() => loadPublicKey(fileWith('cert.pem', cert, 0o644)), 'bad_key', /is not a PEM public key/);
  });

  it('a non-RSA key and a too-small RSA key are refused', () => {
    refusal(() => loadPublicKey(keys.ec.publicPem), 'bad_key', /is a ec key; alive needs an RSA key/);
    refusal(() => loadPrivateKey(keys.ec.privatePem), 'bad_key', /alive needs an RSA key/);
    refusal(() => loadPublicKey(keys.rsa1024.publicPem), 'bad_key', /RSA-1024 key, too small: alive needs at least 2048 bits/);
    refusal(() => loadPrivateKey(keys.rsa1024.privatePem), 'bad_key', /too small/);
  });

  it('a password-protected private key is refused with what to do', () => {
    const enc = fileWith('enc.pem', opensslOk(['pkey', '-in', keys.rsa2048.privatePem, '-aes256', '-passout', 'pass:secret']));
    refusal(() => loadPrivateKey(enc), 'bad_key', /protected by a password/);
  });

  it('a private key readable or writable by others is refused (key_permissions), 0600 and 0400 load', () => {
    const pem = readFileSync(keys.rsa2048.privatePem);
    for (const mode of [0o644, 0o640, 0o604, 0o660, 0o606]) {
      const p = fileWith(`loose-${mode.toString(8)}.pem`, pem, mode);
      const e = refusal(() => loadPrivateKey(p), 'key_permissions', /accessible to other users/);
      expect(e.message).toContain(`mode 0${mode.toString(8)}`);
      expect(e.message).toContain(`chmod 600 ${p}`);
    }
    expect(loadPrivateKey(fileWith('tight-600.pem', pem, 0o600)).type).toBe('private');
    expect(loadPrivateKey(fileWith('tight-400.pem', pem, 0o400)).type).toBe('private');
  });
});

describe('fingerprints', () => {
  it('are SHA-256 of the DER SPKI, equal to what openssl computes, same for both halves', () => {
    for (const pair of [keys.alice, keys.ossl, keys.rsa2048]) {
      const fp = opensslFingerprint(pair.publicPem);
      expect(fingerprint(loadPublicKey(pair.publicPem))).toBe(fp);
      expect(fingerprint(loadPrivateKey(pair.privatePem))).toBe(fp);
    }
    expect(fingerprint(loadPublicKey(keys.alice.publicPem))).not.toBe(fingerprint(loadPublicKey(keys.bob.publicPem)));
  });

  it('display as SHA256: and 16 groups of 4 hex', () => {
    const fp = fingerprint(loadPublicKey(keys.alice.publicPem));
    const shown = formatFingerprint(fp);
    expect(shown).toMatch(/^SHA256:(?:[0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    expect(shown.slice(7).replaceAll(':', '')).toBe(fp);
    expect(() => formatFingerprint('abc')).toThrow(RangeError);
    expect(() => formatFingerprint(fp.toUpperCase())).toThrow(RangeError);
  });
});

describe('RSA public keys nothing can encrypt to', () => {
  /** An RSA public key PEM with the modulus `n` (built from a JWK: no private half exists). */
  const pemOf = (n: Buffer) =>
    createPublicKey({ key: { kty: 'RSA', n: n.toString('base64url'), e: 'AQAB' }, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
  const modulus = (bits: number, even: boolean) => {
    const n = randomBytes(bits / 8);
    n[0]! |= 0x80;
    n[n.length - 1] = even ? n[n.length - 1]! & 0xfe : n[n.length - 1]! | 1;
    return n;
  };

  it('refuses a modulus over 16,384 bits (OpenSSL encrypts to none) and an even one, as a peer key', () => {
    refusal(() => publicKeyFromPem(pemOf(modulus(20000, false)), "bob's relay key"), 'bad_key', /RSA-20000 key, too large.*16384/);
    refusal(() => publicKeyFromPem(pemOf(modulus(2048, true)), "bob's relay key"), 'bad_key', /modulus is even/);
    expect(publicKeyFromPem(pemOf(modulus(2048, false))).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });
});

describe('RSA keys with a public exponent other than 65537 (issue 11)', () => {
  // e = 3 makes unpadded or badly padded RSA attackable (cube-root, Bleichenbacher-style forgeries);
  // every tool alive interoperates with uses 65537, so any other exponent is refused everywhere.
  for (const e of [3, 17, 0x10003]) {
    it(`refuses e=${e} as a recipient or peer key and as a signing key`, () => {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: e });
      const pubPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const privPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const pubPath = fileWith(`e${e}-public.pem`, pubPem, 0o644);
      const privPath = fileWith(`e${e}-private.pem`, privPem, 0o600);
      refusal(() => publicKeyFromPem(pubPem, "bob's relay key"), 'bad_key', /exponent.*65537/);
      refusal(() => loadPublicKey(pubPath), 'bad_key', /exponent.*65537/);
      refusal(() => loadPrivateKey(privPath), 'bad_key', /exponent.*65537/);
    });
  }

  it('still accepts e=65537 (the builder is honest)', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 });
    const pubPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKeyFromPem(pubPem).asymmetricKeyDetails?.publicExponent).toBe(65537n);
  });
});
