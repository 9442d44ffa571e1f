/** The MCP server in this process, with the SDK's client linked to it in memory. */
import { afterEach } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer } from '../../scripts/lib/bus/mcp/server.ts';

/** `identity`: the receiver the server acts as (its --as, else HELLOWORLD_AS), when it was given one. */
export async function mcpInProcess(root: string, as: string, identity?: string): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createServer({ root, as, sentTo: new Map(), ...(identity !== undefined ? { identity } : {}) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** A tool call's result as a test reads it. */
export type ToolResult = { isError?: boolean; structuredContent?: Record<string, unknown>; content: { type: string; text?: string }[] };

/**
 * For a test file, called at its top level: `connect(root, as, identity?)` starts a server in this process and
 * gives a function that calls one of its tools; every server started is closed after each test.
 */
export function mcpToolCallers(): (
  root: string,
  as: string,
  identity?: string,
) => Promise<(name: string, args?: Record<string, unknown>) => Promise<ToolResult>> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  return async (root, as, identity) => {
    const { client, close } = await mcpInProcess(root, as, identity);
    closers.push(close);
    return async (name, args = {}) => (await client.callTool({ name, arguments: args })) as ToolResult;
  };
}
