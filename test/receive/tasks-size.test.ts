/**
 * A v2 bundle's tasks.md is converted to tasks.json in memory. Each 8-byte line `- [ ] a` becomes a
 * task object of about 250 bytes of JSON: a 24 MB tasks.md (a 25 KB package) took 1.7 GB and
 * failed with "Invalid string length", and a larger one ends the process out of memory, with no
 * refusal saying why. Past TASKS_MD_MAX_BYTES it is kept as it is, not converted, and a note says so.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { TASKS_MD_MAX_BYTES } from '../../scripts/lib/receive/tasks.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('a tasks.md too large to convert', () => {
  it('is kept as it is in a v3 walnut, with a note, in a dry run and a real one', async () => {
    expect(TASKS_MD_MAX_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const tasks = '- [ ] a\n'.repeat(Math.floor(TASKS_MD_MAX_BYTES / 8) + 1);
    const files: PackageFiles = { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': tasks };
    const pkg = await writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['b'] }), files);
    const into = '04_Ventures/existing';
    const dry = await receivePackage({ packagePath: pkg, world, into, maxBytes: MAX, env, dryRun: true });
    expect(dry.notes.join('\n')).toMatch(/bundle 'b': its v2 tasks\.md would be kept as it is, not converted: it is larger than/);
    const r = await receivePackage({ packagePath: pkg, world, into, maxBytes: MAX, env });
    const dir = join(world, '04_Ventures', 'existing', 'b');
    expect(statSync(join(dir, 'tasks.md')).size).toBe(tasks.length);
    expect(existsSync(join(dir, 'tasks.json'))).toBe(false);
    expect(r.notes.join('\n')).toMatch(/bundle 'b': its v2 tasks\.md was kept as it is, not converted: it is larger than/);
  });

  it('converts at most TASKS_MD_MAX_BYTES of tasks.md in one package: the rest is kept as it is, in a dry run and a real one', async () => {
    // Each 1 MiB tasks.md became a 34 MB tasks.json: a 32 KB package of 20 of them wrote 660 MB.
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const tasks = '- [ ] a\n'.repeat(Math.floor((TASKS_MD_MAX_BYTES * 0.6) / 8));
    const files: PackageFiles = {
      'bundles/a/context.manifest.yaml': 'goal: a\n',
      'bundles/a/tasks.md': tasks,
      'bundles/b/context.manifest.yaml': 'goal: b\n',
      'bundles/b/tasks.md': tasks,
    };
    const pkg = await writePackage(join(base, 'ab.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['a', 'b'] }), files);
    const into = '04_Ventures/existing';
    const dry = await receivePackage({ packagePath: pkg, world, into, maxBytes: MAX, env, dryRun: true });
    expect(dry.notes.join('\n')).toMatch(/bundle 'a': its v2 tasks\.md would be converted/);
    expect(dry.notes.join('\n')).toMatch(
      /bundle 'b': its v2 tasks\.md would be kept as it is, not converted: the package's tasks\.md files converted before it/,
    );
    const r = await receivePackage({ packagePath: pkg, world, into, maxBytes: MAX, env });
    const at = (b: string) => join(world, '04_Ventures', 'existing', b);
    expect(existsSync(join(at('a'), 'tasks.json'))).toBe(true);
    expect(existsSync(join(at('b'), 'tasks.json'))).toBe(false);
    expect(statSync(join(at('b'), 'tasks.md')).size).toBe(tasks.length);
    expect(r.notes.join('\n')).toMatch(/bundle 'b': its v2 tasks\.md was kept as it is, not converted: the package's tasks\.md files converted before it/);
  });
});
