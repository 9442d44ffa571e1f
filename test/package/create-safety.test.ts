/**
 * What create must never put in a package, or write where it would be packed next time: older
 * packages and our own temporary files inside the walnut, an output inside the walnut itself.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';
import { sharedTempDir } from '../support/bundles.ts';
import { testKeyPairOf } from '../support/test-keys.ts';
import {
  FIXTURES,
  buildTar,
  cli,
  entriesFor,
  errorLine,
  manifestOf,
  manifestPaths,
  python,
  refManifest,
  rmrf,
  sandboxEnv,
  snapshotTree,
  tempRoot,
  writeTree,
} from './helpers.ts';

const run = (sandbox: string, args: string[], extra: Record<string, string> = {}) => aliveInProcess(args, sandboxEnv(sandbox, extra));

const KEY = '---\ntype: venture\n---\n';

let root: string;
beforeAll(() => {
  root = tempRoot('create-safety');
});
afterAll(() => rmrf(root));

describe('older packages and unfinished ones inside the walnut', () => {
  it('are left out, each named with the reason, at the root and deeper', async () => {
    const dir = join(root, 'old-packages');
    const walnut = join(dir, 'w');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'bundles/private/context.manifest.yaml': 'sensitivity: restricted\n',
      'bundles/private/secret.md': 'secret\n',
      'w-full-2026-01-01.walnut': 'an older package holding the restricted bundle\n',
      'notes/sent/w-bundle.WALNUT': 'another\n',
      'notes/a.md': 'a\n',
      '.w-full.walnut.1234.0123abcd.partial': 'half a package\n',
      'notes/.x.walnut.99.deadbeef.payload': 'an encrypted payload being written\n',
      'notes/walnut-notes.md': 'kept: not a package\n',
    });
    const pkg = join(dir, 'out.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]);
    expect(r.status, r.stderr).toBe(0);
    const paths = manifestPaths(manifestOf(pkg));
    expect(paths).toEqual(['_kernel/key.md', 'notes/a.md', 'notes/walnut-notes.md']);
    expect(r.stderr).toMatch(/left out w-full-2026-01-01\.walnut: a \.walnut package/);
    expect(r.stderr).toMatch(/left out notes\/sent\/w-bundle\.WALNUT: a \.walnut package/);
    expect(r.stderr).toMatch(/left out \.w-full\.walnut\.1234\.0123abcd\.partial: an unfinished package/);
    expect(r.stderr).toMatch(/left out notes\/\.x\.walnut\.99\.deadbeef\.payload: an unfinished package/);
  });

  it('without --output or a Desktop, run from inside the walnut: the package goes beside the walnut, and the next create does not pack it', () => {
    const dir = join(root, 'cwd-in-walnut');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', 'bundles/private/context.manifest.yaml': 'sensitivity: restricted\n' });
    const before = snapshotTree(walnut);
    const first = cli(dir, ['create', '--walnut', walnut, '--scope', 'full', '--json'], { cwd: join(walnut, 'notes') });
    expect(first.status, first.stderr).toBe(0);
    const { path } = JSON.parse(first.stdout);
    expect(dirname(path)).toBe(dir);
    expect(snapshotTree(walnut)).toEqual(before);
    expect(first.stderr).toMatch(/not inside the walnut/);

    const second = cli(dir, ['create', '--walnut', walnut, '--scope', 'snapshot', '--json'], { cwd: walnut });
    expect(second.status, second.stderr).toBe(0);
    expect(dirname(JSON.parse(second.stdout).path)).toBe(dir);
    expect(snapshotTree(walnut)).toEqual(before);
  });

  it('the current folder outside the walnut stays the default when there is no Desktop', () => {
    const dir = join(root, 'cwd-outside');
    const walnut = join(dir, 'w');
    const here = join(dir, 'here');
    writeTree(walnut, { '_kernel/key.md': KEY });
    mkdirSync(here);
    const r = cli(dir, ['create', '--walnut', walnut, '--scope', 'snapshot', '--json'], { cwd: here });
    expect(r.status, r.stderr).toBe(0);
    expect(dirname(JSON.parse(r.stdout).path)).toBe(here);
  });

  const variants: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
    { name: 'plain', args: [] },
    { name: 'passphrase', args: ['--encrypt', 'passphrase'], env: { WALNUT_PASSPHRASE: 'correct horse battery staple' } },
    { name: 'format 2.1', args: ['--format', '2.1'] },
  ];
  for (const v of variants) {
    it(`an explicit --output inside the walnut is refused, writing nothing (${v.name})`, async () => {
      const dir = join(root, `explicit-${v.name.replace(/\W/g, '')}`);
      const walnut = join(dir, 'w');
      writeTree(walnut, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n' });
      symlinkSync(join(walnut, 'notes'), join(dir, 'linked-notes'));
      sandboxEnv(dir);
      const before = snapshotTree(dir);
      for (const output of [join(walnut, 'x.walnut'), join(walnut, 'notes', 'x.walnut'), join(dir, 'linked-notes', 'x.walnut')]) {
        const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', output, ...v.args], v.env);
        expect(r.status, r.stderr).toBe(1);
        expect(errorLine(r)).toMatch(/is inside the walnut being packed.*choose an --output outside/);
        const j = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', output, '--json', ...v.args], v.env);
        expect(JSON.parse(j.stdout).error.code).toBe('output_in_walnut');
      }
      expect(snapshotTree(dir)).toEqual(before);
      expect(readdirSync(walnut).sort()).toEqual(['_kernel', 'notes']);
      expect(existsSync(join(dir, 'x.walnut'))).toBe(false);
    });
  }
});

describe('what create writes, its own verify and extract read back', () => {
  it('a manifest.yaml at the walnut root is left out with a warning saying why (formats 2.0 and 2.1)', async () => {
    const dir = join(root, 'root-manifest');
    const walnut = join(dir, 'w');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'manifest.yaml': 'format_version: "2.0.0"\nscope: full\nfiles: []\n',
      'notes/manifest.yaml': 'kept: not at the package root\n',
    });
    for (const format of ['2.0', '2.1']) {
      const pkg = join(dir, `p${format}.walnut`);
      const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--format', format]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/left out manifest\.yaml: .*package's own manifest/);
      const v = await run(dir, ['verify', pkg, '--json']);
      expect(v.status, v.stdout).toBe(0);
      const out = join(dir, `x${format}`);
      expect((await run(dir, ['extract', pkg, '--output', out])).status).toBe(0);
      expect(readFileSync(join(out, 'notes', 'manifest.yaml'), 'utf8')).toBe('kept: not at the package root\n');
    }
    expect(manifestPaths(manifestOf(join(dir, 'p2.0.walnut')))).toEqual(['_kernel/key.md', 'notes/manifest.yaml']);
  });

  it('U+2028 and U+2029: in --description a usage error (each is a line break); a manifest another writer made with them is read to the end of its line', async () => {
    const dir = join(root, 'separators-description');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': KEY, 'notes/plain.md': 'plain\n' });
    const description = 'first\u2028second\u2029third';
    for (const format of ['2.0', '2.1']) {
      const r = await run(dir, [
        'create',
        '--walnut',
        walnut,
        '--scope',
        'full',
        '--output',
        join(dir, 'p.walnut'),
        '--format',
        format,
        '--description',
        description,
      ]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: --description must be a single line/m);
      expect(existsSync(join(dir, 'p.walnut'))).toBe(false);
    }
    const files = { '_kernel/key.md': KEY, 'notes/plain.md': 'plain\n' };
    const pkg = join(dir, 'made-elsewhere.walnut');
    buildTar({
      out: pkg,
      members: Object.entries({ 'manifest.yaml': refManifest({ files: entriesFor(files), description }), ...files }).map(([name, data]) => ({ name, data })),
    });
    const v = await run(dir, ['verify', pkg, '--json']);
    expect(v.status, v.stdout).toBe(0);
    const info = await run(dir, ['info', pkg, '--json']);
    expect(info.status, info.stdout).toBe(0);
    expect(JSON.parse(info.stdout).untrusted.description).toBe(description);
    // The reference reader (a Python re-implementation from the spec) reads the same value.
    const ref = python([join(FIXTURES, 'ref_read.py'), pkg]);
    expect(ref.status, ref.stderr).toBe(0);
    const read = JSON.parse(ref.stdout) as { manifest: { description: string }; errors: string[]; checksum_errors: string[] };
    expect(read.manifest.description).toBe(description);
    expect(read.errors).toEqual([]);
    expect(read.checksum_errors).toEqual([]);
  });

  for (const format of ['2.0', '2.1']) {
    it(`U+2028 in a file name stops create, which names the file (format ${format})`, async () => {
      const dir = join(root, `separators-${format}`);
      const walnut = join(dir, 'w');
      writeTree(walnut, { '_kernel/key.md': KEY, 'notes/plain.md': 'plain\n', 'bundles/b/context.manifest.yaml': 'goal: b\n' });
      // A receiver refuses a name holding a line or paragraph separator, so create does not write one.
      writeFileSync(join(walnut, 'bundles/b/x\u2028y.md'), 'in a bundle\n');
      const odd = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'q.walnut'), '--format', format]);
      expect(odd.status).toBe(1);
      expect(odd.stderr).toMatch(/cannot pack 'bundles\/b\/x\\u\{2028\}y\.md'/);
      expect(existsSync(join(dir, 'q.walnut'))).toBe(false);
    });
  }
});

describe('names create cannot carry, and entries it cannot read', () => {
  it('a name that is not valid UTF-8 is named in the warnings (with its bytes shown), never dropped in silence', async () => {
    const dir = join(root, 'latin1');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', 'bundles/b/context.manifest.yaml': 'goal: b\n' });
    const bad = (parent: string, name: Buffer) => Buffer.concat([Buffer.from(`${walnut}/${parent}`), name]);
    writeFileSync(bad('notes/', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64])), 'latin-1 name\n'); // café.md in Latin-1
    writeFileSync(bad('', Buffer.from([0xff, 0x2e, 0x74, 0x78, 0x74])), 'at the root\n');
    writeFileSync(bad('_kernel/', Buffer.from([0x6c, 0x6f, 0x67, 0xc3])), 'in the kernel\n');
    mkdirSync(bad('bundles/', Buffer.from([0x62, 0x80])));
    writeFileSync(Buffer.concat([bad('bundles/', Buffer.from([0x62, 0x80])), Buffer.from('/x.md')]), 'a bundle with a bad name\n');
    const pkg = join(dir, 'p.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]);
    expect(r.status, r.stderr).toBe(0);
    expect(manifestPaths(manifestOf(pkg))).toEqual(['_kernel/key.md', 'bundles/b/context.manifest.yaml', 'notes/a.md']);
    const because = 'its name is not valid UTF-8, which a package cannot carry; rename it';
    expect(r.stderr).toContain(`left out notes/caf\\xe9.md: ${because}`);
    expect(r.stderr).toContain(`left out \\xff.txt: ${because}`);
    expect(r.stderr).toContain(`left out _kernel/log\\xc3: ${because}`);
    expect(r.stderr).toContain(`left out bundles/b\\x80: ${because}`);
    expect(r.stderr).not.toContain('\ufffd');
  });

  /**
   * `create` of a walnut whose folder `folder` has `mode`, run as a user the mode applies to (as
   * root, which reads every folder, by nobody in a folder shared with it), into a fresh output folder.
   */
  function createWithFolderMode(name: string, folder: string, mode: number) {
    const asRoot = process.getuid?.() === 0;
    const base = asRoot ? sharedTempDir(`create-safety-${name}`) : join(root, `${name}-base`);
    if (asRoot) onTestFinished(() => rmrf(base));
    const w = join(base, 'w');
    writeTree(w, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', [`${folder}/inside.md`]: 'cannot be read\n' });
    chmodSync(join(w, folder), mode);
    onTestFinished(() => chmodSync(join(w, folder), 0o755));
    const outDir = join(base, 'out');
    mkdirSync(outDir);
    const opts: Parameters<typeof cli>[2] = { env: sandboxEnv(outDir) };
    if (asRoot) {
      for (const d of [base, w, join(w, '_kernel'), join(w, 'notes'), outDir, join(outDir, 'home'), join(outDir, 'tmp')]) chmodSync(d, 0o777);
      Object.assign(opts, { uid: 65534, gid: 65534, cwd: outDir });
    }
    const r = cli(outDir, ['create', '--walnut', w, '--scope', 'full', '--output', join(outDir, 'x.walnut')], opts);
    return { r, written: existsSync(join(outDir, 'x.walnut')) };
  }

  it('an entry that cannot be examined (a folder readable but not searchable) stops create, naming it', () => {
    const { r, written } = createWithFolderMode('lstat', 'shut', 0o644);
    expect(r.status, r.stderr).toBe(1);
    expect(errorLine(r)).toBe('error: cannot read shut/inside.md (EACCES); fix its permissions or add it to .walnutignore, then try again');
    expect(written).toBe(false);
  });

  it('a folder that cannot be listed stops create with the same advice as a file that cannot be read', () => {
    const { r, written } = createWithFolderMode('readdir', 'private', 0o000);
    expect(r.status, r.stderr).toBe(1);
    expect(errorLine(r)).toBe('error: cannot read folder private (EACCES); fix its permissions or add it to .walnutignore, then try again');
    expect(written).toBe(false);
  });
});

