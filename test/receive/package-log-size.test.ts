/**
 * A full package's own _kernel/log.md becomes the new walnut's log, with the receive's entry put at
 * its top: it is read into memory whole, and a highly compressible one (360 MB of text in a
 * package of some 350 KB) took 2.5 GB, or failed with V8's "string too long" naming no file. Past
 * PACKAGE_LOG_MAX_BYTES the receive is refused before anything is written, saying why.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { PACKAGE_LOG_MAX_BYTES, receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe("a full package's log.md too large to read", () => {
  it('is refused as too_large, in a dry run and a real one, with the world left as it was', async () => {
    expect(PACKAGE_LOG_MAX_BYTES).toBeLessThanOrEqual(64 * 1024 * 1024);
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const before = tree(world);
    const entry = '## 2024-01-01 — squirrel:a\n\nPlanted.\n\nsigned: squirrel:a\n\n';
    const log = `---\nwalnut: garden\n---\n\n${entry.repeat(Math.floor(PACKAGE_LOG_MAX_BYTES / entry.length) + 1)}`;
    const files: PackageFiles = { '_kernel/key.md': '---\ntype: venture\n---\n', '_kernel/log.md': log };
    const pkg = await writePackage(join(base, 'garden.walnut'), v2Manifest('garden', 'full', files), files);
    for (const dryRun of [true, false]) {
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, dryRun })).rejects.toMatchObject({
        code: 'too_large',
        message: expect.stringMatching(/_kernel\/log\.md`? is \d+ bytes, more than a receive reads \(\d+\); nothing was written/),
      });
    }
    expect(tree(world)).toEqual(before);
  });

  it('an ordinary one is received', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const files: PackageFiles = { '_kernel/key.md': '---\ntype: venture\n---\n', '_kernel/log.md': '---\nwalnut: garden\n---\n\nold\n' };
    const pkg = await writePackage(join(base, 'garden.walnut'), v2Manifest('garden', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    expect(r.imported.length).toBeGreaterThan(0);
  });
});
