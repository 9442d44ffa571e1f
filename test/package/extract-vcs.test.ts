/**
 * `extract` wrote a package's `notes/.git/` as it came: its `config` names `core.fsmonitor`, which
 * git runs on any `git status` there (a shell prompt that shows the branch runs one on `cd`; so
 * does an agent that looks at the folder), with no trust prompt, as the files are the user's own.
 * It was not even named in a warning. An honest package never holds version-control metadata
 * (create leaves `.git/` out) and `receive` leaves it out; extract refuses the package, writing
 * nothing, naming the folder: `.git` (a folder, or a gitfile), `.hg/`, `.jj/`, `.sl/`, in any case,
 * and a folder git takes for a repository under another name.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { tmp, writePackage, v2Manifest, type PackageFiles } from '../receive/helpers.ts';

const KEY = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes/a.md': 'a\n' };
const FSMONITOR = '[core]\n\tfsmonitor = "touch /tmp/pwned; false"\n';

async function extract(files: PackageFiles) {
  const base = tmp('xvcs');
  const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
  const dest = join(base, 'out');
  const r = await runCaptured(extractCommand, [pkg, '--output', dest, '--json']);
  return { r, dest, base };
}

describe('extract and version-control metadata', () => {
  it.each([
    ['notes/.git', { 'notes/.git/config': FSMONITOR, 'notes/.git/HEAD': 'ref: refs/heads/main\n' }],
    ['notes/.GIT.', { 'notes/.GIT./config': FSMONITOR }],
    ['notes/.git', { 'notes/.git': 'gitdir: ../evil\n' }],
    ['deep/.hg', { 'deep/.hg/hgrc': '[hooks]\npre-status = touch /tmp/pwned\n' }],
    ['deep/.jj', { 'deep/.jj/repo/config.toml': '[ui]\npager = "sh"\n' }],
    ['deep/.sl', { 'deep/.sl/config': '[hooks]\npre-status = touch /tmp/pwned\n' }],
    ['notes/evil', { 'notes/evil/HEAD': 'ref: refs/heads/main\n', 'notes/evil/config': FSMONITOR, 'notes/evil/objects/x': 'x', 'notes/evil/refs/x': 'x' }],
  ])('%s: refused, nothing written', async (entry, extra) => {
    const { r, dest, base } = await extract({ ...KEY, ...(extra as PackageFiles) });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.code).toBe('unsafe_entry');
    expect(out.error.message).toContain(`'${entry}'`);
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(base).sort()).toEqual(['p.walnut']);
  });

  it('a name that merely looks alike is extracted', async () => {
    const { r, dest } = await extract({ ...KEY, 'notes/.github/CODEOWNERS': '* @a\n', 'notes/git/config': 'x\n', 'notes/.gitignore': 'x\n' });
    expect(r.code).toBe(0);
    expect(existsSync(join(dest, 'notes', 'git', 'config'))).toBe(true);
  });
});
