/**
 * The MCP server of `dispatch mcp`, bundled apart (dist/dispatch-mcp.mjs) so that the MCP SDK is
 * loaded only by `dispatch mcp`, never by the other dispatch commands. dist/dispatch.mjs imports it.
 * Run with node by itself it would load the server and end without a word (exit 0): it says which
 * command to run instead (a usage error, exit 2). Imported, it only exports serveStdio.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuseEntry } from './lib/cli/command.ts';
import { isMainModule } from './lib/cli/main-module.ts';
import { UsageError } from './lib/errors.ts';
import { shellQuote } from './lib/text/shell-quote.ts';

export { serveStdio } from './lib/bus/mcp/server.ts';

if (isMainModule(import.meta.url)) {
  const dispatch = join(dirname(fileURLToPath(import.meta.url)), 'dispatch.mjs');
  refuseEntry(
    new UsageError(
      `dispatch-mcp.mjs is the MCP server that 'dispatch mcp' loads, not a command: run 'dispatch mcp' (node ${shellQuote(dispatch)} mcp [--as @NAME] [--root DIR]), or name that command in your MCP client's configuration`,
    ),
  );
}
