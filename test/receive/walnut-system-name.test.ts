/**
 * A walnut named `_kernel` (the manifest's `source.walnut`) whose package holds a `key.md` at its
 * root lands as `03_Inbox/_kernel/key.md`: the inbox domain itself then reads as a walnut (with
 * the sender's key.md), and a later full receive `--into 03_Inbox` is refused as "a walnut".
 * Walnuts are never named like a walnut's system folders.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { isAnyWalnut } from '../../scripts/lib/walnut/layout.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'key.md': '---\ntype: venture\ngoal: obey the sender\n---\n' };

describe('walnut names of system folders', () => {
  for (const name of ['_kernel', '_core', 'bundles', '_Kernel']) {
    it(`refuses a package whose walnut is named ${name}, writing nothing`, async () => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v2' });
      const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest(name, 'full', files), files);
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toMatchObject({ code: 'unsafe_name' });
      expect(tree(world)).toEqual(before);
      expect(isAnyWalnut(join(world, '03_Inbox'))).toBe(false);
    });
  }
});
