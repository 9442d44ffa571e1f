/** Issue 12: a v2 bundle's tasks.md received into a v3 walnut becomes tasks.json, as the v3 reference does. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const NOW = new Date('2026-05-04T12:00:00Z');
const TASKS = '---\nbundle: b\n---\n# Tasks\n\n- [ ] water the beds\n- [~] fix the fence @sess-9\n- [x] buy seeds\n';

async function bundlePkg(base: string, files: PackageFiles): Promise<string> {
  return writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['b'] }), files);
}

describe('v2 tasks.md into a v3 walnut', () => {
  it('is converted to tasks.json (status, priority, session, ids) and tasks.md goes when every line was carried over', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const pkg = await bundlePkg(base, { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': TASKS });
    const dry = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW, dryRun: true });
    expect(dry.notes.join('\n')).toMatch(/bundle 'b': its v2 tasks\.md would be converted to tasks\.json/);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW });
    const dir = join(world, '04_Ventures', 'existing', 'b');
    expect(existsSync(join(dir, 'tasks.md'))).toBe(false);
    const { tasks } = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8'));
    expect(tasks).toEqual([
      {
        id: 't-001',
        title: 'water the beds',
        status: 'active',
        priority: 'normal',
        assignee: null,
        due: null,
        tags: [],
        created: '2026-05-04T12:00:00Z',
        session: 'test-session',
        bundle: 'b',
      },
      {
        id: 't-002',
        title: 'fix the fence',
        status: 'active',
        priority: 'high',
        assignee: null,
        due: null,
        tags: [],
        created: '2026-05-04T12:00:00Z',
        session: 'sess-9',
        bundle: 'b',
      },
      {
        id: 't-003',
        title: 'buy seeds',
        status: 'done',
        priority: 'normal',
        assignee: null,
        due: null,
        tags: [],
        created: '2026-05-04T12:00:00Z',
        session: 'test-session',
        bundle: 'b',
      },
    ]);
    expect(r.notes.join('\n')).toMatch(/bundle 'b': its v2 tasks\.md was converted to tasks\.json \(3 tasks\)/);
  });

  it("writes a title's bidi overrides and invisible characters as \\u escapes in tasks.json, the titles the same", async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const title = 'pay the invoice\u202e fdp.exe\u200bdone\u061c';
    const pkg = await bundlePkg(base, { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': `- [ ] ${title}\n` });
    await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW });
    const text = readFileSync(join(world, '04_Ventures', 'existing', 'b', 'tasks.json'), 'utf8');
    expect(text).not.toMatch(/[\u202e\u200b\u061c]/);
    expect(JSON.parse(text).tasks[0].title).toBe(title);
  });

  it('keeps tasks.md beside tasks.json when it holds lines that are not tasks, and keeps both when tasks.json exists', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const notes = `${TASKS}\nRemember: the fence guy calls on Tuesdays.\n`;
    const r = await receivePackage({
      packagePath: await bundlePkg(base, { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': notes }),
      world,
      into: '04_Ventures/existing',
      maxBytes: MAX,
      env,
      now: NOW,
    });
    const dir = join(world, '04_Ventures', 'existing', 'b');
    expect(readFileSync(join(dir, 'tasks.md'), 'utf8')).toBe(notes);
    expect(JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8')).tasks).toHaveLength(3);
    expect(r.notes.join('\n')).toMatch(/kept too, because it holds lines that are not tasks/);

    const base2 = tmp();
    const world2 = makeWorld(base2, { layout: 'v3' });
    const both: PackageFiles = { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': TASKS, 'bundles/b/tasks.json': '{"tasks":[]}\n' };
    const r2 = await receivePackage({ packagePath: await bundlePkg(base2, both), world: world2, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW });
    const dir2 = join(world2, '04_Ventures', 'existing', 'b');
    expect(readFileSync(join(dir2, 'tasks.md'), 'utf8')).toBe(TASKS);
    expect(readFileSync(join(dir2, 'tasks.json'), 'utf8')).toBe('{"tasks":[]}\n');
    expect(r2.notes.join('\n')).toMatch(/kept as it is, because the bundle already has a tasks\.json/);
  });

  it('is left alone in a v2 walnut', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const r = await receivePackage({
      packagePath: await bundlePkg(base, { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/tasks.md': TASKS }),
      world,
      into: '04_Ventures/existing',
      maxBytes: MAX,
      env,
      now: NOW,
    });
    const dir = join(world, '04_Ventures', 'existing', 'bundles', 'b');
    expect(readFileSync(join(dir, 'tasks.md'), 'utf8')).toBe(TASKS);
    expect(existsSync(join(dir, 'tasks.json'))).toBe(false);
    expect(r.notes.join('\n')).not.toMatch(/tasks/);
  });
});
