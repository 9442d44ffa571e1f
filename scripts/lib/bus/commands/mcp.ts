import { defineCommand } from '../../cli/command.ts';
import { AliveError, messageOf } from '../../errors.ts';
import { busRoot, envIdentity, nameArg, ROOT_OPTION } from './common.ts';

const USAGE = `usage: dispatch mcp [--as @NAME] [--root DIR]

Serves the bus to an MCP client over stdio (the client starts it; it ends when the client closes
stdin). Tools: send, wait, inbox, claim, reply, dead_letters, retry, thread, show, status. --as (else
$HELLOWORLD_AS, else @human) is the sender of a send that names none; given, it is also who reply
answers as: a message to another receiver is refused (not_yours) unless reply names it with as.
Without either, reply answers as the receiver the message is for. The root is fixed when the
server starts. Claude Code starts it through the plugin's .mcp.json; see the README for other
clients.`;

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'serve the bus to an MCP client over stdio (tools send, wait, inbox, claim, reply, dead_letters, retry, thread, show, status)',
  usage: USAGE,
  json: false,
  options: { as: { type: 'string' }, ...ROOT_OPTION },
  async run(ctx) {
    let identity: string | undefined;
    let root = process.cwd();
    let startupError: { message: string; code: 'mcp_config' } | undefined;
    try {
      // Given (--as, else HELLOWORLD_AS), the name is the server's identity too: reply answers as it.
      identity = ctx.values.as !== undefined ? nameArg(ctx.values.as, 'sender', USAGE) : envIdentity(USAGE, '--as');
      root = busRoot(ctx.values.root);
    } catch (err) {
      if (!(err instanceof AliveError)) throw err;
      // MCP clients hide a server's stderr and exit: it starts, and every tool answers with why.
      startupError = {
        message: `this server could not start as its MCP configuration asks: ${messageOf(err)
          .replace(/^usage: [\s\S]*$/m, '')
          .trim()}; change the dispatch mcp arguments (--as, --root) or HELLOWORLD_AS / HELLOWORLD_ROOT in that configuration, then restart the server`,
        code: 'mcp_config',
      };
      ctx.io.stderr.write(`dispatch mcp: ${startupError.message}\n`);
      identity = undefined;
    }
    const { serveStdio } = await loadServer();
    await serveStdio({ root, as: identity ?? 'human', ...(identity !== undefined ? { identity } : {}), ...(startupError ? { startupError } : {}) });
  },
});

/**
 * From dist/, the server is the bundle dist/dispatch-mcp.mjs: the MCP SDK (about
 * as large as the rest of dispatch) stays out of the bundle every other command loads. From the
 * sources (tsx, tests), the module itself.
 */
async function loadServer(): Promise<typeof import('../mcp/server.ts')> {
  const here = import.meta.url;
  // In dist/, this module is the chunk dist/chunks/bus-mcp.mjs (tools/build-options.mjs).
  const bundle = here.includes('/chunks/') ? '../dispatch-mcp.mjs' : './dispatch-mcp.mjs';
  const spec = here.endsWith('.mjs') ? new URL(bundle, here).href : new URL('../mcp/server.ts', here).href;
  return (await import(spec)) as typeof import('../mcp/server.ts');
}
