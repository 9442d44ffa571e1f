/**
 * Everything the journal will need, checked before its commit point (and by --dry-run, which
 * runs the same checks): every folder a receive writes into resolves inside the world and is a
 * writable folder (or can be made in one), nothing is in the way of a move or a file it replaces,
 * and the staging folder shares a file system with the targets — when it does not, the caller
 * stages beside the target instead, so the renames after the commit point cannot give EXDEV.
 */
import { accessSync, constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { isWithin } from '../fs/within.ts';

/** What a receive will change in the world; every path world-relative (POSIX). */
export interface PlannedWrites {
  /** Folders to create (a new inbox domain, a v2 bundles/ folder). */
  mkdirs: string[];
  /** Folders that will appear by rename (the new walnut, each bundle). */
  moves: string[];
  /** Files that will be written or replaced (log.md, now.json). */
  files: string[];
  /** Folders under the world's own `.alive/` (ledger, held-back files): it may live elsewhere. */
  state: string[];
  /**
   * Files of the world the receive reads after its commit point (the target walnut's key.md):
   * each, when there, must be a regular file of at most `maxBytes`.
   */
  reads?: Array<{ path: string; maxBytes: number }>;
}

export interface PreflightResult {
  /**
   * When the staging folder is on another file system than the targets: the world-relative
   * folder to stage beside them in (it exists), else undefined.
   */
  stageIn?: string;
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw inTheWay(p);
    throw err;
  }
}

function inTheWay(p: string): AliveError {
  return new AliveError(`${p} cannot be created: something in its path is a file, not a folder; move it aside and receive again. Nothing was written`, {
    code: 'no_target',
  });
}

/**
 * The deepest existing folder on the way to `rel` (which need not exist), checked: each existing
 * step is a folder (following links only when they stay inside the world), the last one writable.
 */
function existingFolderOn(world: string, rel: string, what: string, inside: boolean): string {
  let at = world;
  for (const seg of rel.split('/').filter(Boolean)) {
    const next = join(at, seg);
    const st = lstatOrUndefined(next);
    if (!st) break;
    let real = next;
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync(next);
      } catch {
        throw new AliveError(`${relOf(world, next)} is a broken link, in the way of ${what}; remove it and receive again. Nothing was written`, {
          code: 'no_target',
        });
      }
      if (inside && !isWithin(world, real)) {
        throw new AliveError(
          `${relOf(world, next)} is a link leading out of the world (to ${real}); receive only writes inside the world. Replace the link with a folder, or pass --into. Nothing was written`,
          {
            code: 'outside_world',
          },
        );
      }
    }
    if (!statSync(real).isDirectory()) {
      throw new AliveError(
        `${relOf(world, next)} in the world is not a folder, so ${what} cannot go there; move it aside and receive again. Nothing was written`,
        {
          code: 'no_target',
        },
      );
    }
    at = next;
  }
  try {
    accessSync(at, constants.W_OK);
  } catch {
    throw new AliveError(
      `${relOf(world, at) || 'the world folder'} is not writable, so ${what} cannot be written; fix its permissions and receive again. Nothing was written`,
      {
        code: 'unwritable',
      },
    );
  }
  return at;
}

/**
 * Each existing folder of `rel` below `.alive/` is a real folder, inside where `.alive/` really is
 * (as `.alive/receiving/` must be, journal.ts requireRealFolder): a link planted there (through a
 * synced folder) would send a package's held-back files out of the world.
 */
function requireRealBelowAlive(world: string, rel: string): void {
  const alive = join(world, '.alive');
  const realAlive = realpathSync(alive);
  let at = alive;
  for (const seg of rel.split('/').slice(1)) {
    at = join(at, seg);
    const st = lstatOrUndefined(at);
    if (!st) return;
    if (st.isSymbolicLink() || !st.isDirectory() || !isWithin(realAlive, realpathSync(at))) {
      throw new AliveError(
        `${relOf(world, at)} ${st.isSymbolicLink() ? 'is a link' : 'is not a folder'}; receive keeps a package's agent files there, so it refuses: ` +
          'remove it (receive makes the folder again) and receive again. Nothing was written',
        { code: 'unsafe_world' },
      );
    }
  }
}

function relOf(world: string, abs: string): string {
  return abs === world
    ? '.'
    : abs
        .slice(world.length + 1)
        .split(sep)
        .join('/');
}

/**
 * Runs every check; throws the refusal a real run would meet after its commit point.
 * `stagingRoot` is where a receive unpacks (`<world>/.alive/receiving`, or `.alive/` when that
 * does not exist yet); it decides whether staging must move beside the targets.
 */
export function preflight(world: string, writes: PlannedWrites, stagingRoot: string, deviceOf: (path: string) => number = statDevice): PreflightResult {
  for (const d of writes.mkdirs) existingFolderOn(world, d, d, true);
  const moveParents: string[] = [];
  for (const m of writes.moves) {
    const parent = existingFolderOn(world, m, m, true);
    if (parent === join(world, ...m.split('/'))) {
      throw new AliveError(`${m} already exists and is never overwritten; nothing was written`, { code: 'exists' });
    }
    moveParents.push(parent);
  }
  for (const f of writes.files) {
    existingFolderOn(world, dirname(f), f, true);
    const st = lstatOrUndefined(join(world, ...f.split('/')));
    if (st && !st.isFile()) {
      throw new AliveError(
        `${f} in the world is not a regular file (${st.isSymbolicLink() ? 'a link' : 'a folder or special file'}); replace it with a file and receive again. Nothing was written`,
        {
          code: 'no_target',
        },
      );
    }
  }
  for (const { path: f, maxBytes } of writes.reads ?? []) {
    const read = readSmallFile(join(world, ...f.split('/')), maxBytes);
    if (read && !read.ok) {
      throw new AliveError(`${f} in the world ${read.detail}; the receive reads it, so replace it with a regular file and receive again. Nothing was written`, {
        code: 'no_target',
      });
    }
  }
  const stagingDev = deviceOf(stagingRoot);
  for (const s of writes.state) {
    const at = existingFolderOn(world, s, s, false);
    if (s === '.alive' || !s.startsWith('.alive/')) continue;
    // `.alive/` may be a link (to another file system, say); what receive renames into below it
    // after the commit point must be a real folder there, on the staging folder's file system.
    requireRealBelowAlive(world, s);
    if (deviceOf(at) !== stagingDev) {
      throw new AliveError(
        `${s} is on another file system than .alive/receiving, so what receive keeps there cannot be moved atomically; make it a plain folder inside .alive and receive again. Nothing was written`,
        {
          code: 'unsafe_world',
        },
      );
    }
  }

  const devs = new Set(moveParents.map(deviceOf));
  if (devs.size > 1) {
    throw new AliveError(
      `this receive would write to folders on different file systems (${writes.moves.join(', ')}); it cannot be made atomic. Nothing was written`,
      {
        code: 'io',
      },
    );
  }
  if (moveParents.length === 0 || devs.has(stagingDev)) return {};
  return { stageIn: relOf(world, moveParents[0]!) };
}

function statDevice(p: string): number {
  return statSync(p).dev;
}
