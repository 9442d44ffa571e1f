/**
 * The MCP server of `dispatch mcp`, bundled apart (dist/dispatch-mcp.mjs) so that the MCP SDK is
 * loaded only by `dispatch mcp`, never by the other dispatch commands. dist/dispatch.mjs imports it.
 */
export { serveStdio } from './lib/bus/mcp/server.ts';

// The SDK builds its own schemas with zod/mini, which the bus config loader imports lazily
// (scripts/lib/bus/config.ts); in one bundle esbuild then initialises zod/mini only when that lazy
// import runs, after the SDK needs it ("ZodMiniObject is not a constructor"). Run it first.
// Importing the bus config schema runs that initialisation without keeping all of zod/mini (its
// every locale) in the bundle, as importing zod/mini's namespace would.
await import('./lib/bus/config-schema.ts');
