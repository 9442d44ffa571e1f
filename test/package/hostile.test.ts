/**
 * Hostile archives (cli.md 4, walnut-package-v2.md 4.3): every case is built here with Python's
 * tarfile or byte surgery, then fed to the built CLI's `extract` (into an absent folder and into an
 * empty one) and `verify`. Each must exit 1 with one `error:` line naming the entry and the reason,
 * and leave the whole sandbox — destination's parent, link targets, canaries, TMPDIR — unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildTar,
  cli,
  cliAsync,
  entriesFor,
  errorLine,
  refManifest,
  rmrf,
  sha256,
  snapshotTree,
  tempRoot,
  writeTree,
  type CliResult,
  type TarMember,
} from './helpers.ts';

const KEY = '---\ntype: venture\n---\n# Key\n';
const NOTE = 'a note\n';
/** A well-formed package's files, used as the honest part of most hostile archives. */
const GOOD: Record<string, string> = { '_kernel/key.md': KEY, 'notes/n.md': NOTE };

interface Sandbox {
  dir: string;
  pkg: string;
  area: string;
  out: string;
}

let root: string;
let counter = 0;

beforeAll(() => {
  root = tempRoot('hostile');
});
afterAll(() => rmrf(root));

/** A sandbox: pkg/ holds the package, area/ is the destination's parent with a canary and a victim. */
function sandbox(): Sandbox {
  const dir = join(root, `case-${++counter}`);
  const area = join(dir, 'area');
  writeTree(area, { 'canary.txt': 'canary\n', 'victim.txt': 'victim\n', 'sub/keep.txt': 'keep\n' });
  for (const d of ['pkg', 'home', 'tmp']) mkdirSync(join(dir, d), { recursive: true });
  return { dir, pkg: join(dir, 'pkg', 'hostile.walnut'), area, out: join(area, 'out') };
}

function fileMembers(files: Record<string, string | Buffer>): TarMember[] {
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}

function manifestMember(files: Record<string, string | Buffer>, extra: Parameters<typeof refManifest>[0] = { files: [] }): TarMember {
  return { name: 'manifest.yaml', data: refManifest({ ...extra, files: extra.files.length ? extra.files : entriesFor(files) }) };
}

/** The reference's order: the manifest first, then the listed files. */
function packageMembers(files: Record<string, string | Buffer>, ...extra: TarMember[]): TarMember[] {
  return [manifestMember(files), ...fileMembers(files), ...extra];
}

interface HostileCase {
  name: string;
  /** Writes the package at sb.pkg. */
  build: (sb: Sandbox) => void;
  /** The entry the error must name (as it appears in the archive), if the problem is one entry. */
  entry?: string | ((sb: Sandbox) => string);
  /** The reason the error must give. */
  reason: RegExp;
  /** Extra arguments for extract and verify. */
  args?: string[];
}

const tar = (members: TarMember[], opts: { format?: 'pax' | 'gnu' | 'ustar'; globalPax?: Record<string, string> } = {}) =>
  (sb: Sandbox) => {
    buildTar({ out: sb.pkg, members, ...opts });
  };

/** A valid package's bytes, made with the reference layout. */
function validPackage(sb: Sandbox, files: Record<string, string | Buffer> = GOOD): Buffer {
  const tmp = `${sb.pkg}.valid`;
  buildTar({ out: tmp, members: packageMembers(files) });
  const bytes = readFileSync(tmp);
  rmrf(tmp);
  return bytes;
}

function uncompressedPackage(sb: Sandbox, files: Record<string, string | Buffer>): Buffer {
  const tmp = `${sb.pkg}.tar`;
  buildTar({ out: tmp, gzip: false, members: packageMembers(files) });
  const bytes = readFileSync(tmp);
  rmrf(tmp);
  return bytes;
}

const BIG = Buffer.alloc(200_000, 'x');

