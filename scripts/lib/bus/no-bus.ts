/**
 * The one check that a bus root holds a bus: the dispatch commands (commands/common.ts requireBus)
 * and the MCP tools (mcp/tools.ts) refuse with `no_bus` where it holds no runtimes/ folder. A
 * mistyped --root or the wrong folder read as an empty bus ("no messages waiting", exit 0), and a
 * send made a bus of its own that nothing serves. The callers differ only in how the root was found
 * and what to do, which they say.
 */
import { existsSync } from 'node:fs';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { runtimesDir } from './layout.ts';

/**
 * Throws `no_bus` (fields.root) when `root` holds no runtimes/ folder: `no bus here` and then what
 * `explain` says of the root (given shown, as it may be printed).
 */
export function requireBusAt(root: string, explain: (shownRoot: string) => string): void {
  if (existsSync(runtimesDir(root))) return;
  throw new AliveError(`no bus here${explain(inlineText(root, 1000))}`, { code: 'no_bus', fields: { root } });
}
