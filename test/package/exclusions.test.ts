/**
 * What create leaves out, rule by rule (cli.md 4, walnut-package-v2.md 2.4, 11.2): each rule has
 * a file it must exclude and a near neighbour it must keep, so no assertion passes by packing
 * nothing. Also the sensitivity gate, bundle-name checks, --output safety and atomic output.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { sharedTempDir } from '../support/bundles.ts';
import {
  CLI,
  cli,
  errorLine,
  listFiles,
  manifestOf,
  manifestPaths,
  rmrf,
  sandboxEnv,
  sha256,
  sha256File,
  snapshotTree,
  tempRoot,
  writeTree,
} from './helpers.ts';

/**
 * `alive-p2p <args>` in-process with the sandbox environment of `cli(sandbox, …)`. The rules
 * fixture, the unreadable file (run as another user under root) and the file-size limit run the
 * bundle as a child.
 */
const run = (sandbox: string, args: string[]) => aliveInProcess(args, sandboxEnv(sandbox));

let root: string;
beforeAll(() => {
  root = tempRoot('exclusions');
});
afterAll(() => rmrf(root));

const KEY = '---\ntype: venture\n---\n';

describe('exclusion rules (full scope)', () => {
  let walnut: string;
  let packed: string[];
  let out: string;
  let stderr: string;
  let secret: string;

  const yamlCases = {
    indented: { src: 'goal: x\nactive_sessions:\n  - id: a\n    since: t\n  - id: b\nstatus: active\n', want: 'goal: x\nstatus: active\n' },
    column0: { src: 'goal: y\nactive_sessions:\n- a\n- b\nstatus: ok\n', want: 'goal: y\nstatus: ok\n' },
    crlf: { src: 'a: 1\r\nactive_sessions:\r\n  - s\r\nb: 2\r\n', want: 'a: 1\r\nb: 2\r\n' },
    inline: { src: 'a: 1\nactive_sessions: []\nb: 2\n', want: 'a: 1\nb: 2\n' },
    nestedKept: { src: 'outer:\n  active_sessions:\n    - keep\nz: 1\n', want: 'outer:\n  active_sessions:\n    - keep\nz: 1\n' },
    atEnd: { src: 'a: 1\nactive_sessions:\n  - last', want: 'a: 1\n' },
  };
  const latin1 = Buffer.concat([Buffer.from('title: caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nactive_sessions:\n  - s\nz: 1\n')]);
  const latin1Want = Buffer.concat([Buffer.from('title: caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nz: 1\n')]);

  beforeAll(() => {
    const dir = join(root, 'rules');
    walnut = join(dir, 'ex-walnut');
    secret = join(dir, 'outside-secret.txt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(secret, 'id_rsa private bytes\n');
    mkdirSync(join(dir, 'outside-dir'));
    writeFileSync(join(dir, 'outside-dir', 'x.txt'), 'outside folder\n');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      '_kernel/_generated/now.json': '{}\n',
      'README.md': 'root readme\n',
      // .git at the root and deeper
      '.git/HEAD': 'ref: refs/heads/main\n',
      'engineering/.git/HEAD': 'ref\n',
      'engineering/.gitignore': 'kept: only .git itself is excluded\n',
      // .env* at any depth
      'engineering/.env': 'SECRET=1\n',
      'engineering/.env.local': 'SECRET=2\n',
      'bundles/launch/.env.production': 'SECRET=3\n',
      'engineering/env.md': 'kept\n',
      // OS junk at any depth
      'engineering/.DS_Store': 'junk',
      'bundles/launch/Thumbs.db': 'junk',
      'engineering/deep/desktop.ini': 'junk',
      'engineering/._spec.md': 'appledouble',
      'engineering/_.kept.md': 'kept\n',
      // now.json anywhere, _kernel/_generated anywhere, .alive/_squirrels anywhere
      'engineering/now.json': '{}\n',
      'engineering/now.json.md': 'kept\n',
      'engineering/_kernel/_generated/state.json': '{}\n',
      'engineering/_kernel/notes.md': 'kept: not a walnut (no key.md)\n',
      'engineering/.alive/_squirrels/s.yaml': 'x: 1\n',
      'engineering/.alive/other.md': 'kept: hidden files below the root are packed\n',
      // root dot-entries
      '.hidden.md': 'root dotfile\n',
      '.config/settings.json': '{}\n',
      '.alive/_squirrels/s.yaml': 'x: 1\n',
      'engineering/.prettierrc': 'kept\n',
      // node_modules / __pycache__ at the root only
      'node_modules/pkg/index.js': 'x\n',
      '__pycache__/m.pyc': 'x',
      'engineering/node_modules/local.js': 'kept: only the root folder is excluded\n',
      // .walnutignore
      '.walnutignore': '# comment\n*.log\n!keep.log\ndrafts/\n/root-only.txt\nbundles/launch/raw/*.tmp\n',
      'engineering/debug.log': 'ignored\n',
      'engineering/keep.log': 'kept by negation\n',
      'engineering/drafts/d.md': 'ignored folder\n',
      'bundles/launch/drafts/x.md': 'ignored folder in a bundle\n',
      'engineering/drafts.md': 'kept: a file, not the folder\n',
      'root-only.txt': 'ignored: anchored\n',
      'engineering/root-only.txt': 'kept: the pattern is anchored to the root\n',
      'bundles/launch/raw/scratch.tmp': 'ignored\n',
      'bundles/launch/raw/final.pdf': 'kept\n',
      // YAML stripping
      'bundles/launch/context.manifest.yaml': yamlCases.indented.src,
      'engineering/column0.yaml': yamlCases.column0.src,
      'engineering/crlf.yml': yamlCases.crlf.src,
      'engineering/inline.yaml': yamlCases.inline.src,
      'engineering/nested.yaml': yamlCases.nestedKept.src,
      'engineering/at-end.yaml': yamlCases.atEnd.src,
      'engineering/latin1.yaml': latin1,
      'engineering/not-yaml.md': yamlCases.indented.src,
      // symlink targets inside
      'engineering/real.md': 'the real file\n',
      // nested walnut
      'engineering/sub-walnut/_kernel/key.md': 'nested key\n',
      'engineering/sub-walnut/notes.md': 'nested\n',
    });
    symlinkSync(secret, join(walnut, 'engineering', 'outside.md'));
    symlinkSync('../README.md', join(walnut, 'engineering', 'inside.md'));
    symlinkSync('real.md', join(walnut, 'engineering', 'inside-rel.md'));
    symlinkSync('../bundles/launch', join(walnut, 'engineering', 'linkdir'));
    symlinkSync(join(dir, 'outside-dir'), join(walnut, 'ext'));
    symlinkSync('does-not-exist', join(walnut, 'engineering', 'broken.md'));
    // A chain that leaves the walnut on its second hop.
    symlinkSync('hop2', join(walnut, 'engineering', 'hop1.md'));
    symlinkSync(secret, join(walnut, 'engineering', 'hop2'));

    const pkg = join(dir, 'ex.walnut');
    const r = cli(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]);
    expect(r.status, r.stderr).toBe(0);
    stderr = r.stderr;
    packed = manifestPaths(manifestOf(pkg));
    out = join(dir, 'out');
    const x = cli(dir, ['extract', pkg, '--output', out]);
    expect(x.status, x.stderr).toBe(0);
    expect(listFiles(out)).toEqual([...packed].sort());
  });

  const has = (p: string) => expect(packed, `${p} should be packed`).toContain(p);
  const hasNot = (p: string) => expect(packed, `${p} should be left out`).not.toContain(p);

  it('.git/ at any depth (but not .gitignore)', () => {
    hasNot('.git/HEAD');
    hasNot('engineering/.git/HEAD');
    has('engineering/.gitignore');
  });
  it('.env* at any depth', () => {
    hasNot('engineering/.env');
    hasNot('engineering/.env.local');
    hasNot('bundles/launch/.env.production');
    has('engineering/env.md');
  });
  it('.DS_Store, Thumbs.db, desktop.ini and ._* at any depth', () => {
    for (const p of ['engineering/.DS_Store', 'bundles/launch/Thumbs.db', 'engineering/deep/desktop.ini', 'engineering/._spec.md']) hasNot(p);
    has('engineering/_.kept.md');
  });
  it('now.json anywhere, _kernel/_generated/ anywhere', () => {
    hasNot('_kernel/_generated/now.json');
    hasNot('engineering/now.json');
    hasNot('engineering/_kernel/_generated/state.json');
    has('engineering/now.json.md');
    has('engineering/_kernel/notes.md');
  });
  it('.alive/_squirrels/ anywhere', () => {
    hasNot('.alive/_squirrels/s.yaml');
    hasNot('engineering/.alive/_squirrels/s.yaml');
    has('engineering/.alive/other.md');
  });
  it('dot-entries at the walnut root (hidden files deeper are packed)', () => {
    hasNot('.hidden.md');
    hasNot('.config/settings.json');
    hasNot('.walnutignore');
    has('engineering/.prettierrc');
  });
  it('node_modules and __pycache__ at the root', () => {
    hasNot('node_modules/pkg/index.js');
    hasNot('__pycache__/m.pyc');
    has('engineering/node_modules/local.js');
  });
  it('.walnutignore: globs, negation, folder patterns, anchored patterns', () => {
    hasNot('engineering/debug.log');
    has('engineering/keep.log');
    hasNot('engineering/drafts/d.md');
    hasNot('bundles/launch/drafts/x.md');
    has('engineering/drafts.md');
    hasNot('root-only.txt');
    has('engineering/root-only.txt');
    hasNot('bundles/launch/raw/scratch.tmp');
    has('bundles/launch/raw/final.pdf');
  });
  it('active_sessions: blocks are stripped from YAML (indented, column-0, inline, at EOF), CRLF kept, nested keys kept', () => {
    const read = (p: string) => readFileSync(join(out, p), 'utf8');
    expect(read('bundles/launch/context.manifest.yaml')).toBe(yamlCases.indented.want);
    expect(read('engineering/column0.yaml')).toBe(yamlCases.column0.want);
    expect(read('engineering/crlf.yml')).toBe(yamlCases.crlf.want);
    expect(read('engineering/inline.yaml')).toBe(yamlCases.inline.want);
    expect(read('engineering/nested.yaml')).toBe(yamlCases.nestedKept.want);
    expect(read('engineering/at-end.yaml')).toBe(yamlCases.atEnd.want);
    // Only YAML files are rewritten.
    expect(read('engineering/not-yaml.md')).toBe(yamlCases.indented.src);
    // The walnut itself is untouched.
    expect(readFileSync(join(walnut, 'bundles/launch/context.manifest.yaml'), 'utf8')).toBe(yamlCases.indented.src);
  });
  it('a YAML file that is not UTF-8 does not fail and keeps its other bytes', () => {
    expect(readFileSync(join(out, 'engineering/latin1.yaml')).equals(latin1Want)).toBe(true);
  });
  it('symlinks: out of the walnut left out with a warning; to a file inside packed as a file; to a folder not followed', () => {
    hasNot('engineering/outside.md');
    hasNot('engineering/hop1.md');
    hasNot('engineering/hop2');
    hasNot('ext/x.txt');
    expect(stderr).toMatch(/^warning: left out engineering\/outside\.md: symlink points outside the walnut$/m);
    expect(stderr).toMatch(/^warning: left out engineering\/hop1\.md: symlink points outside the walnut$/m);
    expect(stderr).toMatch(/^warning: left out ext: symlink points outside the walnut$/m);
    has('engineering/inside.md');
    has('engineering/inside-rel.md');
    expect(readFileSync(join(out, 'engineering/inside.md'), 'utf8')).toBe('root readme\n');
    expect(readFileSync(join(out, 'engineering/inside-rel.md'), 'utf8')).toBe('the real file\n');
    expect(packed.some((p) => p.startsWith('engineering/linkdir'))).toBe(false);
    expect(stderr).toMatch(/^warning: left out engineering\/linkdir: symlink to a folder \(not followed\)$/m);
    expect(stderr).toMatch(/^warning: left out engineering\/broken\.md: broken symlink$/m);
    // The secret's bytes are nowhere in the package.
    for (const p of packed) expect(readFileSync(join(out, p)).includes('id_rsa private bytes')).toBe(false);
  });
  it('nested walnuts are not packed', () => {
    hasNot('engineering/sub-walnut/_kernel/key.md');
    hasNot('engineering/sub-walnut/notes.md');
    expect(stderr).toMatch(/warning: left out engineering\/sub-walnut: nested walnut/);
  });
});

