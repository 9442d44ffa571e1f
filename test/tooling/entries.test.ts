/**
 * The entries (and the dispatch group) list their commands with lazyCommand, so --help loads no
 * command module: each lazy line's name and summary must be those of the command it loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../scripts/lib/cli/command.ts';

const SCRIPTS = join(import.meta.dirname, '..', '..', 'scripts');
const LAZY = /lazyCommand\(\s*'([^']+)',\s*(['"])((?:\\.|(?!\2).)*)\2,\s*async \(\) => \(await import\('([^']+)'\)\)\.(\w+),?\s*\)/g;

function lazyLines(file: string) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(LAZY)].map((m) => ({ name: m[1]!, summary: m[3]!.replace(/\\(.)/g, '$1'), module: join(file, '..', m[4]!), exportName: m[5]! }));
}

describe('lazy commands in the entries', () => {
  const entries = readdirSync(SCRIPTS, { recursive: true, encoding: 'utf8' })
    // command.ts shows the form in a comment.
    .filter((f) => f.endsWith('.ts') && f !== join('lib', 'cli', 'command.ts'))
    .map((f) => join(SCRIPTS, f));
  const lines = entries.flatMap((file) => lazyLines(file).map((l) => ({ ...l, file })));

  it('the entries use lazyCommand', () => {
    expect(lines.map((l) => l.name)).toEqual(expect.arrayContaining(['create', 'receive', 'keygen', 'relay', 'send', 'inbox', 'mcp']));
  });

  it.each(lines.map((l) => [`${l.name} (${l.exportName})`, l] as const))('%s: name and summary are the loaded command’s', async (_, l) => {
    const mod = (await import(l.module)) as Record<string, Command>;
    const command = mod[l.exportName];
    expect(command, `${l.module} exports ${l.exportName}`).toBeDefined();
    expect({ name: command!.name, summary: command!.summary }).toEqual({ name: l.name, summary: l.summary });
  });
});
