/**
 * A received `.gitignore` in `_kernel/` (or at a bundle's top) was imported as the sender wrote it.
 * git and ripgrep (so Claude Code's Grep and Glob) leave out what it names below it: `*` there hid
 * the received walnut's key.md, log.md (receive's own entry included) and now.json, and all that
 * the receiver writes there later, from the agent's searches and from `git add -A` in a world kept
 * in git (shown with the real CLI and git: `git check-ignore` named `_kernel/.gitignore`). Those
 * folders hold alive's own files, and no walnut needs an ignore file there; one deeper, in a
 * project's own folder (`code/app/.gitignore`: `node_modules/`), covers only that folder and is
 * what walnuts legitimately carry, so it is taken. `.ignore` and `.rgignore`, which ripgrep reads
 * too (outside git as well), are judged the same way.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { findAgentFiles } from '../../scripts/lib/walnut/agent-files.ts';
import { makeWorld, testEnv, tmp, v2Manifest, v3Manifest, writePackage, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const KEY = '---\ntype: venture\n---\n# fine\n';

const rules = (paths: string[]) => Object.fromEntries(findAgentFiles(paths).map((h) => [h.path, h.rule]));

describe('ignore files where alive keeps its own files', () => {
  it('are on the list in _kernel/ (any depth), at the walnut top and at a bundle top, in any case and spelling; deeper ones are not', () => {
    const held = [
      '.gitignore',
      '.ignore',
      '_kernel/.gitignore',
      '_kernel/history/.GitIgnore',
      '_kernel/.rgignore',
      '_kernel/.gitignore.',
      'bundles/plan/.gitignore',
      'bundles/plan/.IGNORE',
      'launch/.gitignore',
      '_core/.gitignore',
      '_core/_capsules/c/.gitignore',
    ];
    const taken = [
      'code/app/.gitignore',
      'bundles/plan/code/.gitignore',
      'launch/site/.rgignore',
      'notes/.gitignore',
      'other/.gitignore',
      '_kernel/gitignore',
      'bundles/plan/.gitignore.md',
      'bundles/.gitignore',
    ];
    const found = rules([...held, ...taken, 'launch/context.manifest.yaml', 'other/notes.md']);
    for (const p of held) expect(found[p], p).toMatch(/^\.(git|rg)?ignore in _kernel\/ or at the top of a walnut or bundle$/);
    for (const p of taken) expect(found[p], p).toBeUndefined();
  });

  it("agents' own ignore files (Cursor, Gemini, Windsurf, Cline, Roo Code) are judged the same way", () => {
    const names = [
      '.cursorignore',
      '.geminiignore',
      '.aiexclude',
      '.codeiumignore',
      '.clineignore',
      '.rooignore',
      // Missing until a review of 2026-12-07: JetBrains AI Assistant and Junie, Cursor's index, Continue, Goose, Crush.
      '.aiignore',
      '.cursorindexingignore',
      '.continueignore',
      '.gooseignore',
      '.crushignore',
    ];
    const found = rules(names.flatMap((n) => [`_kernel/${n}`, `bundles/plan/${n.toUpperCase()}`, `code/app/${n}`]));
    for (const n of names) {
      expect(found[`_kernel/${n}`], n).toBe(`${n} in _kernel/ or at the top of a walnut or bundle`);
      expect(found[`bundles/plan/${n.toUpperCase()}`], n).toBe(`${n} in _kernel/ or at the top of a walnut or bundle`);
      expect(found[`code/app/${n}`], n).toBeUndefined();
    }
  });

  it('a full package: held back from _kernel/ and a bundle top, taken in a project folder; git sees the kernel (real git)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = {
      '_kernel/key.md': KEY,
      '_kernel/log.md': '# log\n',
      '_kernel/.gitignore': '*\n',
      'bundles/plan/context.manifest.yaml': 'goal: p\nstatus: active\n',
      'bundles/plan/.gitignore': '*\n!.gitignore\n',
      'bundles/plan/draft.md': 'd\n',
      'code/app/.gitignore': 'node_modules/\n',
      'code/app/main.js': 'x\n',
    };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    const w = join(world, '03_Inbox', 'fine');
    expect(r.held_back.map((h) => [h.path, h.rule])).toEqual([
      ['_kernel/.gitignore', '.gitignore in _kernel/ or at the top of a walnut or bundle'],
      ['bundles/plan/.gitignore', '.gitignore in _kernel/ or at the top of a walnut or bundle'],
    ]);
    expect(existsSync(join(w, '_kernel', '.gitignore'))).toBe(false);
    expect(existsSync(join(w, 'bundles', 'plan', '.gitignore'))).toBe(false);
    expect(existsSync(join(w, 'code', 'app', '.gitignore'))).toBe(true);
    const git = (...args: string[]) => spawnSync('git', ['-C', world, ...args], { encoding: 'utf8' });
    expect(git('init', '-q').status).toBe(0);
    for (const p of ['_kernel/log.md', '_kernel/key.md', 'bundles/plan/draft.md']) {
      const ignored = git('check-ignore', '-v', join('03_Inbox', 'fine', p));
      expect(ignored.status, `${p} is ignored: ${ignored.stdout}`).toBe(1);
    }
    expect(git('check-ignore', '-q', '03_Inbox/fine/code/app/node_modules/x').status).toBe(0);
  });

  it('--allow-agent-files takes them', async () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': KEY, '_kernel/.gitignore': 'log.md\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env: testEnv(base), allowAgentFiles: true });
    expect(r.held_back).toEqual([]);
    expect(existsSync(join(world, '03_Inbox', 'fine', '_kernel', '.gitignore'))).toBe(true);
  });

  it('a bundle package into a walnut (v3 root bundle): its top .rgignore is held back, the bundle lands', async () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v3' });
    const files: PackageFiles = {
      '_kernel/key.md': KEY,
      'launch/context.manifest.yaml': 'goal: l\nstatus: active\n',
      'launch/.rgignore': '*\n',
      'launch/plan.md': 'p\n',
    };
    const pkg = await writePackage(join(base, 'b.walnut'), v3Manifest('fine', 'bundle', files, { bundles: ['launch'] }), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env: testEnv(base) });
    expect(r.held_back.map((h) => h.path)).toEqual(['launch/.rgignore']);
    expect(existsSync(join(world, '04_Ventures', 'existing', 'launch', 'plan.md'))).toBe(true);
    expect(existsSync(join(world, '04_Ventures', 'existing', 'launch', '.rgignore'))).toBe(false);
  });
});