const cases: HostileCase[] = [
  // --- traversal, in every spelling ---
  { name: 'parent traversal ../x', build: tar(packageMembers(GOOD, { name: '../x', data: 'evil' })), entry: '../x', reason: /'\.\.' segment/ },
  { name: 'traversal through a folder a/../../x', build: tar(packageMembers(GOOD, { name: 'a/../../x', data: 'evil' })), entry: 'a/../../x', reason: /'\.\.' segment/ },
  { name: 'dot-slash traversal ./../x', build: tar(packageMembers(GOOD, { name: './../x', data: 'evil' })), entry: './../x', reason: /'\.\.' segment/ },
  { name: 'deep traversal a/b/../../../area/canary.txt', build: tar(packageMembers(GOOD, { name: 'a/b/../../../area/canary.txt', data: 'evil' })), entry: 'a/b/../../../area/canary.txt', reason: /'\.\.' segment/ },
  { name: 'a bare .. folder entry', build: tar([...packageMembers(GOOD), { name: '..', type: 'dir' }]), entry: '..', reason: /'\.\.' segment/ },
  { name: 'a dot segment inside a name a/./b', build: tar(packageMembers(GOOD, { name: 'a/./b', data: 'x' })), entry: 'a/./b', reason: /'\.' segment/ },
  { name: 'backslash traversal ..\\x', build: tar(packageMembers(GOOD, { name: '..\\x', data: 'evil' })), entry: '..\\x', reason: /backslash/ },
  { name: 'backslash-rooted name \\area\\x', build: tar(packageMembers(GOOD, { name: '\\area\\x', data: 'evil' })), entry: '\\area\\x', reason: /backslash/ },
  {
    name: 'pax path record ../x behind an innocent ustar name',
    build: tar(packageMembers(GOOD, { name: 'innocent.txt', data: 'evil', pax: { path: '../x' } })),
    entry: '../x',
    reason: /'\.\.' segment/,
  },
  {
    name: 'GNU long name starting with ../',
    build: tar(packageMembers(GOOD, { name: `../${'l'.repeat(150)}.txt`, data: 'evil' }), { format: 'gnu' }),
    entry: `../${'l'.repeat(150)}.txt`,
    reason: /'\.\.' segment/,
  },
  {
    name: 'pax linkpath on a hard link pointing out',
    build: tar(packageMembers(GOOD, { name: 'h', type: 'hardlink', linkname: 'x', pax: { linkpath: '../area/victim.txt' } })),
    entry: 'h',
    reason: /hard link/,
  },
  // --- absolute and drive paths ---
  {
    name: 'absolute path into the sandbox',
    build: (sb) => buildTar({ out: sb.pkg, members: packageMembers(GOOD, { name: join(sb.area, 'abs.txt'), data: 'evil' }) }),
    entry: (sb) => join(sb.area, 'abs.txt'),
    reason: /absolute path/,
  },
  { name: 'absolute /etc path', build: tar(packageMembers(GOOD, { name: '/etc/alive-hostile-test-x', data: 'evil' })), entry: '/etc/alive-hostile-test-x', reason: /absolute path/ },
  { name: 'drive letter C:/x', build: tar(packageMembers(GOOD, { name: 'C:/x', data: 'evil' })), entry: 'C:/x', reason: /drive letter/ },
  { name: 'drive-relative C:x', build: tar(packageMembers(GOOD, { name: 'C:x', data: 'evil' })), entry: 'C:x', reason: /drive letter/ },
  // --- links ---
  { name: 'symlink out of the destination', build: tar(packageMembers(GOOD, { name: 'link', type: 'symlink', linkname: '../canary.txt' })), entry: 'link', reason: /symbolic link/ },
  { name: 'symlink to an absolute path', build: tar(packageMembers(GOOD, { name: 'etc', type: 'symlink', linkname: '/etc' })), entry: 'etc', reason: /symbolic link/ },
  { name: 'symlink inside the package (still refused)', build: tar(packageMembers(GOOD, { name: 'alias.md', type: 'symlink', linkname: 'notes/n.md' })), entry: 'alias.md', reason: /symbolic link/ },
  {
    name: 'the 4.3 symlink chain (a/b/up -> ../.., x -> a/b/up/.., x/pwned.txt)',
    build: tar([
      manifestMember(GOOD),
      ...fileMembers(GOOD),
      { name: 'a/b/up', type: 'symlink', linkname: '../..' },
      { name: 'x', type: 'symlink', linkname: 'a/b/up/..' },
      { name: 'x/pwned.txt', data: 'pwned' },
    ]),
    entry: 'a/b/up',
    reason: /symbolic link/,
  },
  {
    name: 'the 4.3 hard link then file overwrite (d1/h -> ../victim.txt, then d1/h)',
    build: tar([
      manifestMember(GOOD),
      ...fileMembers(GOOD),
      { name: 'd1/h', type: 'hardlink', linkname: '../victim.txt' },
      { name: 'd1/h', data: 'overwritten' },
    ]),
    entry: 'd1/h',
    reason: /hard link/,
  },
  { name: 'hard link to a listed file', build: tar(packageMembers(GOOD, { name: 'copy.md', type: 'hardlink', linkname: 'notes/n.md' })), entry: 'copy.md', reason: /hard link/ },
  // --- special files ---
  { name: 'character device', build: tar(packageMembers(GOOD, { name: 'dev/null2', type: 'chr' })), entry: 'dev/null2', reason: /character device/ },
  { name: 'block device', build: tar(packageMembers(GOOD, { name: 'dev/sda9', type: 'blk' })), entry: 'dev/sda9', reason: /block device/ },
  { name: 'FIFO', build: tar(packageMembers(GOOD, { name: 'pipe', type: 'fifo' })), entry: 'pipe', reason: /FIFO/ },
  // --- duplicates ---
  { name: 'the same file twice', build: tar(packageMembers(GOOD, { name: 'notes/n.md', data: NOTE })), entry: 'notes/n.md', reason: /appears twice/ },
  { name: 'a and ./a', build: tar(packageMembers(GOOD, { name: './notes/n.md', data: NOTE })), entry: './notes/n.md', reason: /appears twice/ },
  {
    name: 'a file, then a file beneath it (a and a/b)',
    build: tar([manifestMember({ ...GOOD, a: 'file' }), ...fileMembers({ ...GOOD, a: 'file' }), { name: 'a/b', data: 'inside' }]),
    entry: 'a/b',
    reason: /inside 'a', which is a file/,
  },
  {
    name: 'a file beneath a name, then the name as a file (a/b and a)',
    build: tar([manifestMember({ ...GOOD, 'a/b': 'inside' }), ...fileMembers({ ...GOOD, 'a/b': 'inside' }), { name: 'a', data: 'file' }]),
    entry: 'a',
    reason: /both a file and a folder/,
  },
  {
    name: 'a folder entry, then a file of the same name',
    build: tar([manifestMember(GOOD), ...fileMembers(GOOD), { name: 'd', type: 'dir' }, { name: 'd', data: 'file' }]),
    entry: 'd',
    reason: /both a file and a folder/,
  },
  // --- the manifest against the entries ---
  { name: 'an unlisted file', build: tar(packageMembers(GOOD, { name: 'notes/extra.md', data: 'slipped in' })), entry: 'notes/extra.md', reason: /not listed in the manifest/ },
  {
    name: 'an unlisted file before the manifest',
    build: tar([{ name: 'AAA.md', data: 'slipped in' }, ...packageMembers(GOOD)]),
    entry: 'AAA.md',
    reason: /not listed in the manifest/,
  },
  {
    name: 'a listed file missing from the archive',
    build: tar([manifestMember({ ...GOOD, 'notes/gone.md': 'gone' }), ...fileMembers(GOOD)]),
    entry: 'notes/gone.md',
    reason: /listed in the manifest but missing/,
  },
  {
    name: 'a checksum mismatch',
    build: tar([manifestMember(GOOD), ...fileMembers({ ...GOOD, 'notes/n.md': 'a nOte\n' })]),
    entry: 'notes/n.md',
    reason: /does not match its checksum/,
  },
  {
    name: 'a size mismatch between manifest and header',
    build: tar([manifestMember(GOOD), ...fileMembers({ ...GOOD, 'notes/n.md': 'a note, longer\n' })]),
    entry: 'notes/n.md',
    reason: /is 15 bytes but the manifest says 7/,
  },
  {
    name: 'a checksum mismatch in a file that precedes the manifest',
    build: tar([{ name: 'notes/n.md', data: 'a nOte\n' }, manifestMember(GOOD), { name: '_kernel/key.md', data: KEY }]),
    entry: 'notes/n.md',
    reason: /does not match its checksum/,
  },
  {
    name: 'a manifest that lists a ../ path',
    build: tar([manifestMember({}, { files: [{ path: '../area/canary.txt', sha256: sha256('x'), size: 1 }] }), ...fileMembers(GOOD)]),
    reason: /path '\.\.\/area\/canary\.txt' contains a '\.\.' segment/,
  },
  {
    name: 'a manifest that lists an absolute path',
    build: (sb) =>
      buildTar({ out: sb.pkg, members: [manifestMember({}, { files: [{ path: join(sb.area, 'x'), sha256: sha256('x'), size: 1 }] })] }),
    reason: /is an absolute path/,
  },
  {
    name: 'a manifest that lists the same path twice',
    build: tar([manifestMember({}, { files: [...entriesFor(GOOD), ...entriesFor({ 'notes/n.md': NOTE })] }), ...fileMembers(GOOD)]),
    reason: /'notes\/n\.md' is listed twice/,
  },
  {
    name: 'a manifest with a bad bundle name',
    build: tar([manifestMember(GOOD, { files: entriesFor(GOOD), scope: 'bundle', bundles: ['../bundles/launch'] }), ...fileMembers(GOOD)]),
    reason: /bundle name '\.\.\/bundles\/launch' contains a path separator/,
  },
  // --- pax and GNU tricks ---
  { name: 'a pax global header', build: tar(packageMembers(GOOD), { globalPax: { comment: 'hello' } }), entry: 'manifest.yaml', reason: /pax global header/ },
  { name: 'a pax global header carrying a path', build: tar(packageMembers(GOOD), { globalPax: { path: '../area/x' } }), reason: /pax global header/ },
  {
    // A NUL ends a name: the reader sees 'ok.txt', and nothing named after the NUL is ever written.
    name: 'a pax path with a NUL byte',
    build: tar(packageMembers(GOOD, { name: 'plain.txt', data: 'x', pax: { path: 'ok.txt\u0000../../area/canary.txt' } })),
    entry: 'ok.txt',
    reason: /not listed in the manifest/,
  },
  {
    name: 'a pax path record that turns a file into the manifest',
    build: tar([...packageMembers(GOOD), { name: 'other.yaml', data: 'format_version: "9.0.0"\n', pax: { path: 'manifest.yaml' } }]),
    entry: 'manifest.yaml',
    reason: /appears twice/,
  },
  // --- names ---
  // The error shows such names escaped: a name must not break the one-line error or drive the terminal.
  { name: 'an escape character in a name', build: tar(packageMembers(GOOD, { name: 'notes/\u001b[31mred.md', data: 'x' })), entry: 'notes/\\x1b[31mred.md', reason: /control character/ },
  { name: 'a line break in a name', build: tar(packageMembers(GOOD, { name: 'notes/a\nb.md', data: 'x' })), entry: 'notes/a\\nb.md', reason: /control character/ },
  { name: 'a C1 control (CSI) in a name', build: tar(packageMembers(GOOD, { name: 'notes/\u009b2Jx.md', data: 'x' })), entry: 'notes/\\x9b2Jx.md', reason: /not listed in the manifest/ },
  { name: 'an empty name segment a//b', build: tar(packageMembers(GOOD, { name: 'notes//b.md', data: 'x' })), entry: 'notes//b.md', reason: /empty path segment/ },
  // --- damaged containers ---
  {
    name: 'a truncated gzip stream',
    build: (sb) => {
      const good = validPackage(sb, { ...GOOD, 'blob.bin': createHash('sha512').update('seed').digest().toString('hex').repeat(400) });
      writeFileSync(sb.pkg, good.subarray(0, Math.floor(good.length * 0.6)));
    },
    reason: /not a complete gzip stream|not a valid tar archive/,
  },
  {
    name: 'a truncated tar inside a valid gzip',
    build: (sb) => {
      const tarBytes = uncompressedPackage(sb, { ...GOOD, 'blob.bin': BIG });
      // Cut inside blob.bin's data and gzip the stump properly.
      writeFileSync(sb.pkg, gzipSync(tarBytes.subarray(0, 3 * 1024 + 100_000)));
    },
    reason: /not a valid tar archive|truncated|missing/i,
  },
  {
    name: 'a gzip whose tar header checksum is broken',
    build: (sb) => {
      const tarBytes = Buffer.from(uncompressedPackage(sb, GOOD));
      // Flip a byte of the first header's name (manifest.yaml): its checksum no longer holds.
      expect(tarBytes.subarray(0, 13).toString('latin1')).toBe('manifest.yaml');
      tarBytes[3] = tarBytes[3]! ^ 0x20;
      writeFileSync(sb.pkg, gzipSync(tarBytes));
    },
    reason: /not a valid tar archive/,
  },
  { name: 'non-gzip garbage', build: (sb) => writeFileSync(sb.pkg, Buffer.from('this is not a walnut package at all\n'.repeat(40))), reason: /not a \.walnut package/ },
  { name: 'gzip of garbage', build: (sb) => writeFileSync(sb.pkg, gzipSync(Buffer.from('garbage, not tar\n'.repeat(100)))), reason: /not a valid tar archive|no manifest/ },
  { name: 'an empty file', build: (sb) => writeFileSync(sb.pkg, ''), reason: /not a \.walnut package/ },
  { name: 'a missing manifest', build: tar(fileMembers(GOOD)), reason: /has no manifest\.yaml/ },
  {
    name: 'a manifest with an unknown major version 3.0.0',
    build: tar([manifestMember(GOOD, { files: entriesFor(GOOD), formatVersion: '3.0.0' }), ...fileMembers(GOOD)]),
    reason: /unsupported package format_version '3\.0\.0'/,
  },
  {
    name: 'a manifest missing its files list',
    build: tar([{ name: 'manifest.yaml', data: refManifest({ files: [] }).replace(/\nfiles:\n/, '\n') }, ...fileMembers(GOOD)]),
    reason: /missing required field 'files'/,
  },
  {
    name: 'a manifest that is not the line grammar',
    build: tar([{ name: 'manifest.yaml', data: '{"format_version": "2.0.0"}\n' }, ...fileMembers(GOOD)]),
    reason: /invalid manifest\.yaml/,
  },
  // --- limits ---
  {
    name: 'expansion past --max-size',
    build: tar(packageMembers({ ...GOOD, 'big.bin': BIG })),
    args: ['--max-size', '100000'],
    entry: 'big.bin',
    reason: /past the limit of 100000 bytes \(--max-size\)/,
  },
  {
    name: 'expansion past --max-size before any manifest',
    build: tar([{ name: 'a.bin', data: BIG }, { name: 'b.bin', data: BIG }, ...packageMembers(GOOD)]),
    args: ['--max-size', '300000'],
    entry: 'b.bin',
    reason: /past the limit of 300000 bytes/,
  },
];

