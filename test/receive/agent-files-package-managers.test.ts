/**
 * More tool configuration a received walnut could plant where the receiver (or their agent) later
 * runs a command, left unconfirmed by the review of 2026-12-07 and confirmed from the tools' own
 * documentation: npm reads a project's `.npmrc` (in the folder it runs in when no package.json is
 * above: `script-shell`, `node-options` and `registry` choose what runs and what is installed);
 * pnpm runs the hooks of `.pnpmfile.cjs` beside the lockfile on install; Bun reads `bunfig.toml`
 * from the folder it runs in and those above, and runs its `preload` scripts before `bun run` and
 * `bun test`; IRB loads `.irbrc` (or `_irbrc`) from the current folder as Ruby code when the user
 * has none of their own.
 */
import { describe, expect, it } from 'vitest';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { expectAgentFileRules } from './helpers.ts';

describe('package manager and REPL configuration that runs code', () => {
  it('is on the list at any depth and in any case; its neighbours are not', () => {
    expectAgentFileRules([
      ['.npmrc', '.npmrc'],
      ['.pnpmfile.cjs', '.pnpmfile.cjs'],
      ['bunfig.toml', 'bunfig.toml'],
      ['.irbrc', '.irbrc'],
      ['_irbrc', '_irbrc'],
    ]);
    for (const path of ['notes/npmrc.md', 'notes/pnpmfile.cjs', 'notes/bunfig.md', 'notes/irbrc', 'package.json', 'notes/.npmignore']) {
      expect(agentFileRule(path), path).toBeUndefined();
    }
  });
});
