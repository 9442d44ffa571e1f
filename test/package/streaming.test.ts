/**
 * Streaming (cli.md 4; the team's performance rule): packing, verifying and extracting a walnut
 * holding one 160 MiB file keeps the child's peak RSS below the file's size, and the same as for a
 * 16 MiB file. A memory bound, not a time limit. A run that held the file in memory would take at
 * least 160 MiB more than Node itself (over RSS_LIMIT_MB) and grow by 144 MiB from the small run
 * (three times GROWTH_LIMIT_MB). The file is sparse zeros with seeded random islands, so it costs little disk
 * and compresses well, yet every byte still flows through hashing, tar, gzip and back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, openSync, readSync, statSync, writeSync, ftruncateSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runNode, type RunResult } from '../../bench/lib.ts';
import { CLI, makeWalnut, manifestOf, rmrf, sandboxEnv, tempRoot } from './helpers.ts';

const SIZE = 160 * 1024 * 1024;
const SMALL = 16 * 1024 * 1024;
/** Peak RSS allowed, in MiB: below the file alone (Node alone takes about 40, our runs about 100). */
const RSS_LIMIT_MB = 150;
/** How much more the 160 MiB run may take than the 16 MiB run: streaming means about nothing. */
const GROWTH_LIMIT_MB = 48;

const ISLAND = 1024 * 1024;
const ISLAND_EVERY = 16 * 1024 * 1024;

/** The big file's content in order: 1 MiB of seeded random bytes, then zeros (`hole`), every 16 MiB. */
function* bigFileParts(size: number): Generator<Buffer & { hole?: true }> {
  let x = 42;
  const zeros = Buffer.alloc(ISLAND_EVERY - ISLAND);
  for (let off = 0; off < size; off += ISLAND_EVERY) {
    const island = Buffer.alloc(ISLAND);
    for (let i = 0; i < island.length; i++) {
      x = (x * 1664525 + 1013904223) >>> 0;
      island[i] = x >>> 24;
    }
    yield island.subarray(0, Math.min(ISLAND, size - off));
    if (size - off > ISLAND) yield Object.assign(zeros.subarray(0, Math.min(zeros.length, size - off - ISLAND)), { hole: true as const });
  }
}

/** True when the file at `path` holds exactly bigFileParts(size), compared byte for byte. */
function holdsBigFile(path: string, size: number): boolean {
  if (statSync(path).size !== size) return false;
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    const got = Buffer.alloc(ISLAND_EVERY);
    for (const part of bigFileParts(size)) {
      const n = readSync(fd, got, 0, part.length, at);
      if (n !== part.length || !got.subarray(0, n).equals(part)) return false;
      at += n;
    }
    return readSync(fd, got, 0, 1, at) === 0;
  } finally {
    closeSync(fd);
  }
}

/** A walnut with one sparse file of `size` bytes holding 1 MiB of seeded random bytes every 16 MiB, and the file's SHA-256. */
function walnutWithBigFile(dir: string, size: number): { walnut: string; sha: string } {
  const walnut = makeWalnut(dir, { 'notes/small.md': 'small\n' });
  mkdirSync(join(walnut, 'raw'));
  const big = join(walnut, 'raw', 'big.bin');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, size);
  const h = createHash('sha256');
  let off = 0;
  for (const part of bigFileParts(size)) {
    if (!part.hole) writeSync(fd, part, 0, part.length, off); // the zeros stay holes
    h.update(part);
    off += part.length;
  }
  closeSync(fd);
  return { walnut, sha: h.digest('hex') };
}

interface Runs {
  create: RunResult;
  verify: RunResult;
  extract: RunResult;
}

/** create, verify, extract as child processes with their peak RSS; checks the bytes come back. */
async function roundTrip(tag: string, size: number): Promise<Runs> {
  const { walnut, sha } = walnutWithBigFile(join(root, `w-${tag}`), size);
  const env = sandboxEnv(root);
  const pkg = join(root, `${tag}.walnut`);
  const create = runNode(CLI, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg], { env, cwd: root });
  expect(create.status, create.stderr).toBe(0);
  expect(manifestOf(pkg)).toContain(`  - path: raw/big.bin\n    sha256: ${sha}\n    size: ${size}\n`);
  const verify = runNode(CLI, ['verify', pkg], { env, cwd: root });
  expect(verify.status, verify.stderr).toBe(0);
  const out = join(root, `out-${tag}`);
  const extract = runNode(CLI, ['extract', pkg, '--output', out], { env, cwd: root });
  expect(extract.status, extract.stderr).toBe(0);
  expect(statSync(join(out, 'raw/big.bin')).size).toBe(size);
  expect(holdsBigFile(join(out, 'raw/big.bin'), size), 'the extracted file is not the packed one').toBe(true);
  for (const r of [create, verify, extract]) expect(r.peakRssMb, 'peak RSS was not measured').toBeGreaterThan(10);
  return { create, verify, extract };
}

let root: string;
beforeAll(() => {
  root = tempRoot('stream');
});
afterAll(() => rmrf(root));

describe('one 160 MiB file', () => {
  it('create, verify and extract stay below the file size in memory, and do not grow with it', async () => {
    const small = await roundTrip('small', SMALL);
    const big = await roundTrip('big', SIZE);
    for (const what of ['create', 'verify', 'extract'] as const) {
      const b = big[what].peakRssMb!;
      const s = small[what].peakRssMb!;
      expect(b, `${what}: peak RSS ${b.toFixed(0)} MiB for a 160 MiB file`).toBeLessThan(RSS_LIMIT_MB);
      expect(b - s, `${what}: ${s.toFixed(0)} MiB at 16 MiB, ${b.toFixed(0)} MiB at 160 MiB`).toBeLessThan(GROWTH_LIMIT_MB);
    }
  }, 300_000);
});
