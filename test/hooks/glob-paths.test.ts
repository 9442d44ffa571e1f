/**
 * globPaths: a shell glob expanded from the file system as bash expands it, within a budget of
 * folder entries so that a huge folder cannot stall the hook.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GLOB_ENTRIES_MAX, GLOB_STEPS_MAX, globPaths } from '../../scripts/lib/guardian/glob-paths.ts';
import { folderLook } from '../../scripts/lib/guardian/paths.ts';

let base: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-glob-')));
  for (const d of ['a/_kernel', 'b/_kernel', '.hidden/_kernel']) mkdirSync(join(base, d), { recursive: true });
  for (const f of ['a/_kernel/log.md', 'a/_kernel/key.md', 'b/_kernel/log.md', '.hidden/_kernel/log.md', 'a/*.md', 'a/.dot.md'])
    writeFileSync(join(base, f), 'x');
  // A folder of 300 names, for the budgets below (each test reads it; none depends on another's order).
  mkdirSync(join(base, 'many'));
  for (let i = 0; i < 300; i++) writeFileSync(join(base, 'many', `f${i}`), '');
});

describe('globPaths', () => {
  it('expands * and ? per component, relative to the base or absolute', () => {
    expect(globPaths('*/_kernel/l?g.md', base).paths.sort()).toEqual([join(base, 'a/_kernel/log.md'), join(base, 'b/_kernel/log.md')]);
    expect(globPaths(`${base}/a/_kernel/*.md`, '/nowhere').paths.sort()).toEqual([join(base, 'a/_kernel/key.md'), join(base, 'a/_kernel/log.md')]);
  });
  it('leaves out dot-names unless the component starts with a dot, as bash does', () => {
    expect(globPaths('a/*.md', base).paths).toEqual([join(base, 'a/*.md')]);
    expect(globPaths('.*/_kernel/*', base).paths.map((p) => p.slice(base.length))).toEqual(['/.hidden/_kernel/log.md']);
  });
  it('takes an escaped * as the character itself', () => {
    expect(globPaths('a/\\*.md', base).paths).toEqual([join(base, 'a/*.md')]);
  });
  it('expands to nothing under a folder that is missing or not a folder', () => {
    expect(globPaths('missing/*', base)).toEqual({ paths: [], complete: true });
    expect(globPaths('a/_kernel/log.md/*', base)).toEqual({ paths: [], complete: true });
  });
  it('reads no more folder entries than its budget, and says when it stopped short', () => {
    const budget = { entries: 100, steps: GLOB_STEPS_MAX };
    expect(globPaths('many/*', base, budget)).toEqual({ paths: [], complete: false });
    expect(globPaths('many/*', base, budget).complete).toBe(false);
    expect(globPaths('many/f1?', base).paths).toHaveLength(10);
  });
  it('matches within a budget of work: a run of stars is one star, a long pattern is cut short (shell-bounded.test.ts times them)', () => {
    expect(globPaths(`many/${'*'.repeat(50_000)}f299`, base).paths).toEqual([join(base, 'many', 'f299')]);
    expect(globPaths(`many/${'?*'.repeat(20_000)}`, base)).toEqual({ paths: [], complete: false });
    expect(globPaths(`many/${'ab?'.repeat(300)}*`, base, { entries: GLOB_ENTRIES_MAX, steps: 10_000 })).toMatchObject({ complete: false });
  });
});

describe('folderLook', () => {
  it('counts each folder it opens: a tree of many empty folders is past its budget, not read for seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alive-folder-look-'));
    try {
      for (let i = 0; i < 3000; i++) mkdirSync(join(dir, String(i)));
      // 3,000 names and 3,001 folders opened: 51,016 of the budget, past the 20,000 of one look.
      expect(folderLook(dir)).toBeUndefined();
      expect(folderLook(dir, false, { entries: 60_000 })).toEqual({ logs: [], links: false });
      expect(folderLook(dir, false, { entries: 60_000 }, Date.now() - 1)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
