/**
 * `dispatch --help` and `dispatch mcp --help` named 7 MCP tools (send, wait, inbox, claim, reply,
 * thread, status); the server has 9 (dead_letters and retry too). The help names each tool the
 * server registers, read from its source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { repo } from './helpers.ts';

const server = readFileSync(join(repo, 'scripts', 'lib', 'bus', 'mcp', 'server.ts'), 'utf8');
const TOOLS = [...server.matchAll(/registerTool\(\s*'([a-z_]+)'/g)].map((m) => m[1]!);

describe('the MCP tools the help names', () => {
  it('are every tool the server registers', async () => {
    expect(TOOLS).toEqual(expect.arrayContaining(['send', 'dead_letters', 'retry']));
    for (const args of [['--help'], ['mcp', '--help']]) {
      const r = await runCaptured(dispatchGroup, args);
      expect(r.code).toBe(0);
      const listed = /tools:? ([a-z_, ]+?)[).]/i.exec(r.stdout)?.[1]?.split(/, /);
      expect(listed?.sort(), args.join(' ')).toEqual([...TOOLS].sort());
    }
  });
});
