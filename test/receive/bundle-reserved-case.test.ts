/**
 * Bundle names `_kernel`, `_core`, `bundles`, ... are reserved, but they were compared as written:
 * a bundle `Bundles` was taken. On macOS and Windows that folder is `bundles/`, and a v3 walnut
 * holding `bundles/` reads as v2 from then on (later bundles go under it, now.json moves to
 * `_kernel/_generated/`). Reserved names are compared as a file system that ignores case sees
 * them, as walnut names and the world markers already are.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v3Manifest, type PackageFiles } from './helpers.ts';

describe('reserved bundle names in another case', () => {
  for (const name of ['Bundles', '_KERNEL', '_Core', 'Node_Modules']) {
    it(`refuses a bundle named ${name}, writing nothing`, async () => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v3' });
      const files: PackageFiles = { [`${name}/context.manifest.yaml`]: 'goal: x\n', [`${name}/a.md`]: 'a\n' };
      const pkg = await writePackage(join(base, 'p.walnut'), v3Manifest('garden', 'bundle', files, { bundles: [name] }), files);
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: 1 << 30, env })).rejects.toMatchObject({
        code: 'unsafe_name',
      });
      expect(tree(world)).toEqual(before);
    });
  }
});
