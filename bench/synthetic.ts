/**
 * A seeded synthetic walnut for benchmarks and large tests: text-like compressible files and a
 * share of incompressible ones, spread over kernel, bundles (v2 or v3 layout) and live context.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

export interface SyntheticOptions {
  files?: number;
  /** Total bytes (approximate). */
  bytes?: number;
  /** Share of the bytes that is incompressible (0..1). */
  incompressible?: number;
  seed?: number;
  layout?: 'v2' | 'v3';
  name?: string;
}

export interface SyntheticWalnut {
  path: string;
  files: number;
  bytes: number;
}

/** xorshift128+ so the same seed gives the same walnut everywhere. */
function rng(seed: number) {
  let a = BigInt(seed) | 1n;
  let b = BigInt(seed * 7919 + 17) | 1n;
  const mask = (1n << 64n) - 1n;
  return () => {
    let s1 = a;
    const s0 = b;
    a = s0;
    s1 ^= (s1 << 23n) & mask;
    s1 ^= s1 >> 17n;
    s1 ^= s0;
    s1 ^= s0 >> 26n;
    b = s1 & mask;
    return Number((a + b) & 0xffffffffn) / 0x100000000;
  };
}

const WORDS = (
  'walnut bundle context squirrel kernel insight decision launch garden relay peer package manifest ' +
  'the of and to in is that for it as with was on be at by this had not are but from or have an they ' +
  'which one you were her all she there would their we him been has when who will more no if out so'
).split(' ');

function textBlock(next: () => number, size: number): Buffer {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const line = Array.from({ length: 8 + Math.floor(next() * 10) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
    parts.push(line);
    n += line.length + 1;
  }
  return Buffer.from(parts.join('\n')).subarray(0, size);
}

function randomBlock(seedText: string, size: number): Buffer {
  // SHA-256 in counter mode: fast, seeded, incompressible.
  const out = Buffer.alloc(size);
  let off = 0;
  let i = 0;
  while (off < size) {
    const h = createHash('sha256').update(`${seedText}:${i++}`).digest();
    off += h.copy(out, off);
  }
  return out;
}

export async function makeSyntheticWalnut(parent: string, opts: SyntheticOptions = {}): Promise<SyntheticWalnut> {
  const files = opts.files ?? 2000;
  const bytes = opts.bytes ?? 100 * 1024 * 1024;
  const incompressible = opts.incompressible ?? 0.3;
  const layout = opts.layout ?? 'v2';
  const name = opts.name ?? 'synthetic';
  const next = rng(opts.seed ?? 42);
  const root = join(parent, name);
  mkdirSync(join(root, '_kernel'), { recursive: true });
  writeFileSync(join(root, '_kernel', 'key.md'), `---\ntype: venture\ngoal: benchmark walnut\n---\n# ${name}\n`);
  writeFileSync(join(root, '_kernel', 'log.md'), `---\nwalnut: ${name}\nentry-count: 0\n---\n`);
  writeFileSync(join(root, '_kernel', 'insights.md'), '# Insights\n');

  const bundleCount = 10;
  const bundleDir = (i: number) => (layout === 'v2' ? join(root, 'bundles', `bundle-${i}`) : join(root, `bundle-${i}`));
  for (let i = 0; i < bundleCount; i++) {
    mkdirSync(join(bundleDir(i), 'raw'), { recursive: true });
    writeFileSync(join(bundleDir(i), 'context.manifest.yaml'), `goal: bundle ${i}\nstatus: active\nsensitivity: open\n`);
  }
  const incompressibleFiles = Math.max(1, Math.round(files * 0.05));
  const incompressibleBytes = bytes * incompressible;
  const compressibleBytes = bytes - incompressibleBytes;
  const perIncompressible = Math.floor(incompressibleBytes / incompressibleFiles);
  const perCompressible = Math.floor(compressibleBytes / (files - incompressibleFiles));
  let total = 0;
  for (let f = 0; f < files; f++) {
    const isRandom = f < incompressibleFiles;
    // Sizes vary around the mean so the walk sees small and large files.
    const mean = isRandom ? perIncompressible : perCompressible;
    const size = Math.max(1, Math.floor(mean * (0.5 + next())));
    const where = f % 3;
    let dir: string;
    if (where === 0) dir = join(bundleDir(f % bundleCount), 'raw');
    else if (where === 1) dir = join(bundleDir(f % bundleCount));
    else dir = join(root, `area-${f % 7}`, `sub-${f % 5}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${isRandom ? 'blob' : 'note'}-${f}.${isRandom ? 'bin' : 'md'}`);
    const body = isRandom ? randomBlock(`${opts.seed ?? 42}-${f}`, size) : textBlock(next, size);
    await new Promise<void>((resolve, reject) => {
      const ws = createWriteStream(file);
      ws.on('error', reject);
      ws.end(body, () => resolve());
    });
    total += body.length;
  }
  return { path: root, files: files + 3 + bundleCount, bytes: total };
}
