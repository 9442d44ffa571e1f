import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWalnut, makeWorld, testEnv, tmp, tree, writePackage, v3Manifest, v1Manifest, v2Manifest, sha, filesOnly, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const NOW = new Date('2026-05-04T12:00:00Z');

// A full 2.1.0 package as v3 builds it (walnut-v3-notes.md 1.2-1.4): flat bundles at the root,
// generated README.md, stubbed log and insights, tasks.json / completed.json, payload_sha256.
const v3Full: PackageFiles = {
  'README.md': '# garden\n\nBundles: launch\n\nReceive with /alive:receive.\n',
  '_kernel/key.md': '---\ntype: venture\ngoal: grow\nphase: seeding\n---\n# garden\n',
  '_kernel/log.md':
    '---\nwalnut: garden\nstubbed_at: 2026-04-13T09:00:00Z\nstubbed_by: squirrel:sess-1\nreason: Log not shared by default; ask the sender.\nentry-count: 0\n---\n\nThis log was not shared by patrick.\n',
  '_kernel/insights.md':
    '---\nwalnut: garden\nstubbed_at: 2026-04-13T09:00:00Z\nreason: not shared\n---\n\n## Strategy\n\n(stubbed)\n\n## Technical\n\n(stubbed)\n',
  '_kernel/tasks.json': '{"tasks": []}\n',
  '_kernel/completed.json': '{"completed": []}\n',
  'launch/context.manifest.yaml': 'name: launch\nstatus: active\nsensitivity: open\n',
  'launch/tasks.json': '{"tasks": [{"id": "t-001", "title": "water"}]}\n',
  'launch/raw/photo.bin': Buffer.from([0, 1, 2, 3, 255]),
  'engineering/spec.md': 'spec\n',
};