describe('private keys', () => {
  const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
  const OPENSSH = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
  const files = {
    '_kernel/key.md': KEY,
    'notes/a.md': 'a\n',
    'notes/.ssh/config': 'Host x\n',
    'notes/.ssh/known_hosts': 'x ssh-ed25519 AAAA\n',
    'notes/id_ed25519': 'named like a key, whatever it holds\n',
    'notes/id_rsa.pub': 'ssh-rsa AAAA public half, kept\n',
    'notes/deploy.key': OPENSSH,
    'notes/rsa.txt': '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
    'notes/cert.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    'notes/about-keys.md': '# Keys\nA key file starts with a BEGIN PRIVATE KEY line, like so:\n',
    'bundles/b/context.manifest.yaml': 'goal: b\n',
    'bundles/b/server.pem': PEM,
  };
  const held = ['bundles/b/server.pem', 'notes/.ssh', 'notes/deploy.key', 'notes/id_ed25519', 'notes/rsa.txt', 'keys/private.pem'];

  it('are left out, each named, and `alive-p2p keygen --out` inside the walnut does not leak its private.pem; --allow-private-keys takes them', async () => {
    const dir = join(root, 'keys');
    const walnut = join(dir, 'w');
    writeTree(walnut, files);
    // Where keygen writes is the point, not the key: an RSA-2048 pair spares a 4096-bit prime search.
    setKeygenBitsForTests(2048);
    try {
      expect((await run(dir, ['keygen', '--out', join(walnut, 'keys')])).status).toBe(0);
    } finally {
      setKeygenBitsForTests(undefined);
    }
    const pkg = join(dir, 'p.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]);
    expect(r.status, r.stderr).toBe(0);
    const paths = manifestPaths(manifestOf(pkg));
    for (const h of held) {
      expect(paths.filter((p) => p === h || p.startsWith(`${h}/`))).toEqual([]);
      expect(r.stderr).toMatch(new RegExp(`left out ${h.replace(/\./g, '\\.')}: .*private key.*--allow-private-keys`));
    }
    for (const kept of ['notes/a.md', 'notes/id_rsa.pub', 'notes/cert.pem', 'notes/about-keys.md', 'keys/public.pem', 'bundles/b/context.manifest.yaml']) {
      expect(paths).toContain(kept);
    }

    const b = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'b', '--output', join(dir, 'b.walnut')]);
    expect(b.status, b.stderr).toBe(0);
    expect(manifestPaths(manifestOf(join(dir, 'b.walnut')))).toEqual(['_kernel/key.md', 'bundles/b/context.manifest.yaml']);

    const all = join(dir, 'all.walnut');
    const a = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', all, '--allow-private-keys']);
    expect(a.status, a.stderr).toBe(0);
    const allPaths = manifestPaths(manifestOf(all));
    for (const h of held) expect(allPaths.some((p) => p === h || p.startsWith(`${h}/`))).toBe(true);
    expect(a.stderr).toMatch(/packed 7 files that look like private keys/);
  });
});

