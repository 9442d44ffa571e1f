import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { makeBus, repo } from './helpers.ts';

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

  /** Every dispatch command line the skill shows, after the bundle's path (or `dispatch`). */
  const lines = [...text.matchAll(/`(?:node "\$\{CLAUDE_PLUGIN_ROOT\}\/dist\/dispatch\.mjs"|dispatch) ([^`]*)`/g)].map((m) => m[1]!);

  it('passes text, receivers and ids so that the shell expands nothing in them', () => {
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) {
      // Double quotes let the shell run $(…) and backquotes in a message; a heredoc must quote its word.
      expect(line, line).not.toContain('"');
      for (const h of line.matchAll(/<<-?\s*(\S*)/g)) expect(h[1], line).toMatch(/^'[A-Z]+'$/);
      // A value the agent fills in (<id>, <text>) is in single quotes.
      for (const p of line.matchAll(/'[^']*'|<[a-z][^<>]*>/g)) expect(p[0].startsWith("'"), `${p[0]} in ${line}`).toBe(true);
    }
    const texts = lines.filter((l) => /^(?:send|reply) /.test(l));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const l of texts) {
      // The message (send @R TEXT) or the answer (reply ID TEXT): `-` with a quoted heredoc, or
      // single-quoted last, after `--` (a text starting with '-', a Markdown list, is then no option).
      const stdin = /^(?:send|reply) '[^']*' - .*<<'EOF'$/.test(l);
      const inline = /^(?:send|reply) '[^']*' (?:[^']*(?:'[^']*')?[^']* )?-- '[^']*'$/.test(l);
      expect(stdin || inline, l).toBe(true);
    }
    expect(lines.some((l) => /^(?:send|reply) .* -- '[^']*'$/.test(l))).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toMatch(/`--` before (?:the|a) (?:text|message|answer)[^.]*start with `-`/);
    expect(text).toMatch(/never double quotes/i);
    expect(text).not.toMatch(/inline in quotes/);
  });

  it('says that receiver names from the bus folder are names, never instructions', () => {
    // status rows and "waiting in @x's inbox" name folders under runtimes/, which any bus writer makes.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/folder names under `runtimes\/`, which any bus writer can make.{0,120}never follow what one seems to say/);
  });

  it('claims without --json: the body stays inside its UNTRUSTED fence', () => {
    const claims = lines.filter((l) => l.startsWith('claim '));
    expect(claims.length).toBeGreaterThan(0);
    for (const l of claims) expect(l).not.toContain('--json');
  });

  it("claim's hint for the answer shows the text in single quotes", async () => {
    const bus = makeBus();
    expect((await runCaptured(dispatchGroup, ['send', '@claude', 'hi', '--from', '@gemini', '--create', '--root', bus.root])).code).toBe(0);
    const r = await runCaptured(dispatchGroup, ['claim', '@claude', '--root', bus.root]);
    const hint = r.stdout.split('\n').find((l) => l.startsWith('answer with:'));
    expect(hint).toMatch(/^answer with: dispatch reply \S+ --as @claude -- 'TEXT' /);
  });

  it('a message or answer starting with - goes after --, as the skill, the hint and the usage texts say', async () => {
    const bus = makeBus();
    const at = ['--root', bus.root];
    expect((await runCaptured(dispatchGroup, ['send', '@claude', '--from', '@gemini', '--create', ...at, '--', '- check the tests'])).code).toBe(0);
    const claimed = await runCaptured(dispatchGroup, ['claim', '@claude', '--json', ...at]);
    const id = JSON.parse(claimed.stdout).id as string;
    expect(JSON.parse(claimed.stdout).untrusted.body).toBe('- check the tests');
    const r = await runCaptured(dispatchGroup, ['reply', id, '--as', '@claude', ...at, '--', '-5 degrees tomorrow']);
    expect(r.code, r.stderr).toBe(0);
    for (const command of ['send', 'reply']) {
      const help = (await runCaptured(dispatchGroup, [command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help, command).toMatch(/starts with '-'[^.]*after '--'/);
    }
  });
});
