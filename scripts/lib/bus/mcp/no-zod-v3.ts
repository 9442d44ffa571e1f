/**
 * Stands in, in the bundles (tools/build-options.mjs), for the Zod 3 code the MCP SDK's server
 * carries beside Zod 4: `zod/v3` (which it calls to build an object schema from a shape of Zod 3
 * schemas) and `zod-to-json-schema` (Zod 3's JSON Schema converter), about 80 KB of the server's
 * bundle. Every schema this server gives the SDK is a Zod 4 one (lib/json/zod.ts), and the SDK
 * takes its Zod 4 path for those; if a change ever hands it a Zod 3 schema, the server fails at
 * once, saying why.
 */
function noZod3(): never {
  throw new Error('alive bundles the MCP server without Zod 3: give the SDK Zod 4 schemas (see scripts/lib/bus/mcp/no-zod-v3.ts)');
}

export const object = noZod3;
export const zodToJsonSchema = noZod3;