describe('format 2.1.x (v3) packages', () => {
  it('a full package becomes a walnut: flat bundles placed by layout, README primer and generated files left out, stub log kept', async () => {
    for (const layout of ['v2', 'v3'] as const) {
      const base = tmp();
      const env = testEnv(base);
      const pkg = await writePackage(
        join(base, 'g.walnut'),
        v3Manifest('garden', 'full', v3Full, { substitutions: ['_kernel/insights.md', '_kernel/log.md'] }),
        v3Full,
      );
      const world = makeWorld(base, { layout });
      const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, now: NOW });
      const w = join(world, '03_Inbox', 'garden');
      const got = filesOnly(tree(w));
      const b = layout === 'v2' ? 'bundles/launch' : 'launch';
      for (const p of ['context.manifest.yaml', 'tasks.json', 'raw/photo.bin']) expect(got.get(`${b}/${p}`)).toBe(sha(Buffer.from(v3Full[`launch/${p}`]!)));
      expect(got.get('engineering/spec.md')).toBe(sha('spec\n'));
      expect(got.get('_kernel/tasks.json')).toBe(sha('{"tasks": []}\n'));
      expect(got.has('README.md')).toBe(false);
      expect(r.skipped).toEqual([{ path: 'README.md', reason: "the package's generated README (v3)" }]);
      expect(r.sender).toBe('patrick');
      const log = readFileSync(join(w, '_kernel', 'log.md'), 'utf8');
      expect(log).toMatch(/^entry-count: 1$/m);
      expect(log).toContain('stubbed_at: 2026-04-13T09:00:00Z');
      // The sender the manifest names is its unverified claim: not repeated in the entry.
      expect(log).toContain("- From: a sender the package names, not verified (the package's own claim, not repeated here)");
      expect(log).not.toContain('patrick`');
      expect(log.indexOf('## 2026-05-04T12:00:00Z')).toBeLessThan(log.indexOf('This log was not shared'));
      expect(existsSync(join(w, '_kernel', layout === 'v2' ? '_generated/now.json' : 'now.json'))).toBe(true);
    }
  });

  it('honours source_layout for a new walnut in a world without walnuts, and a bundle package goes in by manifest.bundles', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base);
    const pkg = await writePackage(join(base, 'g.walnut'), v3Manifest('garden', 'full', v3Full, { sourceLayout: 'v2' }), v3Full);
    await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, now: NOW });
    expect(existsSync(join(world, '03_Inbox', 'garden', 'bundles', 'launch', 'context.manifest.yaml'))).toBe(true);

    const files: PackageFiles = {
      'README.md': '# garden\n',
      '_kernel/key.md': v3Full['_kernel/key.md']!,
      'launch/context.manifest.yaml': 'name: launch\n',
      'launch/notes.md': 'n\n',
      'second/context.manifest.yaml': 'name: second\n',
    };
    const bpkg = await writePackage(join(base, 'b.walnut'), v3Manifest('garden', 'bundle', files, { bundles: ['launch', 'second'] }), files);
    makeWalnut(join(world, '04_Ventures', 'existing'), { layout: 'v3' });
    const r = await receivePackage({ packagePath: bpkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW });
    expect(r.conflicts).toEqual([]);
    expect(readFileSync(join(world, '04_Ventures', 'existing', 'launch', 'notes.md'), 'utf8')).toBe('n\n');
    expect(existsSync(join(world, '04_Ventures', 'existing', 'second', 'context.manifest.yaml'))).toBe(true);
  });

  it('refuses a bundle package holding a bundle its manifest does not list, and a payload_sha256 that does not match', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const files: PackageFiles = { '_kernel/key.md': 'k\n', 'a/context.manifest.yaml': 'name: a\n', 'b/context.manifest.yaml': 'name: b\n' };
    const pkg = await writePackage(join(base, 'x.walnut'), v3Manifest('g', 'bundle', files, { bundles: ['a'] }), files);
    const before = tree(world);
    await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env })).rejects.toThrow(/bundle 'b'.*does not list/);
    const forged = v3Manifest('g', 'bundle', files, { bundles: ['a', 'b'] }).replace(/payload_sha256: "[0-9a-f]+"/, `payload_sha256: "${'0'.repeat(64)}"`);
    const pkg2 = await writePackage(join(base, 'y.walnut'), forged, files);
    await expect(receivePackage({ packagePath: pkg2, world, into: '04_Ventures/existing', maxBytes: MAX, env })).rejects.toThrow(/payload_sha256/);
    expect(tree(world)).toEqual(before);
  });
});

// A 1.1.0 package as the reference's receive skill describes v1 (walnut-package-v2.md 1.2, 9.2):
// `_core/` kernel, capsules at `_core/_capsules/<n>/` with companion.md, `scope: capsule`.
const companion =
  '---\ntype: capsule\nname: Launch plan\ngoal: ship it\nstatus: active\nsensitivity: open\npii: false\ntags: [plan, q3]\nactive_sessions:\n  - sess-9\n---\n\n# Launch\n\nThe plan, in words.\n';
const v1Full: PackageFiles = {
  '_core/key.md': '---\ntype: venture\ngoal: old goal\n---\n# garden v1\n',
  '_core/log.md': '---\nwalnut: garden\nentry-count: 1\n---\n\n## 2025-10-01 — squirrel:v1\n\nv1 entry\n\nsigned: squirrel:v1\n',
  '_core/insights.md': 'insight\n',
  '_core/now.md': 'now\n',
  '_core/tasks.md': '- [ ] a\n',
  '_core/_capsules/launch/companion.md': companion,
  '_core/_capsules/launch/raw/a.txt': 'raw a\n',
  'docs/readme.md': 'docs\n',
};

