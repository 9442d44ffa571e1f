/**
 * The `--allow-sensitive-bundle NAME` that create suggests (a held-back bundle's warning, bundle
 * scope's `sensitive` refusal) is a shell word that names the bundle, whatever its name holds: a
 * user pastes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { freshHomeEachTest, makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
beforeAll(() => {
  root = tempRoot('sensitive-suggestion');
});
afterAll(() => rmrf(root));
const home = freshHomeEachTest(() => root);

const NAMES = ["bob's notes", 'plain', 'two words'];

/** What the shell makes of each suggested argument (`sh` parses them as a user's paste would be). */
function suggested(text: string): string[] {
  const words = [...text.matchAll(/--allow-sensitive-bundle ((?:'[^']*'|\\'|[^\s;'])+)/g)].map((m) => m[1]!);
  return words.map((w) => execFileSync('sh', ['-c', `printf '%s' ${w}`], { encoding: 'utf8' }));
}

describe('--allow-sensitive-bundle as create suggests it', () => {
  function walnut(): string {
    const files: Record<string, string> = {};
    for (const name of NAMES) files[`bundles/${name}/context.manifest.yaml`] = 'goal: g\nsensitivity: restricted\n';
    return makeWalnut(join(root, `w-${home.n}`), files);
  }

  it("a held-back bundle's warning names it as one shell word", async () => {
    const w = walnut();
    const r = await runCaptured(createCommand, ['--walnut', w, '--scope', 'full', '--output', join(root, `full-${home.n}.walnut`)]);
    expect(r.code, r.stderr).toBe(0);
    expect(suggested(r.stderr).sort()).toEqual([...NAMES].sort());
    expect(r.stderr).toContain("--allow-sensitive-bundle 'bob'\\''s notes' to include it");
  });

  it("bundle scope's refusal names each as one shell word; nothing is written", async () => {
    const w = walnut();
    const pkg = join(root, `bundle-${home.n}.walnut`);
    const r = await runCaptured(createCommand, ['--walnut', w, '--scope', 'bundle', ...NAMES.flatMap((b) => ['--bundle', b]), '--output', pkg, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.error.code).toBe('sensitive');
    expect(suggested(j.error.message)).toEqual(NAMES);
    expect(existsSync(pkg)).toBe(false);
  });
});
