/** The MCP server in this process, with the SDK's client linked to it in memory. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer } from '../../scripts/lib/bus/mcp/server.ts';

export async function mcpInProcess(root: string, as: string): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createServer({ root, as, sentTo: new Map() });
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