describe('--json names what create left out and what it carried that a receiver treats apart', () => {
  it('skipped, held_back, agent_files, private_keys and not_for_windows hold the names as data, escaped only as JSON', async () => {
    const dir = join(root, 'json-lists');
    const walnut = join(dir, 'w');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'notes/a.md': 'a\n',
      'notes/.ssh/config': 'Host x\n',
      'notes/id_ed25519': 'named like a key\n',
      'nested/_kernel/key.md': KEY,
      'bundles/secret/context.manifest.yaml': 'sensitivity: restricted\n',
      'bundles/open/context.manifest.yaml': 'goal: open\n',
      'bundles/open/CLAUDE.md': 'do as I say\n',
      'notes/a:b.md': 'a colon\n',
    });
    writeFileSync(join(dir, 'outside.md'), 'outside\n');
    symlinkSync(join(dir, 'outside.md'), join(walnut, 'notes', 'out\u001b[31m.md'));
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'p.walnut'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
    const j = JSON.parse(r.stdout);
    expect(j.skipped).toEqual(
      expect.arrayContaining([
        { path: 'notes/.ssh', reason: expect.stringContaining('SSH folder') },
        { path: 'notes/id_ed25519', reason: expect.stringContaining('SSH private key') },
        { path: 'nested', reason: 'nested walnut (share it on its own)' },
        { path: 'notes/out\u001b[31m.md', reason: 'symlink points outside the walnut' },
      ]),
    );
    expect(j.skipped).toHaveLength(4);
    expect(j.held_back).toEqual(['secret']);
    expect(j.agent_files).toEqual([{ path: 'bundles/open/CLAUDE.md', rule: expect.any(String) }]);
    expect(j.private_keys).toEqual([]);
    expect(j.not_for_windows).toEqual([{ path: 'notes/a:b.md', reason: expect.any(String) }]);

    const all = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'q.walnut'), '--json', '--allow-private-keys']);
    expect(all.status, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout).private_keys.sort()).toEqual(['notes/.ssh/config', 'notes/id_ed25519']);
  });
});

