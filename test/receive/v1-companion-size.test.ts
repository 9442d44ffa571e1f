/**
 * A v1 capsule's companion.md is parsed as YAML and rewritten in memory. The YAML parser takes
 * some 300 bytes of memory and 3 µs of CPU per byte of frontmatter: a 4 MB list (a package of a
 * few KB) took 14 s and 1.26 GB, and a few times that ends the process out of memory with no refusal
 * saying why. Past COMPANION_MAX_BYTES it is kept as it is (nothing is lost), beside a minimal
 * context.manifest.yaml, and a note says so.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
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
    expect(r.notes.join('\n')).toMatch(/v1 capsule big: companion\.md is larger than \d+ bytes \(\d+\); it was kept as it is/);
  });
});
