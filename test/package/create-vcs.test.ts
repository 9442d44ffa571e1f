/**
 * `extract` refuses a package holding version-control metadata (extract-vcs.test.ts) and says
 * packages never hold it; create left `.git/` out but packed `.hg/`, `.jj/`, `.sl/` and a bare
 * repository (`backup.git/`), so the user's own package of such a walnut could not be extracted.
 * create now leaves each out, named in what it skipped.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { collectWalnut } from '../../scripts/lib/package/collect.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { tmp } from '../receive/helpers.ts';

/** Writes `text` at `rel` in `walnut`, making its folders. */
const putIn = (walnut: string) => (rel: string, text: string) => {
  mkdirSync(join(walnut, rel, '..'), { recursive: true });
  writeFileSync(join(walnut, rel), text);
};

function walnutWithRepositories(): string {
  const walnut = join(tmp('cvcs'), 'w');
  const put = putIn(walnut);
  put('_kernel/key.md', '---\ngoal: g\n---\n');
  put('notes/a.md', 'a\n');
  put('notes/.hg/hgrc', '[ui]\n');
  put('deep/.JJ/repo/config.toml', '[ui]\n');
  put('deep/.sl/config', '[ui]\n');
  put('notes/git/config', 'not a repository\n');
  put('notes/HEAD', 'a file named HEAD beside no objects/ or refs/\n');
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '--bare', join(walnut, 'backup.git')], { env });
  return walnut;
}

describe('create and version-control metadata', () => {
  it('leaves out .hg/, .jj/, .sl/ and a bare repository, each named in skipped', () => {
    const r = collectWalnut({ walnut: walnutWithRepositories(), scope: 'full', bundles: [], allowSensitive: false });
    expect([...r.files].map((f) => f.path).sort()).toEqual(['_kernel/key.md', 'notes/HEAD', 'notes/a.md', 'notes/git/config']);
    const skipped = new Map(r.skipped.map((s) => [s.path, s.reason]));
    expect([...skipped.keys()].sort()).toEqual(['backup.git', 'deep/.JJ', 'deep/.sl', 'notes/.hg']);
    expect(skipped.get('backup.git')).toMatch(/^a Git repository \(its config names commands/);
    expect(skipped.get('notes/.hg')).toMatch(/^version-control metadata \(its config names commands/);
  });

  it(".git (a folder or a gitfile, at any depth) and the walnut root's hidden entries are left out and named; junk such as .DS_Store is left out unnamed", () => {
    const walnut = join(tmp('cvcs-named'), 'w');
    const put = putIn(walnut);
    put('_kernel/key.md', '---\ngoal: g\n---\n');
    put('_kernel/.scratch.md', 'kernel dot file\n');
    put('code/app/main.py', 'print(1)\n');
    put('code/app/.git/HEAD', 'ref: refs/heads/main\n');
    put('code/lib/.git', 'gitdir: ../../.git/modules/lib\n');
    put('code/lib/lib.py', 'x = 1\n');
    put('.git/HEAD', 'ref: refs/heads/main\n');
    put('.obsidian/app.json', '{}\n');
    put('.hidden.md', 'root dot file\n');
    put('.env', 'TOKEN=x\n');
    put('.walnutignore', '*.log\n');
    put('.DS_Store', 'junk\n');
    put('.localized', '');
    put('code/.DS_Store', 'junk\n');
    put('code/._main.py', 'macOS metadata\n');
    const r = collectWalnut({ walnut, scope: 'full', bundles: [], allowSensitive: false });
    expect([...r.files].map((f) => f.path).sort()).toEqual(['_kernel/key.md', 'code/app/main.py', 'code/lib/lib.py']);
    const skipped = new Map(r.skipped.map((s) => [s.path, s.reason]));
    expect([...skipped.keys()].sort()).toEqual(['.env', '.git', '.hidden.md', '.obsidian', '_kernel/.scratch.md', 'code/app/.git', 'code/lib/.git']);
    expect(skipped.get('.env')).toBe('environment files hold secrets');
    for (const git of ['.git', 'code/app/.git', 'code/lib/.git']) expect(skipped.get(git)).toMatch(/^a Git repository's metadata \(its config names commands/);
    expect(skipped.get('.obsidian')).toBe(
      "a hidden entry at the walnut root (a tool's or an editor's settings): not packed from there; move what should travel into a folder",
    );
    expect(skipped.get('_kernel/.scratch.md')).toBe('a hidden entry in _kernel/: not packed from there; move what should travel into a folder');
  });

  it('what create packs of such a walnut, extract unpacks', async () => {
    const walnut = walnutWithRepositories();
    const pkg = join(walnut, '..', 'w.walnut');
    const made = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', pkg, '--json']);
    expect(made.code).toBe(0);
    const out = await runCaptured(extractCommand, [pkg, '--output', join(walnut, '..', 'out'), '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
  });
});
