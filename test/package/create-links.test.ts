/**
 * Links and special files in the walnut `create` packs (cli.md 4): a linked folder is never
 * descended into, a link is packed only when its target is packed in its own right, and the small
 * config files create reads (.walnutignore, context.manifest.yaml) are read only as regular files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectWalnut, type CollectResult } from '../../scripts/lib/package/collect.ts';
import { cli, errorLine, makeWalnut, rmrf, tempRoot, writeTree } from './helpers.ts';

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot('links');
});
afterAll(() => rmrf(root));

/** A fresh folder holding walnut `w/garden` with a bundle `launch`, and an `out/` beside it. */
function garden(files: Record<string, string> = {}): { dir: string; walnut: string; out: string } {
  const dir = join(root, `case-${++n}`);
  const walnut = makeWalnut(join(dir, 'w', 'garden'), {
    'bundles/launch/context.manifest.yaml': 'goal: launch\n',
    'bundles/launch/plan.md': 'plan\n',
    ...files,
  });
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  return { dir, walnut, out };
}

const full = (walnut: string): CollectResult => collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
const paths = (r: CollectResult) => [...r.files].map((f) => f.path);

describe('linked folders are not descended into', () => {
  it('a bundles/ that is a link out of the walnut is left out with a warning', () => {
    const { walnut, out } = garden();
    writeTree(out, { 'secretproj/key.txt': 'PRIVATE\n' });
    rmSync(join(walnut, 'bundles'), { recursive: true });
    symlinkSync(out, join(walnut, 'bundles'));
    const r = full(walnut);
    expect(paths(r)).toEqual(['_kernel/key.md']);
    expect(r.bundles).toEqual([]);
    expect(r.skipped).toContainEqual({ path: 'bundles', reason: 'symlink to a folder (not followed)' });
  });

  it('a _kernel/ that is a link is refused: the walnut has no key.md of its own', () => {
    const { walnut, out } = garden();
    writeTree(out, { 'ssh/key.md': 'k\n', 'ssh/id_rsa': 'PRIVATE KEY\n' });
    rmSync(join(walnut, '_kernel'), { recursive: true });
    symlinkSync(join(out, 'ssh'), join(walnut, '_kernel'));
    for (const scope of ['full', 'snapshot'] as const) {
      expect(() => collectWalnut({ walnut, scope, bundles: [], allowSensitive: false })).toThrow(
        expect.objectContaining({ code: 'no_walnut', message: expect.stringMatching(/_kernel.*symbolic link/) }),
      );
    }
  });
});

describe('_kernel/key.md', () => {
  it('a key.md that links out of the walnut is refused, not left out of the package', () => {
    const { walnut, out } = garden();
    writeFileSync(join(out, 'key.md'), 'outside key\n');
    rmSync(join(walnut, '_kernel', 'key.md'));
    symlinkSync(join(out, 'key.md'), join(walnut, '_kernel', 'key.md'));
    expect(() => full(walnut)).toThrow(
      expect.objectContaining({ code: 'no_walnut', message: expect.stringMatching(/key\.md .*symlink points outside the walnut/) }),
    );
  });
});

describe('a link inside the walnut passes the rules of its target', () => {
  it('a link to an excluded, ignored or held-back file is left out like its target', () => {
    const { walnut } = garden({
      '.env': 'API_KEY=sk-live\n',
      '.git/config': '[remote]\n',
      '.walnutignore': 'private/\n',
      'private/creds.txt': 'password\n',
      'bundles/hr/context.manifest.yaml': 'goal: hr\nsensitivity: restricted\npii: true\n',
      'bundles/hr/salaries.md': 'salaries\n',
      'notes/ok.md': 'fine\n',
    });
    const launch = join(walnut, 'bundles', 'launch');
    symlinkSync('../../.env', join(launch, 'env.md'));
    symlinkSync('../../.git/config', join(launch, 'gitconfig.md'));
    symlinkSync('../../private/creds.txt', join(launch, 'creds.md'));
    symlinkSync('../hr/salaries.md', join(launch, 's.md'));
    symlinkSync('../../notes/ok.md', join(launch, 'ok.md'));
    const r = full(walnut);
    expect(r.heldBack.map((h) => h.bundle)).toEqual(['hr']);
    const packed = paths(r);
    for (const p of ['env.md', 'gitconfig.md', 'creds.md', 's.md']) expect(packed).not.toContain(`bundles/launch/${p}`);
    expect(packed).toContain('bundles/launch/ok.md');
    expect([...r.files].find((f) => f.path === 'bundles/launch/ok.md')?.source).toBe(join(walnut, 'notes', 'ok.md'));
    const why = (p: string) => r.skipped.find((s) => s.path === `bundles/launch/${p}`)?.reason;
    expect(why('env.md')).toMatch(/^symlink to \.env, which is left out \(environment files hold secrets\)$/);
    expect(why('gitconfig.md')).toMatch(/^symlink to \.git\/config, which is left out/);
    expect(why('creds.md')).toMatch(/^symlink to private\/creds\.txt, which is left out \(listed in \.walnutignore\)$/);
    expect(why('s.md')).toMatch(/^symlink to bundles\/hr\/salaries\.md, which is left out \(held back: sensitivity: restricted, pii: true\)$/);
  });

  it('a link into a nested walnut is left out', () => {
    const { walnut } = garden({ 'sub/_kernel/key.md': 'nested\n', 'sub/notes.md': 'nested notes\n' });
    symlinkSync('../../sub/notes.md', join(walnut, 'bundles', 'launch', 'n.md'));
    const r = full(walnut);
    expect(paths(r)).not.toContain('bundles/launch/n.md');
    expect(r.skipped.find((s) => s.path === 'bundles/launch/n.md')?.reason).toMatch(/nested walnut/);
  });
});

describe('config files are read only as small regular files', () => {
  const create = (dir: string, walnut: string) =>
    cli(dir, ['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, `o-${++n}.walnut`), '--json'], { timeout: 20_000 });

  it('a FIFO named context.manifest.yaml holds its bundle back instead of blocking', () => {
    const { dir, walnut } = garden();
    rmSync(join(walnut, 'bundles/launch/context.manifest.yaml'));
    expect(spawnSync('mkfifo', [join(walnut, 'bundles/launch/context.manifest.yaml')]).status).toBe(0);
    const r = create(dir, walnut);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).held_back).toEqual(['launch']);
    expect(r.stderr).toMatch(/held back bundle 'launch' \(context\.manifest\.yaml is not a regular file/);
  });

  it('a FIFO or link named .walnutignore is refused with a clear error', () => {
    const { dir, walnut } = garden();
    expect(spawnSync('mkfifo', [join(walnut, '.walnutignore')]).status).toBe(0);
    const r = create(dir, walnut);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/\.walnutignore .*is not a regular file/);

    rmSync(join(walnut, '.walnutignore'));
    writeFileSync(join(dir, 'shared-ignore'), 'private/\n');
    symlinkSync(join(dir, 'shared-ignore'), join(walnut, '.walnutignore'));
    const l = create(dir, walnut);
    expect(l.status).toBe(1);
    expect(errorLine(l)).toMatch(/\.walnutignore .*is not a regular file/);
  });

  it('a .walnutignore over 1 MiB is refused', () => {
    const { dir, walnut } = garden({ '.walnutignore': `${'#'.repeat(1024 * 1024)}\n` });
    const r = create(dir, walnut);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/\.walnutignore .*larger than/);
  });
});
