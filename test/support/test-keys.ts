/**
 * Fixed RSA-2048 key pairs (test/support/keys/rsa2048-<n>.pem) for tests that need keys but do not
 * test key generation. Tests of keygen itself (and one `relay setup` per exchange) still make real
 * RSA-4096 keys.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface TestKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export const TEST_KEY_COUNT = 22;

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

/** Keys 6..21 are handed out by nextTestKeyPair, never by login, so the two never collide. */
const POOL_START = LOGINS.length;
let nextInPool = POOL_START;
let poolFile: string | undefined;

/**
 * A fixed key pair not handed out before in this test file: for tests that need "some other key"
 * per user. Throws when the 16 pool keys are used up. The count starts again in each file (a
 * worker runs several files, and this module stays loaded between them).
 */
export function nextTestKeyPair(): TestKeyPair {
  const file = expect.getState().testPath;
  if (file !== poolFile) {
    poolFile = file;
    nextInPool = POOL_START;
  }
  if (nextInPool >= TEST_KEY_COUNT) {
    throw new Error(`this test file used all ${TEST_KEY_COUNT - POOL_START} pooled test keys: add more to test/support/keys (see its README)`);
  }
  return testKeyPair(nextInPool++);
}
