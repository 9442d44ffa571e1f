/**
 * A receive killed after shaping but before its journal leaves a staging folder that the next
 * receive deletes. Shaping moves a bundle from `pkg/` to `out/walnut/bundles/<name>/`, so a
 * package whose paths come close to PATH_MAX (4,096 bytes) can leave files whose absolute paths
 * pass it: fs.rmSync then fails with ENAMETOOLONG. Such a leftover must never stop later receives.
 *
 * The leftover is built here the way shaping makes it: every call stays under PATH_MAX (folders
 * are made apart, then renamed into one another), and the result holds a file deeper than it.
 */
import { describe, it, expect } from 'vitest';
import fs, { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const SEG = 'd'.repeat(200);

/** `<root>/<SEG>/<SEG>/…` (n levels), made in one call (its path stays under PATH_MAX). */
function chain(root: string, n: number): string {
  let p = root;
  for (let i = 0; i < n; i++) p = join(p, SEG);
  mkdirSync(p, { recursive: true });
  return p;
}

/** A staging folder without a journal, holding a file about 5,000 bytes deep (ENAMETOOLONG for rmSync). */
function deepLeftover(world: string, scratch: string, id: string): { staging: string; deepest: number } {
  const staging = join(world, '.alive', 'receiving', id);
  const upper = chain(join(staging, 'out', 'walnut', 'bundles', 'b'), 12);
  const lower = chain(join(scratch, 'lower'), 12);
  writeFileSync(join(lower, 'notes.md'), 'deep\n');
  renameSync(join(scratch, 'lower'), join(upper, 'lower'));
  const deepest = join(upper, 'lower', ...Array(12).fill(SEG), 'notes.md').length;
  return { staging, deepest };
}

const files: PackageFiles = {
  '_kernel/key.md': '---\ntype: venture\ngoal: g\n---\n# garden\n',
  '_kernel/log.md': '---\nwalnut: garden\n---\n',
  'bundles/b/context.manifest.yaml': 'goal: b\n',
};

async function pkg(base: string, name: string): Promise<string> {
  const f = { ...files, '_kernel/insights.md': `insights of ${name}\n` };
  return writePackage(join(base, `${name}.walnut`), v2Manifest(name, 'full', f), f);
}

describe('a leftover staging folder deeper than PATH_MAX', () => {
  it('never stops later receives: it is removed (or reported), and every receive goes on', async () => {
    const base = tmp('deep');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const scratch = join(base, 's');
    const { staging, deepest } = deepLeftover(world, scratch, '20260101T000000Z-1-abcdef');
    expect(deepest).toBeGreaterThan(4096);

    const r = await receivePackage({ packagePath: await pkg(base, 'garden'), world, maxBytes: MAX, env });
    expect(existsSync(join(r.walnut!, '_kernel', 'key.md'))).toBe(true);
    expect(existsSync(staging)).toBe(false);
    expect(r.notes.join('\n')).toMatch(/cleaned up 1 interrupted receive/);

    // A second one, and a later one after another such leftover, go through as well.
    const again = await receivePackage({ packagePath: await pkg(base, 'other'), world, maxBytes: MAX, env });
    expect(again.walnut).toBe(join(world, '03_Inbox', 'other'));
    const second = deepLeftover(world, join(base, 's2'), '20260101T000001Z-2-abcdef');
    const third = await receivePackage({ packagePath: await pkg(base, 'third'), world, maxBytes: MAX, env });
    expect(third.walnut).toBe(join(world, '03_Inbox', 'third'));
    expect(existsSync(second.staging)).toBe(false);
    expect(existsSync(join(world, '.alive', 'receiving'))).toBe(false);
    rmSync(base, { recursive: true, force: true });
  });
});

describe('a leftover staging folder that cannot be deleted at all', () => {
  it('is reported and left; the receive goes on', async () => {
    const base = tmp('deep');
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const staging = join(world, '.alive', 'receiving', '20260101T000000Z-1-undeletable');
    mkdirSync(join(staging, 'pkg', 'bundles', 'b'), { recursive: true });
    // It cannot be deleted by any means (as a folder the user may not write, which root, running
    // these tests in CI, could still delete): fs.rmSync refuses it, for the modules under test too.
    const realRm = fs.rmSync;
    fs.rmSync = (path, options) => {
      if (String(path).endsWith('-undeletable')) throw Object.assign(new Error(`EACCES: permission denied, rmdir '${path}'`), { code: 'EACCES' });
      realRm(path, options);
    };
    syncBuiltinESMExports();
    let r: Awaited<ReturnType<typeof receivePackage>>;
    try {
      r = await receivePackage({ packagePath: await pkg(base, 'garden'), world, maxBytes: MAX, env });
    } finally {
      fs.rmSync = realRm;
      syncBuiltinESMExports();
    }
    expect(r.walnut).toBe(join(world, '03_Inbox', 'garden'));
    const note = r.notes.join('\n');
    expect(note).toMatch(/20260101T000000Z-1-undeletable\) that had not changed the world could not be deleted: EACCES/);
    expect(note).toContain(`delete ${staging}`);
    expect(existsSync(staging)).toBe(true);
    const again = await receivePackage({ packagePath: await pkg(base, 'other'), world, maxBytes: MAX, env });
    expect(again.walnut).toBe(join(world, '03_Inbox', 'other'));
    rmSync(base, { recursive: true, force: true });
  });
});
