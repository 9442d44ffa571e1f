import { describe, it, expect, beforeAll } from 'vitest';
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { createAesCbcDecryptStream, createAesCbcEncryptStream } from '../../scripts/lib/crypto/passphrase.ts';
import { buildRsaEnvelopeV1, publicKeyId, unwrapEnvelopeKey, unwrapKeyIv, wrapKeyIv } from '../../scripts/lib/crypto/rsa.ts';
import { parseRsaEnvelopeV1 } from '../../scripts/lib/crypto/rsa-envelope.ts';
import { loadPrivateKey, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { openssl, opensslOk, seededBytes, testKeys, through, tmp, type TestKeys } from './helpers.ts';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const IV = Buffer.from('f0e0d0c0b0a090807060504030201000', 'hex');
const OTHER_KEY = Buffer.from('ff'.repeat(32), 'hex');
const OAEP_OPTS = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256'];

function caught(fn: () => unknown): AliveError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AliveError);
    return e as AliveError;
  }
  throw new Error('expected an AliveError');
}

async function rejected(p: Promise<unknown>): Promise<AliveError> {
  const e = await p.then(
    () => {
      throw new Error('expected an AliveError');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AliveError);
  return e as AliveError;
}

let keys: TestKeys;
let alicePriv: KeyObject;
let alicePub: KeyObject;
let bobPriv: KeyObject;
let osslPriv: KeyObject;
let osslPub: KeyObject;
let small2048Priv: KeyObject;
let small2048Pub: KeyObject;
let work: string;

beforeAll(async () => {
  keys = await testKeys();
  alicePriv = loadPrivateKey(keys.alice.privatePem);
  alicePub = loadPublicKey(keys.alice.publicPem);
  bobPriv = loadPrivateKey(keys.bob.privatePem);
  osslPriv = loadPrivateKey(keys.ossl.privatePem);
  osslPub = loadPublicKey(keys.ossl.publicPem);
  small2048Priv = loadPrivateKey(keys.rsa2048.privatePem);
  small2048Pub = loadPublicKey(keys.rsa2048.publicPem);
  work = tmp('rsa');
});

describe('raw AES-256-CBC streams (RSA-mode payload.enc)', () => {
  for (const size of [0, 1, 15, 16, 17, 3 * 1024 * 1024 + 1]) {
    it(`round-trips ${size} bytes and matches openssl enc -K -iv byte for byte`, async () => {
      const data = seededBytes(size, size + 3);
      const ours = await through(createAesCbcEncryptStream(KEY, IV), data);
      const theirs = opensslOk(['enc', '-aes-256-cbc', '-K', KEY.toString('hex'), '-iv', IV.toString('hex')], { input: data });
      expect(ours.equals(theirs)).toBe(true);
      // Chunks that split AES blocks (7 bytes; 4093 for the 3 MiB case: 450,000 chunks of 7 bytes
      // took 1.5 s and 130 MB of the worker for the same boundaries).
      expect((await through(createAesCbcDecryptStream(KEY, IV), theirs, size > 4096 ? 4093 : 7)).equals(data)).toBe(true);
      const back = opensslOk(['enc', '-d', '-aes-256-cbc', '-K', KEY.toString('hex'), '-iv', IV.toString('hex')], { input: ours });
      expect(back.equals(data)).toBe(true);
    });
  }

  // Fixed key, IV and data: a wrong key passes PKCS#7 by chance 1 time in ~256, so the bad cases
  // use bytes known to fail rather than random ones.
  const data = seededBytes(5000, 42);
  it('a wrong key → wrong_key', async () => {
    const enc = await through(createAesCbcEncryptStream(KEY, IV), data);
    const e = await rejected(through(createAesCbcDecryptStream(OTHER_KEY, IV), enc));
    expect(e.code).toBe('wrong_key');
    expect(e.message).toContain('could not decrypt the payload with this key');
  });
  it('a truncated, padded or empty payload → bad_payload', async () => {
    const enc = await through(createAesCbcEncryptStream(KEY, IV), data);
    for (const bad of [enc.subarray(0, enc.length - 3), Buffer.concat([enc, Buffer.from('xyz')]), Buffer.alloc(0)]) {
      expect((await rejected(through(createAesCbcDecryptStream(KEY, IV), bad))).code).toBe('bad_payload');
    }
  });
  it('a garbage block appended → wrong_key (damaged)', async () => {
    const enc = await through(createAesCbcEncryptStream(KEY, IV), data);
    expect((await rejected(through(createAesCbcDecryptStream(KEY, IV), Buffer.concat([enc, Buffer.alloc(16, 7)])))).code).toBe('wrong_key');
  });
  it('refuses keys and IVs of the wrong length', () => {
    expect(() => createAesCbcEncryptStream(KEY.subarray(0, 16), IV)).toThrow(RangeError);
    expect(() => createAesCbcDecryptStream(KEY, IV.subarray(0, 8))).toThrow(RangeError);
  });
});

describe('format 2.0 payload.key: RSA-OAEP-SHA256 over key ‖ IV', () => {
  it('is 512 bytes for RSA-4096 and openssl pkeyutl -decrypt (oaep, sha256) unwraps it', () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const wrapped = wrapKeyIv(alicePub, key, iv);
    expect(wrapped.length).toBe(512);
    const file = join(work, 'payload.key');
    writeFileSync(file, wrapped);
    const plain = opensslOk(['pkeyutl', '-decrypt', '-inkey', keys.alice.privatePem, ...OAEP_OPTS, '-in', file]);
    expect(plain.equals(Buffer.concat([key, iv]))).toBe(true);
    // MGF1 is SHA-256 too: naming it explicitly gives the same answer.
    const explicit = opensslOk(['pkeyutl', '-decrypt', '-inkey', keys.alice.privatePem, ...OAEP_OPTS, '-pkeyopt', 'rsa_mgf1_md:sha256', '-in', file]);
    expect(explicit.equals(plain)).toBe(true);
  });

  it('unwraps what openssl pkeyutl -encrypt made, with an openssl-generated key', () => {
    const kv = randomBytes(48);
    const wrapped = opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.ossl.publicPem, ...OAEP_OPTS], { input: kv });
    expect(unwrapKeyIv(osslPriv, wrapped)).toEqual({ key: kv.subarray(0, 32), iv: kv.subarray(32) });
  });

  it('ignores bytes after the first 48, as the reference does', () => {
    const kv = randomBytes(60);
    const wrapped = opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.ossl.publicPem, ...OAEP_OPTS], { input: kv });
    const { key, iv } = unwrapKeyIv(osslPriv, wrapped);
    expect(key.equals(kv.subarray(0, 32)) && iv.equals(kv.subarray(32, 48))).toBe(true);
  });

  it('fewer than 48 unwrapped bytes → bad_payload', () => {
    const wrapped = opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.ossl.publicPem, ...OAEP_OPTS], { input: randomBytes(40) });
    expect(caught(() => unwrapKeyIv(osslPriv, wrapped)).code).toBe('bad_payload');
  });

  it('another person\'s private key → wrong_key "encrypted for someone else"', () => {
    const e = caught(() => unwrapKeyIv(bobPriv, wrapKeyIv(alicePub, KEY, IV)));
    expect(e.code).toBe('wrong_key');
    expect(e.message).toContain('this private key cannot open the package: it was encrypted for someone else');
  });

  it('a damaged, short or SHA-1-OAEP payload.key → wrong_key', () => {
    const wrapped = wrapKeyIv(alicePub, KEY, IV);
    const flipped = Buffer.from(wrapped);
    flipped[100] = flipped[100]! ^ 0x01;
    expect(caught(() => unwrapKeyIv(alicePriv, flipped)).code).toBe('wrong_key');
    expect(caught(() => unwrapKeyIv(alicePriv, wrapped.subarray(0, 300))).code).toBe('wrong_key');
    const sha1 = opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.alice.publicPem, '-pkeyopt', 'rsa_padding_mode:oaep'], {
      input: Buffer.concat([KEY, IV]),
    });
    expect(caught(() => unwrapKeyIv(alicePriv, sha1)).code).toBe('wrong_key');
  });
});

