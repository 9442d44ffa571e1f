/**
 * The v3 generation (issue 12): a v3 walnut (root bundles holding context.manifest.yaml, kernel
 * JSON files) survives create → receive with every file; plain packages carry the v3
 * `payload_sha256` (the files digest of walnut-v3-notes.md 1.4), which our reader checks.
 * Everything runs in-process; the v3 reference itself is exercised by the opt-in script
 * tools/v3-interop.sh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { verifyPackageDetailed } from '../../scripts/lib/package/verify.ts';
import { parseManifest, sortFiles } from '../../scripts/lib/package/manifest.ts';
import { packageCryptoFrom } from '../../scripts/lib/package/crypto-adapter.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { filesDigestV3 } from '../../scripts/lib/package/v3.ts';
import { pbkdf2Iterations, setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { makeWorld, subtree, testEnv, tree, write, writePackage } from '../receive/helpers.ts';
import { rmrf, tempRoot } from './helpers.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { opensslOk, testKeys, type TestKeys } from '../crypto/helpers.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { testKeyPair } from '../support/test-keys.ts';

const MAX = 1 << 30;
let root: string;

beforeAll(() => {
  root = tempRoot('v3gen');
});
afterAll(() => rmrf(root));

/** A walnut in the v3 layout, as the v3 plugin keeps one (walnut-v3-notes.md 1.2). */
let v3Files: Record<string, string> = {};

