import { resolve, join } from 'node:path';
import { findUp, isDirectory as isDir } from '../fs/find-up.ts';
import { homeDir } from '../fs/node-fs.ts';
import { aliveHome } from '../home.ts';
import { isAnyWalnut } from '../walnut/is-walnut.ts';

/** The folder whose presence alone marks a world root. */
export const WORLD_MARKER = '.alive';
/** The two folders that together mark a world root. */
export const WORLD_PAIR = ['01_Archive', '02_Life'] as const;
/**
 * Every folder name that marks, or helps mark, a world root: a receive leaves each of them out
 * (the folder it lands in may already hold the other of the pair).
 */
export const WORLD_MARKER_FOLDERS: readonly string[] = [WORLD_MARKER, ...WORLD_PAIR];

/**
 * True when `dir` is a world root: it holds `.alive/`, or both `01_Archive/` and `02_Life/`, and
 * it is no walnut (`_kernel/key.md`, v1 `_core/key.md`): a walnut keeps its squirrels' sessions in
 * a `.alive/` of its own, and receive took it for the world (03_Inbox/ and the ledger inside it).
 * The per-user state folder is not a world marker, or every folder under the home directory would
 * count as inside a world: neither ALIVE_HOME nor ~/.alive, its default, which stays behind when
 * ALIVE_HOME moves elsewhere (the home folder itself can still be a world by the pair of folders).
 */
export function isWorldRoot(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return hasWorldMarker(dir, env) && !isAnyWalnut(dir);
}

/** `.alive/` (not the per-user state folder), or both `01_Archive/` and `02_Life/`: a world's root, or a walnut's sessions. */
function hasWorldMarker(dir: string, env: NodeJS.ProcessEnv): boolean {
  if (WORLD_PAIR.every((name) => isDir(join(dir, name)))) return true;
  const marker = resolve(dir, WORLD_MARKER);
  return marker !== resolve(aliveHome(env)) && marker !== resolve(env.HOME || homeDir(), WORLD_MARKER) && isDir(marker);
}

/**
 * The world root for `start` (cli.md section 6): walk up to the first folder that is a world
 * root; else ALIVE_WORLD_ROOT when it names a folder; else undefined. Only stat calls: this runs
 * in hooks on every tool call.
 */
export function findWorldRoot(start: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findUp(start, (dir) => isWorldRoot(dir, env)) ?? worldFromEnv(env);
}

function worldFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.ALIVE_WORLD_ROOT;
  return fromEnv && isDir(fromEnv) ? resolve(fromEnv) : undefined;
}

/**
 * The folder whose logs log-guardian guards, for `start`: the world above it; outside every world,
 * the nearest walnut that holds `.alive/` of its own (a walnut with its sessions, guarded as a
 * world was before walnuts stopped counting as world roots); else ALIVE_WORLD_ROOT when `fromEnv`.
 * One walk up.
 */
export function findGuardedRoot(start: string, env: NodeJS.ProcessEnv = process.env, fromEnv = true): string | undefined {
  let walnut: string | undefined;
  const world = findUp(start, (dir) => {
    if (!hasWorldMarker(dir, env)) return false;
    if (!isAnyWalnut(dir)) return true;
    walnut ??= dir;
    return false;
  });
  return world ?? walnut ?? (fromEnv ? worldFromEnv(env) : undefined);
}
