/**
 * Tool configuration a received walnut could plant where the receiver (or their agent) later
 * works, found by a review of 2026-12-07: cargo reads `.cargo/config.toml` (and the older
 * `.cargo/config`) from the current folder and every folder above it, so a walnut's
 * `notes/.cargo/config.toml` set the `runner` of a project made later below it (`cargo run` ran
 * the planted command); pdb runs `./.pdbrc` as debugger commands, Pry loads a per-project
 * `./.pryrc` (Ruby) as it starts; Yarn runs the file `yarnPath`
 * (`.yarnrc.yml`) or `yarn-path` (`.yarnrc`) names, from the folder and those above it. Held back
 * like the rest (kept, not lost).
 */
import { describe, expect, it } from 'vitest';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { expectAgentFileRules } from './helpers.ts';

describe('toolchain configuration that runs commands', () => {
  it('is on the list at any depth and in any case; its neighbours are not', () => {
    expectAgentFileRules([
      ['.cargo/config.toml', '.cargo/config.toml'],
      ['.cargo/config', '.cargo/config'],
      ['.pdbrc', '.pdbrc'],
      ['.pryrc', '.pryrc'],
      ['.yarnrc.yml', '.yarnrc.yml'],
      ['.yarnrc', '.yarnrc'],
    ]);
    for (const path of ['notes/cargo/config.toml', 'notes/.cargo/credentials.toml', 'notes/pdbrc.md', 'notes/yarnrc.yml', 'Cargo.toml']) {
      expect(agentFileRule(path), path).toBeUndefined();
    }
  });
});
