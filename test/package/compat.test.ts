/**
 * Compatibility (cli.md 4, walnut-package-v2.md 2.1–2.3): packages written exactly as the
 * reference writes them (Python tarfile, unquoted manifest paths) and by GNU tar are read by ours;
 * ours are read by system tar + sha256sum and by a Python re-implementation of the reference reader.
 * Our commands run in-process (`run`); the reference package's verify and our first create go
 * through the bundle too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { aliveInProcess } from '../support/alive-in-process.ts';
import {
  FIXTURES,
  cli,
  entriesFor,
  listFiles,
  makeWalnut,
  manifestOf,
  manifestPaths,
  python,
  refManifest,
  rmrf,
  sandboxEnv,
  sha256,
  sha256File,
  snapshotTree,
  tempRoot,
  writeTree,
} from './helpers.ts';

/**
 * Names the reference writes unquoted and a YAML library would mangle (walnut-package-v2.md 2.3):
 * spaces, unicode, ': ', '#', and number/bool/null/date-looking names, plus a long path.
 */
const LONG = `deep/${'d'.repeat(70)}/${'e'.repeat(70)}/long name.md`;
const TRICKY: Record<string, string | Buffer> = {
  '_kernel/key.md': '---\ntype: venture\ngoal: compat\n---\n',
  '_kernel/log.md': '---\nwalnut: compat\n---\n## 2026-04-01 entry\nsigned: squirrel:abc\n',
  'README.md': '# sorts before manifest.yaml\n',
  'Notes 2024.md': 'capital N sorts first too\n',
  'bundles/launch/context.manifest.yaml': 'goal: launch\nstatus: active\n',
  'bundles/launch/raw/blob.bin': Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
  'notes/a: b #c.md': 'colon space and hash\n',
  'notes/#hash-first.md': 'starts with a hash\n',
  '2024': 'a number at the root\n',
  true: 'a bool at the root\n',
  '1.5': 'a float at the root\n',
  null: 'a null at the root\n',
  'notes/2024': 'a number\n',
  'notes/true': 'a bool\n',
  'notes/1.5': 'a float\n',
  'notes/null': 'a null\n',
  'notes/~': 'a tilde\n',
  'notes/2026-01-01': 'a date\n',
  'notes/with space/x y.txt': 'spaces\n',
  'Ünïcødé/日本語 ファイル.md': 'unicode\n',
  'emoji/🌰 walnut.md': 'astral plane\n',
  [LONG]: 'a path longer than 100 bytes\n',
  'empty.txt': '',
};

/** What the reference's scalar conversion makes of a path (its PR bug 11.1.8, reproduced on purpose). */
function referenceTyped(path: string): unknown {
  if (/^(true|false)$/i.test(path)) return path.toLowerCase() === 'true';
  if (path === 'null' || path === '~') return null;
  if (/^[+-]?\d+$/.test(path)) return Number(path);
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(path)) return Number(path);
  return path;
}

let root: string;
beforeAll(() => {
  root = tempRoot('compat');
});
afterAll(() => rmrf(root));

/** `alive-p2p <args>` in-process, with `cli`'s environment for `sandbox` (no cwd: every path is absolute). */
const run = (sandbox: string, args: string[]) => aliveInProcess(args, sandboxEnv(sandbox));

