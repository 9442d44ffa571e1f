/**
 * The MCP server of `dispatch mcp`, bundled apart (dist/dispatch-mcp.mjs) so that the MCP SDK is
 * loaded only by `dispatch mcp`, never by the other dispatch commands. dist/dispatch.mjs imports it.
 */
export { serveStdio } from './lib/bus/mcp/server.ts';
