/**
 * The v3 generation (issue 12): a v3 walnut (root bundles holding context.manifest.yaml, kernel
 * JSON files) survives create → receive with every file; plain packages carry the v3
 * `payload_sha256` (the files digest of walnut-v3-notes.md 1.4), which our reader checks.
 * Everything runs in-process; the v3 reference itself is exercised by the opt-in script
 * tools/v3-interop.sh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { verifyPackageDetailed } from '../../scripts/lib/package/api.ts';
import { parseManifest } from '../../scripts/lib/package/manifest.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, subtree, testEnv, tree, write, writePackage } from '../receive/helpers.ts';
import { rmrf, tempRoot } from './helpers.ts';

const MAX = 1 << 30;
let root: string;

beforeAll(() => {
  root = tempRoot('v3gen');
});
afterAll(() => rmrf(root));

/** A walnut in the v3 layout, as the v3 plugin keeps one (walnut-v3-notes.md 1.2). */
function v3Walnut(dir: string): Record<string, string> {
  const files: Record<string, string> = {
    '_kernel/key.md': '---\ntype: venture\ngoal: ship nova\n---\n# Nova\n',
    '_kernel/log.md': '---\nwalnut: nova\n---\n\n## 2026-03-01 entry\nstarted\nsigned: squirrel:abc\n',
    '_kernel/insights.md': '---\nwalnut: nova\n---\n# Insights\n',
    '_kernel/tasks.json': '{\n  "tasks": [\n    {"id": "t1", "title": "draft launch post", "status": "open"}\n  ]\n}\n',
    '_kernel/completed.json': '{\n  "completed": [\n    {"id": "t0", "title": "pick a name"}\n  ]\n}\n',
    '_kernel/config.yaml': 'voice: plain\nreview_cadence: weekly\n',
    '_kernel/notes/decisions.md': '# Decisions\n- ship in spring\n',
    'launch/context.manifest.yaml': 'goal: launch\nstatus: active\n',
    'launch/tasks.json': '{"tasks": []}\n',
    'launch/drafts/post.md': 'Launch post draft\n',
    'research/context.manifest.yaml': 'goal: research\nstatus: draft\n',
    'research/raw/interview.md': 'notes from an interview\n',
    'docs/plan.md': 'the plan\n',
  };
  // Generated or machine-local: never packed (walnut-v3-notes.md 1.2, system excludes).
  const excluded: Record<string, string> = {
    '_kernel/now.json': '{"phase": "building"}\n',
    '_kernel/imports.json': '{"imports": []}\n',
    '_kernel/_generated/index.json': '{}\n',
    '_kernel/history/2026-02.md': '# old chapter\n',
    '_kernel/links.yaml': 'links: []\n',
    '_kernel/people.yaml': 'people: []\n',
  };
  for (const [p, c] of Object.entries({ ...files, ...excluded })) write(join(dir, p), c);
  return files;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

describe('a v3 walnut survives create → receive with every file', () => {
  it('a full package carries the whole _kernel/ except generated and machine-local files', async () => {
    const walnut = join(root, 'src1', 'nova');
    const files = v3Walnut(walnut);
    const pkg = join(root, 'nova-full.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const m = parseManifest(execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString());
    const kernel = m.files.map((f) => f.path).filter((p) => p.startsWith('_kernel/'));
    expect(kernel.sort()).toEqual(Object.keys(files).filter((p) => p.startsWith('_kernel/')).sort());
  });

  it('receive restores every file: kernel JSON files, config, root bundles, live context', async () => {
    const base = join(root, 'rt');
    const walnut = join(base, 'src', 'nova');
    const files = v3Walnut(walnut);
    const pkg = join(base, 'nova.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v3' });
    await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    const got = subtree(tree(world), '03_Inbox/nova');
    for (const [p, content] of Object.entries(files)) {
      if (p === '_kernel/log.md') continue; // receive prepends its entry; checked below
      expect(got.get(p), p).toBe(hash(content));
    }
    const log = readFileSync(join(world, '03_Inbox', 'nova', '_kernel', 'log.md'), 'utf8');
    expect(log).toContain('## 2026-03-01 entry\nstarted\nsigned: squirrel:abc\n');
    // The receiver regenerates now.json; the sender's excluded files never arrive.
    for (const p of ['_kernel/imports.json', '_kernel/_generated/index.json', '_kernel/history/2026-02.md', '_kernel/links.yaml', '_kernel/people.yaml']) {
      expect(got.has(p), p).toBe(false);
    }
  });
});

describe('plain packages carry the v3 payload_sha256', () => {
  it('is the files digest of the manifest (walnut-v3-notes.md 1.4), recomputed here independently', async () => {
    const walnut = join(root, 'src2', 'nova');
    v3Walnut(walnut);
    const pkg = join(root, 'digest.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], allowSensitive: false, output: pkg });
    const m = parseManifest(execFileSync('tar', ['-xzOf', pkg, 'manifest.yaml']).toString());
    expect(m.format_version).toBe('2.0.0');
    const h = createHash('sha256');
    const sorted = [...m.files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
    for (const f of sorted) h.update(Buffer.concat([Buffer.from(f.path), Buffer.from([0]), Buffer.from(f.sha256), Buffer.from([0]), Buffer.from(`${f.size}\n`)]));
    expect(m.payload_sha256).toBe(h.digest('hex'));
  });

  it('our reader refuses a plain 2.0 package whose payload_sha256 disagrees with its file list', async () => {
    const files = { '_kernel/key.md': 'k\n', 'notes/a.md': 'a\n' };
    const lines = ['format_version: "2.0.0"', 'source:', '  walnut: nova', 'scope: full', 'created: "2026-01-01T00:00:00Z"', 'encrypted: false', `payload_sha256: "${'0'.repeat(64)}"`, 'files:'];
    for (const [p, c] of Object.entries(files)) lines.push(`  - path: ${p}`, `    sha256: ${hash(c)}`, `    size: ${c.length}`);
    const pkg = await writePackage(join(root, 'edited.walnut'), `${lines.join('\n')}\n`, files);
    const v = await verifyPackageDetailed(pkg, { maxSize: MAX });
    expect(v.result).toMatchObject({ ok: false, code: 'payload_mismatch' });
  });
});
