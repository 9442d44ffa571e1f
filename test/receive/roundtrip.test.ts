import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWalnut, makeWorld, subtree, testEnv, tmp, tree, filesOnly, isDir, type Layout } from './helpers.ts';

const MAX = 1 << 30;
const NOW = new Date('2026-05-04T12:00:00Z');

function sourceWalnut(base: string, layout: Layout): string {
  return makeWalnut(join(base, 'src', 'garden'), {
    layout,
    log: '---\nwalnut: garden\ncreated: 2026-01-01\nlast-entry: 2026-02-01T00:00:00Z\nentry-count: 1\nsummary: a garden\n---\n\n## 2026-02-01T00:00:00Z — squirrel:abc\n\nPlanted.\n\nsigned: squirrel:abc\n',
    insights: '# Insights\nSoil matters.\n',
    bundles: { launch: { 'raw/a.txt': 'a\n', 'tasks.md': '- [ ] water\n' }, 'shielding-review': { 'draft.md': 'draft\n' } },
    live: { 'engineering/spec.md': 'spec\n', 'README.md': 'readme\n' },
  });
}

/**
 * A source bundle as it lands in a walnut of `into` layout: in a v3 walnut a v2-place bundle's
 * tasks.md becomes tasks.json (checked by test/receive/tasks.test.ts; here only its presence).
 */
function asLanded(t: Map<string, string>, into: Layout): Map<string, string> {
  if (into === 'v2' || !t.has('tasks.md')) return t;
  const out = new Map([...t].filter(([k]) => k !== 'tasks.md'));
  out.set('tasks.json', 'tasks.json');
  return out;
}

function landedTree(t: Map<string, string>): Map<string, string> {
  return new Map([...t].map(([k, v]) => [k, k === 'tasks.json' ? 'tasks.json' : v]));
}

