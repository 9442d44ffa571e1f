/**
 * Writers of package fixtures that need no test runner (the package suites re-export them from
 * helpers.ts; test/package/vectors/generate.ts runs under plain tsx): exact tar archives through
 * Python's tarfile, and the reference manifest layout written from the spec, independent of the
 * code under test.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from '../support/python.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function python(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export interface TarMember {
  name: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chr' | 'blk' | 'fifo';
  data?: string | Buffer;
  linkname?: string;
  pax?: Record<string, string>;
  mode?: number;
  mtime?: number;
}

export interface TarSpec {
  out: string;
  gzip?: boolean;
  format?: 'pax' | 'gnu' | 'ustar';
  globalPax?: Record<string, string>;
  members: TarMember[];
}

/** Writes an exact tar(.gz) with Python's tarfile (fixtures/build_tar.py). */
export function buildTar(spec: TarSpec): string {
  const input = JSON.stringify({
    out: spec.out,
    gzip: spec.gzip ?? true,
    format: spec.format ?? 'pax',
    global_pax: spec.globalPax ?? null,
    members: spec.members.map((m) => ({
      name: m.name,
      type: m.type ?? 'file',
      data_b64: Buffer.from(m.data ?? '').toString('base64'),
      ...(m.linkname !== undefined ? { linkname: m.linkname } : {}),
      ...(m.pax ? { pax: m.pax } : {}),
      ...(m.mode !== undefined ? { mode: m.mode } : {}),
      ...(m.mtime !== undefined ? { mtime: m.mtime } : {}),
    })),
  });
  const r = python([join(FIXTURES, 'build_tar.py')], input);
  if (r.status !== 0) throw new Error(`build_tar.py failed: ${r.stderr}`);
  return spec.out;
}

export interface RefManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * The reference writer's exact manifest layout (walnut-package-v2.md 2.3), written here from the
 * spec so fixtures do not depend on the module under test.
 */
export function refManifest(opts: {
  files: RefManifestFile[];
  walnut?: string;
  scope?: 'full' | 'bundle' | 'snapshot';
  formatVersion?: string;
  created?: string;
  description?: string;
  bundles?: string[];
}): string {
  const lines = [
    `format_version: "${opts.formatVersion ?? '2.0.0'}"`,
    '',
    'source:',
    `  walnut: ${opts.walnut ?? 'test-walnut'}`,
    '  plugin_version: "2.0.0"',
    '',
    `scope: ${opts.scope ?? 'full'}`,
    `created: "${opts.created ?? '2026-04-01T12:00:00Z'}"`,
    'encrypted: false',
  ];
  if (opts.description) {
    lines.push(`description: "${opts.description.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  }
  lines.push('', 'files:');
  for (const f of opts.files) lines.push(`  - path: ${f.path}`, `    sha256: ${f.sha256}`, `    size: ${f.size}`);
  if (opts.bundles?.length) {
    lines.push('', 'bundles:');
    for (const b of opts.bundles) lines.push(`  - ${b}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Manifest entries for in-memory files. */
export function entriesFor(files: Record<string, string | Buffer>): RefManifestFile[] {
  return Object.entries(files).map(([path, data]) => ({ path, sha256: sha256(data), size: Buffer.byteLength(data) }));
}

/**
 * One 512-byte ustar header block written byte by byte (no tar library): any name (up to 100
 * bytes), type letter and size, so a fixture can hold what no writer makes (a run of pax headers, a
 * regular file named like a folder). The checksum is right.
 */
export function ustarHeader(name: string, size: number, typeflag = '0'): Buffer {
  const h = Buffer.alloc(512);
  if (h.write(name, 0, 100, 'utf8') < Buffer.byteLength(name)) throw new Error(`ustarHeader: name over 100 bytes: ${name}`);
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('14524770400\0', 136, 'latin1');
  h.fill(0x20, 148, 156);
  h.write(typeflag, 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** A tar member as raw bytes: its header, its data, and the zeros to the next block. */
export function rawMember(name: string, data: string | Buffer = '', typeflag = '0', size = Buffer.byteLength(data)): Buffer {
  const body = Buffer.from(data);
  return Buffer.concat([ustarHeader(name, size, typeflag), body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

/** A raw member (header first) with the bytes at `off` replaced by `field`, its checksum made right again. */
export function withField(member: Buffer, off: number, field: Buffer): Buffer {
  const m = Buffer.from(member);
  field.copy(m, off);
  m.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += m[i]!;
  m.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return m;
}

/** pax records as POSIX lays them out, `"%d %s=%s\n"`, each length counting the whole record. */
export function paxData(records: Array<[string, string]>): Buffer {
  return Buffer.concat(
    records.map(([key, value]) => {
      const rest = Buffer.byteLength(` ${key}=${value}\n`);
      let n = rest + 1;
      while (String(n).length + rest !== n) n += 1;
      return Buffer.from(`${n} ${key}=${value}\n`);
    }),
  );
}

/** A pax extended header (`x`, or `g` for a global one) holding `data`, as raw bytes. */
export const paxMember = (data: Buffer, typeflag = 'x'): Buffer => rawMember('PaxHeader', data, typeflag);

/** The two zero blocks that end a tar archive. */
export const TAR_END = Buffer.alloc(1024);
