/**
 * A v1 capsule's companion.md is parsed as YAML and rewritten in memory. The YAML parser takes
 * some 300 bytes of memory and 3 µs of CPU per byte of frontmatter: a 4 MB list (a package of a
 * few KB) took 14 s and 1.26 GB, and a few times that ends the process out of memory with no refusal
 * saying why. Past COMPANION_MAX_BYTES it is kept as it is (nothing is lost), beside a minimal
 * context.manifest.yaml, and a note says so.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { COMPANION_MAX_BYTES } from '../../scripts/lib/receive/v1.ts';
import { makeWorld, testEnv, tmp, writePackage, v1Manifest, type PackageFiles } from './helpers.ts';

describe('a v1 companion.md too large to convert', () => {
  it('is kept as it is, beside a minimal context.manifest.yaml, with a note', async () => {
    expect(COMPANION_MAX_BYTES).toBeLessThanOrEqual(1024 * 1024);
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const big = `---\nname: Big\ntags:\n${'- a\n'.repeat(Math.floor(COMPANION_MAX_BYTES / 4))}---\nbody\n`;
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/big/companion.md': big };
    const pkg = await writePackage(join(base, 'c.walnut'), v1Manifest('garden', 'capsule', files, ['big']), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: 1 << 30, env });
    const b = join(world, '04_Ventures', 'existing', 'big');
    expect(readFileSync(join(b, 'companion.md'), 'utf8')).toBe(big);
    expect(existsSync(join(b, 'README.md'))).toBe(false);
    expect(parseYaml(readFileSync(join(b, 'context.manifest.yaml'), 'utf8'))).toMatchObject({ name: 'big', tags: [] });
    expect(r.notes.join('\n')).toMatch(/v1 capsule 'big': companion\.md is larger than \d+ bytes \(\d+\); it was kept as it is/);
  });

  it('converts at most COMPANION_MAX_BYTES of companion.md in one package: the rest is kept as it is', async () => {
    // Each 256 KiB companion took about 0.9 s of CPU: 200 capsules in a 68 KB package took 175 s.
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const companion = `---\nname: C\ntags:\n${'- a\n'.repeat(Math.floor((COMPANION_MAX_BYTES * 0.6) / 4))}---\nbody\n`;
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/c1/companion.md': companion, '_core/_capsules/c2/companion.md': companion };
    const pkg = await writePackage(join(base, 'c.walnut'), v1Manifest('garden', 'capsule', files, ['c1', 'c2']), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: 1 << 30, env });
    const at = (c: string) => join(world, '04_Ventures', 'existing', c);
    expect(existsSync(join(at('c1'), 'README.md'))).toBe(true);
    expect(existsSync(join(at('c1'), 'companion.md'))).toBe(false);
    expect(readFileSync(join(at('c2'), 'companion.md'), 'utf8')).toBe(companion);
    expect(parseYaml(readFileSync(join(at('c2'), 'context.manifest.yaml'), 'utf8'))).toMatchObject({ name: 'c2', tags: [] });
    expect(r.notes.join('\n')).toMatch(/v1 capsule 'c2': the package's companion\.md files converted before it hold \d+ bytes/);
  });

  it('keeps one whose frontmatter uses aliases as it is: expanded and written out, 90 aliases of a 200 KB anchor made an 18 MB manifest', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const companion = `---\nname: A\nbase: &b "${'A'.repeat(200_000)}"\nl: [${Array(90).fill('*b').join(', ')}]\n---\nbody\n`;
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/a/companion.md': companion };
    const pkg = await writePackage(join(base, 'a.walnut'), v1Manifest('garden', 'capsule', files, ['a']), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: 1 << 30, env });
    const a = join(world, '04_Ventures', 'existing', 'a');
    expect(readFileSync(join(a, 'companion.md'), 'utf8')).toBe(companion);
    expect(statSync(join(a, 'context.manifest.yaml')).size).toBeLessThan(1024);
    expect(r.notes.join('\n')).toMatch(/v1 capsule 'a': companion\.md frontmatter is not readable YAML; it was kept as is/);
  });

  it('says nothing on stderr for YAML it reads with warnings (an unknown tag quoting escape sequences)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const companion = '---\nname: W\nx: !foo bar # \u001b[2K\u001b[1A signature verified\n---\nbody\n';
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/w/companion.md': companion };
    const pkg = await writePackage(join(base, 'w.walnut'), v1Manifest('garden', 'capsule', files, ['w']), files);
    const warned: unknown[] = [];
    const onWarning = (w: unknown) => warned.push(w);
    process.on('warning', onWarning);
    try {
      await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: 1 << 30, env });
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warned).toEqual([]);
  });
});
