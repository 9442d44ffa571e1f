/**
 * `dispatch mcp` with a wrong --root (the bus's runtimes/ folder, a file) or a wrong --as /
 * HELLOWORLD_AS ended at start with its reason on stderr, which MCP clients hide: Claude Code
 * showed only that the server failed or the connection closed (a review of 2026-12-07). A root that
 * holds no bus already started, each tool answering no_bus with what to do. The server now starts
 * in every case and each tool answers with the reason and the way on (exit-code-free), stderr
 * saying it too.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { makeBusWithRuntimes } from './helpers.ts';
import { bundleDir } from '../support/bundles.ts';

const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close().catch(() => undefined);
});

async function connect(env: NodeJS.ProcessEnv, cwd: string, args: string[]): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(bundleDir(), 'dispatch.mjs'), 'mcp', ...args],
    env: env as Record<string, string>,
    cwd,
    stderr: 'pipe',
  });
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

describe('dispatch mcp started with a wrong --root or --as', () => {
  it('starts, and every tool answers with the reason and what to change in its configuration', async () => {
    const bus = makeBusWithRuntimes();
    for (const [args, said] of [
      [['--root', join(bus.root, 'runtimes')], "is the bus's runtimes/ folder; give the folder that holds it"],
      [['--as', 'not a name!', '--root', bus.root], 'not a name!'],
    ] as const) {
      const client = await connect(bus.env, bus.base, [...args]);
      const { tools } = await client.listTools();
      expect(tools.length).toBe(10);
      for (const [name, a] of [
        ['status', {}],
        ['inbox', { receiver: '@claude' }],
      ] as const) {
        const r = (await client.callTool({ name, arguments: a })) as { isError?: boolean; structuredContent?: { error?: { code: string; message: string } } };
        expect(r.isError, name).toBe(true);
        expect(r.structuredContent!.error!.code).toBe('mcp_config');
        expect(r.structuredContent!.error!.message).toContain('this server could not start as its MCP configuration asks');
        expect(r.structuredContent!.error!.message).toContain(said);
      }
    }
  });
});
