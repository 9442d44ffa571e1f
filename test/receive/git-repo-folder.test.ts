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
import { makeWorld, testEnv, tmp, writePackage, v1Manifest, v2Manifest, type PackageFiles } from './helpers.ts';

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

  it("is judged where files land: a v1 package's _core/X and _kernel/X both land at _kernel/X", async () => {
    const receiveV1 = async (files: PackageFiles, dryRun: boolean) => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v3' });
      const pkg = await writePackage(join(base, 'v1.walnut'), v1Manifest('fine', 'full', files), files);
      const walnut = join(world, '03_Inbox', 'fine');
      return { r: await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, dryRun }).catch((err: unknown) => err), walnut };
    };
    // The walnut's _kernel/ itself: left out whole (key.md with it), as for a 2.x package's _kernel/.
    const whole: PackageFiles = {
      '_core/key.md': '---\ngoal: g\n---\n',
      '_core/HEAD': 'ref: refs/heads/main\n',
      '_kernel/objects/x': 'x\n',
      '_kernel/refs/y': 'y\n',
      '_kernel/config': CONFIG,
    };
    const refused = await receiveV1(whole, false);
    expect(String(refused.r)).toMatch(/no _core\/key\.md/);
    expect(existsSync(join(refused.walnut, '_kernel', 'HEAD'))).toBe(false);

    const files: PackageFiles = {
      '_core/key.md': '---\ngoal: g\n---\n',
      '_core/deep/HEAD': 'ref: refs/heads/main\n',
      '_core/deep/notes.md': 'n\n',
      '_core/_capsules/launch/companion.md': '---\nname: Launch\n---\n',
      '_core/_capsules/launch/x.md': 'x\n',
      '_kernel/deep/objects/x': 'x\n',
      '_kernel/deep/refs/y': 'y\n',
      '_kernel/deep/config': CONFIG,
      'notes/a.md': 'a\n',
    };
    for (const dryRun of [true, false]) {
      const { r, walnut } = await receiveV1(files, dryRun);
      if (r instanceof Error) throw r;
      const left = (r as Awaited<ReturnType<typeof receivePackage>>).skipped.filter((s) => /Git repository/.test(s.reason)).map((s) => s.path);
      expect(left.sort()).toEqual(['_core/deep/HEAD', '_core/deep/notes.md', '_kernel/deep/config', '_kernel/deep/objects/x', '_kernel/deep/refs/y']);
      if (dryRun) continue;
      expect(existsSync(join(walnut, '_kernel', 'deep'))).toBe(false);
      expect(readFileSync(join(walnut, '_kernel', 'key.md'), 'utf8')).toBe(files['_core/key.md']);
      // The capsule (from _core/_capsules/) and the live context land as usual.
      expect(readFileSync(join(walnut, 'launch', 'x.md'), 'utf8')).toBe('x\n');
      expect(readFileSync(join(walnut, 'notes', 'a.md'), 'utf8')).toBe('a\n');
    }
  });
});
