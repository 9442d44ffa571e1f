/**
 * Shared helpers for the crypto suites: the real `openssl` command, stream plumbing, and a key
 * cache made once per vitest run (keyed by the vitest main process, the parent of every fork), so
 * RSA-4096 keys are generated a few times per run rather than per test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateRsaKeyPair } from '../../scripts/lib/crypto/keys.ts';

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
  /** RSA-4096 made by our generateRsaKeyPair. */
  alice: { privatePem: string; publicPem: string };
  /** Another RSA-4096 made by our generateRsaKeyPair. */
  bob: { privatePem: string; publicPem: string };
  /** RSA-4096 made by `openssl genpkey`, public half by `openssl pkey -pubout`. */
  ossl: { privatePem: string; publicPem: string };
  /** RSA-2048 (v3's test size) from openssl. */
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

async function makeKeys(dir: string): Promise<void> {
  await generateRsaKeyPair(join(dir, 'alice'));
  await generateRsaKeyPair(join(dir, 'bob'));
  opensslPair(join(dir, 'ossl'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096']);
  opensslPair(join(dir, 'rsa2048'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  opensslPair(join(dir, 'rsa1024'), ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
  opensslPair(join(dir, 'ec'), ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes caches of earlier runs whose vitest process is gone. */
function sweepStaleCaches(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = /^alive-crypto-keys-(\d+)(?:\.lock|\.tmp-\d+)?$/.exec(name);
    if (m && Number(m[1]) !== process.ppid && !processAlive(Number(m[1]))) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

let cached: Promise<TestKeys> | undefined;

/** The run's keys, made by the first worker that asks; the others wait for them (bounded). */
export function testKeys(): Promise<TestKeys> {
  cached ??= (async () => {
    const dir = join(tmpdir(), `alive-crypto-keys-${process.ppid}`);
    if (existsSync(dir)) return layout(dir);
    let owner = false;
    try {
      mkdirSync(`${dir}.lock`);
      owner = true;
    } catch {
      owner = false;
    }
    if (owner) {
      sweepStaleCaches();
      const work = `${dir}.tmp-${process.pid}`;
      rmSync(work, { recursive: true, force: true });
      await makeKeys(work);
      renameSync(work, dir);
      rmSync(`${dir}.lock`, { recursive: true, force: true });
      return layout(dir);
    }
    const deadline = Date.now() + 180_000;
    while (!existsSync(dir)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for test keys in ${dir}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return layout(dir);
  })();
  return cached;
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}
