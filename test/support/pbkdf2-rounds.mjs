/**
 * A preload (`node --import <this file> <bundle> ...`, see PBKDF2_ROUNDS in bundles.ts) for bundle
 * runs whose test is about something else than the key derivation's cost (a prompt on a terminal,
 * a write that fails): every PBKDF2 the process asks for with the format's 600000 iterations runs
 * with 1000, as in-process tests do through setPbkdf2IterationsForTests. Each such run would
 * otherwise spend about 0.5 s of CPU on the derivation alone. Only the count changes: the
 * passphrase, salt, digest and key length are the bundle's, and other counts (the legacy ones a
 * 2.1.x reader tries) are left as asked. Every process of a test that opens a package another made
 * must load it, or neither. The format's count itself is proven byte for byte against openssl in
 * test/crypto/passphrase.test.ts, and through the bundle in test/package-crypto/encrypted-packages.test.ts.
 *
 * Like stop-at.mjs, it is test code: no bundle contains it, and nothing under scripts/ knows it.
 */
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

const FORMAT_ITERATIONS = 600_000;
const TEST_ITERATIONS = 1000;

const rounds = (iterations) => (iterations === FORMAT_ITERATIONS ? TEST_ITERATIONS : iterations);
const { pbkdf2, pbkdf2Sync } = crypto;
crypto.pbkdf2 = (password, salt, iterations, ...rest) => pbkdf2(password, salt, rounds(iterations), ...rest);
crypto.pbkdf2Sync = (password, salt, iterations, ...rest) => pbkdf2Sync(password, salt, rounds(iterations), ...rest);
syncBuiltinESMExports();
