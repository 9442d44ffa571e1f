/**
 * Two members whose names differ only by letter case or Unicode normalisation (`notes.md` and
 * `Notes.md`, a composed `café` and a decomposed one) are one file on macOS and Windows: extracted
 * or received there, one lands on the other. verify, extract and receive refuse such a package
 * (`name_collision`), naming both; folders so named merge and are not refused.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPackage } from '../../scripts/lib/package/verify.ts';
import { extractPackage } from '../../scripts/lib/package/extract.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from '../receive/helpers.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { sandboxEnv, writeTree } from './helpers.ts';

const MAX = 1 << 30;
const KEY = { '_kernel/key.md': '---\ngoal: g\n---\n' };

async function pkgOf(extra: PackageFiles): Promise<{ base: string; pkg: string }> {
  const base = tmp('collide');
  const files: PackageFiles = { ...KEY, ...extra };
  return { base, pkg: await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files) };
}

describe('members whose names are one on a file system that ignores case or Unicode form', () => {
  const colliding: Array<[string, string, string]> = [
    ['case', 'notes/notes.md', 'notes/Notes.md'],
    ['case of a folder above', 'Docs/a.md', 'docs/A.md'],
    ['NFC and NFD', 'notes/caf\u00e9.md', 'notes/cafe\u0301.md'],
    ['Unicode case (U+0130 and i)', 'x/\u0130.md', 'x/i\u0307.md'],
    // Capital sharp s (U+1E9E) folds to ss, as small sharp s does: upper then lower case alone gave ß.
    ['capital and small sharp s', 'x/stra\u1e9ee.md', 'x/stra\u00dfe.md'],
    ['capital sharp s and ss', 'x/\u1e9e.md', 'x/SS.md'],
    ['a trailing dot Windows drops', 'notes/a.md', 'notes/a.md.'],
    ['a trailing space Windows drops', 'docs/a.md', 'docs /a.md'],
  ];
  for (const [what, first, second] of colliding) {
    it(`verify refuses them, naming both (${what})`, async () => {
      const { pkg } = await pkgOf({ [first]: 'one\n', [second]: 'two\n' });
      const r = await verifyPackage(pkg, { maxSize: MAX });
      expect(r).toMatchObject({ ok: false, code: 'name_collision' });
      const problem = r.problems.join('\n');
      // Each name quoted when plain; one holding a space is shown fenced instead.
      expect(problem).toContain(`'${first}'`);
      if (!second.includes(' ')) expect(problem).toContain(`'${second}'`);
      expect(problem).toContain('macOS and Windows');
    });
  }

  it('refuses a file and a folder whose names differ only by case', async () => {
    const { pkg } = await pkgOf({ 'notes/readme': 'a file\n', 'notes/README/x.md': 'below a folder\n' });
    expect(await verifyPackage(pkg, { maxSize: MAX })).toMatchObject({ ok: false, code: 'name_collision' });
    const other = await pkgOf({ 'notes/README/x.md': 'below a folder\n', 'notes/readme': 'a file\n' });
    expect(await verifyPackage(other.pkg, { maxSize: MAX })).toMatchObject({ ok: false, code: 'name_collision' });
    // Spelled alike, they are refused as before: one name used as a file and a folder.
    const same = await pkgOf({ 'notes/readme': 'a file\n', 'notes/readme/x.md': 'below a folder\n' });
    expect(await verifyPackage(same.pkg, { maxSize: MAX })).toMatchObject({ ok: false, code: 'duplicate_entry' });
  });

  it('takes folders whose names differ only by case, holding different files (they merge)', async () => {
    const { base, pkg } = await pkgOf({ 'Docs/a.md': 'a\n', 'docs/b.md': 'b\n' });
    expect(await verifyPackage(pkg, { maxSize: MAX })).toMatchObject({ ok: true });
    const out = join(base, 'out');
    await extractPackage(pkg, out, { maxBytes: MAX });
    expect(existsSync(join(out, 'docs', 'b.md'))).toBe(true);
  });

  it('extract writes nothing and receive leaves the world as it was', async () => {
    const { base, pkg } = await pkgOf({ 'CLAUDE.md': 'held back\n', 'notes.md': 'one\n', 'Notes.md': 'two\n' });
    const out = join(base, 'out');
    await expect(extractPackage(pkg, out, { maxBytes: MAX })).rejects.toMatchObject({ code: 'name_collision' });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const world = makeWorld(base, { layout: 'v2' });
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env: testEnv(base) })).rejects.toMatchObject({ code: 'name_collision' });
    expect(tree(world)).toEqual(before);
  });
});

describe('create, on a file system that tells such names apart (Linux)', () => {
  it('refuses a walnut holding two of them, naming both, and writes nothing: every receiver would refuse the package', async () => {
    const dir = tmp('collide-create');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': '---\ntype: venture\n---\n', 'notes/a.md': 'a\n', 'notes/A.md': 'A\n' });
    const pkg = join(dir, 'out.walnut');
    const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--json'], sandboxEnv(dir));
    expect(r.status).not.toBe(0);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'name_collision' });
    expect(r.stdout).toContain('notes/A.md');
    expect(r.stdout).toContain('notes/a.md');
    expect(existsSync(pkg)).toBe(false);
    // Folders spelled in two cases merge, as a receiver takes them.
    writeTree(join(dir, 'v'), { '_kernel/key.md': '---\ntype: venture\n---\n', 'Docs/a.md': 'a\n', 'docs/b.md': 'b\n' });
    const ok = await aliveInProcess(['create', '--walnut', join(dir, 'v'), '--scope', 'full', '--output', join(dir, 'v.walnut')], sandboxEnv(dir));
    expect(ok.status, ok.stderr).toBe(0);
  });

  // A composed and a decomposed `café` print alike: the refusal said "café.md and café.md", and the
  // user could not tell which to rename (a review of 2026-12-07). It spells them by code point.
  it('names two spellings of one name in two Unicode forms by their code points', async () => {
    const dir = tmp('collide-forms');
    const walnut = join(dir, 'w');
    writeTree(walnut, { '_kernel/key.md': '---\ntype: venture\n---\n', 'notes/caf\u00e9.md': 'one\n', 'notes/cafe\u0301.md': 'two\n' });
    const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', join(dir, 'out.walnut'), '--json'], sandboxEnv(dir));
    const message = JSON.parse(r.stdout).error.message as string;
    expect(message).toContain('the same letters in two Unicode forms');
    expect(message).toContain('notes/caf\\u{e9}.md');
    expect(message).toContain('notes/cafe\\u{301}.md');
  });
});
