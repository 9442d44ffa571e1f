/**
 * The receive skill shows a snapshot by running `receive` on it (step 5), after `info` said its
 * scope is snapshot. What `info` read is the file as it was then: a package replaced in the inbox
 * folder in between (or an info misread) is imported by a plain `receive`, with no dry run and no
 * yes from the user. `receive --dry-run` shows a snapshot just the same and never writes, whatever
 * the file has become: the step runs that.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundle, makeWorld, repoRoot, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

let cli = '';
beforeAll(async () => {
  cli = await cliBundle();
}, 120_000);

const snapshotStep = () => {
  const text = readFileSync(join(repoRoot, 'skills', 'receive', 'SKILL.md'), 'utf8');
  return /^## 5\. Snapshot[\s\S]*?(?=^## )/m.exec(text)![0];
};

describe('receive skill, step 5 (a snapshot)', () => {
  it('runs receive with --dry-run, or with the --sha256 of the package the dry run showed (a replaced file is refused)', () => {
    const commands = [...snapshotStep().matchAll(/`(alive-p2p receive [^`]*)`/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands[0]).toMatch(/^alive-p2p receive --dry-run /);
    for (const c of commands) expect(c, c).toMatch(/^alive-p2p receive --dry-run |--sha256 '<package_sha256 of the dry run>'/);
  });

  it('that command shows a snapshot under snapshot.untrusted, and writes nothing when the file is a full package after all', async () => {
    const base = tmp('snapstep');
    const env = testEnv(base);
    const world = makeWorld(base);
    const snap: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', '_kernel/insights.md': '# Insights\n' };
    const pkg = join(base, 's.walnut');
    await writePackage(pkg, v2Manifest('garden', 'snapshot', snap), snap);
    const before = tree(world);
    const shown = spawnSync(process.execPath, [cli, 'receive', '--dry-run', pkg, '--world', world, '--json'], { env, encoding: 'utf8' });
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).snapshot.untrusted.insights_md.text).toBe('# Insights\n');

    // The same path, now a full package: the step's command still writes nothing.
    const full: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes.md': 'x\n' };
    await writePackage(join(base, 'full.walnut'), v2Manifest('garden', 'full', full), full);
    spawnSync('cp', [join(base, 'full.walnut'), pkg]);
    const r = spawnSync(process.execPath, [cli, 'receive', '--dry-run', pkg, '--world', world, '--json'], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scope).toBe('full');
    expect(tree(world)).toEqual(before);
    // The step's second command, with the snapshot's sha256: the file it names now is refused.
    const seen = JSON.parse(shown.stdout).package_sha256;
    const marked = spawnSync(process.execPath, [cli, 'receive', pkg, '--world', world, '--sha256', seen, '--json'], { env, encoding: 'utf8' });
    expect(marked.status).toBe(1);
    expect(JSON.parse(marked.stdout).error.code).toBe('package_changed');
    expect(tree(world)).toEqual(before);
  });
});
