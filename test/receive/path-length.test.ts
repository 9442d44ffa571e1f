/**
 * A package path fits its staging folder (`<world>/.alive/receiving/<id>/pkg/`) but may not fit
 * where it lands (`<world>/<domain>/<walnut name of 200 bytes>/`): the import went through and
 * left a file whose path is longer than the system lets any program open by name. Every file's
 * place in the world is checked before anything is written.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { PATH_MAX_BYTES } from '../../scripts/lib/fs/path-max.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

describe('a file whose path in the world would be too long', () => {
  it('is refused before anything is written, naming the file', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const name = 'w'.repeat(200);
    const landing = Buffer.byteLength(join(world, '03_Inbox', name)) + 1;
    // 40 bytes past the limit in the world; about 100 bytes short of it in staging.
    const want = PATH_MAX_BYTES - landing + 40;
    const segs: string[] = [];
    for (let left = want - 'notes/'.length; left > 0; left -= 101) segs.push('a'.repeat(Math.min(100, left - 1) || 1));
    const deep = `notes/${segs.join('/')}`;
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', [deep]: 'x\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest(name, 'full', files), files);
    const before = tree(world);
    const err = await receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env }).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.code).toBe('too_large');
    expect(err?.message).toMatch(/notes\/a+\//);
    expect(err?.message).toMatch(/--as/);
    expect(tree(world)).toEqual(before);
    // A dry run says the same.
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env, dryRun: true })).rejects.toMatchObject({ code: 'too_large' });
    // Under a shorter name it fits.
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env, as: 'short' });
    expect(r.walnut).toBe(join(world, '03_Inbox', 'short'));
  });

  it('is refused in a dry run too when only its place in staging is too long (the real run could not unpack it)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const landing = Buffer.byteLength(join(world, '03_Inbox', 'w')) + 1;
    // 10 bytes short of the limit in the world; past it under .alive/receiving/<id>/pkg/.
    const want = PATH_MAX_BYTES - 1 - landing - 10;
    const segs: string[] = [];
    for (let left = want - 'notes/'.length; left > 0; left -= 101) segs.push('a'.repeat(Math.min(100, left - 1) || 1));
    const deep = `notes/${segs.join('/')}`;
    expect(Buffer.byteLength(join(world, '03_Inbox', 'w', deep)) + 1).toBeLessThanOrEqual(PATH_MAX_BYTES);
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', [deep]: 'x\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('w', 'full', files), files);
    const before = tree(world);
    const dry = receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env, dryRun: true });
    await expect(dry).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/while it is unpacked/) });
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env })).rejects.toMatchObject({ code: 'too_large' });
    expect(tree(world)).toEqual(before);
  });
});
