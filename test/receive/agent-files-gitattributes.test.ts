/**
 * `.gitattributes` is read by git for every file below the folder it sits in, with no prompt: in a
 * world kept in git, a received walnut's `* !filter` turns off the world's clean filter (git-crypt,
 * transcrypt: what the user later writes in that walnut is committed in clear), and `filter=`,
 * `diff=`, `merge=` pick drivers the user configured. The list did not hold it back, so a package
 * planted it (attack review).
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { receiveFilesIntoNewWorld, type PackageFiles } from './helpers.ts';

describe('.gitattributes', () => {
  it('is on the list at any depth and in any case; its neighbours are not', () => {
    for (const path of ['.gitattributes', 'notes/.gitattributes', 'a/b/c/.GitAttributes', 'code/.gitattributes.']) {
      expect(agentFileRule(path)?.name, path).toBe('.gitattributes');
    }
    for (const path of ['notes/gitattributes', 'notes/.gitattributes.md', 'notes/.gitignore', 'notes/.gitattributes/x']) {
      expect(agentFileRule(path), path).toBeUndefined();
    }
  });

  it('is held back by a receive', async () => {
    const files: PackageFiles = {
      '_kernel/key.md': '---\ntype: venture\n---\n# fine\n',
      '.gitattributes': '* !filter !diff\n',
      'notes/.gitattributes': '*.md filter=lfs\n',
      'notes/a.md': 'a\n',
    };
    const { r, walnut } = await receiveFilesIntoNewWorld(files);
    expect(r.held_back.map((h) => `${h.path} ${h.rule}`).sort()).toEqual(['.gitattributes .gitattributes', 'notes/.gitattributes .gitattributes']);
    expect(existsSync(join(walnut, '.gitattributes'))).toBe(false);
    expect(existsSync(join(walnut, 'notes', '.gitattributes'))).toBe(false);
    expect(existsSync(join(walnut, 'notes', 'a.md'))).toBe(true);
  });
});
