/**
 * globPaths: a shell glob expanded from the file system as bash expands it, within a budget of
 * folder entries so that a huge folder cannot stall the hook.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globPaths } from '../../scripts/lib/guardian/glob-paths.ts';

let base: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-glob-')));
  for (const d of ['a/_kernel', 'b/_kernel', '.hidden/_kernel']) mkdirSync(join(base, d), { recursive: true });
  for (const f of ['a/_kernel/log.md', 'a/_kernel/key.md', 'b/_kernel/log.md', '.hidden/_kernel/log.md', 'a/*.md', 'a/.dot.md'])
    writeFileSync(join(base, f), 'x');
});

describe('globPaths', () => {
  it('expands * and ? per component, relative to the base or absolute', () => {
    expect(globPaths('*/_kernel/l?g.md', base).sort()).toEqual([join(base, 'a/_kernel/log.md'), join(base, 'b/_kernel/log.md')]);
    expect(globPaths(`${base}/a/_kernel/*.md`, '/nowhere').sort()).toEqual([join(base, 'a/_kernel/key.md'), join(base, 'a/_kernel/log.md')]);
  });
  it('leaves out dot-names unless the component starts with a dot, as bash does', () => {
    expect(globPaths('a/*.md', base)).toEqual([join(base, 'a/*.md')]);
    expect(globPaths('.*/_kernel/*', base).map((p) => p.slice(base.length))).toEqual(['/.hidden/_kernel/log.md']);
  });
  it('takes an escaped * as the character itself', () => {
    expect(globPaths('a/\\*.md', base)).toEqual([join(base, 'a/*.md')]);
  });
  it('expands to nothing under a folder that is missing or not a folder', () => {
    expect(globPaths('missing/*', base)).toEqual([]);
    expect(globPaths('a/_kernel/log.md/*', base)).toEqual([]);
  });
  it('reads no more folder entries than its budget', () => {
    const many = join(base, 'many');
    mkdirSync(many);
    for (let i = 0; i < 300; i++) writeFileSync(join(many, `f${i}`), '');
    const budget = { entries: 100 };
    expect(globPaths('many/*', base, budget)).toHaveLength(100);
    expect(budget.entries).toBe(0);
    expect(globPaths('many/*', base, budget)).toEqual([]);
  });
});
