/**
 * Fixed RSA-2048 key pairs (test/support/keys/rsa2048-<n>.pem) for tests that need keys but do not
 * test key generation. Tests of keygen itself (and one `relay setup` per exchange) still make real
 * RSA-4096 keys.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export const TEST_KEY_COUNT = 6;

const cache = new Map<number, TestKeyPair>();

/** The n-th fixed key pair (0 ≤ n < TEST_KEY_COUNT): different n, different keys. */
export function testKeyPair(n: number): TestKeyPair {
  if (!Number.isInteger(n) || n < 0 || n >= TEST_KEY_COUNT) throw new Error(`no test key ${n}: there are ${TEST_KEY_COUNT} (0..${TEST_KEY_COUNT - 1})`);
  let pair = cache.get(n);
  if (!pair) {
    const privateKeyPem = readFileSync(join(import.meta.dirname, 'keys', `rsa2048-${n}.pem`), 'utf8');
    const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
    pair = { publicKeyPem, privateKeyPem };
    cache.set(n, pair);
  }
  return pair;
}

const LOGINS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

/** The fixed key pair of a test user by login (alice, bob, carol, dave, erin, frank). */
export function testKeyPairOf(login: string): TestKeyPair {
  const n = LOGINS.indexOf(login);
  if (n < 0) throw new Error(`no fixed test key for ${login}: use one of ${LOGINS.join(', ')}`);
  return testKeyPair(n);
}
