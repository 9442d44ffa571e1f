import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { HOOK_ENTRIES } from '../../tools/build-options.mjs';
import { bundleEntry, repoRoot, runBundle } from './bundle.ts';

// What the hook bundles must stay free of: their start-up time is measured (bench/hooks.ts).
describe('hook bundles', () => {
  for (const name of HOOK_ENTRIES) {
    it(`${name} is small and loads nothing heavy`, async () => {
      const file = await bundleEntry(name);
      const text = readFileSync(file, 'utf8');
      // Compiling costs start-up time on every tool call: log-guardian's shell reader is a bundle
      // of its own (log-guardian-shell), loaded only for a Bash command that names log.md: the
      // bundles every call loads stay within 32 KiB, the shell reader within 56 KiB (40 until
      // 2026-12-05, when it gained its bounds, sh -c's parameters, find's {} in a word, curl and
      // wget; 48 until the same day's env -C/-S, sudo -D, more wrappers, script, set --, ${x:-…};
      // 56 until 2026-12-05's glob expansion, `rm *.md` and `sed -i … *.md` in a kernel, with its
      // budgets, find -path and git pathspecs, the same day).
      // log-guardian itself: 32 KiB until 2026-12-05, when its quick check came to read globs and
      // its Bash check got a deadline (0.6 KB over). Both 2 KB more on 2026-12-06 (62 -> 64 and
      // 34 -> 35.5 KiB): text/glob.ts reads POSIX classes, equivalence classes and collating
      // symbols in brackets and matches in any letter case (the hooks' bench within noise after).
      // log-guardian 35.5 -> 36 KiB on 2026-12-06: entries split outside code blocks, and a log of white space alone may be written over;
      // 36 -> 36.5 the same day: a path built at run time under a literal folder outside every world (cp "$f" "/tmp/bk/$f");
      // 36.5 -> 37.5 the same day: logs whose entries are `### ` or `# ` headings (signed.ts entryLevel).
      // log-guardian-shell 64 -> 65 KiB on 2026-12-06: globs in a folder mktemp made (`cd "$(mktemp -d)" && rm -f *`),
      // with the cd -, CDPATH and link cases that leave it; 65 -> 67 KiB the same day: $TMPDIR from the
      // hook's environment, with the assignments for one command (`X=1 sh -c`), eval and source that change it.
      expect(statSync(file).size).toBeLessThan(({ 'log-guardian-shell': 67, 'log-guardian': 37.5 }[name] ?? 32) * 1024);
      // No zod, yaml, tar or Octokit, and no CommonJS require: hooks get no require() (build-options.mjs).
      expect(text).not.toMatch(/\bzod\b|ZodError|from "yaml"|YAMLParseError|node-tar|minizlib|@octokit|Octokit/);
      expect(text).not.toMatch(/(?<![\w$.])require\(|__require\b|Dynamic require/);
      // node:fs only through process.getBuiltinModule: its ESM namespace loads fs/promises.
      expect(text).not.toMatch(/from ["']node:fs["']/);
      expect(text).not.toMatch(/from ["']node:child_process["']/);
      expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    });
  }
});

describe('log-guardian-shell.mjs', () => {
  it('run by itself is a usage error that names the hook to run (it is a module the hook loads, not a command)', async () => {
    const r = runBundle(await bundleEntry('log-guardian-shell'), '', { cwd: repoRoot, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*log-guardian-shell\.mjs is the shell reader that dist\/log-guardian\.mjs loads; it is not a command\b.*\n$/);
  });
});
