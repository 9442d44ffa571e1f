/**
 * Shared helpers for the crypto suites: the real `openssl` command, stream plumbing, and the test
 * keys (fixed RSA-4096 and RSA-2048 fixtures copied into a temporary folder; the small and the EC
 * key made by openssl, which takes milliseconds). Key generation itself is proven by
 * keygen-command.test.ts and keys.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { testKeyPair } from '../support/test-keys.ts';

export const tmp = (tag = 'crypto') => mkdtempSync(join(tmpdir(), `alive-${tag}-`));

export interface OpensslResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the real openssl; the passphrase (if any) only through WALNUT_PASSPHRASE. */
export function openssl(args: string[], opts: { input?: Buffer; passphrase?: string } = {}): OpensslResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir() };
  if (opts.passphrase !== undefined) env.WALNUT_PASSPHRASE = opts.passphrase;
  const r = spawnSync('openssl', args, { input: opts.input ?? Buffer.alloc(0), env, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

export function opensslOk(args: string[], opts: { input?: Buffer; passphrase?: string } = {}): Buffer {
  const r = openssl(args, opts);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Splits `data` into chunks of `size` (to exercise headers and blocks split across writes). */
export function chunked(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

/** Pipes `data` (in chunks of `chunkSize`) through `transform` and collects the output. */
export async function through(transform: Transform, data: Buffer, chunkSize = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.from(chunked(data, chunkSize)), transform, sink);
  return Buffer.concat(parts);
}

/** Deterministic pseudo-random bytes (xorshift32), so failures reproduce. */
export function seededBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export interface TestKeys {
  dir: string;
  /** RSA-4096 made by our generateRsaKeyPair (fixture test/package-crypto/keys/alice). */
  alice: { privatePem: string; publicPem: string };
  /** Another RSA-4096 made by our generateRsaKeyPair (fixture test/package-crypto/keys/bob). */
  bob: { privatePem: string; publicPem: string };
  /** RSA-4096 made by `openssl genpkey`, public half by `openssl pkey -pubout` (fixture). */
  ossl: { privatePem: string; publicPem: string };
  /** RSA-2048 (v3's test size) from openssl genpkey (fixture test/support/keys/rsa2048-5.pem). */
  rsa2048: { privatePem: string; publicPem: string };
  /** RSA-1024 (too small) from openssl. */
  rsa1024: { privatePem: string; publicPem: string };
  /** An EC P-256 key (not RSA) from openssl. */
  ec: { privatePem: string; publicPem: string };
}

function layout(dir: string): TestKeys {
  const pair = (name: string) => ({ privatePem: join(dir, name, 'private.pem'), publicPem: join(dir, name, 'public.pem') });
  return {
    dir,
    alice: pair('alice'),
    bob: pair('bob'),
    ossl: pair('ossl'),
    rsa2048: pair('rsa2048'),
    rsa1024: pair('rsa1024'),
    ec: pair('ec'),
  };
}

function opensslPair(dir: string, genArgs: string[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const priv = join(dir, 'private.pem');
  opensslOk(['genpkey', ...genArgs, '-out', priv]);
  opensslOk(['pkey', '-in', priv, '-pubout', '-out', join(dir, 'public.pem')]);
}

/** Copies a fixture pair into `dir` with the private key at 0600 (git keeps no modes). */
function fixturePair(dir: string, privatePem: string, publicPem: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'private.pem'), privatePem, { mode: 0o600 });
  chmodSync(join(dir, 'private.pem'), 0o600);
  writeFileSync(join(dir, 'public.pem'), publicPem);
}

function makeKeys(dir: string): void {
  const fixtures = join(import.meta.dirname, '..', 'package-crypto', 'keys');
  for (const name of ['alice', 'bob', 'ossl']) {
    mkdirSync(join(dir, name), { recursive: true, mode: 0o700 });
    copyFileSync(join(fixtures, name, 'private.pem'), join(dir, name, 'private.pem'));
    chmodSync(join(dir, name, 'private.pem'), 0o600);
    copyFileSync(join(fixtures, name, 'public.pem'), join(dir, name, 'public.pem'));
  }
  const rsa2048 = testKeyPair(5);
  fixturePair(join(dir, 'rsa2048'), rsa2048.privateKeyPem, rsa2048.publicKeyPem);
  opensslPair(join(dir, 'rsa1024'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
  opensslPair(join(dir, 'ec'), ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
}

let cached: Promise<TestKeys> | undefined;

/** This test file's keys (fixtures copied into a temporary folder, made on first use). */
export function testKeys(): Promise<TestKeys> {
  cached ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-crypto-keys-'));
    makeKeys(dir);
    return layout(dir);
  })();
  return cached;
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}