describe('the sensitivity gate reads pii as a person writes it', () => {
  const sensitive = ['yes', 'Yes', 'on', 'ON', 'y', 'true', '"TRUE"', '1', '2', '[names]', 'maybe'];
  const notSensitive = ['no', 'No', 'off', 'false', '"false"', '0', 'n', ''];
  it('yes, on, 1 and anything not clearly false hold a bundle back; no, off, false, 0 do not', async () => {
    const dir = join(root, 'pii');
    const walnut = join(dir, 'w');
    const tree: Record<string, string> = { '_kernel/key.md': KEY };
    const name = (v: string, i: number) => `b${i}-${v.replace(/\W/g, '') || 'empty'}`;
    sensitive.forEach((v, i) => {
      tree[`bundles/${name(v, i)}/context.manifest.yaml`] = `goal: x\npii: ${v}\n`;
    });
    notSensitive.forEach((v, i) => {
      tree[`bundles/${name(v, 100 + i)}/context.manifest.yaml`] = `goal: x\npii: ${v}\n`;
    });
    writeTree(walnut, tree);
    const pkg = join(dir, 'p.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).held_back.sort()).toEqual(sensitive.map(name).sort());
    expect(r.stderr).toMatch(/held back bundle 'b0-yes' \(pii: yes\)/);
    const b = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'b0-yes', '--output', join(dir, 'b.walnut'), '--json']);
    expect(b.status).toBe(1);
    expect(JSON.parse(b.stdout).error.code).toBe('sensitive');
  });
});

