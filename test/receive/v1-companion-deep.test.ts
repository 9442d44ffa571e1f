/**
 * A v1 companion.md whose frontmatter nests a thousand levels deep (a few KB) made V8 abort the
 * whole receive (a fatal out-of-memory error in the yaml parser's recursion, exit 134, no JSON and
 * the staging folder left behind). Such YAML is refused before it is parsed: the capsule is kept
 * as it is, as any frontmatter that cannot be read.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlQuietly, YAML_MAX_DEPTH, yamlDepthBound } from '../../scripts/lib/yaml/parse.ts';
import { cliBundle, makeWorld, testEnv, tmp, writePackage, v1Manifest, type PackageFiles } from './helpers.ts';

let cli = '';
beforeAll(async () => {
  cli = await cliBundle();
}, 120_000);

const blockNest = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}-`).join('\n');

describe('deeply nested YAML from a package', () => {
  it('is bounded above its real depth, and refused past YAML_MAX_DEPTH before parsing', () => {
    expect(yamlDepthBound('name: x\ntags: [a, b]\nmore:\n  - a\n  - b: c\n')).toBeLessThan(10);
    for (const deep of [
      blockNest(2000),
      `x: ${'['.repeat(5000)}${']'.repeat(5000)}`,
      `x: ${'{a: '.repeat(3000)}${'}'.repeat(3000)}`,
      `- ${'- '.repeat(3000)}a`,
    ]) {
      expect(yamlDepthBound(deep)).toBeGreaterThan(YAML_MAX_DEPTH);
      expect(() => parseYamlQuietly(deep)).toThrow(/deeper than/);
    }
    expect(parseYamlQuietly(blockNest(50))).toBeDefined();
  });

  it('in companion.md frontmatters: receive (its own process) completes and keeps the capsules as they are', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const flow = `---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nbody\n`;
    const block = `---\n${blockNest(1500)}\n---\nbody\n`;
    const files: PackageFiles = { '_core/key.md': 'k\n' };
    for (let i = 0; i < 3; i++) files[`_core/_capsules/f${i}/companion.md`] = flow;
    for (let i = 0; i < 3; i++) files[`_core/_capsules/b${i}/companion.md`] = block;
    const capsules = Object.keys(files).flatMap((p) => /_capsules\/([^/]+)\//.exec(p)?.[1] ?? []);
    const pkg = await writePackage(join(base, 'c.walnut'), v1Manifest('garden', 'capsule', files, capsules), files);
    const r = spawnSync(process.execPath, [cli, 'receive', pkg, '--world', world, '--into', '04_Ventures/existing', '--json'], { env, encoding: 'utf8' });
    expect(r.status, r.stderr.slice(0, 400)).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(readFileSync(join(world, '04_Ventures', 'existing', 'b2', 'companion.md'), 'utf8')).toBe(block);
    expect(readFileSync(join(world, '04_Ventures', 'existing', 'f2', 'companion.md'), 'utf8')).toBe(flow);
    expect(existsSync(join(world, '.alive', 'receive.lock'))).toBe(false);
    const receiving = join(world, '.alive', 'receiving');
    expect(existsSync(receiving) ? readdirSync(receiving) : []).toEqual([]);
  });
});
