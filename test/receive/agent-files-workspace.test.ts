/**
 * Files beside the editors' and agents' own that steer a tool on an everyday action in the world:
 * a VS Code workspace file (`*.code-workspace`: settings and tasks, which can run commands as it
 * opens) and Git LFS's `.lfsconfig` (`lfs.url` sends the large files, and the credentials for
 * them, to another server on a plain `git push`). Found by a review of receive's list; held back
 * like the rest (kept, not lost). `.vscode/launch.json` stays off the list, as CI workflows do:
 * it runs only when the user starts a debugger with it.
 */
import { describe, expect, it } from 'vitest';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { expectAgentFileRules } from './helpers.ts';

describe('workspace, debugger and LFS configuration', () => {
  it('is on the list at any depth and in any case; its neighbours are not', () => {
    expectAgentFileRules([
      ['team.code-workspace', '*.code-workspace'],
      ['.lfsconfig', '.lfsconfig'],
    ]);
    for (const path of ['notes/code-workspace.md', 'notes/launch.json', 'vscode/launch.json', 'notes/lfsconfig.md']) {
      expect(agentFileRule(path), path).toBeUndefined();
    }
  });
});
