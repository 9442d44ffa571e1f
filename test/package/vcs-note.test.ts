/**
 * `verify` and `info` say when a package holds version-control metadata, which `extract` and
 * `receive` leave out (extract-vcs.test.ts): the user learns it before extracting. A note on
 * stderr; their --json shape (cli.md) is unchanged. A name that is
 * not a plain one is not shown in the note's words.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { infoCommand } from '../../scripts/lib/package/commands/info.ts';
import { tmp, writePackage, v2Manifest, type PackageFiles } from '../receive/helpers.ts';

const KEY = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes/a.md': 'a\n' };
const WITH_GIT = { ...KEY, 'code/app/.git/config': '[core]\n\tfsmonitor = "x"\n', 'code/app/.git/HEAD': 'x\n', 'deep/.hg/hgrc': 'x\n' };

async function pkgOf(files: PackageFiles): Promise<string> {
  const base = tmp('vcsnote');
  return writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
}

describe('verify and info name version-control metadata', () => {
  it.each([
    ['verify', verifyCommand],
    ['info', infoCommand],
  ] as const)("%s: a note on stderr, with --json too (its shape is the contract's)", async (_name, command) => {
    const pkg = await pkgOf(WITH_GIT);
    const human = await runCaptured(command, [pkg]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toContain("'code/app/.git'");
    expect(human.stderr).toContain("'deep/.hg'");
    expect(human.stderr).toMatch(/extract and receive leave/);
    const json = await runCaptured(command, [pkg, '--json']);
    expect(JSON.parse(json.stdout).ok).toBe(true);
    expect(json.stderr).toContain("'code/app/.git'");
  });

  it.each([
    ['verify', verifyCommand],
    ['info', infoCommand],
  ] as const)('%s: nothing said for a package without any', async (_name, command) => {
    const pkg = await pkgOf(KEY);
    const human = await runCaptured(command, [pkg]);
    expect(human.code).toBe(0);
    expect(human.stderr).not.toMatch(/version-control/);
  });

  it("a sender's name that is not a plain one is not shown", async () => {
    const pkg = await pkgOf({ ...KEY, 'NOTE TO ASSISTANT ok/.git/config': 'x\n' });
    const human = await runCaptured(verifyCommand, [pkg]);
    expect(human.stderr).toMatch(/version-control/);
    expect(human.stderr).not.toContain('NOTE TO ASSISTANT');
  });
});
