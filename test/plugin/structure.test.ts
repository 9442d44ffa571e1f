/**
 * Structural checks of the plugin's manifests, hooks and skills: what `claude plugin validate
 * --strict` (npm run validate) checks, and what our own conventions add, without needing the
 * 380 MB validator in the normal test run.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_BUDGET_MS, MAX_BUDGET_MS, RELAY_CHECK_TIMEOUT_S } from '../../scripts/lib/hook/budget.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8'));

// Event names Claude Code knows (claude-plugin.md section 2, HOOK_EVENTS).
const KNOWN_EVENTS = new Set(
  'PreToolUse PostToolUse PostToolUseFailure PostToolBatch Notification UserPromptSubmit UserPromptExpansion SessionStart SessionEnd Stop StopFailure SubagentStart SubagentStop PreCompact PostCompact PreModelSwitch PostModelSwitch PermissionRequest PermissionDenied Setup TeammateIdle TaskCreated TaskCompleted Elicitation ElicitationResult ConfigChange WorktreeCreate WorktreeRemove InstructionsLoaded CwdChanged FileChanged DirectoryAdded MessageDisplay'.split(
    ' ',
  ),
);

describe('.claude-plugin/plugin.json', () => {
  const manifest = readJson('.claude-plugin/plugin.json');
  it('names the plugin alive, with a semver version, a description and an author', () => {
    expect(manifest.name).toBe('alive');
    expect(manifest.name).not.toMatch(/\s/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
    expect(typeof manifest.description).toBe('string');
    expect(manifest.description.length).toBeGreaterThan(10);
    expect(typeof manifest.author?.name).toBe('string');
  });
  it('uses only fields Claude Code knows (an unknown one fails --strict)', () => {
    const known = new Set([
      '$schema',
      'name',
      'version',
      'description',
      'author',
      'homepage',
      'repository',
      'license',
      'keywords',
      'skills',
      'commands',
      'agents',
      'hooks',
      'mcpServers',
      'outputStyles',
      'lspServers',
      'userConfig',
      'dependencies',
      'defaultEnabled',
      'network',
      'icon',
      'experimental',
    ]);
    for (const key of Object.keys(manifest)) expect(known.has(key), `unknown plugin.json field ${key}`).toBe(true);
  });
  it('keeps the version in step with package.json', () => {
    expect(manifest.version).toBe(readJson('package.json').version);
  });
});

describe('hooks/hooks.json', () => {
  const file = readJson('hooks/hooks.json');
  type Entry = { type: string; command: string; timeout: number };
  type Group = { matcher?: string; hooks: Entry[] };
  const groups = (event: string): Group[] => file.hooks[event] ?? [];
  const all = (): [string, Group][] => Object.entries(file.hooks as Record<string, Group[]>).flatMap(([e, gs]) => gs.map((g) => [e, g] as [string, Group]));

  it('wraps known events in "hooks", each group with a hooks array of typed command entries', () => {
    expect(typeof file.hooks).toBe('object');
    for (const key of Object.keys(file)) expect(['description', 'hooks']).toContain(key);
    for (const event of Object.keys(file.hooks)) expect(KNOWN_EVENTS.has(event), event).toBe(true);
    for (const [, g] of all()) {
      expect(Array.isArray(g.hooks)).toBe(true);
      for (const h of g.hooks) {
        expect(h.type).toBe('command');
        expect(typeof h.timeout).toBe('number'); // seconds; a string fails validation
        expect(Number.isInteger(h.timeout) && h.timeout > 0 && h.timeout <= 60).toBe(true);
      }
    }
  });

  it('runs bundled node scripts from dist/ with a quoted plugin root, no shell logic and no python', () => {
    const bins = readJson('package.json').bin as Record<string, string>;
    for (const [, g] of all()) {
      for (const h of g.hooks) {
        const m = /^node "\$\{CLAUDE_PLUGIN_ROOT\}\/dist\/([a-z0-9-]+)\.mjs"$/.exec(h.command);
        expect(m, h.command).not.toBeNull();
        const name = m![1]!;
        expect(existsSync(join(root, 'scripts', `${name}.ts`)), `scripts/${name}.ts`).toBe(true);
        expect(bins[name]).toBe(`dist/${name}.mjs`);
      }
    }
  });

  it('registers relay-check on SessionStart startup and resume only, with a timeout above its budget', () => {
    const ss = groups('SessionStart');
    expect(ss).toHaveLength(1);
    expect(ss[0]!.matcher).toBe('startup|resume');
    const entry = ss[0]!.hooks.find((h) => h.command.includes('/dist/relay-check.mjs'));
    expect(entry?.timeout).toBe(RELAY_CHECK_TIMEOUT_S);
    expect(MAX_BUDGET_MS).toBeLessThan(RELAY_CHECK_TIMEOUT_S * 1000);
    expect(DEFAULT_BUDGET_MS).toBeLessThanOrEqual(MAX_BUDGET_MS);
  });

  it('registers log-guardian on PreToolUse for exactly Write, Edit, MultiEdit and Bash', () => {
    const pre = groups('PreToolUse');
    const g = pre.find((x) => x.hooks.some((h) => h.command.includes('/dist/log-guardian.mjs')));
    expect(g).toBeDefined();
    // Letters and `|` only: an exact-name list (`Edit|Write` alone would miss MultiEdit).
    expect(g!.matcher).toMatch(/^[A-Za-z|]+$/);
    expect(new Set(g!.matcher!.split('|'))).toEqual(new Set(['Write', 'Edit', 'MultiEdit', 'Bash']));
    expect(g!.hooks.find((h) => h.command.includes('log-guardian'))!.timeout).toBeLessThanOrEqual(10);
  });
});

describe('skills', () => {
  const dir = join(root, 'skills');
  const names = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory());
  const ours = ['share', 'receive', 'relay'];

  it('include share, receive and relay', () => {
    for (const n of ours) expect(names).toContain(n);
  });

  for (const name of names) {
    describe(name, () => {
      const text = readFileSync(join(dir, name, 'SKILL.md'), 'utf8');
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);

      it('has YAML frontmatter with a name matching its folder and a description', () => {
        expect(fm, 'frontmatter').not.toBeNull();
        const meta = parseYaml(fm![1]!) as Record<string, unknown>;
        expect(meta.name === name || meta.name === `alive:${name}`).toBe(true);
        expect(typeof meta.description).toBe('string');
        const description = meta.description as string;
        expect(description.length).toBeGreaterThan(40);
        expect(description.length).toBeLessThanOrEqual(1024);
        if (ours.includes(name)) expect(description).toMatch(/Use when/); // what + when, for the model
        for (const [k, v] of Object.entries(meta)) {
          if (['allowed-tools', 'argument-hint', 'model'].includes(k)) expect(typeof v).toBe('string');
        }
      });

      it('stays lean and links only files that exist beside it', () => {
        expect(text.split('\n').length).toBeLessThan(500);
        for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
          const target = m[1]!;
          if (/^[a-z]+:/.test(target)) continue;
          expect(existsSync(join(dir, name, target)), `${name}: link to ${target}`).toBe(true);
        }
      });
    });
  }

  for (const name of ours) {
    describe(`${name} (commands and secrets)`, () => {
      const files = readdirSync(join(dir, name)).filter((f) => f.endsWith('.md'));
      const text = files.map((f) => readFileSync(join(dir, name, f), 'utf8')).join('\n');
      const body = readFileSync(join(dir, name, 'SKILL.md'), 'utf8');

      it('calls our commands through the quoted plugin root, never python', () => {
        expect(body).toMatch(/node "\$\{CLAUDE_PLUGIN_ROOT\}\/dist\/alive-p2p\.mjs"/);
        expect(text).not.toMatch(/\bpy(?:thon3?)?\s+-|\.py\b|from alive_p2p|```python/);
        expect(text).not.toMatch(/(?<!")\$\{CLAUDE_PLUGIN_ROOT\}/);
      });

      // Subcommands, flags and JSON fields: test/plugin/skill-commands.test.ts, against the command definitions.

      it('never puts a passphrase on a command line or asks for it in the chat', () => {
        expect(text).not.toMatch(/--passphrase/);
        // Assigning the variable a literal value (in a Bash command) would put it in the transcript.
        for (const m of text.matchAll(/WALNUT_PASSPHRASE=\S*/g)) {
          expect(m[0]).toMatch(/^WALNUT_PASSPHRASE=(?:\.\.\.|"\$|\$)/);
        }
        if (name !== 'relay') {
          expect(text).toMatch(/read -rsp? /);
          expect(text).toMatch(/Never ask for (?:it|the passphrase) in the chat|Ask for the passphrase in the chat/);
        }
      });

      it('keeps its confirmation gates', () => {
        if (name === 'share') {
          expect(body).toMatch(/Sensitivity gate/);
          expect(body).toMatch(/--allow-sensitive-bundle '<name>'/);
          expect(body).toMatch(/confirmation gate[^\n]*nothing is uploaded before it/i);
          expect(body).toMatch(/## How this fits ALIVE/);
        }
        if (name === 'receive') {
          expect(body).toMatch(/--dry-run/);
          expect(body).toMatch(/Only an explicit yes continues/);
          expect(body).toMatch(/## How this fits ALIVE/);
        }
        if (name === 'relay') expect(body).toMatch(/Confirmation gates/);
      });
    });
  }
});
