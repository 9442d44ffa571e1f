/**
 * The share, receive and relay skills pre-approve exactly their read-only calls (issue 17):
 * info, verify, relay status, relay inbox, receive --dry-run. A permission rule's `*` matches any
 * text (Claude Code's Bash rule syntax); each rule must match the call as the skill writes it and
 * no call that writes or sends.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers.ts';

function allowedTools(skill: string): string[] {
  const text = readFileSync(join(repoRoot, 'skills', skill, 'SKILL.md'), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)![1]!;
  const line = front.split('\n').find((l) => l.startsWith('allowed-tools:'));
  return line
    ? (line
        .slice('allowed-tools:'.length)
        .trim()
        .match(/Bash\([^)]*\)/g) ?? [])
    : [];
}

function allows(rules: string[], command: string): boolean {
  return rules.some((rule) => {
    const body = rule.slice('Bash('.length, -1);
    const re = new RegExp(
      `^${body
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return re.test(command);
  });
}

const P = 'node "/home/u/.claude/plugins/alive/dist/alive-p2p.mjs"';

describe('skills pre-approve exactly their read-only calls', () => {
  const reads = {
    share: [`${P} info "/w/garden.walnut" --json`, `${P} verify "/w/garden.walnut" --json`, `${P} relay status --json`],
    receive: [
      `${P} info "/i/p.walnut" --json`,
      `${P} verify "/i/p.walnut" --private-key "/h/.alive/relay/keys/private.pem" --json`,
      `${P} relay inbox --json`,
      `${P} receive "/i/p.walnut" --world "/w" --dry-run --json`,
    ],
    relay: [`${P} relay status --json`, `${P} relay inbox --json`],
  };
  const writes = [
    `${P} create --walnut "/w/g" --scope full --json`,
    `${P} receive "/i/p.walnut" --world "/w" --json`,
    `${P} relay pull --json`,
    `${P} relay push "/w/g.walnut" --to bob --json`,
    `${P} relay accept bob --json`,
    `${P} relay remove-peer bob --json`,
    `${P} relay setup --json`,
    `${P} extract "/i/p.walnut" --output /tmp/x --json`,
    'rm -rf /',
  ];
  for (const [skill, calls] of Object.entries(reads)) {
    it(`${skill}: its read-only calls run without a prompt, nothing else does`, () => {
      const rules = allowedTools(skill);
      expect(rules.length).toBe(calls.length);
      for (const c of calls) expect(allows(rules, c), c).toBe(true);
      for (const w of writes) expect(allows(rules, w), w).toBe(false);
    });
  }
});
