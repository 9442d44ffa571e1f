/**
 * Whether a module is the script node was started with (`node FILE`) or one imported by another:
 * for a bundle that another command imports (dist/dispatch-mcp.mjs, which `dispatch mcp` loads)
 * and that must not pass for a command when run by itself. Node 20 has no import.meta.main.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `moduleUrl` is node's main script: `process.argv[1]` (the path as given,
 * made absolute) names the same file, through links too (node loads the main script from its real
 * path). False when imported, and when node runs no file (`-e`, stdin).
 */
export function isMainModule(moduleUrl: string): boolean {
  const main = process.argv[1];
  if (main === undefined || main === '' || process.execArgv.some((a) => /^(-e|-pe|--eval|-p|--print)(=|$)/.test(a))) return false;
  try {
    return realpathSync(main) === fileURLToPath(moduleUrl);
  } catch {
    return false;
  }
}
