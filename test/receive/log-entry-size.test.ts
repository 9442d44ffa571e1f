/**
 * The log entry lands in the receiver's own log.md, which agents read at the start of a session:
 * what the package decides (how many files it holds back, how many bundles, how many conflicts)
 * must not decide its size. The full lists stay in the result, the ledger and held-back.json.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('the log entry of a receive', () => {
  it('stays small when a bundle package holds back hundreds of files, brings hundreds of bundles and conflicts', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = {};
    const bundles: string[] = ['alpha'];
    files['bundles/alpha/context.manifest.yaml'] = 'goal: a\n';
    // 300 of each: their names alone are about 30 KB, three times the bound (the log shows 20).
    for (let i = 0; i < 300; i++) {
      const b = `bundle-with-a-rather-long-name-${String(i).padStart(5, '0')}`;
      bundles.push(b);
      files[`bundles/${b}/docs/CLAUDE.md`] = 'x\n';
    }
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'bundle', files, { bundles }), files);
    const walnut = join(world, '04_Ventures', 'existing');
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    expect(r.held_back).toHaveLength(300);
    expect(r.imported).toHaveLength(301);
    expect(r.conflicts).toHaveLength(1);
    expect(r.log_entry!.length).toBeLessThan(8 * 1024);
    const log = readFileSync(join(walnut, '_kernel', 'log.md'), 'utf8');
    expect(log.length).toBeLessThan(10 * 1024);
    expect(r.log_entry).toMatch(/and 280 more/);
  }, 60_000);
});

describe('the ledger entry of a receive', () => {
  it('lists at most 100 held-back files and counts the rest: what a package holds back does not decide the size of imports.json', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { 'bundles/alpha/context.manifest.yaml': 'goal: a\n' };
    // 1000 names of 240 bytes: 240 KB listed whole, more than twice the bound (imports.json lists 100).
    for (let i = 0; i < 1000; i++) files[`bundles/alpha/.claude/commands/${'c'.repeat(200)}-${i}.md`] = 'x\n';
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'bundle', files, { bundles: ['alpha'] }), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    expect(r.held_back).toHaveLength(1000);
    const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
    const entry = ledger.imports.at(-1);
    expect(entry.held_back).toHaveLength(100);
    expect(entry.held_back[0]).toContain('.claude/commands/');
    expect(entry.held_back_total).toBe(1000);
    expect(readFileSync(join(world, '.alive', 'imports.json')).length).toBeLessThan(100 * 1024);
  }, 60_000);
});
