/**
 * A name that differs from one already in the world only by case or Unicode normalisation (`Garden`
 * beside `garden`, a decomposed `café` beside a composed one) is the same folder on macOS and
 * Windows, and two folders that look identical on Linux: a world synced or cloned to the other
 * system then holds one of them, or a conflicted copy. Receive treats such a name as taken.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWalnut, makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const composed = 'caf\u00e9';
const decomposed = 'cafe\u0301';

describe('names that differ only by case or normalisation from one in the world', () => {
  it('a full walnut named like an existing one in another case is refused, the world as it was', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    makeWalnut(join(world, '03_Inbox', 'garden'), { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes/a.md': 'a\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('Garden', 'full', files), files);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'exists' });
    expect(tree(world)).toEqual(before);
    // Under another name it goes in.
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, as: 'garden-2' });
    expect(r.walnut).toBe(join(world, '03_Inbox', 'garden-2'));
  });

  it('a decomposed full walnut name beside a composed one is refused', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    makeWalnut(join(world, '03_Inbox', composed), { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest(decomposed, 'full', files), files);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'exists' });
    expect(readdirSync(join(world, '03_Inbox'))).toEqual([composed]);
  });

  it('a bundle named like an existing one in another case or normalisation lands under a dated name', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const walnut = join(world, '04_Ventures', 'existing');
    mkdirSync(join(walnut, 'bundles', composed, 'x'), { recursive: true });
    const files: PackageFiles = {
      '_kernel/key.md': '---\ngoal: g\n---\n',
      'bundles/ALPHA/context.manifest.yaml': 'goal: a\n',
      [`bundles/${decomposed}/context.manifest.yaml`]: 'goal: c\n',
    };
    const man = v2Manifest('src', 'bundle', files, { bundles: ['ALPHA', decomposed] });
    const pkg = await writePackage(join(base, 'b.walnut'), man, files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, into: '04_Ventures/existing' });
    expect(r.conflicts.map((c) => c.bundle).sort()).toEqual(['ALPHA', decomposed].sort());
    expect(existsSync(join(walnut, 'bundles', 'ALPHA'))).toBe(false);
    expect(existsSync(join(walnut, 'bundles', decomposed))).toBe(false);
    expect(r.conflicts.every((c) => /-imported-\d{8}$/.test(c.imported_as))).toBe(true);
  });
});
