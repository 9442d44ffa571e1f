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
