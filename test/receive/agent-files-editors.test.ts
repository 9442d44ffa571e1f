/**
 * Editors that run commands from a folder's own configuration: Helix reads `.helix/languages.toml`
 * (language servers: commands it starts as soon as a file of that language is opened) and
 * `.helix/config.toml` from the workspace, the first folder up from where it starts that holds
 * `.helix/` (or `.git/`); releases before its workspace trust (2026) did so unasked
 * (helix-editor/helix#9514: `command = "sh"` ran on `hx some-file.py`). A received walnut's
 * `.helix/` made that walnut such a workspace. `.zed/` and `.vscode/` were on the list already.
 */
import { describe, expect, it } from 'vitest';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { expectAgentFileRules } from './helpers.ts';

describe('editor configuration that starts commands', () => {
  it('.helix/ is on the list at any depth and in any case; its neighbours are not', () => {
    expectAgentFileRules([
      ['.helix/languages.toml', '.helix/'],
      ['.helix/config.toml', '.helix/'],
    ]);
    for (const path of ['notes/helix/languages.toml', 'notes/.helix.md', 'notes/helix.toml']) expect(agentFileRule(path), path).toBeUndefined();
  });
});
