/**
 * Folder entries of a tar are not in the manifest, so no checksum or signature covers them:
 * `extract` made them all, so a package signed by a pinned peer could plant an empty `.alive/`
 * (or `01_Archive/` beside `02_Life/`), which makes the extracted folder a world to the hooks and
 * to receive, with no warning and the signature reported valid (a review of package crypto).
 * Neither alive nor the reference writes folder entries (walnut-package-v2.md: "No directory
 * entries"; empty folders are lost), and receive drops them: extract now makes only the folders
 * that hold the files it writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { entriesFor, refManifest, rmrf, sandboxEnv, tempRoot, writeTree } from './helpers.ts';

const root = tempRoot('unlisted-folders');
afterAll(() => rmrf(root));

function foldersBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe('folder entries that hold no listed file', () => {
  it('are not made by extract: no world marker, agent folder or empty folder the manifest does not cover', async () => {
    const src = join(root, 'src');
    const files = { '_kernel/key.md': 'key\n', 'notes/n.md': 'x\n' };
    writeTree(src, { ...files, 'manifest.yaml': refManifest({ files: entriesFor(files) }) });
    for (const d of ['.alive', '01_Archive', '02_Life', '.claude', 'notes/empty']) mkdirSync(join(src, d), { recursive: true });
    const pkg = join(root, 'x.walnut');
    const t = spawnSync('tar', ['-czf', pkg, '-C', src, '.']);
    expect(t.status, String(t.stderr)).toBe(0);
    const names = String(spawnSync('tar', ['-tzf', pkg]).stdout).split('\n');
    for (const d of ['./.alive/', './01_Archive/', './02_Life/', './.claude/', './notes/empty/']) expect(names).toContain(d);

    const env = sandboxEnv(root);
    expect((await aliveInProcess(['verify', pkg], env)).status).toBe(0);
    const out = join(root, 'out');
    const x = await aliveInProcess(['extract', pkg, '--output', out], env);
    expect(x.status, x.stderr).toBe(0);
    expect(foldersBelow(out)).toEqual(['_kernel', 'notes']);
  });
});
