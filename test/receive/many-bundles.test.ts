/**
 * A bundle the manifest names but that holds no files becomes an empty folder: such names need no
 * archive entry, so the limit on entries (100,000) did not bound them, and a 32 MiB manifest can
 * name millions. Each became a folder in the receiver's walnut (at its root in a v3 walnut), a
 * rename after the commit point, a journal and ledger line.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { MAX_BUNDLES } from '../../scripts/lib/receive/plan.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('how many bundles a package brings', () => {
  it('refuses a package naming more bundles than the limit, writing nothing', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const files: PackageFiles = { 'bundles/b0/context.manifest.yaml': 'goal: b\n' };
    const bundles = Array.from({ length: MAX_BUNDLES + 1 }, (_, i) => `b${i}`);
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'bundle', files, { bundles }), files);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env })).rejects.toMatchObject({
      code: 'too_large',
    });
    expect(tree(world)).toEqual(before);
  }, 60_000);
});
