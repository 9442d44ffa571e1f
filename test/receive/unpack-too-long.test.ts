/**
 * A package path of up to 4096 bytes is valid, but below a staging folder it can pass what the
 * system opens (ENAMETOOLONG). The refusal said to check the free space and permissions of the
 * destination, which is not what is wrong; it now says the path is too long.
 */
import { it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { PATH_MAX_BYTES } from '../../scripts/lib/fs/path-max.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

it('a path too long to unpack is refused as too long, the world as it was', async () => {
  const base = tmp();
  const env = testEnv(base);
  const world = makeWorld(base, { layout: 'v2' });
  // Fits where it lands (`03_Inbox/d/`), 10 bytes short of the limit; not below the longer
  // `.alive/receiving/<id>/pkg/`.
  const want = PATH_MAX_BYTES - 1 - Buffer.byteLength(join(world, '03_Inbox', 'd')) - 1 - 10;
  const segs: string[] = [];
  for (let left = want - 'notes/'.length; left > 0; left -= 101) segs.push('a'.repeat(Math.min(100, left - 1) || 1));
  const deep = `notes/${segs.join('/')}`;
  const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', [deep]: 'x\n' };
  const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('d', 'full', files), files);
  const before = tree(world);
  const err = await receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env }).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(err?.message).toMatch(/too long/);
  expect(err?.message).not.toMatch(/free space/);
  expect(err?.code).toBe('too_large');
  expect(tree(world)).toEqual(before);
});
