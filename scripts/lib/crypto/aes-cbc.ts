/**
 * AES-256-CBC with PKCS#7 padding as streams (the bytes of `openssl enc -aes-256-cbc -K … -iv …`).
 * Each chunk is ciphered as it arrives and pushed on; backpressure comes from Transform, so memory
 * stays flat whatever the payload size.
 */
import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AliveError } from '../errors.ts';
import { IV_BYTES, KEY_BYTES } from './kdf.ts';

export const AES_BLOCK_BYTES = 16;
const ALGORITHM = 'aes-256-cbc';

function checkKeyIv(key: Buffer, iv: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 key must be ${KEY_BYTES} bytes, got ${key.length}`);
  if (iv.length !== IV_BYTES) throw new RangeError(`CBC IV must be ${IV_BYTES} bytes, got ${iv.length}`);
}

export function newCipher(key: Buffer, iv: Buffer): Cipher {
  checkKeyIv(key, iv);
  return createCipheriv(ALGORITHM, key, iv);
}

export function newDecipher(key: Buffer, iv: Buffer): Decipher {
  checkKeyIv(key, iv);
  return createDecipheriv(ALGORITHM, key, iv);
}

/** Encrypts its input; optionally emits `prefix` (e.g. the `Salted__` header) first. */
export class CbcEncryptTransform extends Transform {
  readonly #cipher: Cipher;
  constructor(cipher: Cipher, prefix?: Buffer) {
    super();
    this.#cipher = cipher;
    if (prefix && prefix.length > 0) this.push(prefix);
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let out: Buffer;
    try {
      out = this.#cipher.update(chunk);
    } catch (err) {
      callback(err as Error);
      return;
    }
    if (out.length > 0) this.push(out);
    callback();
  }
  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.#cipher.final());
    } catch (err) {
      callback(err as Error);
    }
  }
}

export interface DecryptErrors {
  /** The ciphertext ended badly: empty, or not a whole number of 16-byte blocks. */
  truncated: (ciphertextBytes: number) => AliveError;
  /** The last block's padding is wrong: wrong key/passphrase or damaged data. */
  badPadding: () => AliveError;
}

/**
 * Deciphers ciphertext fed through `write`, pushing plaintext to `push`. Shared by the raw-key and
 * the passphrase streams; it counts ciphertext bytes so a truncated payload is named as such
 * instead of surfacing as a padding error.
 */
export class CbcDecryptor {
  readonly #decipher: Decipher;
  readonly #errors: DecryptErrors;
  #ciphertextBytes = 0;
  constructor(key: Buffer, iv: Buffer, errors: DecryptErrors) {
    this.#decipher = newDecipher(key, iv);
    this.#errors = errors;
  }
  update(chunk: Buffer): Buffer {
    this.#ciphertextBytes += chunk.length;
    return this.#decipher.update(chunk);
  }
  final(): Buffer {
    const n = this.#ciphertextBytes;
    if (n === 0 || n % AES_BLOCK_BYTES !== 0) throw this.#errors.truncated(n);
    try {
      return this.#decipher.final();
    } catch (err) {
      const e = this.#errors.badPadding();
      (e as { cause?: unknown }).cause = err;
      throw e;
    }
  }
}

const rawKeyErrors: DecryptErrors = {
  truncated: (n) =>
    new AliveError(
      n === 0
        ? 'the encrypted payload is empty: the package is damaged; ask the sender to share it again'
        : `the encrypted payload is truncated or padded (${n} bytes is not a whole number of 16-byte AES blocks): the package is damaged; ask the sender to share it again`,
      { code: 'bad_payload' },
    ),
  badPadding: () =>
    new AliveError('could not decrypt the payload with this key (wrong key, or the payload is damaged)', {
      code: 'wrong_key',
    }),
};

class RawDecryptTransform extends Transform {
  readonly #decryptor: CbcDecryptor;
  constructor(key: Buffer, iv: Buffer) {
    super();
    this.#decryptor = new CbcDecryptor(key, iv, rawKeyErrors);
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const out = this.#decryptor.update(chunk);
    if (out.length > 0) this.push(out);
    callback();
  }
  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.#decryptor.final());
    } catch (err) {
      callback(err as Error);
    }
  }
}

/** Raw AES-256-CBC/PKCS#7 encryption with a given key and IV (RSA-mode payload.enc). */
export function createAesCbcEncryptStream(key: Buffer, iv: Buffer): Transform {
  return new CbcEncryptTransform(newCipher(key, iv));
}

/**
 * Raw AES-256-CBC/PKCS#7 decryption. Errors (as 'error' events, at the end of the input): a bad
 * final block → AliveError `wrong_key`; an empty or partial-block ciphertext → `bad_payload`.
 * Plaintext is emitted as it is deciphered, so a consumer must discard it if the stream errors.
 */
export function createAesCbcDecryptStream(key: Buffer, iv: Buffer): Transform {
  return new RawDecryptTransform(key, iv);
}
