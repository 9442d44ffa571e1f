/**
 * Stands in for the MCP SDK's `validation/ajv-provider.js` in the bundles (tools/build-options.mjs):
 * the SDK's server validates JSON Schemas only for elicitation (asking the client for input), which
 * this server never does, and it builds its default validator (Ajv, about 100 KB of the bundle and
 * its start-up) only when it is given none. createServer gives its own (server.ts), so this class is
 * never built; if a change ever lets the SDK build it, the server fails at once, saying why.
 */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('alive bundles the MCP server without Ajv: pass McpServer a jsonSchemaValidator (see scripts/lib/bus/mcp/no-ajv.ts)');
  }
}