describe('format 1.1.0 (v1) packages', () => {
  it('maps _core to _kernel and capsules to bundles (companion.md → context.manifest.yaml + README.md)', async () => {
    for (const layout of ['v2', 'v3'] as const) {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout });
      const pkg = await writePackage(join(base, 'v1.walnut'), v1Manifest('garden', 'full', v1Full), v1Full);
      const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env, now: NOW });
      const w = join(world, '03_Inbox', 'garden');
      const b = join(w, layout === 'v2' ? 'bundles' : '', 'launch');
      expect(readFileSync(join(w, '_kernel', 'key.md'), 'utf8')).toBe(v1Full['_core/key.md']);
      expect(readFileSync(join(w, '_kernel', 'insights.md'), 'utf8')).toBe('insight\n');
      expect(readFileSync(join(w, '_kernel', 'log.md'), 'utf8')).toContain('v1 entry');
      expect(existsSync(join(w, '_core'))).toBe(false);
      expect(existsSync(join(w, '_kernel', 'now.md'))).toBe(false);
      expect(r.skipped.map((s) => s.path).sort()).toEqual(['_core/now.md', '_core/tasks.md']);
      const cm = parseYaml(readFileSync(join(b, 'context.manifest.yaml'), 'utf8'));
      expect(cm).toMatchObject({
        name: 'Launch plan',
        description: 'ship it',
        status: 'active',
        tags: ['plan', 'q3'],
        sensitivity: 'open',
        pii: false,
        sources: [],
        decisions: [],
      });
      expect(cm.active_sessions).toBeUndefined();
      expect(readFileSync(join(b, 'README.md'), 'utf8')).toBe('# Launch\n\nThe plan, in words.\n');
      expect(existsSync(join(b, 'companion.md'))).toBe(false);
      expect(readFileSync(join(b, 'raw', 'a.txt'), 'utf8')).toBe('raw a\n');
      expect(readFileSync(join(w, 'docs', 'readme.md'), 'utf8')).toBe('docs\n');
    }
  });

  it('takes scope: capsule as bundle scope, into an existing walnut', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/launch/companion.md': companion, '_core/_capsules/launch/x.md': 'x\n' };
    const pkg = await writePackage(join(base, 'c.walnut'), v1Manifest('garden', 'capsule', files, ['launch']), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env, now: NOW });
    expect(r.scope).toBe('bundle');
    const b = join(world, '04_Ventures', 'existing', 'bundles', 'launch');
    expect(readFileSync(join(b, 'x.md'), 'utf8')).toBe('x\n');
    expect(existsSync(join(b, 'context.manifest.yaml'))).toBe(true);
  });

  it('keeps companion.md when its frontmatter is not YAML, so nothing is lost', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    const bad = '---\nname: [unclosed\n---\nbody\n';
    const files: PackageFiles = { '_core/key.md': 'k\n', '_core/_capsules/odd/companion.md': bad };
    const pkg = await writePackage(join(base, 'c.walnut'), v1Manifest('garden', 'capsule', files, ['odd']), files);
    const r = await receivePackage({ packagePath: pkg, world, into: '04_Ventures/existing', maxBytes: MAX, env });
    const b = join(world, '04_Ventures', 'existing', 'odd');
    expect(readFileSync(join(b, 'companion.md'), 'utf8')).toBe(bad);
    expect(parseYaml(readFileSync(join(b, 'context.manifest.yaml'), 'utf8'))).toMatchObject({ name: 'odd' });
    expect(r.notes.join('\n')).toMatch(/not readable YAML/);
  });
});

describe('other format versions', () => {
  for (const v of ['3.0.0', '1.0.0', '0.9', '2.x', '4']) {
    it(`refuses format_version ${v}, naming it, with nothing written`, async () => {
      const base = tmp();
      const env = testEnv(base);
      const world = makeWorld(base, { layout: 'v2' });
      const files: PackageFiles = { '_kernel/key.md': 'k\n' };
      const text = v2Manifest('g', 'full', files).replace('format_version: "2.0.0"', `format_version: "${v}"`);
      const pkg = await writePackage(join(base, 'x.walnut'), text, files);
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, maxBytes: MAX, env })).rejects.toThrow(new RegExp(`format_version '${v.replace('.', '\\.')}'`));
      expect(tree(world)).toEqual(before);
    });
  }
});
