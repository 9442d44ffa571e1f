/**
 * A walnut named `01_Archive` or `02_Life` (the manifest's `source.walnut`) lands in the inbox
 * domain; with the other one received too, `03_Inbox/` holds both and is a world root of its
 * own: the hooks and a later receive run from inside it would take it for the world, with its
 * own ledger. Bundles so named are refused already; walnuts are too.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { isWorldRoot } from '../../scripts/lib/world/root.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const kernel: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes/a.md': 'a\n' };

describe('walnut names that mark a world root', () => {
  for (const name of ['01_Archive', '02_Life', '02_life', '.alive']) {
    it(`refuses a package whose walnut is named ${name}, writing nothing`, async () => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v2' });
      const text = v2Manifest('placeholder', 'full', kernel).replace('  walnut: placeholder', `  walnut: ${name}`);
      const pkg = await writePackage(join(base, 'p.walnut'), text, kernel);
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'unsafe_name' });
      expect(tree(world)).toEqual(before);
    });
  }

  it('never lets two packages make the inbox domain a world root', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    for (const name of ['01_Archive', '02_Life']) {
      const text = v2Manifest(name, 'full', kernel);
      const pkg = await writePackage(join(base, `${name}.walnut`), text, kernel);
      await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env }).catch(() => undefined);
    }
    expect(isWorldRoot(join(world, '03_Inbox'), env)).toBe(false);
  });
});