describe('sensitivity gate', () => {
  for (const layout of ['v2', 'v3'] as const) {
    describe(`${layout} layout`, () => {
      let dir: string;
      let walnut: string;
      const b = (n: string) => (layout === 'v2' ? `bundles/${n}` : n);

      beforeAll(() => {
        dir = join(root, `sensitive-${layout}`);
        walnut = join(dir, 'sw');
        writeTree(walnut, {
          '_kernel/key.md': KEY,
          [`${b('open')}/context.manifest.yaml`]: 'goal: open\nsensitivity: open\n',
          [`${b('open')}/a.md`]: 'a\n',
          [`${b('secret')}/context.manifest.yaml`]: 'goal: s\nsensitivity: restricted\n',
          [`${b('secret')}/raw/s.md`]: 'restricted\n',
          [`${b('people')}/context.manifest.yaml`]: 'goal: p\npii: true\n',
          [`${b('people')}/list.md`]: 'names\n',
        });
      });

      it('full scope holds sensitive bundles back and names them in held_back', async () => {
        const pkg = join(dir, 'full.walnut');
        const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json']);
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout).held_back).toEqual(['people', 'secret']);
        expect(r.stderr).toMatch(
          /^warning: held back bundle 'secret' \(sensitivity: restricted\); with the owner's yes, pass --allow-sensitive-bundle secret /m,
        );
        expect(r.stderr).toMatch(/^warning: held back bundle 'people' \(pii: true\)/m);
        const paths = manifestPaths(manifestOf(pkg));
        expect(paths).toEqual(['_kernel/key.md', 'bundles/open/a.md', 'bundles/open/context.manifest.yaml']);
      });

      it('bundle scope refuses a sensitive bundle without --allow-sensitive, writing nothing', async () => {
        sandboxEnv(dir); // makes the sandbox's home/ and tmp/ now, so "before" already holds them
        for (const name of ['secret', 'people']) {
          const before = snapshotTree(dir);
          const pkg = join(dir, `${name}.walnut`);
          const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'open', '--bundle', name, '--output', pkg]);
          expect(r.status).toBe(1);
          const line = errorLine(r);
          expect(line).toContain(`'${name}'`);
          expect(line).toMatch(/marked sensitive.*--allow-sensitive/);
          expect(snapshotTree(dir)).toEqual(before);
        }
      });

      it('--allow-sensitive includes them, in bundle and full scope', async () => {
        const pkg = join(dir, 'allowed.walnut');
        const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'secret', '--allow-sensitive', '--output', pkg]);
        expect(r.status, r.stderr).toBe(0);
        expect(manifestPaths(manifestOf(pkg))).toEqual(['_kernel/key.md', 'bundles/secret/context.manifest.yaml', 'bundles/secret/raw/s.md']);
        const full = join(dir, 'full-allowed.walnut');
        const f = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--allow-sensitive', '--output', full, '--json']);
        expect(f.status, f.stderr).toBe(0);
        expect(JSON.parse(f.stdout).held_back).toEqual([]);
        expect(JSON.parse(f.stdout).sensitive_included).toEqual(['people', 'secret']);
        expect(f.stderr).toMatch(/^warning: packed 2 bundles marked sensitive: 'people' \(pii: true\), 'secret' \(sensitivity: restricted\)/m);
        expect(manifestPaths(manifestOf(full))).toContain('bundles/people/list.md');
      });

      it('--allow-sensitive-bundle NAME packs that bundle only: the owner said yes to it, not to the others', async () => {
        const full = join(dir, 'one-yes.walnut');
        const f = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--allow-sensitive-bundle', 'secret', '--output', full, '--json']);
        expect(f.status, f.stderr).toBe(0);
        const out = JSON.parse(f.stdout);
        expect([out.held_back, out.sensitive_included]).toEqual([['people'], ['secret']]);
        expect(f.stderr).toMatch(
          /^warning: held back bundle 'people' \(pii: true\); with the owner's yes, pass --allow-sensitive-bundle people to include it/m,
        );
        expect(f.stderr).toMatch(/^warning: packed 1 bundle marked sensitive: 'secret' \(sensitivity: restricted\); anyone who opens the package can read it/m);
        const paths = manifestPaths(manifestOf(full));
        expect(paths).toContain('bundles/secret/raw/s.md');
        expect(paths.some((p) => p.startsWith('bundles/people/'))).toBe(false);
        // Bundle scope: each sensitive bundle named needs its own yes.
        const two = join(dir, 'two-named.walnut');
        const refused = await run(dir, [
          'create',
          '--walnut',
          walnut,
          '--scope',
          'bundle',
          '--bundle',
          'secret',
          '--bundle',
          'people',
          '--allow-sensitive-bundle',
          'secret',
          '--output',
          two,
        ]);
        expect(refused.status).toBe(1);
        expect(errorLine(refused)).toMatch(/'people' \(pii: true\) is marked sensitive; .* --allow-sensitive-bundle people to share anyway/);
        expect(existsSync(two)).toBe(false);
        const both = await run(dir, [
          'create',
          '--walnut',
          walnut,
          '--scope',
          'bundle',
          '--bundle',
          'secret',
          '--bundle',
          'people',
          '--allow-sensitive-bundle',
          'secret',
          '--allow-sensitive-bundle',
          'people',
          '--output',
          two,
        ]);
        expect(both.status, both.stderr).toBe(0);
      });

      it('--allow-sensitive-bundle naming no bundle (a typo) is refused before anything is written', async () => {
        sandboxEnv(dir);
        const before = snapshotTree(dir);
        const r = await run(dir, [
          'create',
          '--walnut',
          walnut,
          '--scope',
          'full',
          '--allow-sensitive-bundle',
          'secert',
          '--output',
          join(dir, 'typo.walnut'),
          '--json',
        ]);
        expect(r.status).toBe(1);
        expect(JSON.parse(r.stdout).error).toMatchObject({
          code: 'no_bundle',
          message: expect.stringMatching(/'secert' names no bundle .*bundles here: .*secret/),
        });
        expect(snapshotTree(dir)).toEqual(before);
      });
    });
  }
});