function v3Walnut(dir: string): Record<string, string> {
  const files: Record<string, string> = {
    '_kernel/key.md': '---\ntype: venture\ngoal: ship nova\n---\n# Nova\n',
    '_kernel/log.md': '---\nwalnut: nova\n---\n\n## 2026-03-01 entry\nstarted\nsigned: squirrel:abc\n',
    '_kernel/insights.md': '---\nwalnut: nova\n---\n# Insights\n',
    '_kernel/tasks.json': '{\n  "tasks": [\n    {"id": "t1", "title": "draft launch post", "status": "open"}\n  ]\n}\n',
    '_kernel/completed.json': '{\n  "completed": [\n    {"id": "t0", "title": "pick a name"}\n  ]\n}\n',
    '_kernel/config.yaml': 'voice: plain\nreview_cadence: weekly\n',
    '_kernel/notes/decisions.md': '# Decisions\n- ship in spring\n',
    'launch/context.manifest.yaml': 'goal: launch\nstatus: active\n',
    'launch/tasks.json': '{"tasks": []}\n',
    'launch/drafts/post.md': 'Launch post draft\n',
    'research/context.manifest.yaml': 'goal: research\nstatus: draft\n',
    'research/raw/interview.md': 'notes from an interview\n',
    'docs/plan.md': 'the plan\n',
  };
  // Generated or machine-local: never packed (walnut-v3-notes.md 1.2, system excludes).
  const excluded: Record<string, string> = {
    '_kernel/now.json': '{"phase": "building"}\n',
    '_kernel/imports.json': '{"imports": []}\n',
    '_kernel/_generated/index.json': '{}\n',
    '_kernel/history/2026-02.md': '# old chapter\n',
    '_kernel/links.yaml': 'links: []\n',
    '_kernel/people.yaml': 'people: []\n',
  };
  for (const [p, c] of Object.entries({ ...files, ...excluded })) write(join(dir, p), c);
  v3Files = files;
  return files;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

describe('a v3 walnut survives create → receive with every file', () => {
  it('a full package carries the whole _kernel/ except generated and machine-local files', async () => {
    const walnut = join(root, 'src1', 'nova');
    const files = v3Walnut(walnut);
    const pkg = join(root, 'nova-full.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const m = parseManifest(execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString());
    const kernel = m.files.map((f) => f.path).filter((p) => p.startsWith('_kernel/'));
    expect(kernel.sort()).toEqual(
      Object.keys(files)
        .filter((p) => p.startsWith('_kernel/'))
        .sort(),
    );
  });

  it('receive restores every file: kernel JSON files, config, root bundles, live context', async () => {
    const base = join(root, 'rt');
    const walnut = join(base, 'src', 'nova');
    const files = v3Walnut(walnut);
    const pkg = join(base, 'nova.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    const got = subtree(tree(world), '03_Inbox/nova');
    for (const [p, content] of Object.entries(files)) {
      if (p === '_kernel/log.md') continue; // receive prepends its entry; checked below
      expect(got.get(p), p).toBe(hash(content));
    }
    const log = readFileSync(join(world, '03_Inbox', 'nova', '_kernel', 'log.md'), 'utf8');
    expect(log).toContain('## 2026-03-01 entry\nstarted\nsigned: squirrel:abc\n');
    // The receiver regenerates now.json; the sender's excluded files never arrive.
    for (const p of ['_kernel/imports.json', '_kernel/_generated/index.json', '_kernel/history/2026-02.md', '_kernel/links.yaml', '_kernel/people.yaml']) {
      expect(got.has(p), p).toBe(false);
    }
  });
});

describe('plain packages carry the v3 payload_sha256', () => {
  it('is the files digest of the manifest (walnut-v3-notes.md 1.4), recomputed here independently', async () => {
    const walnut = join(root, 'src2', 'nova');
    v3Walnut(walnut);
    const pkg = join(root, 'digest.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const m = parseManifest(execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString());
    expect(m.format_version).toBe('2.0.0');
    const h = createHash('sha256');
    const sorted = [...m.files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
    for (const f of sorted)
      h.update(Buffer.concat([Buffer.from(f.path), Buffer.from([0]), Buffer.from(f.sha256), Buffer.from([0]), Buffer.from(`${f.size}\n`)]));
    expect(m.payload_sha256).toBe(h.digest('hex'));
  });

  it('our reader refuses a plain 2.0 package whose payload_sha256 disagrees with its file list', async () => {
    const files = { '_kernel/key.md': 'k\n', 'notes/a.md': 'a\n' };
    const lines = [
      'format_version: "2.0.0"',
      'source:',
      '  walnut: nova',
      'scope: full',
      'created: "2026-01-01T00:00:00Z"',
      'encrypted: false',
      `payload_sha256: "${'0'.repeat(64)}"`,
      'files:',
    ];
    for (const [p, c] of Object.entries(files)) lines.push(`  - path: ${p}`, `    sha256: ${hash(c)}`, `    size: ${c.length}`);
    const pkg = await writePackage(join(root, 'edited.walnut'), `${lines.join('\n')}\n`, files);
    const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
    expect(v.result).toMatchObject({ ok: false, code: 'payload_mismatch' });
  });
});

describe('create --format 2.1 writes the v3 generation (walnut-v3-notes.md 1.2, 1.4, 1.7)', () => {
  let keys: TestKeys;
  let walnut: string;
  const PASS = 'v3 passphrase';
  let restoreEnv: () => void = () => {};

  beforeAll(async () => {
    keys = await testKeys();
    walnut = join(root, 'src21', 'nova');
    v3Walnut(walnut);
    const home = join(root, 'home21');
    restoreEnv = setProcessEnv({ HOME: home, ALIVE_HOME: join(home, '.alive'), ALIVE_SESSION_ID: 'sess-21', WALNUT_PASSPHRASE: undefined });
  });
  afterAll(() => restoreEnv());

  async function create(name: string, args: string[], env: Record<string, string> = {}): Promise<string> {
    const pkg = join(root, name);
    Object.assign(process.env, env);
    try {
      const r = await runCaptured(createCommand, ['--walnut', walnut, '--format', '2.1', '--output', pkg, ...args]);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
    return pkg;
  }

  /** `recipients`: the key fingerprints an RSA package names last, sorted (package/recipients.ts). */
  function checkV3Manifest(text: string, scope: string, recipients: string[] = []): void {
    const keysInOrder = text
      .split('\n')
      .filter((l) => /^[a-z_0-9]+:/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    const expected = [
      'format_version',
      'source_layout',
      'min_plugin_version',
      'created',
      'scope',
      'source',
      'sender',
      'description',
      'note',
      'exclusions_applied',
      'substitutions_applied',
      ...(scope === 'bundle' ? ['bundles'] : []),
      'payload_sha256',
      'files',
      'encryption',
      ...(recipients.length > 0 ? ['recipients'] : []),
    ];
    expect(keysInOrder).toEqual(expected);
    expect(text).toMatch(/^format_version: "2\.1\.0"\nsource_layout: "v3"\nmin_plugin_version: "3\.1\.0"\ncreated: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    expect(text).toContain(`\nscope: "${scope}"\nsource:\n  engine: "alive-ts"\n  plugin_version: "`);
    expect(text).toContain('\n  session_id: "sess-21"\n  walnut: "nova"\n');
    expect(text).toContain('\nexclusions_applied: []\nsubstitutions_applied: []\n');
    const tail =
      recipients.length > 0
        ? `recipients:\n${[...recipients]
            .sort()
            .map((r) => `  - "${r}"\n`)
            .join('')}`
        : '';
    expect(text.endsWith(`\nencryption: "none"\n${tail}`)).toBe(true);
    // Every string quoted; sizes bare; sha256 and payload digest recomputed independently.
    const m = parseManifest(text);
    for (const f of m.files) expect(text).toContain(`  - path: "${f.path}"\n    sha256: "${f.sha256}"\n    size: ${f.size}\n`);
    const h = createHash('sha256');
    for (const f of [...m.files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) h.update(`${f.path}\0${f.sha256}\0${f.size}\n`);
    expect(m.payload_sha256).toBe(h.digest('hex'));
  }

  function members(listing: string): string[] {
    // `tar -tv` lines: every member must be a regular file ('-'), never a folder or anything else.
    const lines = listing.trim().split('\n');
    for (const l of lines) expect(l[0], l).toBe('-');
    return lines.map((l) => l.split(/\s+/).slice(5).join(' ')).sort();
  }

  it('plain: one gzip tar of regular files, manifest in the v3 dialect, bundles at the root, a README primer', async () => {
    const pkg = await create('v21-plain.walnut', ['--scope', 'full']);
    expect(readFileSync(pkg).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const names = members(execFileSync('tar', ['-tzvf', pkg]).toString());
    expect(names).toContain('launch/context.manifest.yaml');
    expect(names).toContain('_kernel/tasks.json');
    expect(names).toContain('README.md');
    expect(names.some((n) => n.startsWith('bundles/'))).toBe(false);
    const text = execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString();
    checkV3Manifest(text, 'full');
    const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
    expect(v.result).toMatchObject({ ok: true, format_version: '2.1.0' });
    expect(v.read?.envelope).toBe('v3-plain');
  });

  it('bundle scope lists its bundles, quoted', async () => {
    const pkg = await create('v21-bundle.walnut', ['--scope', 'bundle', '--bundle', 'launch']);
    const text = execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString();
    checkV3Manifest(text, 'bundle');
    expect(text).toContain('\nbundles:\n  - "launch"\npayload_sha256:');
  });

  // The format's count (pbkdf2Iterations(), 600000) is proven byte for byte against openssl in
  // test/crypto/passphrase.test.ts: here the test knob's 1000 rounds, which openssl is told, show
  // that the v3 writer derives with that count and no other.
  it('passphrase: the whole file is openssl enc output (PBKDF2-SHA256 at the format count) of the gzip tar', async () => {
    setPbkdf2IterationsForTests(1000);
    process.env.WALNUT_PASSPHRASE = PASS;
    try {
      const pkg = await create('v21-pass.walnut', ['--scope', 'full', '--encrypt', 'passphrase']);
      expect(readFileSync(pkg).subarray(0, 8).toString('latin1')).toBe('Salted__');
      const iterations = String(pbkdf2Iterations());
      const plain = opensslOk(['enc', '-d', '-aes-256-cbc', '-pbkdf2', '-iter', iterations, '-md', 'sha256', '-in', pkg, '-pass', 'env:WALNUT_PASSPHRASE'], {
        passphrase: PASS,
      });
      const inner = join(root, 'v21-pass.inner.tar.gz');
      writeFileSync(inner, plain);
      checkV3Manifest(execFileSync('tar', ['-xzOf', inner, 'manifest.yaml']).toString(), 'full');
      const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
      expect(v.read?.envelope).toBe('v3-passphrase');
    } finally {
      delete process.env.WALNUT_PASSPHRASE;
      setPbkdf2IterationsForTests(undefined);
    }
  });

  it('RSA: an uncompressed tar of rsa-envelope-v1.json and payload.enc, one AES key wrapped for every recipient', async () => {
    const pkg = await create('v21-rsa.walnut', ['--scope', 'full', '--encrypt', 'rsa', '--recipient', keys.alice.publicPem, '--recipient', keys.bob.publicPem]);
    expect(members(execFileSync('tar', ['-tvf', pkg]).toString())).toEqual(['payload.enc', 'rsa-envelope-v1.json']);
    const envText = execFileSync('tar', ['-xOf', pkg, 'rsa-envelope-v1.json']).toString();
    const env = JSON.parse(envText) as {
      version: number;
      payload_algo: string;
      payload_iv_b64: string;
      recipients: Array<{ pubkey_id: string; key_enc_b64: string }>;
    };
    // Indented, key-sorted JSON with a trailing newline.
    expect(envText).toBe(
      `${JSON.stringify({ payload_algo: env.payload_algo, payload_iv_b64: env.payload_iv_b64, recipients: env.recipients, version: env.version }, null, 2)}\n`,
    );
    expect(env).toMatchObject({ version: 1, payload_algo: 'aes-256-cbc' });
    expect(Buffer.from(env.payload_iv_b64, 'base64')).toHaveLength(16);
    const idOf = (pem: string) =>
      createHash('sha256')
        .update(opensslOk(['pkey', '-pubin', '-in', pem, '-outform', 'DER']))
        .digest('hex')
        .slice(0, 16);
    expect(env.recipients.map((r) => r.pubkey_id)).toEqual([idOf(keys.alice.publicPem), idOf(keys.bob.publicPem)]);
    // Each recipient's private key unwraps the same 32-byte key with openssl, which opens payload.enc.
    const payload = join(root, 'v21-rsa.payload.enc');
    writeFileSync(payload, execFileSync('tar', ['-xOf', pkg, 'payload.enc']));
    const aesKeys = [keys.alice, keys.bob].map((k, i) => {
      const wrapped = join(root, `v21-rsa.key${i}`);
      writeFileSync(wrapped, Buffer.from(env.recipients[i]!.key_enc_b64, 'base64'));
      return opensslOk([
        'pkeyutl',
        '-decrypt',
        '-inkey',
        k.privatePem,
        '-in',
        wrapped,
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
        '-pkeyopt',
        'rsa_mgf1_md:sha256',
      ]);
    });
    expect(aesKeys[0]).toHaveLength(32);
    expect(aesKeys[0]!.equals(aesKeys[1]!)).toBe(true);
    const inner = opensslOk([
      'enc',
      '-d',
      '-aes-256-cbc',
      '-K',
      aesKeys[0]!.toString('hex'),
      '-iv',
      Buffer.from(env.payload_iv_b64, 'base64').toString('hex'),
      '-in',
      payload,
    ]);
    const innerPath = join(root, 'v21-rsa.inner.tar.gz');
    writeFileSync(innerPath, inner);
    // The keys' fingerprints as docs/crypto.md checks one by hand: SHA-256 of openssl's DER.
    const fingerprints = [keys.alice, keys.bob].map((k) =>
      createHash('sha256')
        .update(opensslOk(['pkey', '-pubin', '-in', k.publicPem, '-outform', 'DER']))
        .digest('hex'),
    );
    checkV3Manifest(execFileSync('tar', ['-xzOf', innerPath, 'manifest.yaml']).toString(), 'full', fingerprints);
    for (const k of [keys.alice, keys.bob]) {
      const v = await verifyPackageDetailed(pkg, { maxSize: MAX, privateKeyPath: k.privatePem });
      expect(v.read?.envelope).toBe('v3-rsa');
    }
  });

  it('a 2.1 package of a v3 walnut survives receive with every file', async () => {
    const pkg = await create('v21-rt.walnut', ['--scope', 'full', '--encrypt', 'rsa', '--recipient', keys.bob.publicPem]);
    const base = join(root, 'rt21');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, crypto: packageCryptoFrom({ privateKeyPath: keys.bob.privatePem, env }) });
    const got = subtree(tree(world), '03_Inbox/nova');
    for (const [p, content] of Object.entries(v3Files)) {
      if (p === '_kernel/log.md') continue;
      expect(got.get(p), p).toBe(hash(content));
    }
    expect(got.has('README.md')).toBe(false);
  });

  it('refuses a v2 walnut whose bundle would meet a live-context folder of the same name at the root', async () => {
    const w = join(root, 'src21c', 'nova');
    write(join(w, '_kernel', 'key.md'), 'k\n');
    write(join(w, 'bundles', 'docs', 'context.manifest.yaml'), 'goal: docs\n');
    write(join(w, 'docs', 'plan.md'), 'live\n');
    const pkg = join(root, 'v21-collide.walnut');
    const r = await runCaptured(createCommand, ['--walnut', w, '--format', '2.1', '--scope', 'full', '--output', pkg, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('bundle_collision');
    expect(r.stderr).toMatch(/bundle 'docs' would meet the walnut's own 'docs'.*--format 2\.0/);
    expect(existsSync(pkg)).toBe(false);
  });

  it('refuses an RSA envelope for more recipients than readers open (64), before any work', async () => {
    const w = join(root, 'src21many', 'nova');
    v3Walnut(w);
    const pem = join(root, 'many-recipient.pem');
    write(pem, testKeyPair(0).publicKeyPem);
    const pkg = join(root, 'v21-many.walnut');
    const recipients = Array.from({ length: 65 }, () => ['--recipient', pem]).flat();
    const r = await runCaptured(createCommand, ['--walnut', w, '--scope', 'full', '--format', '2.1', '--encrypt', 'rsa', ...recipients, '--output', pkg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at most 64 --recipient/);
    expect(existsSync(pkg)).toBe(false);
  });

  it("the walnut's own README.md gives way to the primer, with a warning", async () => {
    const w = join(root, 'src21r', 'nova');
    v3Walnut(w);
    write(join(w, 'README.md'), '# my own readme\n');
    const pkg = join(root, 'v21-readme.walnut');
    const r = await runCaptured(createCommand, ['--walnut', w, '--format', '2.1', '--scope', 'full', '--output', pkg]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: left out README\.md: in format 2\.1/);
    expect(execFileSync('tar', ['-xzOf', pkg, 'README.md']).toString()).not.toContain('my own readme');
  });
});

describe("v3's files digest (payload_sha256)", () => {
  it('is SHA-256 over the files sorted by code point: UTF-8 path, NUL, hex sha256, NUL, decimal size, LF (a vector computed with Python hashlib)', () => {
    // U+1F600 sorts after U+E000 by code point, though its first UTF-16 unit (0xD83D) is smaller.
    const files = [
      { path: 'z/\u{1F600}.md', sha256: '1'.repeat(64), size: 7 },
      { path: 'a/é.md', sha256: '0'.repeat(64), size: 3 },
      { path: 'z/\uE000.md', sha256: '2'.repeat(64), size: 8 },
      { path: 'B.md', sha256: 'f'.repeat(64), size: 12345 },
    ];
    expect(filesDigestV3(files)).toBe('2db584cb31c6ddb479024fcddc697268da7ddbbc23790f58a32f0e5b896b9535');
    expect(sortFiles(files).map((f) => f.path)).toEqual(['B.md', 'a/é.md', 'z/\uE000.md', 'z/\u{1F600}.md']);
  });
});
