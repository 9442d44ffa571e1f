/**
 * RSA mode: the AES key (and, in format 2.0, the IV) wrapped with RSA-OAEP, SHA-256 for both the
 * OAEP hash and MGF1, empty label — `openssl pkeyutl -pkeyopt rsa_padding_mode:oaep -pkeyopt
 * rsa_oaep_md:sha256`. Format 2.0 wraps key ‖ IV (48 bytes) into payload.key; the v3 format 2.1.x
 * wraps the 32-byte key once per recipient in rsa-envelope-v1.json (checked by rsa-envelope.ts).
 */
import { constants, createPublicKey, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { AliveError } from '../errors.ts';
import { IV_BYTES, KEY_BYTES, type KeyIv } from './kdf.ts';
import { fingerprint } from './keys.ts';
import type { RsaEnvelopeV1 } from './rsa-envelope.ts';

/**
 * Every recipient of an envelope may cost an RSA decryption (readers try them all, as v3 does): a
 * bound on them is a bound on the time a hostile envelope takes. A package goes to a few peers.
 */
export const MAX_RECIPIENTS = 64;

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

function oaepEncrypt(publicKey: KeyObject, data: Buffer): Buffer {
  return publicEncrypt({ key: publicKey, ...OAEP }, data);
}

/** undefined when this key cannot open `wrapped` (wrong key, damaged, or wrong size). */
function oaepDecrypt(privateKey: KeyObject, wrapped: Buffer): Buffer | undefined {
  try {
    return privateDecrypt({ key: privateKey, ...OAEP }, wrapped);
  } catch {
    return undefined;
  }
}

function requirePrivate(key: KeyObject): void {
  if (key.type !== 'private') throw new TypeError('a private key is needed to unwrap');
}

/** Format 2.0 payload.key: RSA-OAEP-SHA256 over key (32) ‖ IV (16); 512 bytes for RSA-4096. */
export function wrapKeyIv(recipientPublicKey: KeyObject, key: Buffer, iv: Buffer): Buffer {
  if (key.length !== KEY_BYTES || iv.length !== IV_BYTES) {
    throw new RangeError(`wrapKeyIv needs a ${KEY_BYTES}-byte key and a ${IV_BYTES}-byte IV`);
  }
  return oaepEncrypt(recipientPublicKey, Buffer.concat([key, iv]));
}

const WRONG_RECIPIENT = 'this private key cannot open the package: it was encrypted for someone else';

/** Opens a format 2.0 payload.key. Bytes after the first 48 are ignored, as the reference does. */
export function unwrapKeyIv(privateKey: KeyObject, wrapped: Buffer): KeyIv {
  requirePrivate(privateKey);
  const plain = oaepDecrypt(privateKey, wrapped);
  if (!plain) {
    throw new AliveError(`${WRONG_RECIPIENT} (or payload.key is damaged); use the private key whose public half the sender used`, {
      code: 'wrong_key',
    });
  }
  if (plain.length < KEY_BYTES + IV_BYTES) {
    throw new AliveError(
      `payload.key holds ${plain.length} bytes once unwrapped, fewer than the 48 of an AES key and IV: the package is damaged; ask the sender to share it again`,
      { code: 'bad_payload' },
    );
  }
  return {
    key: Buffer.from(plain.subarray(0, KEY_BYTES)),
    iv: Buffer.from(plain.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES)),
  };
}

/** v3 pubkey_id: the first 16 hex characters of SHA-256 over the DER SubjectPublicKeyInfo. */
export function publicKeyId(key: KeyObject): string {
  return fingerprint(key).slice(0, 16);
}

/**
 * Finds the AES key for `privateKey`. Every recipient is tried (the id only decides the order, as
 * ids are not authenticated); the first unwrap giving exactly 32 bytes wins.
 */
export function unwrapEnvelopeKey(privateKey: KeyObject, env: RsaEnvelopeV1): KeyIv {
  requirePrivate(privateKey);
  const ownId = publicKeyId(createPublicKey(privateKey));
  const ordered = [...env.recipients].sort((a, b) => Number(b.pubkey_id === ownId) - Number(a.pubkey_id === ownId));
  for (const recipient of ordered) {
    const key = oaepDecrypt(privateKey, Buffer.from(recipient.key_enc_b64, 'base64'));
    if (key && key.length === KEY_BYTES) return { key, iv: Buffer.from(env.payload_iv_b64, 'base64') };
  }
  throw new AliveError(
    'No private key matches any recipient in this package: it was encrypted for someone else; use the private key whose public half the sender used',
    { code: 'wrong_key' },
  );
}

/**
 * Writes an rsa-envelope-v1.json text as v3 does (sorted keys, two-space indent, trailing LF):
 * the 32-byte key wrapped for each recipient. Used by tests to build v3 fixtures.
 */
export function buildRsaEnvelopeV1(recipients: KeyObject[], key: Buffer, iv: Buffer): string {
  if (key.length !== KEY_BYTES || iv.length !== IV_BYTES) {
    throw new RangeError(`an envelope needs a ${KEY_BYTES}-byte key and a ${IV_BYTES}-byte IV`);
  }
  if (recipients.length === 0) throw new RangeError('an envelope needs at least one recipient');
  const doc = {
    payload_algo: 'aes-256-cbc',
    payload_iv_b64: iv.toString('base64'),
    recipients: recipients.map((r) => {
      const pub = r.type === 'private' ? createPublicKey(r) : r;
      return { key_enc_b64: oaepEncrypt(pub, key).toString('base64'), pubkey_id: publicKeyId(pub) };
    }),
    version: 1,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
