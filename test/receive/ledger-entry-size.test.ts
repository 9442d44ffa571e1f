/**
 * Every receive reads imports.json whole, and refuses past LEDGER_MAX_BYTES (64 MiB) until the
 * user repairs it. A package decided how much its entry added: the manifest's `sender`, source
 * walnut and `created` went in as they were (a manifest may be 32 MiB: two packages of some KB,
 * gzip-compressed, and every later receive into the world was refused), and so did the list of
 * every bundle imported and every conflict (10,000 of each a package). Like `held_back`, the
 * lists keep their first 100 with a total, and the package's own text is cut: the held-back
 * paths too (100 of some 3,800 bytes each added 380 KB an import, from a package of 6 KB).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { ledgerPath } from '../../scripts/lib/receive/ledger.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, v3Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('one import entry in imports.json', () => {
  it('is bounded, whatever the manifest says and however many bundles it brings', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const names = Array.from({ length: 150 }, (_, i) => `b${String(i).padStart(3, '0')}-${'n'.repeat(150)}`);
    const files: PackageFiles = {};
    const big = 'S'.repeat(1_000_000);
    const text = v3Manifest('W'.repeat(200_000), 'bundle', files, { bundles: names, sender: big }).replace(
      'created: "2026-04-13T09:00:00Z"',
      `created: "2026-04-13T09:00:00Z${'C'.repeat(200_000)}"`,
    );
    const pkg = await writePackage(join(base, 'p.walnut'), text, files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    expect(r.imported).toHaveLength(150);
    const size = statSync(ledgerPath(world)).size;
    expect(size).toBeLessThan(64 * 1024);
    const [entry] = JSON.parse(readFileSync(ledgerPath(world), 'utf8')).imports;
    expect(entry.imported).toHaveLength(100);
    expect(entry.imported_total).toBe(150);
    expect(entry.sender.startsWith('SSS')).toBe(true);
    expect(entry.sender.endsWith('…')).toBe(true);
    expect(entry.walnut.startsWith('WWW')).toBe(true);
    expect(entry.created.startsWith('2026-04-13T09:00:00Z')).toBe(true);
  });

  it('cuts each held-back path (held-back.json keeps them whole)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const deep = Array.from({ length: 15 }, () => 'd'.repeat(250)).join('/');
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n' };
    for (let i = 0; i < 100; i++) files[`notes/${String(i).padStart(3, '0')}/${deep}/CLAUDE.md`] = 'x\n';
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('deep', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    expect(r.held_back).toHaveLength(100);
    expect(statSync(ledgerPath(world)).size).toBeLessThan(64 * 1024);
    const [entry] = JSON.parse(readFileSync(ledgerPath(world), 'utf8')).imports;
    expect(entry.held_back).toHaveLength(100);
    for (const p of entry.held_back as string[]) expect(p.length).toBeLessThanOrEqual(256);
    expect(entry.held_back[0].startsWith('notes/000/ddd')).toBe(true);
    expect(entry.held_back[0].endsWith('…')).toBe(true);
    const index = JSON.parse(readFileSync(join(r.held_back_dir!, 'held-back.json'), 'utf8'));
    expect(index.files[0].path).toBe(`notes/000/${deep}/CLAUDE.md`);
  });
});