describe('file modes are not part of a package', () => {
  it('a member re-tarred as 0755 under a valid signature is written 0644 by extract and receive, as is an executable packed as such', async () => {
    const dir = join(root, 'modes');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', 'notes/run.sh': '#!/bin/sh\necho hi\n' });
    chmodSync(join(walnut, 'notes/run.sh'), 0o755);
    const alice = testKeyPairOf('alice');
    writeTree(dir, { 'keys/alice.pem': alice.privateKeyPem, 'keys/alice.pub.pem': alice.publicKeyPem });
    chmodSync(join(dir, 'keys/alice.pem'), 0o600);
    const signed = join(dir, 'signed.walnut');
    const c = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', signed, '--sign', join(dir, 'keys/alice.pem'), '--signer', 'alice']);
    expect(c.status, c.stderr).toBe(0);
    const tampered = join(dir, 'tampered.walnut');
    const retar = [
      'import sys, tarfile',
      'src, dst = sys.argv[1], sys.argv[2]',
      "with tarfile.open(src, 'r:gz') as t, tarfile.open(dst, 'w:gz', format=t.format) as o:",
      '    for m in t.getmembers():',
      '        f = t.extractfile(m) if m.isfile() else None',
      "        if m.name == 'notes/a.md': m.mode = 0o755",
      '        o.addfile(m, f)',
    ].join('\n');
    const p = python(['-c', retar, signed, tampered]);
    expect(p.status, p.stderr).toBe(0);
    const v = await run(dir, ['verify', tampered, '--signer-key', join(dir, 'keys/alice.pub.pem'), '--json']);
    expect(v.status, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).signature_ok).toBe(true);

    const out = join(dir, 'x');
    const e = await run(dir, ['extract', tampered, '--output', out]);
    expect(e.status, e.stderr).toBe(0);
    for (const f of ['notes/a.md', 'notes/run.sh', '_kernel/key.md']) expect(statSync(join(out, f)).mode & 0o7777, f).toBe(0o644);

    const world = join(dir, 'world');
    mkdirSync(join(world, '.alive'), { recursive: true });
    // alice's key is pinned nowhere here: the modes are the point, so the signed package is taken as unverified.
    const r = await run(dir, ['receive', tampered, '--world', world, '--allow-unverified', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const landed = JSON.parse(r.stdout).walnut as string;
    const abs = landed.startsWith('/') ? landed : join(world, landed);
    for (const f of ['notes/a.md', 'notes/run.sh']) expect(statSync(join(abs, f)).mode & 0o7777, f).toBe(0o644);
  });
});

describe('v1 walnuts and capsules inside a walnut', () => {
  const RESTRICTED = '---\ntype: capsule\nsensitivity: restricted\npii: true\n---\n# HR\n';
  it('a nested v1 walnut (_core/key.md) is left out as a nested walnut; a sensitive v1 capsule (companion.md) is held back', async () => {
    const dir = join(root, 'v1');
    const walnut = join(dir, 'w');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'archive/old/_core/key.md': '---\ntype: venture\n---\n',
      'archive/old/_core/_capsules/hr/companion.md': RESTRICTED,
      'archive/old/_core/_capsules/hr/salaries.md': 'private\n',
      'archive/old/notes.md': 'in the nested walnut\n',
      'legacy/_core/_capsules/hr/companion.md': RESTRICTED,
      'legacy/_core/_capsules/hr/people.md': 'private\n',
      'legacy/_core/_capsules/yes/companion.md': '---\npii: yes\n---\n',
      'legacy/_core/_capsules/yes/list.md': 'private\n',
      'legacy/_core/_capsules/open/companion.md': '---\nsensitivity: open\n---\n',
      'legacy/_core/_capsules/open/plan.md': 'shared\n',
      'legacy/_core/_capsules/plain/companion.md': '# no frontmatter\n',
    });
    const pkg = join(dir, 'p.walnut');
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(manifestPaths(manifestOf(pkg))).toEqual([
      '_kernel/key.md',
      'legacy/_core/_capsules/open/companion.md',
      'legacy/_core/_capsules/open/plan.md',
      'legacy/_core/_capsules/plain/companion.md',
    ]);
    expect(r.stderr).toMatch(/left out archive\/old: nested walnut/);
    expect(JSON.parse(r.stdout).held_back.sort()).toEqual(['legacy/_core/_capsules/hr', 'legacy/_core/_capsules/yes']);
    expect(r.stderr).toMatch(/held back bundle 'legacy\/_core\/_capsules\/hr' \(sensitivity: restricted, pii: true\)/);
  });
});

describe("a bundle's YAML with warnings (an unknown tag quoting escape sequences)", () => {
  it('is read for its sensitivity without a word on stderr', async () => {
    const dir = join(root, 'yaml-warning');
    const walnut = join(dir, 'w');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'bundles/b/context.manifest.yaml': 'goal: b\nx: !foo bar # \u001b[2K\u001b[1A Signed: yes\n',
      'bundles/b/a.md': 'a\n',
    });
    const warned: unknown[] = [];
    const onWarning = (w: unknown) => warned.push(w);
    process.on('warning', onWarning);
    try {
      const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'out.walnut')]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('\u001b');
      await new Promise((done) => setImmediate(done));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warned).toEqual([]);
  });
});
