/**
 * Round trips (cli.md 4, walnut-package-v2.md 2.4): every scope from both walnut layouts is
 * created, verified and extracted; the extracted tree is exactly the scope's files at their package
 * paths (bundles always under bundles/<name>/), with the walnut's bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { cli, listFiles, manifestOf, manifestPaths, rmrf, sandboxEnv, sha256, sha256File, tempRoot, writeTree } from './helpers.ts';

/**
 * `alive-p2p <args>` in `sandbox`: in-process by default; `viaBundle` runs the built bundle as a
 * child (the v2 full-scope round trip does, end to end).
 */
const run = async (sandbox: string, args: string[], viaBundle = false) => (viaBundle ? cli(sandbox, args) : aliveInProcess(args, sandboxEnv(sandbox)));

type Layout = 'v2' | 'v3';
type Scope = 'full' | 'bundle' | 'snapshot';

const BIN = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) % 251));

/** Package path → walnut-relative source path, per layout. */
function walnutFiles(layout: Layout): Record<string, { source: string; data: string | Buffer }> {
  const b = (name: string) => (layout === 'v2' ? `bundles/${name}` : name);
  const files: Record<string, { source: string; data: string | Buffer }> = {};
  const add = (pkgPath: string, source: string, data: string | Buffer) => {
    files[pkgPath] = { source, data };
  };
  add('_kernel/key.md', '_kernel/key.md', '---\ntype: venture\ngoal: ship\n---\n# Key\n');
  add('_kernel/log.md', '_kernel/log.md', '---\nwalnut: rt\nentry-count: 1\n---\n## 2026-04-01 — squirrel:abc\nsigned: squirrel:abc\n');
  add('_kernel/insights.md', '_kernel/insights.md', '# Insights\n');
  // The whole kernel travels in full scope (issue 12), not only key, log and insights.
  add('_kernel/tasks.json', '_kernel/tasks.json', '{"tasks":[]}\n');
  add('bundles/launch/context.manifest.yaml', `${b('launch')}/context.manifest.yaml`, 'goal: launch\nstatus: active\n');
  add('bundles/launch/tasks.md', `${b('launch')}/tasks.md`, '- [ ] ship\n');
  add('bundles/launch/raw/deck.bin', `${b('launch')}/raw/deck.bin`, BIN);
  add('bundles/research/context.manifest.yaml', `${b('research')}/context.manifest.yaml`, 'goal: research\n');
  add('bundles/research/notes/paper.md', `${b('research')}/notes/paper.md`, 'notes\n');
  add('README.md', 'README.md', '# Walnut readme\n');
  add('engineering/spec.md', 'engineering/spec.md', 'spec\n');
  add('engineering/empty.txt', 'engineering/empty.txt', '');
  return files;
}

/** Kernel and system files that no scope packs. */
function neverPacked(layout: Layout): Record<string, string> {
  return {
    [layout === 'v2' ? '_kernel/_generated/now.json' : '_kernel/now.json']: '{"phase":"x"}\n',
    '_kernel/history/chapter-01.md': 'old chapter\n',
    '_kernel/links.yaml': 'links: []\n',
    '_kernel/people.yaml': 'people: []\n',
    '.alive/_squirrels/s1.yaml': 'session: 1\n',
  };
}

function expectedFor(scope: Scope, all: Record<string, { source: string; data: string | Buffer }>): string[] {
  const keys = Object.keys(all);
  if (scope === 'full') return keys.sort();
  if (scope === 'snapshot') return ['_kernel/insights.md', '_kernel/key.md'];
  return keys.filter((k) => k === '_kernel/key.md' || k.startsWith('bundles/launch/')).sort();
}

let root: string;
beforeAll(() => {
  root = tempRoot('roundtrip');
});
afterAll(() => rmrf(root));