describe('full scope round trips', () => {
  for (const from of ['v2', 'v3'] as const) {
    for (const into of ['v2', 'v3'] as const) {
      it(`a ${from} walnut, packed, lands as a complete new ${into} walnut`, async () => {
        const base = tmp();
        const env = testEnv(base);
        const src = sourceWalnut(base, from);
        const pkg = join(base, 'garden.walnut');
        await createPlainPackage({ walnut: src, scope: 'full', bundles: [], output: pkg, allowSensitive: false });
        const world = makeWorld(base, { layout: into });
        const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, now: NOW });
        const walnut = join(world, '03_Inbox', 'garden');
        expect(r.walnut).toBe(walnut);
        expect(r.imported).toEqual([walnut]);
        expect(r.conflicts).toEqual([]);

        const got = tree(walnut);
        const want = tree(src);
        const bundleAt = (l: Layout, n: string) => (l === 'v2' ? `bundles/${n}` : n);
        for (const b of ['launch', 'shielding-review']) {
          expect(landedTree(subtree(got, bundleAt(into, b)))).toEqual(asLanded(subtree(want, bundleAt(from, b)), into));
        }
        expect(subtree(got, 'engineering')).toEqual(subtree(want, 'engineering'));
        expect(got.get('README.md')).toBe(want.get('README.md'));
        expect(got.get('_kernel/key.md')).toBe(want.get('_kernel/key.md'));
        expect(got.get('_kernel/insights.md')).toBe(want.get('_kernel/insights.md'));
        // Nothing else: no manifest, no stray staging files.
        const expected = new Set([
          ...[...asLanded(subtree(want, bundleAt(from, 'launch')), into).keys()].map((k) => `${bundleAt(into, 'launch')}/${k}`),
          ...[...subtree(want, bundleAt(from, 'shielding-review')).keys()].map((k) => `${bundleAt(into, 'shielding-review')}/${k}`),
          'engineering/spec.md',
          'README.md',
          '_kernel/key.md',
          '_kernel/insights.md',
          '_kernel/log.md',
          into === 'v2' ? '_kernel/_generated/now.json' : '_kernel/now.json',
        ]);
        expect(new Set(filesOnly(got).keys())).toEqual(expected);

        const log = readFileSync(join(walnut, '_kernel', 'log.md'), 'utf8');
        expect(log.startsWith('---\nwalnut: garden\n')).toBe(true);
        expect(log).toMatch(/^entry-count: 2$/m);
        expect(log).toMatch(/^last-entry: 2026-05-04T12:00:00Z$/m);
        const body = log.slice(log.indexOf('\n---\n') + 5);
        expect(body.startsWith('\n## 2026-05-04T12:00:00Z — squirrel:test-session\n')).toBe(true);
        expect(body.indexOf('signed: squirrel:test-session')).toBeLessThan(body.indexOf('## 2026-02-01'));
        expect(body).toContain('Planted.');
        expect(r.log_entry).not.toBeNull();
        expect(log).toContain(r.log_entry!);

        const nowPath = into === 'v2' ? join(walnut, '_kernel', '_generated', 'now.json') : join(walnut, '_kernel', 'now.json');
        const now = JSON.parse(readFileSync(nowPath, 'utf8'));
        expect(now).toMatchObject({ phase: 'building', health: 'active', updated: '2026-05-04T12:00:00Z', squirrel: 'test-session', projections: [] });
        expect(now.next).toContain('test goal');

        const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
        expect(ledger.imports).toHaveLength(1);
        expect(ledger.imports[0]).toMatchObject({
          scope: 'full',
          walnut: 'garden',
          target: '03_Inbox/garden',
          package_sha256: r.package_sha256,
          format_version: '2.0.0',
        });
        expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
        expect(existsSync(join(world, '.alive', 'receive.lock'))).toBe(false);
      });
    }
  }

  it('uses --into as the domain and --as as the name, and never overwrites an existing walnut', async () => {
    const base = tmp();
    const env = testEnv(base);
    const src = sourceWalnut(base, 'v3');
    const pkg = join(base, 'g.walnut');
    await createPlainPackage({ walnut: src, scope: 'full', bundles: [], output: pkg, allowSensitive: false });
    const world = makeWorld(base);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures', as: 'orchard', maxBytes: MAX, env });
    expect(r.walnut).toBe(join(world, '04_Ventures', 'orchard'));
    expect(existsSync(join(world, '04_Ventures', 'orchard', '_kernel', 'key.md'))).toBe(true);
    mkdirSync(join(world, '04_Ventures', 'orchard-2'));
    const before = tree(world);
    // The refusal names the first free name, as create does for an output that is taken.
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures', as: 'orchard', maxBytes: MAX, env, force: true })).rejects.toThrow(
      '04_Ventures/orchard already exists and is never overwritten; pass --as orchard-3 (a free name) or another NEWNAME to receive it under another name',
    );
    expect(tree(world)).toEqual(before);
  });

  it('creates 03_Inbox/ when the world has no inbox domain, and uses 03_Inputs/ when that is the one there', async () => {
    const base = tmp();
    const env = testEnv(base);
    const src = sourceWalnut(base, 'v2');
    const pkg = join(base, 'g.walnut');
    await createPlainPackage({ walnut: src, scope: 'full', bundles: [], output: pkg, allowSensitive: false });
    const bare = makeWorld(join(base, 'a'), { inbox: null });
    await receivePackage({ packagePath: pkg, world: bare, maxBytes: MAX, env });
    expect(existsSync(join(bare, '03_Inbox', 'garden', '_kernel', 'key.md'))).toBe(true);
    const inputs = makeWorld(join(base, 'b'), { inbox: '03_Inputs' });
    await receivePackage({ packagePath: pkg, world: inputs, maxBytes: MAX, env });
    expect(existsSync(join(inputs, '03_Inputs', 'garden', '_kernel', 'key.md'))).toBe(true);
    expect(existsSync(join(inputs, '03_Inbox'))).toBe(false);
  });
});

