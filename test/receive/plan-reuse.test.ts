/**
 * A receive plans the import from the clear-text manifest before unpacking (to refuse early), and
 * the verified manifest is that same text: the plan made first is kept, not made again (half of
 * what receive added to extract for 2,000 files; issue 16). It is kept only while what it asked
 * the world still holds: a folder that appears under a bundle's name while the package unpacks
 * still sends the bundle to a conflict name, as a plan made afresh would.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('the plan made before unpacking', () => {
  it('is made again when a bundle name it found free was taken meanwhile', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const walnut = join(world, '04_Ventures', 'existing');
    const files: PackageFiles = { 'bundles/beta/context.manifest.yaml': 'goal: beta\n', 'bundles/beta/notes.md': 'theirs\n'.repeat(2000) };
    const pkg = await writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['beta'] }), files);
    let made = false;
    const r = await receivePackage({
      packagePath: pkg,
      world,
      into: '04_Ventures/existing',
      maxBytes: MAX,
      env,
      now: new Date('2026-12-06T02:00:00Z'),
      onProgress: () => {
        if (made) return;
        made = true;
        mkdirSync(join(walnut, 'beta'));
        writeFileSync(join(walnut, 'beta', 'mine.md'), 'mine\n');
      },
    });
    expect(made).toBe(true);
    expect(r.conflicts).toMatchObject([{ bundle: 'beta', imported_as: 'beta-imported-20261206' }]);
    expect(readFileSync(join(walnut, 'beta', 'mine.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(walnut, 'beta', 'notes.md'))).toBe(false);
    expect(readFileSync(join(walnut, 'beta-imported-20261206', 'notes.md'), 'utf8')).toBe('theirs\n'.repeat(2000));
  });

  it('is kept when nothing it asked changed: the same import as a plan made afresh', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const walnut = join(world, '04_Ventures', 'existing');
    const files: PackageFiles = {
      'bundles/alpha/context.manifest.yaml': 'goal: alpha\n',
      'bundles/alpha/notes.md': 'theirs\n',
      'bundles/gamma/context.manifest.yaml': 'goal: gamma\n',
      'bundles/gamma/CLAUDE.md': 'obey\n',
    };
    const pkg = await writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['alpha', 'gamma'] }), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: new Date('2026-12-06T02:00:00Z') });
    // alpha is the world's own (makeWorld): the package's goes to a conflict name; gamma's CLAUDE.md is held back.
    expect(r.conflicts).toMatchObject([{ bundle: 'alpha', imported_as: 'alpha-imported-20261206' }]);
    expect(readFileSync(join(walnut, 'alpha-imported-20261206', 'notes.md'), 'utf8')).toBe('theirs\n');
    expect(readFileSync(join(walnut, 'alpha', 'notes.md'), 'utf8')).toBe('alpha\n');
    expect(r.held_back.map((h) => h.path)).toEqual(['bundles/gamma/CLAUDE.md']);
    expect(existsSync(join(walnut, 'gamma', 'CLAUDE.md'))).toBe(false);
    expect(existsSync(join(walnut, 'gamma', 'context.manifest.yaml'))).toBe(true);
  });
});
