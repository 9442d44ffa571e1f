/**
 * Key derivations of `openssl enc`: 48 bytes split into an AES-256 key (32) and a CBC IV (16).
 * PBKDF2 runs on libuv's thread pool (async) so a 600000-iteration derivation never blocks the loop.
 */
import { createHash, pbkdf2 } from 'node:crypto';

export const KEY_BYTES = 32;
export const IV_BYTES = 16;
export const SALT_BYTES = 8;

export interface KeyIv {
  key: Buffer;
  iv: Buffer;
}

/** The iteration count of the format (`-pbkdf2 -iter 600000 -md sha256`). */
export const PBKDF2_ITERATIONS = 600_000;

let testIterations: number | undefined;

/** The iterations passphrase mode derives its key with: the format's 600000 (see below for tests). */
export function pbkdf2Iterations(): number {
  return testIterations ?? PBKDF2_ITERATIONS;
}

/**
 * TEST ONLY: derive passphrase keys with `iterations` instead of 600000 (undefined restores it),
 * so in-process tests of the stream and package logic do not spend a 600000-round derivation per
 * case. Guarded three ways: nothing under scripts/ calls it, so esbuild leaves it out of every
 * bundle (test/crypto/passphrase.test.ts checks the bundles); it reads no environment variable
 * and no flag; and it throws unless it runs under vitest.
 */
export function setPbkdf2IterationsForTests(iterations: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setPbkdf2IterationsForTests is for the test suite only');
  testIterations = iterations;
}

function split(material: Buffer): KeyIv {
  return { key: material.subarray(0, KEY_BYTES), iv: material.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES) };
}

/** PBKDF2-HMAC-SHA256(passphrase bytes, salt, iterations) → key ‖ IV, as `openssl enc -pbkdf2 -md sha256`. */
export function pbkdf2Sha256KeyIv(passphrase: Buffer, salt: Buffer, iterations: number): Promise<KeyIv> {
  return new Promise((resolve, reject) => {
    pbkdf2(passphrase, salt, iterations, KEY_BYTES + IV_BYTES, 'sha256', (err, material) => {
      if (err) reject(err);
      else resolve(split(material));
    });
  });
}

/**
 * OpenSSL's EVP_BytesToKey with one round, as `openssl enc` without -pbkdf2 made it (MD5 before
 * OpenSSL 1.1.0 or with `-md md5`, SHA-256 since): D1 = H(pass ‖ salt), Di = H(Di-1 ‖ pass ‖ salt),
 * concatenated until 48 bytes. Only for reading old packages; never used to encrypt.
 */
export function evpBytesToKey(hash: 'md5' | 'sha256', passphrase: Buffer, salt: Buffer): KeyIv {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let length = 0;
  while (length < KEY_BYTES + IV_BYTES) {
    previous = createHash(hash).update(previous).update(passphrase).update(salt).digest();
    blocks.push(previous);
    length += previous.length;
  }
  return split(Buffer.concat(blocks));
}