describe('bundle scope', () => {
  for (const into of ['v2', 'v3'] as const) {
    it(`adds bundles to an existing ${into} walnut in its layout, keeping its kernel, with conflicts under dated names`, async () => {
      const base = tmp();
      const env = testEnv(base);
      const src = sourceWalnut(base, into === 'v2' ? 'v3' : 'v2');
      const pkg = join(base, 'b.walnut');
      await createPlainPackage({ walnut: src, scope: 'bundle', bundles: ['launch', 'shielding-review'], output: pkg, allowSensitive: false });
      const world = makeWorld(base);
      const target = makeWalnut(join(world, '04_Ventures', 'farm'), {
        layout: into,
        key: '---\ntype: venture\ngoal: farm goal\n---\n',
        log: '---\nwalnut: farm\nentry-count: 3\n---\n\n## older\n\nsigned: squirrel:x\n',
        bundles: { launch: { 'mine.md': 'local launch\n' } },
      });
      const keyBefore = readFileSync(join(target, '_kernel', 'key.md'), 'utf8');
      const localLaunch = subtree(tree(target), into === 'v2' ? 'bundles/launch' : 'launch');

      const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/farm', maxBytes: MAX, env, now: NOW });
      const at = (n: string) => (into === 'v2' ? join(target, 'bundles', n) : join(target, n));
      expect(r.walnut).toBe(target);
      expect(r.conflicts).toEqual([{ bundle: 'launch', existing: into === 'v2' ? 'bundles/launch' : 'launch', imported_as: 'launch-imported-20260504' }]);
      expect(r.imported.sort()).toEqual([at('launch-imported-20260504'), at('shielding-review')].sort());
      const srcTree = tree(src);
      const srcAt = (n: string) => (into === 'v2' ? n : `bundles/${n}`);
      const got = tree(target);
      const rel = (n: string) => (into === 'v2' ? `bundles/${n}` : n);
      expect(landedTree(subtree(got, rel('launch-imported-20260504')))).toEqual(asLanded(subtree(srcTree, srcAt('launch')), into));
      expect(subtree(got, rel('shielding-review'))).toEqual(subtree(srcTree, srcAt('shielding-review')));
      expect(subtree(got, rel('launch'))).toEqual(localLaunch);
      expect(readFileSync(join(target, '_kernel', 'key.md'), 'utf8')).toBe(keyBefore);
      expect(r.skipped).toEqual([{ path: '_kernel/key.md', reason: 'the target walnut keeps its own kernel files' }]);

      const log = readFileSync(join(target, '_kernel', 'log.md'), 'utf8');
      expect(log).toMatch(/^entry-count: 4$/m);
      expect(log).toContain('`launch` as `launch-imported-20260504`');
      expect(log.indexOf(r.log_entry!)).toBeLessThan(log.indexOf('## older'));
      const now = JSON.parse(readFileSync(into === 'v2' ? join(target, '_kernel', '_generated', 'now.json') : join(target, '_kernel', 'now.json'), 'utf8'));
      expect(now.updated).toBe('2026-05-04T12:00:00Z');
      if (into === 'v3') expect(now.phase).toBe('building'); // merged: key.md says nothing, the old now.json did

      // The same package again: refused; with --force it lands under the next dated name.
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/farm', maxBytes: MAX, env, now: NOW })).rejects.toThrow(
        /already imported.*--force/,
      );
      expect(tree(world)).toEqual(before);
      const again = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/farm', maxBytes: MAX, env, now: NOW, force: true });
      expect(again.conflicts.map((c) => c.imported_as).sort()).toEqual(['launch-imported-20260504-2', 'shielding-review-imported-20260504']);
      expect(isDir(at('launch-imported-20260504-2'))).toBe(true);
    });
  }

  it('needs --into to name a walnut inside the world', async () => {
    const base = tmp();
    const env = testEnv(base);
    const src = sourceWalnut(base, 'v2');
    const pkg = join(base, 'b.walnut');
    await createPlainPackage({ walnut: src, scope: 'bundle', bundles: ['launch'], output: pkg, allowSensitive: false });
    const world = makeWorld(base);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toThrow(/--into/);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures', maxBytes: MAX, env })).rejects.toThrow(/not a walnut/);
    await expect(receivePackage({ packagePath: pkg, world, into: src, maxBytes: MAX, env })).rejects.toThrow(/outside the world/);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/farm', as: 'x', maxBytes: MAX, env })).rejects.toThrow(/--as/);
    expect(tree(world)).toEqual(before);
  });
});

describe('snapshot scope', () => {
  it('is display-only: verified, key.md and insights.md returned as data, nothing written', async () => {
    const base = tmp();
    const env = testEnv(base);
    const src = sourceWalnut(base, 'v2');
    const pkg = join(base, 's.walnut');
    await createPlainPackage({ walnut: src, scope: 'snapshot', bundles: [], output: pkg, allowSensitive: false });
    const world = makeWorld(base);
    const before = tree(world);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    expect(tree(world)).toEqual(before);
    expect(r).toMatchObject({ ok: true, walnut: null, imported: [], skipped: [], conflicts: [], log_entry: null, scope: 'snapshot' });
    expect(r.snapshot?.untrusted.key_md?.text).toBe(readFileSync(join(src, '_kernel', 'key.md'), 'utf8'));
    expect(r.snapshot?.untrusted.insights_md?.text).toBe('# Insights\nSoil matters.\n');
  });
});