for (const layout of ['v2', 'v3'] as const) {
  describe(`${layout} layout`, () => {
    let walnut: string;
    const files = walnutFiles(layout);

    beforeAll(() => {
      walnut = join(root, layout, 'rt-walnut');
      writeTree(walnut, Object.fromEntries(Object.values(files).map((f) => [f.source, f.data])));
      writeTree(walnut, neverPacked(layout));
    });

    for (const scope of ['full', 'bundle', 'snapshot'] as const) {
      it(`${scope} scope: create, verify, extract give back the walnut's bytes`, async () => {
        const viaBundle = layout === 'v2' && scope === 'full';
        const dir = join(root, layout, scope);
        mkdirSync(dir, { recursive: true });
        const pkg = join(dir, `${scope}.walnut`);
        const args = ['create', '--walnut', walnut, '--scope', scope, '--output', pkg, '--json'];
        if (scope === 'bundle') args.push('--bundle', 'launch');
        const c = await run(dir, args, viaBundle);
        expect(c.status, c.stderr).toBe(0);
        const expected = expectedFor(scope, files);
        const created = JSON.parse(c.stdout);
        expect(created).toEqual({
          ok: true,
          path: pkg,
          sha256: sha256File(pkg),
          scope,
          files: expected.length,
          // The content's size, as verify and info report it; package_bytes is the file's.
          bytes: expected.reduce((n, p) => n + Buffer.byteLength(files[p]!.data), 0),
          package_bytes: statSync(pkg).size,
          encrypted: false,
          envelope: 'plain',
          signed: false,
          held_back: [],
          sensitive_included: [],
          // What the warnings name (none here): what was left out, agent files, keys, Windows names.
          skipped: [],
          agent_files: [],
          private_keys: [],
          not_for_windows: [],
        });

        // The manifest lists exactly the scope's files, sorted, and the archive follows that order.
        const text = manifestOf(pkg);
        expect(manifestPaths(text)).toEqual(expected);
        expect(text).toContain(`scope: ${scope}\n`);
        if (scope === 'bundle') expect(text).toContain('\nbundles:\n  - launch\n');
        else expect(text).not.toContain('\nbundles:');

        const v = await run(dir, ['verify', pkg, '--json'], viaBundle);
        expect(v.status, v.stderr).toBe(0);
        expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, scope, files: expected.length });

        const out = join(dir, 'out');
        const x = await run(dir, ['extract', pkg, '--output', out, '--json'], viaBundle);
        expect(x.status, x.stderr).toBe(0);
        expect(JSON.parse(x.stdout)).toMatchObject({ ok: true, scope, files: expected.length, output: out });
        expect(listFiles(out)).toEqual(expected);
        for (const p of expected) expect(sha256File(join(out, p)), p).toBe(sha256(files[p]!.data));
        // Nothing of the never-packed files, whatever the scope.
        for (const p of Object.keys(neverPacked(layout))) expect(existsSync(join(out, p)), p).toBe(false);
        // In the package, bundles sit under bundles/ whatever the layout; v3 root folders are not repeated.
        if (layout === 'v3' && scope === 'full') {
          expect(existsSync(join(out, 'launch'))).toBe(false);
          expect(existsSync(join(out, 'research'))).toBe(false);
        }
      });
    }

    it('two bundles at once, in the order asked', async () => {
      const dir = join(root, layout, 'two');
      mkdirSync(dir, { recursive: true });
      const pkg = join(dir, 'two.walnut');
      const c = await run(dir, ['create', '--walnut', walnut, '--scope', 'bundle', '--bundle', 'research', '--bundle', 'launch', '--output', pkg]);
      expect(c.status, c.stderr).toBe(0);
      expect(manifestOf(pkg)).toContain('\nbundles:\n  - research\n  - launch\n');
      const out = join(dir, 'out');
      expect((await run(dir, ['extract', pkg, '--output', out])).status).toBe(0);
      expect(listFiles(out)).toEqual(
        Object.keys(files)
          .filter((k) => k === '_kernel/key.md' || k.startsWith('bundles/'))
          .sort(),
      );
    });
  });
}

describe('create details', () => {
  it('an empty snapshot (only key.md) still round-trips; a walnut without key.md is refused', async () => {
    const dir = join(root, 'tiny');
    const walnut = join(dir, 'tiny');
    writeTree(walnut, { '_kernel/key.md': 'k\n' });
    const pkg = join(dir, 's.walnut');
    expect((await run(dir, ['create', '--walnut', walnut, '--scope', 'snapshot', '--output', pkg])).status).toBe(0);
    expect(manifestPaths(manifestOf(pkg))).toEqual(['_kernel/key.md']);
    const out = join(dir, 'out');
    expect((await run(dir, ['extract', pkg, '--output', out])).status).toBe(0);
    expect(readFileSync(join(out, '_kernel/key.md'), 'utf8')).toBe('k\n');

    const notWalnut = join(dir, 'plain');
    writeTree(notWalnut, { 'a.md': 'a\n' });
    const r = await run(dir, ['create', '--walnut', notWalnut, '--scope', 'full', '--output', join(dir, 'p.walnut')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*is not a walnut: it has no _kernel\/key\.md/m);
    expect(existsSync(join(dir, 'p.walnut'))).toBe(false);
  });

  it('the default output goes to ~/Desktop as <walnut>-<scope>-<date>.walnut when --output is absent', async () => {
    const dir = join(root, 'default-out');
    const walnut = join(dir, 'my-walnut');
    writeTree(walnut, { '_kernel/key.md': 'k\n' });
    mkdirSync(join(dir, 'home', 'Desktop'), { recursive: true });
    const r = await run(dir, ['create', '--walnut', walnut, '--scope', 'snapshot', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const { path } = JSON.parse(r.stdout);
    expect(path).toMatch(new RegExp(`^${join(dir, 'home', 'Desktop')}/my-walnut-snapshot-\\d{4}-\\d\\d-\\d\\d\\.walnut$`));
    expect(existsSync(path)).toBe(true);
  });
});
