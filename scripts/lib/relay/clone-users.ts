/**
 * Who uses the git relay's local clone, and how large its object store is: what a fetch needs to
 * know to tell whether compaction is due (clone-compact.ts, loaded only then). Each process that
 * fetches into the clone leaves a marker, alive-users/<pid>, for its lifetime (removed when it
 * exits); a compaction runs only while no other live process has one.
 */
import { lstatSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A clone's objects within this are never compacted; past it, compaction is due once they have
 * grown by as much since the last one (or a ref was force-moved): clone-compact.ts.
 */
export const COMPACT_SLACK_BYTES = 16 * 1024 * 1024;

/**
 * A marker not touched for this long is stale whoever's pid it names (a pid is reused): a process
 * touches its marker at every fetch, and none takes longer than a package's transfer (5 hours).
 */
const USER_STALE_MS = 6 * 60 * 60_000;

const USERS_DIR = 'alive-users';

/** Clones this process has marked (each marker is removed when the process exits). */
const marked = new Set<string>();
/** Fetches under way in this process, per clone. */
const fetching = new Map<string, number>();

export function fetchesUnderWay(clonePath: string): number {
  return fetching.get(clonePath) ?? 0;
}

/**
 * Marks the clone as used by this process (and touches the marker), and counts a fetch under way
 * until the returned function is called. Best effort: a marker that cannot be written leaves the
 * fetch to go on (the fetch says what is wrong with the folder).
 */
export function fetchStarting(clonePath: string): () => void {
  fetching.set(clonePath, (fetching.get(clonePath) ?? 0) + 1);
  markUser(clonePath);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const n = (fetching.get(clonePath) ?? 1) - 1;
    if (n === 0) fetching.delete(clonePath);
    else fetching.set(clonePath, n);
  };
}

function markUser(clonePath: string): void {
  const dir = join(clonePath, USERS_DIR);
  const file = join(dir, String(process.pid));
  try {
    if (!marked.has(clonePath)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, '', { mode: 0o600 });
      marked.add(clonePath);
      if (marked.size === 1) process.once('exit', unmarkAll);
    } else {
      const now = new Date();
      utimesSync(file, now, now);
    }
  } catch {
    // the folder is gone or read-only: the fetch itself will say what is wrong
  }
}

function unmarkAll(): void {
  for (const clone of marked) rmSync(join(clone, USERS_DIR, String(process.pid)), { force: true });
  marked.clear();
}

/** True when another live process uses the clone (stale markers are removed on the way). */
export function otherUsers(clonePath: string, now = Date.now()): boolean {
  const dir = join(clonePath, USERS_DIR);
  for (const name of listNames(dir)) {
    const pid = Number(name);
    if (!/^[1-9]\d*$/.test(name) || pid === process.pid) continue;
    let alive = true;
    try {
      alive = now - lstatSync(join(dir, name)).mtimeMs < USER_STALE_MS && pidAlive(pid);
    } catch {
      continue; // removed meanwhile: that process has exited
    }
    if (alive) return true;
    rmSync(join(dir, name), { force: true });
  }
  return false;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Bytes of the packs and loose objects under `objects`. */
export function storeBytes(objects: string): number {
  let n = 0;
  for (const dir of listNames(objects)) {
    if (dir !== 'pack' && !/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of listNames(join(objects, dir))) {
      try {
        n += lstatSync(join(objects, dir, name)).size;
      } catch {
        // removed meanwhile
      }
    }
  }
  return n;
}

export function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
