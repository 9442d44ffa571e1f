/**
 * Agents and tools a review of 2026-12-07 found missing from the list, each loading a file of the
 * folder it works in as instructions, configuration or code: the pi coding agent (`.pi/`: project
 * settings naming extensions and packages, SYSTEM.md replacing its system prompt), iFlow CLI
 * (IFLOW.md, `.iflow/`), Qoder, Lingma, CodeBuddy and Zencoder rules folders, Amazon Q's AmazonQ.md,
 * Continue's older `.continuerules`, the first Codex CLI's codex.md, Replit Agent's replit.md and
 * Replit's `.replit` (commands run on Run and as the workspace boots) and replit.nix; and
 * build configuration read from the folder and those above it: MSBuild's Directory.Build.props and
 * .targets (targets that run commands on a build, or as an editor opens the folder),
 * Directory.Packages.props, NuGet.Config (where packages come from), global.json (which SDK, from
 * which path, runs), pnpm-workspace.yaml (pnpm's settings, its pnpmfile among them), deno.json and
 * deno.jsonc (import maps and tasks). Held back like the rest (kept, not lost).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { expectAgentFileRules, makeWorld, testEnv, tmp, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const RULES: ReadonlyArray<readonly [string, string]> = [
  ['.pi/settings.json', '.pi/'],
  ['.pi/SYSTEM.md', '.pi/'],
  ['.pi/extensions/x.ts', '.pi/'],
  ['IFLOW.md', 'IFLOW.md'],
  ['.iflow/settings.json', '.iflow/'],
  ['.qoder/rules/a.md', '.qoder/'],
  ['.lingma/rules/a.md', '.lingma/'],
  ['.codebuddy/settings.json', '.codebuddy/'],
  ['CODEBUDDY.md', 'CODEBUDDY.md'],
  ['.zencoder/rules/a.md', '.zencoder/'],
  ['AmazonQ.md', 'AmazonQ.md'],
  ['.continuerules', '.continuerules'],
  ['codex.md', 'codex.md'],
  ['replit.md', 'replit.md'],
  ['.replit', '.replit'],
  ['replit.nix', 'replit.nix'],
  ['Directory.Build.props', 'Directory.Build.props'],
  ['Directory.Build.targets', 'Directory.Build.targets'],
  ['Directory.Packages.props', 'Directory.Packages.props'],
  ['NuGet.Config', 'NuGet.Config'],
  ['global.json', 'global.json'],
  ['pnpm-workspace.yaml', 'pnpm-workspace.yaml'],
  ['deno.json', 'deno.json'],
  ['deno.jsonc', 'deno.jsonc'],
];

describe('more agents and build configuration', () => {
  it('are on the list at any depth and in any case; their neighbours are not', () => {
    expectAgentFileRules(RULES);
    expect(agentFileRule('nuget.config')?.name).toBe('NuGet.Config');
    for (const path of [
      'notes/pi/settings.json',
      'notes/iflow.md.bak',
      'Directory.Build.rsp',
      'notes/global.json.md',
      'deno.lock',
      'notes/codex.mdx',
      'pnpm-lock.yaml',
      'notes/.replit.bak',
    ]) {
      expect(agentFileRule(path), path).toBeUndefined();
    }
  });

  it('a package carrying them: each is held back, the rest of the walnut lands', async () => {
    const base = tmp();
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'proj/notes.md': 'n\n' };
    for (const [path] of RULES) files[`proj/${path}`] = 'planted\n';
    const pkg = await writePackage(join(base, 'late.walnut'), v2Manifest('late', 'full', files), files);
    const r = await receivePackage({ packagePath: pkg, world, env: testEnv(base), maxBytes: 1 << 30 });
    const walnut = join(world, '03_Inbox', 'late');
    expect(existsSync(join(walnut, 'proj', 'notes.md'))).toBe(true);
    for (const [path] of RULES) expect(existsSync(join(walnut, 'proj', path)), path).toBe(false);
    expect(r.held_back.map((h) => h.path).sort()).toEqual(RULES.map(([path]) => `proj/${path}`).sort());
  });
});
