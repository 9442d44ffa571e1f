import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repo } from './helpers.ts';

describe('the dispatch skill', () => {
  const text = readFileSync(join(repo, 'skills', 'dispatch', 'SKILL.md'), 'utf8');
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;

  it('pre-approves only read-only commands of the plugin’s own dispatch bundle (test/relay/skills.test.ts checks what they match)', () => {
    const rules = String(front['allowed-tools']).split(/,\s*/);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules)
      expect(rule).toMatch(/^Bash\(node "\$\{CLAUDE_PLUGIN_ROOT\}\/dist\/dispatch\.mjs" (status|inbox|show|thread|dead-letter|wait):\*\)$/);
    expect(text).not.toContain('Bash(node:*)');
  });

  it('runs only that bundle, in the form the rule approves', () => {
    const commands = [...text.matchAll(/`(node [^`]*)`/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(3);
    const bundle = `node "$\{CLAUDE_PLUGIN_ROOT}/dist/dispatch.mjs" `; // "$\{": the text, not a placeholder
    for (const c of commands) expect(c.startsWith(bundle), c).toBe(true);
  });
});