describe('bundle names and scope flags', () => {
  let dir: string;
  let walnut: string;
  beforeAll(() => {
    dir = join(root, 'names');
    walnut = join(dir, 'nw');
    writeTree(walnut, {
      '_kernel/key.md': KEY,
      'bundles/launch/context.manifest.yaml': 'goal: l\n',
      'bundles/.hidden/context.manifest.yaml': 'goal: h\n',
    });
    sandboxEnv(dir);
  });

  const cases: Array<{ name: string; args: string[]; status: number; message: RegExp }> = [
    {
      name: 'a ../ name',
      args: ['--scope', 'bundle', '--bundle', '../bundles/launch'],
      status: 2,
      message: /bundle name '\.\.\/bundles\/launch' contains a path separator/,
    },
    { name: 'a bare ..', args: ['--scope', 'bundle', '--bundle', '..'], status: 2, message: /bundle name '\.\.' starts with a dot/ },
    { name: 'a nested name a/b', args: ['--scope', 'bundle', '--bundle', 'launch/raw'], status: 2, message: /'launch\/raw' contains a path separator/ },
    { name: 'a backslash', args: ['--scope', 'bundle', '--bundle', 'launch\\x'], status: 2, message: /contains a path separator/ },
    { name: 'a dot-name', args: ['--scope', 'bundle', '--bundle', '.hidden'], status: 2, message: /'\.hidden' starts with a dot/ },
    { name: 'a duplicate', args: ['--scope', 'bundle', '--bundle', 'launch', '--bundle', 'launch'], status: 2, message: /bundle 'launch' is named twice/ },
    {
      name: 'an unknown bundle',
      args: ['--scope', 'bundle', '--bundle', 'nope'],
      status: 1,
      message: /bundle 'nope' not found in .* \(bundles here: launch\)/,
    },
    { name: 'bundle scope without --bundle', args: ['--scope', 'bundle'], status: 2, message: /--scope bundle needs at least one --bundle/ },
    { name: '--bundle with full scope', args: ['--scope', 'full', '--bundle', 'launch'], status: 2, message: /--bundle only goes with --scope bundle/ },
    { name: 'an unknown scope', args: ['--scope', 'everything'], status: 2, message: /--scope must be full, bundle or snapshot/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} and writes nothing`, async () => {
      const before = snapshotTree(dir);
      const r = await run(dir, ['create', '--walnut', walnut, '--output', join(dir, 'x.walnut'), ...c.args]);
      expect(r.status, r.stderr).toBe(c.status);
      expect(r.stderr).toMatch(new RegExp(`^error: .*${c.message.source}`, 'm'));
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }
});

describe('--output safety', () => {
  let dir: string;
  let walnut: string;
  beforeAll(() => {
    dir = join(root, 'output');
    walnut = join(dir, 'ow');
    writeTree(walnut, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', 'notes/b.md': 'b\n' });
    sandboxEnv(dir);
  });

  it('never overwrites an existing file', async () => {
    const existing = join(dir, 'existing.walnut');
    writeFileSync(existing, 'precious');
    const before = snapshotTree(dir);
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', existing]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/existing\.walnut already exists; choose another --output/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses an --output in a folder that does not exist, creating nothing', async () => {
    const before = snapshotTree(dir);
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'no', 'such', 'x.walnut')]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/does not exist/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an unreadable file in the walnut fails the create with no output and no partial file', () => {
    // root reads anything: run the CLI as an unprivileged user then, on a world-accessible tree in
    // a folder every user can traverse (wherever the clone and TMPDIR live), with this run's bundle
    // (which lives in such a folder too).
    const asRoot = process.getuid?.() === 0;
    const base = asRoot ? sharedTempDir('exclusions-locked') : join(dir, 'locked-base');
    if (asRoot) onTestFinished(() => rmrf(base));
    const w = join(base, 'locked');
    writeTree(w, { '_kernel/key.md': KEY, 'notes/a.md': 'a\n', 'notes/locked.md': 'locked\n', 'notes/z.md': 'z\n' });
    chmodSync(join(w, 'notes/locked.md'), 0o000);
    const outDir = join(base, 'locked-out');
    mkdirSync(outDir);
    // The sandbox's HOME and TMPDIR exist before the snapshot (as an ordinary user too).
    const opts: Parameters<typeof cli>[2] = { env: sandboxEnv(outDir) };
    if (asRoot) {
      for (const d of [base, w, join(w, '_kernel'), join(w, 'notes'), outDir, join(outDir, 'home'), join(outDir, 'tmp')]) chmodSync(d, 0o777);
      Object.assign(opts, { uid: 65534, gid: 65534, cwd: outDir });
    }
    const before = snapshotTree(outDir);
    const r = cli(outDir, ['create', '--walnut', w, '--scope', 'full', '--output', join(outDir, 'x.walnut')], opts);
    expect(r.status, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/notes\/locked\.md/);
    expect(errorLine(r)).toBe('error: cannot read notes/locked.md (EACCES); fix its permissions or add it to .walnutignore, then try again');
    expect(snapshotTree(outDir)).toEqual(before);
  });

  /** Runs the CLI under `ulimit -f` (1024-byte blocks): writes past the limit fail with EFBIG. */
  const underFileLimit = (blocks: number, args: string[], envDir: string) =>
    spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, CLI, ...args], { env: sandboxEnv(envDir), encoding: 'utf8' });

  it('a write that fails part-way (file size limit) leaves no output and no partial file; so does such an extract', async () => {
    const w = join(dir, 'big');
    // Incompressible data, so the package itself passes the limit.
    const blob = Buffer.alloc(3 * 1024 * 1024);
    let x = 1;
    for (let i = 0; i < blob.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      blob[i] = x >> 16;
    }
    writeTree(w, { '_kernel/key.md': KEY, 'raw/blob.bin': blob });
    const outDir = join(dir, 'big-out');
    mkdirSync(outDir);
    const before = snapshotTree(outDir);
    const r = underFileLimit(1024, ['create', '--walnut', w, '--scope', 'full', '--output', join(outDir, 'x.walnut')], join(dir, 'big-env'));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write .*x\.walnut \(EFBIG\); check the free space/m);
    expect(r.stderr).not.toMatch(/unexpected failure|^\s+at /m);
    expect(snapshotTree(outDir)).toEqual(before);
    expect(readdirSync(outDir)).toEqual([]);

    // Without the limit the same create works; extracting it under the limit fails cleanly.
    const pkg = join(dir, 'big.walnut');
    expect((await run(dir, ['create', '--walnut', w, '--scope', 'full', '--output', pkg])).status).toBe(0);
    const e = underFileLimit(1024, ['extract', pkg, '--output', join(outDir, 'dest')], join(dir, 'big-env'));
    expect(e.status, e.stderr).toBe(1);
    expect(e.stderr).toMatch(/^error: cannot write raw\/blob\.bin while unpacking \(EFBIG\)/m);
    expect(snapshotTree(outDir)).toEqual(before);
    expect(sha256File(join(w, 'raw/blob.bin'))).toBe(sha256(blob));
  });
});