function expectRefusal(sb: Sandbox, c: HostileCase, r: CliResult, what: string): void {
  expect(r.status, `${what}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
  const line = errorLine(r);
  expect(line, what).toMatch(c.reason);
  if (c.entry !== undefined) {
    const entry = typeof c.entry === 'function' ? c.entry(sb) : c.entry;
    expect(line, what).toContain(`'${entry}'`);
  }
  expect(r.stdout, what).toBe('');
  expect(r.stderr, what).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

describe('hostile archives are refused with nothing written', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const sb = sandbox();
      c.build(sb);
      expect(existsSync(sb.pkg)).toBe(true);
      const emptyDest = join(sb.area, 'empty');
      mkdirSync(emptyDest);
      const before = snapshotTree(sb.dir);
      const extra = c.args ?? [];
      // Four refusals of the same package, run at once (they touch different destinations):
      const [absent, empty, deep, verify] = await Promise.all([
        // 1. extract into a folder that does not exist
        cliAsync(sb.dir, ['extract', sb.pkg, '--output', sb.out, ...extra]),
        // 2. extract into an empty folder: it stays, empty
        cliAsync(sb.dir, ['extract', sb.pkg, '--output', emptyDest, ...extra]),
        // 3. extract into a folder whose parents do not exist yet: none are left behind
        cliAsync(sb.dir, ['extract', sb.pkg, '--output', join(sb.area, 'new', 'deeper', 'out'), ...extra]),
        // 4. verify refuses the same way
        cliAsync(sb.dir, ['verify', sb.pkg, ...extra]),
      ]);
      expectRefusal(sb, c, absent!, 'extract into an absent folder');
      expectRefusal(sb, c, empty!, 'extract into an empty folder');
      expectRefusal(sb, c, deep!, 'extract below missing folders');
      expectRefusal(sb, c, verify!, 'verify');
      // Nothing anywhere in the sandbox changed: no destination, no staging, no spool in TMPDIR,
      // no parents, canary and link targets intact; the empty folder is still there and empty.
      expect(snapshotTree(sb.dir)).toEqual(before);
      expect(existsSync(sb.out)).toBe(false);
      expect(readdirSync(emptyDest)).toEqual([]);
      expect(existsSync('/etc/alive-hostile-test-x')).toBe(false);
    });
  }
});

describe('the same archives, made honest, are accepted (the cases above fail for the reason given)', () => {
  it('the GOOD files alone extract and verify', () => {
    const sb = sandbox();
    buildTar({ out: sb.pkg, members: packageMembers(GOOD) });
    const v = cli(sb.dir, ['verify', sb.pkg]);
    expect(v.status, v.stderr).toBe(0);
    const x = cli(sb.dir, ['extract', sb.pkg, '--output', sb.out]);
    expect(x.status, x.stderr).toBe(0);
    expect(readFileSync(join(sb.out, 'notes/n.md'), 'utf8')).toBe(NOTE);
    expect(readFileSync(join(sb.out, '_kernel/key.md'), 'utf8')).toBe(KEY);
  });

  it('the 200 kB file passes with the default --max-size and with one just large enough', () => {
    const sb = sandbox();
    const members = packageMembers({ ...GOOD, 'big.bin': BIG });
    buildTar({ out: sb.pkg, members });
    expect(cli(sb.dir, ['verify', sb.pkg]).status).toBe(0);
    // The expanded size counts every entry, the manifest included.
    const total = members.reduce((n, m) => n + Buffer.byteLength(m.data ?? ''), 0);
    expect(cli(sb.dir, ['verify', sb.pkg, '--max-size', String(total)]).status).toBe(0);
    expect(cli(sb.dir, ['verify', sb.pkg, '--max-size', String(total - 1)]).status).toBe(1);
  });

  it('folder entries and a ./ root entry are accepted (GNU tar style)', () => {
    const sb = sandbox();
    buildTar({
      out: sb.pkg,
      members: [
        { name: './', type: 'dir' },
        { name: './manifest.yaml', data: refManifest({ files: entriesFor(GOOD) }) },
        { name: './_kernel/', type: 'dir' },
        { name: './_kernel/key.md', data: KEY },
        { name: './notes/', type: 'dir' },
        { name: './notes/n.md', data: NOTE },
      ],
    });
    const x = cli(sb.dir, ['extract', sb.pkg, '--output', sb.out]);
    expect(x.status, x.stderr).toBe(0);
    expect(readFileSync(join(sb.out, 'notes/n.md'), 'utf8')).toBe(NOTE);
  });
});

describe('format versions', () => {
  const v21Manifest = (files: Record<string, string>, version = '2.1.0') => {
    const entries = entriesFor(files).sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
    const h = createHash('sha256');
    for (const f of entries) h.update(`${f.path}\0${f.sha256}\0${f.size}\n`);
    const lines = [
      `format_version: "${version}"`,
      'source_layout: "v3"',
      'min_plugin_version: "3.1.0"',
      'created: "2026-04-19T10:00:00Z"',
      'scope: "full"',
      'source:',
      '  engine: "unknown"',
      '  plugin_version: "3.1.0"',
      '  session_id: "manual"',
      '  walnut: "demo"',
      'sender: "unknown"',
      'description: "C:\\\\new \\"quoted\\""',
      'note: ""',
      'exclusions_applied: []',
      'substitutions_applied: []',
      `payload_sha256: "${h.digest('hex')}"`,
      'files:',
      ...entries.flatMap((f) => [`  - path: "${f.path}"`, `    sha256: "${f.sha256}"`, `    size: ${f.size}`]),
      'encryption: "none"',
    ];
    return `${lines.join('\n')}\n`;
  };

  for (const version of ['2.0', '2.0.0', '2.1.0', '2.10.5']) {
    it(`accepts format_version ${version}`, () => {
      const sb = sandbox();
      const text = version.startsWith('2.0') ? refManifest({ files: entriesFor(GOOD), formatVersion: version }) : v21Manifest(GOOD, version);
      buildTar({ out: sb.pkg, members: [{ name: 'manifest.yaml', data: text }, ...fileMembers(GOOD)] });
      const v = cli(sb.dir, ['verify', sb.pkg, '--json']);
      expect(v.status, v.stderr).toBe(0);
      expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, format_version: version, scope: 'full', files: 2 });
      const info = cli(sb.dir, ['info', sb.pkg, '--json']);
      expect(info.status, info.stderr).toBe(0);
      const head = JSON.parse(info.stdout);
      expect(head.format_version).toBe(version);
      if (!version.startsWith('2.0')) expect(head.description).toBe('C:\\new "quoted"');
      const x = cli(sb.dir, ['extract', sb.pkg, '--output', sb.out]);
      expect(x.status, x.stderr).toBe(0);
      expect(readFileSync(join(sb.out, 'notes/n.md'), 'utf8')).toBe(NOTE);
    });
  }

  it('refuses a 2.1 manifest whose payload_sha256 does not match its file list', () => {
    const sb = sandbox();
    const text = v21Manifest(GOOD).replace(/payload_sha256: "[0-9a-f]+"/, `payload_sha256: "${sha256('other')}"`);
    buildTar({ out: sb.pkg, members: [{ name: 'manifest.yaml', data: text }, ...fileMembers(GOOD)] });
    const before = snapshotTree(sb.dir);
    const r = cli(sb.dir, ['extract', sb.pkg, '--output', sb.out]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/payload_sha256 does not match/);
    expect(snapshotTree(sb.dir)).toEqual(before);
  });

  for (const version of ['3.0.0', '1.0.0', 'banana', '20.0']) {
    it(`refuses format_version ${version} by name`, () => {
      const sb = sandbox();
      buildTar({ out: sb.pkg, members: [manifestMember(GOOD, { files: entriesFor(GOOD), formatVersion: version }), ...fileMembers(GOOD)] });
      const r = cli(sb.dir, ['verify', sb.pkg]);
      expect(r.status).toBe(1);
      expect(errorLine(r)).toContain(`format_version '${version}'`);
    });
  }
});

describe('manifest size limit', () => {
  it('info and verify refuse a manifest.yaml past 32 MiB instead of reading it all into memory', () => {
    const sb = sandbox();
    // 40 MiB of comment lines: valid grammar, compresses to almost nothing.
    const script = [
      'import tarfile, io',
      `t = tarfile.open(${JSON.stringify(sb.pkg)}, "w:gz", compresslevel=1)`,
      'data = b"#\\n" * (20 * 1024 * 1024)',
      'ti = tarfile.TarInfo("manifest.yaml"); ti.size = len(data)',
      't.addfile(ti, io.BytesIO(data))',
      't.close()',
    ].join('\n');
    const p = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    for (const cmd of ['info', 'verify']) {
      const r = cli(sb.dir, [cmd, sb.pkg]);
      expect(r.status).toBe(1);
      expect(errorLine(r)).toMatch(/entry 'manifest\.yaml' is larger than 33554432 bytes/);
    }
  });
});

describe('entry count limit', () => {
  it('refuses an archive with more than 100000 entries, before reading them all', () => {
    const sb = sandbox();
    // Python writes 100001 empty files (no manifest) quickly as ustar.
    const script = [
      'import tarfile, io, sys',
      `t = tarfile.open(${JSON.stringify(sb.pkg)}, "w:gz", format=tarfile.USTAR_FORMAT, compresslevel=1)`,
      'for i in range(100001):',
      '    ti = tarfile.TarInfo("d%03d/f%06d" % (i // 1000, i))',
      '    t.addfile(ti, io.BytesIO(b""))',
      't.close()',
    ].join('\n');
    const p = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const before = snapshotTree(sb.dir);
    const r = cli(sb.dir, ['verify', sb.pkg]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/has more than 100000 entries/);
    expect(snapshotTree(sb.dir)).toEqual(before);
  });
});