function box(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

interface RefRead {
  members: Array<{ name: string; type: string; size: number; mode: number; uid: number; gid: number }>;
  manifest: Record<string, unknown> & { files?: Array<{ path: unknown; sha256: string; size: number }>; source?: Record<string, unknown> };
  raw_paths: string[];
  errors: string[];
  checksum_errors: string[];
  unlisted: string[];
}

function refRead(pkg: string): RefRead {
  const r = python([join(FIXTURES, 'ref_read.py'), pkg]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RefRead;
}

describe('a package written as the reference writes it', () => {
  let dir: string;
  let staging: string;
  let pkg: string;
  const description = 'Q3 "launch" notes, C:\\new folder';

  beforeAll(() => {
    dir = box('ref');
    staging = join(dir, 'staging');
    writeTree(staging, TRICKY);
    pkg = join(dir, 'compat-full.walnut');
    const r = python([join(FIXTURES, 'ref_create.py'), staging, pkg, 'compat', 'full', description]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('is the reference layout (sanity of the fixture): level-9 gzip with FNAME, pax headers, no folders, unquoted paths', () => {
    const bytes = readFileSync(pkg);
    expect(bytes[0]).toBe(0x1f);
    expect(bytes[1]).toBe(0x8b);
    expect(bytes[3]! & 0x08).toBe(0x08); // FNAME
    expect(bytes[8]).toBe(2); // XFL: maximum compression
    expect(bytes.subarray(10, 10 + 'compat-full.walnut'.length).toString()).toBe('compat-full.walnut');
    const tarBytes = gunzipSync(bytes);
    expect(tarBytes.subarray(0, 512).toString('latin1')).toContain('PaxHeader');
    const read = refRead(pkg);
    expect(read.members.every((m) => m.type === 'file')).toBe(true);
    expect(read.members.some((m) => m.name.startsWith('./'))).toBe(false);
    const text = manifestOf(pkg);
    expect(text).toContain('  - path: notes/a: b #c.md\n');
    expect(text).toContain('  - path: 2024\n');
    expect(text).toContain('  - path: true\n');
    // README.md and 'Notes 2024.md' sort before manifest.yaml, so the manifest is not the first member.
    expect(read.members[0]!.name).not.toBe('manifest.yaml');
  });

  it('verifies with our reader', () => {
    const v = cli(dir, ['verify', pkg, '--json']);
    expect(v.status, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toEqual({
      ok: true,
      format_version: '2.0.0',
      scope: 'full',
      files: Object.keys(TRICKY).length,
      encrypted: false,
      signed: false,
      signature_ok: null,
      signer: null,
      problems: [],
      path: resolve(pkg),
      envelope: 'plain',
      bytes: Object.values(TRICKY).reduce((a, c) => a + Buffer.byteLength(c), 0),
    });
  });

  it('shows its manifest with info, the escaped description read as meant', async () => {
    const r = await run(dir, ['info', pkg, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ format_version: '2.0.0', scope: 'full', encrypted: false, signed: false, untrusted: { walnut: 'compat' } });
    expect(info.untrusted.description).toBe(description);
    expect(info.files).toBe(Object.keys(TRICKY).length);
    expect(info.bytes).toBe(Object.values(TRICKY).reduce((n, d) => n + Buffer.byteLength(d), 0));
  });

  it('extracts to the same bytes at the same (unquoted, tricky) paths', async () => {
    const out = join(dir, 'out');
    const x = await run(dir, ['extract', pkg, '--output', out]);
    expect(x.status, x.stderr).toBe(0);
    expect(listFiles(out)).toEqual(Object.keys(TRICKY).sort());
    for (const [p, data] of Object.entries(TRICKY)) {
      expect(sha256File(join(out, p)), p).toBe(sha256(data));
    }
  });

  it('a bundle-scope reference package keeps its unquoted bundle list', async () => {
    const st = join(dir, 'bundle-staging');
    writeTree(st, {
      '_kernel/key.md': TRICKY['_kernel/key.md']!,
      'bundles/launch/context.manifest.yaml': 'goal: launch\n',
      'bundles/2024 plans/notes.md': 'plans\n',
    });
    const bpkg = join(dir, 'compat-bundle.walnut');
    expect(python([join(FIXTURES, 'ref_create.py'), st, bpkg, 'compat', 'bundle']).status).toBe(0);
    expect(manifestOf(bpkg)).toContain('bundles:\n  - 2024 plans\n  - launch\n');
    const info = JSON.parse((await run(dir, ['info', bpkg, '--json'])).stdout);
    expect(info.untrusted.bundles).toEqual(['2024 plans', 'launch']);
    const out = join(dir, 'bundle-out');
    expect((await run(dir, ['extract', bpkg, '--output', out])).status).toBe(0);
    expect(readFileSync(join(out, 'bundles/2024 plans/notes.md'), 'utf8')).toBe('plans\n');
  });

  it('a reference package whose file was altered after packing is refused', async () => {
    const st = join(dir, 'tamper-staging');
    writeTree(st, { '_kernel/key.md': 'key\n', 'notes/n.md': 'original\n' });
    const tpkg = join(dir, 'tamper.walnut');
    expect(python([join(FIXTURES, 'ref_create.py'), st, tpkg, 'compat', 'full']).status).toBe(0);
    // Rebuild with the same manifest but changed bytes (same length).
    const x = join(dir, 'tamper-x');
    mkdirSync(x);
    expect(spawnSync('tar', ['-xzf', tpkg, '-C', x]).status).toBe(0);
    writeFileSync(join(x, 'notes/n.md'), 'ORIGINAL\n');
    const t2 = join(dir, 'tamper2.walnut');
    expect(spawnSync('tar', ['-czf', t2, '-C', x, 'manifest.yaml', '_kernel/key.md', 'notes/n.md']).status).toBe(0);
    const r = await run(dir, ['verify', t2]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/entry 'notes\/n\.md' does not match its checksum/);
  });
});

describe('a package made with GNU tar (./ prefixes and folder entries)', () => {
  it('is read, verified and extracted', async () => {
    const dir = box('gnu');
    const src = join(dir, 'src');
    const files = { '_kernel/key.md': 'key\n', 'bundles/b/context.manifest.yaml': 'goal: b\n', 'notes/a: b.md': 'x\n' };
    writeTree(src, { ...files, 'manifest.yaml': refManifest({ files: entriesFor(files) }) });
    const pkg = join(dir, 'x.walnut');
    const t = spawnSync('tar', ['-czf', pkg, '-C', src, '.']);
    expect(t.status, String(t.stderr)).toBe(0);
    const names = String(spawnSync('tar', ['-tzf', pkg]).stdout).split('\n');
    expect(names).toContain('./');
    expect(names).toContain('./_kernel/');
    expect(names).toContain('./_kernel/key.md');
    expect((await run(dir, ['verify', pkg])).status).toBe(0);
    const out = join(dir, 'out');
    const x = await run(dir, ['extract', pkg, '--output', out]);
    expect(x.status, x.stderr).toBe(0);
    expect(listFiles(out)).toEqual(Object.keys(files).sort());
    for (const [p, d] of Object.entries(files)) expect(readFileSync(join(out, p), 'utf8')).toBe(d);
  });
});

describe('our packages, read by other tools', () => {
  let dir: string;
  let pkg: string;
  let walnut: string;

  beforeAll(() => {
    dir = box('ours');
    walnut = join(dir, 'compat');
    makeWalnut(walnut, TRICKY);
    pkg = join(dir, 'ours.walnut');
    const r = cli(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--description', 'say "hi" \\ bye']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('system tar -xzf extracts them and every file matches sha256sum against the manifest', () => {
    const out = join(dir, 'tar-out');
    mkdirSync(out);
    const t = spawnSync('tar', ['-xzf', pkg, '-C', out]);
    expect(t.status, String(t.stderr)).toBe(0);
    const text = readFileSync(join(out, 'manifest.yaml'), 'utf8');
    const paths = manifestPaths(text);
    expect(paths.sort()).toEqual(Object.keys(TRICKY).sort());
    const hashes = [...text.matchAll(/^ {4}sha256: ([0-9a-f]{64})$/gm)].map((m) => m[1]);
    const list = manifestPaths(text)
      .map((p, i) => `${hashes[i]}  ${p}`)
      .join('\n');
    const check = spawnSync('sha256sum', ['--check', '--strict', '-'], { cwd: out, input: `${list}\n`, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(paths.length);
    // And the files are the walnut's own bytes.
    for (const p of paths) expect(sha256File(join(out, p)), p).toBe(sha256File(join(walnut, p)));
    expect(listFiles(out).sort()).toEqual([...paths, 'manifest.yaml'].sort());
  });

  it('gzip -t accepts the parallel gzip members as one stream', () => {
    const r = spawnSync('gzip', ['-t', pkg]);
    expect(r.status, String(r.stderr)).toBe(0);
    expect(gunzipSync(readFileSync(pkg)).length % 10240).toBe(0);
  });

  it("Python's tarfile reads them, and the reference's manifest grammar reads the same paths back", () => {
    const read = refRead(pkg);
    expect(read.errors).toEqual([]);
    expect(read.checksum_errors).toEqual([]);
    expect(read.unlisted).toEqual([]);
    // Regular files only, no folders, no ./ prefix; the manifest first, then sorted paths.
    expect(read.members.every((m) => m.type === 'file')).toBe(true);
    expect(read.members[0]!.name).toBe('manifest.yaml');
    const names = read.members.slice(1).map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(names.sort()).toEqual(Object.keys(TRICKY).sort());
    // Every path reads back as written: unquoted raw strings equal to the packed path ...
    expect([...read.raw_paths].sort()).toEqual(Object.keys(TRICKY).sort());
    // ... and the typed values are what the reference makes of unquoted text (so no quotes were added).
    const typed = read.manifest.files!.map((f) => f.path);
    expect(typed).toEqual(read.raw_paths.map(referenceTyped));
    expect(typed).toEqual(expect.arrayContaining([2024, true, 1.5, null, 'notes/a: b #c.md', 'notes/2024']));
    expect(read.manifest).toMatchObject({ format_version: '2.0.0', scope: 'full', encrypted: false, description: 'say \\"hi\\" \\\\ bye' });
    expect(read.manifest.source).toMatchObject({ walnut: 'compat', plugin_version: expect.any(String) });
    expect(String(read.manifest.created)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('the manifest is in the reference line layout, LF only', () => {
    const text = manifestOf(pkg);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines[0]).toBe('format_version: "2.0.0"');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('source:');
    expect(lines[3]).toBe('  walnut: compat');
    expect(text).toMatch(
      /\nscope: full\ncreated: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\nencrypted: false\npayload_sha256: "[0-9a-f]{64}"\ndescription: "say \\"hi\\" \\\\ bye"\n\nfiles:\n {2}- path: /,
    );
    expect(text).toContain(`  - path: ${LONG}\n`);
  });

  it('their bundle-scope manifest lists the bundles as the reference reader expects', async () => {
    const bpkg = join(dir, 'ours-bundle.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'launch', '--output', bpkg]);
    expect(r.status, r.stderr).toBe(0);
    const read = refRead(bpkg);
    expect(read.errors).toEqual([]);
    expect(read.checksum_errors).toEqual([]);
    expect(read.manifest.bundles).toEqual(['launch']);
  });

  it('the walnut was not changed by packing', async () => {
    const before = snapshotTree(walnut);
    const again = join(dir, 'again.walnut');
    expect((await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', again])).status).toBe(0);
    expect(snapshotTree(walnut)).toEqual(before);
  });
});
