/**
 * A held-back file is kept under `NNNN-<name>.held`: a name that is allowed in a package (up to
 * 255 bytes) must still give a kept name a file system takes (255 bytes), whatever its script.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keptName } from '../../scripts/lib/receive/plan.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
// 84 CJK characters (3 bytes each) and `.md`: 255 bytes, the longest name a package may hold.
const long = `${'説'.repeat(84)}.md`;

describe('kept names of held-back files', () => {
  it('stay within 255 bytes and never split a character', () => {
    expect(Buffer.byteLength(long)).toBe(255);
    for (const name of [long, `${'😀'.repeat(63)}.md`, 'a'.repeat(255)]) {
      const kept = keptName(9998, `.claude/commands/${name}`);
      expect(Buffer.byteLength(kept), name).toBeLessThanOrEqual(255);
      expect(kept.endsWith('.held')).toBe(true);
      expect(kept).not.toMatch(/[\uD800-\uDFFF]/u);
    }
  });

  it('lets a receive hold back an agent file with a long name in a non-Latin script', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', [`.claude/commands/${long}`]: 'run\n', 'notes/a.md': 'a\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, maxBytes: MAX, env });
    expect(r.held_back.map((h) => h.path)).toEqual([`.claude/commands/${long}`]);
    expect(readdirSync(r.held_back_dir!)).toContain(r.held_back[0]!.kept_as);
  });
});
