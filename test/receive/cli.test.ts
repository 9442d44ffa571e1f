import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { cliBundle, makeWorld, testEnv, tmp, tree, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

let cli = '';
beforeAll(async () => {
  cli = await cliBundle();
}, 120_000);

const files: PackageFiles = {
  '_kernel/key.md': '---\ngoal: g\n---\n',
  '_kernel/insights.md': '\u001b[31mred\u001b[0m insight\n',
  'bundles/a/context.manifest.yaml': 'goal: a\n',
};

/** `alive-p2p receive <args>` through the bundle: for the entry itself (--help, its flags) and a current folder of its own. */
function run(args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
  return spawnSync(process.execPath, [cli, 'receive', ...args], { env, encoding: 'utf8', ...(cwd ? { cwd } : {}) });
}

/** The same command in-process (every path absolute), for what it does with its arguments. */
const receive = (args: string[], env: NodeJS.ProcessEnv) => aliveInProcess(['receive', ...args], env);

describe('alive-p2p receive (CLI)', () => {
  it('--help exits 0; unknown flags and missing arguments exit 2', async () => {
    const env = testEnv(tmp());
    const help = run(['--help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: alive-p2p receive PACKAGE \[--world DIR\]/);
    const bad = run(['x.walnut', '--world', '.', '--bogus'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*--bogus/);
    expect((await receive(['--world', '.'], env)).status).toBe(2);
    expect((await receive(['x.walnut', '--world', ''], env)).status).toBe(2);
    // Without --world, outside any world and with no ALIVE_WORLD_ROOT: a refusal saying what to pass.
    const lost = run(['x.walnut', '--json'], { ...env, ALIVE_WORLD_ROOT: '' }, tmp('nowhere'));
    expect(lost.status).toBe(1);
    expect(JSON.parse(lost.stdout)).toMatchObject({ ok: false, error: { code: 'no_world', message: expect.stringMatching(/pass --world DIR/) } });
  });

  it('finds the world from the current folder when --world is left out', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const ok = run([pkg, '--json'], { ...env, ALIVE_WORLD_ROOT: '' }, join(world, '04_Ventures'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, walnut: join(world, '03_Inbox', 'garden'), layout: 'v2' });
  });

  it('--json prints exactly one object: the result on success, {ok:false,error} on refusal (exit 1)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const ok = await receive([pkg, '--world', world, '--json'], env);
    expect(ok.status, ok.stderr).toBe(0);
    const r = JSON.parse(ok.stdout);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['ok', 'walnut', 'imported', 'skipped', 'conflicts', 'log_entry']));
    expect(r.ok).toBe(true);
    const again = await receive([pkg, '--world', world, '--json'], env);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: false,
      imported_into: '03_Inbox/garden',
      package_sha256: r.package_sha256,
      error: { code: 'duplicate' },
    });
    expect(again.stderr).toMatch(/^error: .*already imported.*--force[^\n]*\n$/);
    // The walnut is still there: --force alone would be refused next (exists), so the way on names --as (a review of 2026-12-08).
    expect(JSON.parse(again.stdout).error.message).toContain('pass --force --as NEW_NAME (the walnut is still there) to import it again');
    const renamed = await receive([pkg, '--world', world, '--force', '--as', 'garden-2', '--json'], env);
    expect(renamed.status, renamed.stderr).toBe(0);
  });

  it('--dry-run --json adds dry_run: true and writes nothing', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const before = tree(world);
    const dry = await receive([pkg, '--world', world, '--json', '--dry-run'], env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, dry_run: true, walnut: join(world, '03_Inbox', 'garden') });
    expect(tree(world)).toEqual(before);
  });

  it('--sha256: the dry run prints package_sha256; a file replaced since is refused (exit 1, package_changed), a malformed value exits 2', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const dry = await receive([pkg, '--world', world, '--json', '--dry-run'], env);
    expect(dry.status, dry.stderr).toBe(0);
    const hex: string = JSON.parse(dry.stdout).package_sha256;
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    expect((await receive([pkg, '--world', world, '--sha256', hex.slice(1)], env)).status).toBe(2);
    const others: PackageFiles = { ...files, 'bundles/a/context.manifest.yaml': 'goal: not what was shown\n' };
    renameSync(await writePackage(join(base, 'q.walnut'), v2Manifest('garden', 'full', others), others), pkg);
    const before = tree(world);
    const refused = await receive([pkg, '--world', world, '--sha256', hex, '--json'], env);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'package_changed' } });
    expect(tree(world)).toEqual(before);
  });

  it('prints a snapshot as data: terminal control sequences from the package are made visible', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const snap: PackageFiles = { '_kernel/key.md': 'key\n', '_kernel/insights.md': files['_kernel/insights.md']! };
    const pkg = await writePackage(join(base, 's.walnut'), v2Manifest('garden', 'snapshot', snap), snap);
    const out = await receive([pkg, '--world', world], env);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('\u001b');
    expect(out.stdout).toContain('\\x1b[31mred');
    expect(out.stdout).toMatch(/display-only; nothing was written/);
  });
});
