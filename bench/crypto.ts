/**
 * Crypto benchmark: passphrase encryption and decryption of a 100 MB file with our streams (in a
 * child node process running a bundled worker, so start-up and module loading count, as for the
 * CLI) against `openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -md sha256` on the same file in the
 * same run. Both include the 600000-iteration key derivation. Target: within 1.3x of openssl.
 *
 * Data: 100 MiB of pseudo-random, incompressible bytes (AES-256-CTR keystream under a fixed key,
 * so every run encrypts the same input). AES-CBC speed does not depend on the content.
 *
 * Run standalone: npx tsx bench/crypto.ts   (ALIVE_BENCH_CRYPTO_MB and ALIVE_BENCH_RUNS adjust it)
 */
import { build } from 'esbuild';
import { createCipheriv, createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ok, printRows, repoRoot, row, runNode, runTimed, type BenchRow } from './lib.ts';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const TARGET = 1.3;

function writeSeededFile(path: string, bytes: number): void {
  const keystream = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16, 0));
  const zeros = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'w');
  try {
    for (let left = bytes; left > 0; left -= zeros.length) {
      const block = keystream.update(left >= zeros.length ? zeros : zeros.subarray(0, left));
      let off = 0;
      while (off < block.length) off += writeSync(fd, block, off);
    }
  } finally {
    closeSync(fd);
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function bundleWorker(dir: string): Promise<string> {
  const out = join(dir, 'crypto-worker.mjs');
  await build({
    entryPoints: [join(repoRoot, 'bench', 'crypto-worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return out;
}

export async function benchCrypto(): Promise<BenchRow[]> {
  const megabytes = Number(process.env.ALIVE_BENCH_CRYPTO_MB ?? 100);
  const runs = Number(process.env.ALIVE_BENCH_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'alive-bench-crypto-'));
  try {
    const worker = await bundleWorker(dir);
    const plain = join(dir, 'plain.bin');
    writeSeededFile(plain, megabytes * 1024 * 1024);
    const plainHash = sha256(plain);
    const env = { ...process.env, WALNUT_PASSPHRASE: PASSPHRASE };
    const opensslArgs = ['enc', '-aes-256-cbc', '-pbkdf2', '-iter', '600000', '-md', 'sha256', '-pass', 'env:WALNUT_PASSPHRASE'];
    const paths = {
      ours: join(dir, 'ours.enc'),
      theirs: join(dir, 'openssl.enc'),
      oursBack: join(dir, 'ours.dec'),
      theirsBack: join(dir, 'openssl.dec'),
    };

    const times = { encOurs: [] as number[], encOssl: [] as number[], decOurs: [] as number[], decOssl: [] as number[] };
    let encRss = 0;
    let decRss = 0;
    // Alternate ours and openssl so both see the same cache and machine state.
    for (let i = 0; i < runs; i++) {
      const e1 = ok(runNode(worker, ['encrypt', plain, paths.ours], { env }), 'our encrypt');
      const e2 = ok(runTimed('openssl', [...opensslArgs, '-salt', '-in', plain, '-out', paths.theirs], { env }), 'openssl enc');
      const d1 = ok(runNode(worker, ['decrypt', paths.theirs, paths.oursBack], { env }), 'our decrypt');
      const d2 = ok(runTimed('openssl', [...opensslArgs, '-d', '-in', paths.ours, '-out', paths.theirsBack], { env }), 'openssl enc -d');
      times.encOurs.push(e1.ms);
      times.encOssl.push(e2.ms);
      times.decOurs.push(d1.ms);
      times.decOssl.push(d2.ms);
      encRss = Math.max(encRss, e1.peakRssMb ?? 0);
      decRss = Math.max(decRss, d1.peakRssMb ?? 0);
    }
    // Results that are not right are not benchmarks: each side decrypted the other's output.
    if (sha256(paths.oursBack) !== plainHash) throw new Error('our decryption of the openssl payload differs from the input');
    if (sha256(paths.theirsBack) !== plainHash) throw new Error('openssl could not reproduce the input from our payload');

    const note = `${megabytes} MiB incompressible, median of ${runs}; ours = node child process (bundled worker, file streams), KDF included`;
    return [
      row({
        area: 'crypto',
        name: `passphrase encrypt ${megabytes} MB`,
        ours: median(times.encOurs),
        baselineName: 'openssl enc -pbkdf2 -iter 600000',
        baseline: median(times.encOssl),
        target: `<= ${TARGET}x`,
        maxRatio: TARGET,
        peakRssMb: encRss,
        note,
      }),
      row({
        area: 'crypto',
        name: `passphrase decrypt ${megabytes} MB`,
        ours: median(times.decOurs),
        baselineName: 'openssl enc -d -pbkdf2 -iter 600000',
        baseline: median(times.decOssl),
        target: `<= ${TARGET}x`,
        maxRatio: TARGET,
        peakRssMb: decRss,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printRows(await benchCrypto());
}
