/**
 * Git takes any folder holding a `HEAD` file with `objects/` and `refs/` (or a `commondir` file
 * naming where they are) for a repository, whatever its name, and reads its `config` on every
 * `git status` there: `core.fsmonitor` runs a command. A received package could plant one as
 * `notes/evil/`. Like `.git/`, such a folder is never imported, at any depth, in any case.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const CONFIG = '[core]\n\tbare = false\n\tworktree = ..\n\tfsmonitor = "touch /tmp/PWNED; false"\n';

async function receiveFull(files: PackageFiles, dryRun = false) {
  const base = tmp();
  const env = testEnv(base);
  const world = makeWorld(base, { layout: 'v2' });
  const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
  const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, dryRun });
  return { r, walnut: join(world, '03_Inbox', 'fine') };
}

describe('a folder git would take for a repository', () => {
  it('is left out whole, as .git/ is, with the reason', async () => {
    const files: PackageFiles = {
      '_kernel/key.md': '---\ngoal: g\n---\n',
      'notes/a.md': 'a\n',
      'notes/evil/HEAD': 'ref: refs/heads/keep\n',
      'notes/evil/config': CONFIG,
      'notes/evil/objects/info/x': 'x\n',
      'notes/evil/refs/heads/keep': '0000000000000000000000000000000000000000\n',
      'notes/evil/readme.md': 'hello\n',
    };
    const { r, walnut } = await receiveFull(files);
    expect(existsSync(join(walnut, 'notes', 'evil'))).toBe(false);
    expect(readFileSync(join(walnut, 'notes', 'a.md'), 'utf8')).toBe('a\n');
    const skipped = r.skipped.filter((s) => s.path.startsWith('notes/evil/'));
    expect(skipped.map((s) => s.path).sort()).toEqual([
      'notes/evil/HEAD',
      'notes/evil/config',
      'notes/evil/objects/info/x',
      'notes/evil/readme.md',
      'notes/evil/refs/heads/keep',
    ]);
    for (const s of skipped) expect(s.reason).toMatch(/Git repository/);
  });

  it('is seen in any case, with commondir, inside a bundle, and the dry run says the same', async () => {
    const files: PackageFiles = {
      '_kernel/key.md': '---\ngoal: g\n---\n',
      'bundles/launch/context.manifest.yaml': 'goal: l\n',
      'bundles/launch/deep/r/head': 'ref: refs/heads/main\n',
      'bundles/launch/deep/r/Objects/x': 'x\n',
      'bundles/launch/deep/r/REFS/y': 'y\n',
      'bundles/launch/ok.md': 'ok\n',
      'wt/HEAD': 'ref: refs/heads/main\n',
      'wt/commondir': '../common\n',
      'common/config': CONFIG,
      'common/objects/x': 'x\n',
      'common/refs/y': 'y\n',
    };
    const dry = await receiveFull(files, true);
    const left = (r: typeof dry.r) => r.skipped.map((s) => s.path).sort();
    expect(left(dry.r)).toEqual(['bundles/launch/deep/r/Objects/x', 'bundles/launch/deep/r/REFS/y', 'bundles/launch/deep/r/head', 'wt/HEAD', 'wt/commondir']);
    const { r, walnut } = await receiveFull(files);
    expect(left(r)).toEqual(left(dry.r));
    expect(existsSync(join(walnut, 'bundles', 'launch', 'deep', 'r'))).toBe(false);
    expect(existsSync(join(walnut, 'wt'))).toBe(false);
    // Without a HEAD beside them, objects/ and refs/ make no repository: a folder of files.
    expect(existsSync(join(walnut, 'common', 'config'))).toBe(true);
    expect(readFileSync(join(walnut, 'bundles', 'launch', 'ok.md'), 'utf8')).toBe('ok\n');
  });

  it("at the walnut's root, leaves out what makes it one (HEAD, objects/, refs/)", async () => {
    const files: PackageFiles = {
      '_kernel/key.md': '---\ngoal: g\n---\n',
      HEAD: 'ref: refs/heads/main\n',
      'objects/x': 'x\n',
      'refs/heads/main': 'y\n',
      config: CONFIG,
      'notes/a.md': 'a\n',
    };
    const { r, walnut } = await receiveFull(files);
    expect(r.skipped.map((s) => s.path).sort()).toEqual(['HEAD', 'objects/x', 'refs/heads/main']);
    expect(existsSync(join(walnut, 'HEAD'))).toBe(false);
    expect(existsSync(join(walnut, 'objects'))).toBe(false);
    expect(existsSync(join(walnut, 'refs'))).toBe(false);
    expect(readFileSync(join(walnut, 'notes', 'a.md'), 'utf8')).toBe('a\n');
  });
});
