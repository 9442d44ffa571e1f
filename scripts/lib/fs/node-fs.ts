/**
 * Node built-ins for code on a hook's start-up path (and the shared modules hooks use).
 *
 * An ESM `import ... from 'node:fs'` makes Node build a namespace holding every fs export, and
 * reading them all loads fs/promises as a side effect: about 2 ms of every hook start, which is
 * a tenth of `node -e 0` (bench/hooks.ts). The CommonJS exports object has no such cost.
 * process.getBuiltinModule exists from Node 20.16; earlier 20.x releases import the module
 * instead. Nothing here imports node:module: that alone loads it and its source-map support at
 * every start (bench/startup.ts).
 */
type NodeFs = typeof import('node:fs');
type NodeOs = typeof import('node:os');

const hasGetBuiltin = typeof process.getBuiltinModule === 'function';

export const fs: NodeFs = hasGetBuiltin ? process.getBuiltinModule('node:fs') : (await import('node:fs')).default;

// Before Node 20.16, node:os loads at start-up like any import.
const osBeforeGetBuiltin: NodeOs | undefined = hasGetBuiltin ? undefined : (await import('node:os')).default;

/**
 * The user's home folder, as os.homedir() gives it. On POSIX that is $HOME whenever it is set
 * (libuv asks the password database only without it), read here without loading node:os: about
 * 0.4 ms of a hook's start (bench/hooks.ts) for users who set no ALIVE_HOME. Elsewhere node:os
 * loads on the first call, not at start-up.
 */
export function homeDir(): string {
  const home = process.platform === 'win32' ? undefined : process.env.HOME;
  if (home !== undefined) return home;
  return (osBeforeGetBuiltin ?? process.getBuiltinModule('node:os')).homedir();
}
