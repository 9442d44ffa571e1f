/**
 * ReadOptions.onFileBytes hands over the package file's bytes exactly as the reader takes them, in
 * order, first to last: receive hashes them to bind an import to the package the user approved
 * (receive --sha256). Every envelope is read through a different path (parallel gzip members, a
 * serial gzip stream, an openssl Salted__ stream, a tar RSA envelope), so each is checked here.
 */
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { packageCryptoFrom } from '../../scripts/lib/package/crypto-adapter.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { makeWalnut, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

let root = '';
let walnut = '';
let pub = '';
let priv = '';
beforeAll(() => {
  root = tempRoot('file-bytes');
  // Several gzip members (1 MiB of input each), so the parallel reader batches and reuses buffers.
  walnut = makeWalnut(join(root, 'garden'), { 'big.bin': randomBytes(2_500_000), 'notes.md': 'n\n' });
  pub = join(root, 'bob.pub.pem');
  priv = join(root, 'bob.pem');
  writeFileSync(pub, testKeyPair(0).publicKeyPem);
  writeFileSync(priv, testKeyPair(0).privateKeyPem);
  chmodSync(priv, 0o600);
  setPbkdf2IterationsForTests(1000);
});
afterEach(() => setPbkdf2IterationsForTests(1000));
afterAll(() => {
  setPbkdf2IterationsForTests(undefined);
  rmrf(root);
});

const PASS = 'a passphrase';

async function create(name: string, extra: string[]): Promise<string> {
  const out = join(root, name);
  const env = { ...sandboxEnv(join(root, `home-${name}`)), WALNUT_PASSPHRASE: PASS };
  const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', out, ...extra], env);
  expect(r.status, r.stderr).toBe(0);
  return out;
}

async function bytesRead(pkg: string): Promise<{ bytes: Buffer; envelope: string }> {
  const chunks: Buffer[] = [];
  const crypto = packageCryptoFrom({ privateKeyPath: priv, env: { WALNUT_PASSPHRASE: PASS } });
  const r = await readPackage(pkg, hashOnlySink, { maxBytes: 1 << 30, crypto, onFileBytes: (c) => chunks.push(Buffer.from(c)) });
  return { bytes: Buffer.concat(chunks), envelope: r.envelope };
}

describe('readPackage onFileBytes', () => {
  const cases: Array<[string, string[], string]> = [
    ['plain 2.0 (our gzip members)', [], 'plain'],
    ['plain 2.1', ['--format', '2.1'], 'v3-plain'],
    ['passphrase 2.0', ['--encrypt', 'passphrase'], 'passphrase'],
    ['passphrase 2.1 (Salted__ file)', ['--encrypt', 'passphrase', '--format', '2.1'], 'v3-passphrase'],
  ];
  for (const [label, args, envelope] of cases) {
    it(`${label}: the bytes handed over are the file`, async () => {
      const pkg = await create(`${envelope}.walnut`, args);
      const got = await bytesRead(pkg);
      expect(got.envelope).toBe(envelope);
      expect(got.bytes.equals(readFileSync(pkg))).toBe(true);
    });
  }

  it('RSA 2.0 and 2.1 (a tar envelope): the bytes handed over are the file', async () => {
    for (const [format, envelope] of [
      ['2.0', 'rsa'],
      ['2.1', 'v3-rsa'],
    ] as const) {
      const pkg = await create(`rsa-${format}.walnut`, ['--encrypt', 'rsa', '--recipient', pub, '--format', format]);
      const got = await bytesRead(pkg);
      expect(got.envelope).toBe(envelope);
      expect(got.bytes.equals(readFileSync(pkg))).toBe(true);
    }
  });

  it('a gzip from another writer (read as one serial stream): the bytes handed over are the file', async () => {
    const ours = await create('ours.walnut', []);
    const theirs = join(root, 'theirs.walnut');
    writeFileSync(theirs, gzipSync(gunzipSync(readFileSync(ours))));
    const got = await bytesRead(theirs);
    expect(got.bytes.equals(readFileSync(theirs))).toBe(true);
  });
});