describe('publicKeyId (v3 pubkey_id)', () => {
  it('is the first 16 hex of sha256 over the DER SPKI, as openssl computes it', () => {
    const der = opensslOk(['pkey', '-pubin', '-in', keys.ossl.publicPem, '-outform', 'DER']);
    expect(publicKeyId(osslPub)).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(publicKeyId(osslPriv)).toBe(publicKeyId(osslPub));
  });
});

describe('v3 rsa-envelope-v1.json', () => {
  it('is written as v3 writes it: sorted keys, two-space indent, trailing LF', () => {
    const text = buildRsaEnvelopeV1([alicePub], KEY, IV);
    expect(text.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['payload_algo', 'payload_iv_b64', 'recipients', 'version']);
    expect(text).toContain('\n  "payload_algo": "aes-256-cbc",\n');
    const r0 = (doc.recipients as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(r0)).toEqual(['key_enc_b64', 'pubkey_id']);
    expect(r0.pubkey_id).toBe(publicKeyId(alicePub));
    expect(Buffer.from(String(doc.payload_iv_b64), 'base64').equals(IV)).toBe(true);
  });

  it('every recipient opens it; a stranger gets "No private key matches any recipient"', () => {
    const env = parseRsaEnvelopeV1(buildRsaEnvelopeV1([alicePub, small2048Pub], KEY, IV));
    expect(env.recipients).toHaveLength(2);
    for (const priv of [alicePriv, small2048Priv]) {
      const { key, iv } = unwrapEnvelopeKey(priv, env);
      expect(key.equals(KEY) && iv.equals(IV)).toBe(true);
    }
    const e = caught(() => unwrapEnvelopeKey(bobPriv, env));
    expect(e.code).toBe('wrong_key');
    expect(e.message).toContain('No private key matches any recipient in this package');
  });

  it('tries every recipient even when the pubkey_id does not match (ids are not trusted)', () => {
    const env = parseRsaEnvelopeV1(buildRsaEnvelopeV1([alicePub], KEY, IV));
    env.recipients[0]!.pubkey_id = '0000000000000000';
    expect(unwrapEnvelopeKey(alicePriv, env).key.equals(KEY)).toBe(true);
  });

  it('reads an envelope built with openssl (v3 interop) and the payload decrypts with openssl', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const wrapped = opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', keys.ossl.publicPem, ...OAEP_OPTS], { input: key });
    const der = opensslOk(['pkey', '-pubin', '-in', keys.ossl.publicPem, '-outform', 'DER']);
    const text = JSON.stringify({
      version: 1,
      recipients: [{ pubkey_id: createHash('sha256').update(der).digest('hex').slice(0, 16), key_enc_b64: wrapped.toString('base64') }],
      payload_algo: 'aes-256-cbc',
      payload_iv_b64: iv.toString('base64'),
      written_by: 'a future version', // unknown fields are tolerated
    });
    const got = unwrapEnvelopeKey(osslPriv, parseRsaEnvelopeV1(text));
    expect(got.key.equals(key) && got.iv.equals(iv)).toBe(true);
    const inner = seededBytes(100_000, 5);
    const payload = await through(createAesCbcEncryptStream(got.key, got.iv), inner);
    const back = opensslOk(['enc', '-d', '-aes-256-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex')], { input: payload });
    expect(back.equals(inner)).toBe(true);
  });

  it('a recipient entry holding 48 bytes (a v2-style key ‖ IV) does not count as a match', () => {
    const wrapped = wrapKeyIv(alicePub, KEY, IV);
    const env = parseRsaEnvelopeV1(
      JSON.stringify({
        version: 1,
        payload_algo: 'aes-256-cbc',
        payload_iv_b64: IV.toString('base64'),
        recipients: [{ pubkey_id: publicKeyId(alicePub), key_enc_b64: wrapped.toString('base64') }],
      }),
    );
    expect(caught(() => unwrapEnvelopeKey(alicePriv, env)).code).toBe('wrong_key');
  });

  const valid = () =>
    JSON.parse(buildRsaEnvelopeV1([alicePub], KEY, IV)) as {
      version: unknown;
      payload_algo: unknown;
      payload_iv_b64: unknown;
      recipients: Array<Record<string, unknown>>;
    };
  const hostile: Array<[string, () => string, RegExp]> = [
    ['not JSON', () => '{"version": 1,', /not JSON/],
    ['a JSON array', () => '[]', /expected object|Invalid input/i],
    ['version 2', () => JSON.stringify({ ...valid(), version: 2 }), /version must be 1/],
    ['version "1" as a string', () => JSON.stringify({ ...valid(), version: '1' }), /version must be 1/],
    ['another payload_algo', () => JSON.stringify({ ...valid(), payload_algo: 'aes-128-cbc' }), /payload_algo/],
    ['an 8-byte IV', () => JSON.stringify({ ...valid(), payload_iv_b64: randomBytes(8).toString('base64') }), /16 bytes/],
    ['an IV that is not base64', () => JSON.stringify({ ...valid(), payload_iv_b64: '!!not base64!!==' }), /not standard base64/],
    ['a missing IV', () => JSON.stringify({ ...valid(), payload_iv_b64: undefined }), /payload_iv_b64/],
    ['no recipients', () => JSON.stringify({ ...valid(), recipients: [] }), /recipients is empty/],
    [
      'an uppercase pubkey_id',
      () => {
        const v = valid();
        v.recipients[0]!.pubkey_id = String(v.recipients[0]!.pubkey_id).toUpperCase().replace(/^./, 'A');
        return JSON.stringify(v);
      },
      /pubkey_id/,
    ],
    [
      'a key_enc_b64 that is not base64',
      () => {
        const v = valid();
        v.recipients[0]!.key_enc_b64 = 'abc$';
        return JSON.stringify(v);
      },
      /key_enc_b64/,
    ],
    [
      // Each recipient costs an RSA decryption (the reference tries them all): 20,000 bogus ones
      // held verify for two minutes.
      'more recipients than anyone shares a package with',
      () => {
        const v = valid();
        v.recipients = Array.from({ length: 65 }, () => ({ ...v.recipients[0]! }));
        return JSON.stringify(v);
      },
      /recipients: .*at most 64/,
    ],
    [
      'an empty key_enc_b64',
      () => {
        const v = valid();
        v.recipients[0]!.key_enc_b64 = '';
        return JSON.stringify(v);
      },
      /key_enc_b64 is empty/,
    ],
  ];
  for (const [label, make, message] of hostile) {
    it(`refuses an envelope with ${label} (bad_envelope)`, () => {
      const e = caught(() => parseRsaEnvelopeV1(make()));
      expect(e.code).toBe('bad_envelope');
      expect(e.message).toMatch(message);
      expect(e.message).toContain('rsa-envelope-v1.json is not valid');
    });
  }

  it('openssl can unwrap each recipient of an envelope we built', () => {
    const doc = JSON.parse(buildRsaEnvelopeV1([osslPub, alicePub], KEY, IV)) as { recipients: Array<{ key_enc_b64: string }> };
    const file = join(work, 'r0.bin');
    writeFileSync(file, Buffer.from(doc.recipients[0]!.key_enc_b64, 'base64'));
    const plain = opensslOk(['pkeyutl', '-decrypt', '-inkey', keys.ossl.privatePem, ...OAEP_OPTS, '-in', file]);
    expect(plain.equals(KEY)).toBe(true);
    // and the other recipient's entry is not for that key
    writeFileSync(file, Buffer.from(doc.recipients[1]!.key_enc_b64, 'base64'));
    expect(openssl(['pkeyutl', '-decrypt', '-inkey', keys.ossl.privatePem, ...OAEP_OPTS, '-in', file]).status).not.toBe(0);
  });
});
