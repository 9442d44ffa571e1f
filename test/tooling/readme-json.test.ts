/**
 * The README's dispatch section names the commands that take no --json (they run until stopped);
 * every other dispatch command must take it. It said "Every command takes --json" while serve,
 * repl and mcp refuse it as an unknown option.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import type { Command } from '../../scripts/lib/cli/command.ts';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe('README: which dispatch commands take --json', () => {
  it('names exactly the commands without it', async () => {
    const section = README.slice(README.indexOf('## dispatch: the HelloWorld message bus'));
    const claim = /^Every command but ((?:`[a-z-]+`(?:, | and )?)+) \(which run until stopped\) takes `--json`/m.exec(section);
    expect(claim, 'the sentence naming the dispatch commands without --json').not.toBeNull();
    const named = [...claim![1]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).sort();
    const without: string[] = [];
    for (const c of dispatchGroup.commands ?? []) {
      const loaded: Command = c.load ? await c.load() : c;
      if (!loaded.options || !('json' in loaded.options)) without.push(c.name);
    }
    expect(named).toEqual(without.sort());
  });
});
