/**
 * Keeps the git relay's local clone (relay/clone/) near the size of what the relays hold. A fetch
 * adds what it receives (up to TREE_FETCH_MAX_BYTES), and nothing took it back: whoever can write
 * to a relay the user reads could commit junk trees, wait for one fetch and force-push them away,
 * and the clone grew by up to 64 MiB a fetch, for good (30 MB a round, 149 MB after five).
 *
 * git's own gc does not help here: in a partial clone (every relay is a promisor remote) `git
 * repack -a -d` and `git gc --prune=now` keep every object of a fetched (promisor) pack, reachable
 * or not (measured with git 2.39: 15 s for a 90 MB clone, which stayed 90 MB). So, after a fetch,
 * when compaction is due (compactIfDue), the objects the refs reach (commits, trees, blobs of a
 * key's size, all history) are written to one new pack, and the packs and loose objects that were
 * there before are removed, but for a pack holding a larger blob that a ref's tip still reaches (a
 * package a pull left for the next one). When what the refs reach, all history, is still over
 * COMPACT_SLACK_BYTES, the history is cut at the tips (the clone is made shallow there: cutHistory)
 * and compacted again: a writer who commits junk trees and then a commit without them left them in
 * the history, which the clone kept for good, growing by up to a fetch's cap a round. So the clone
 * holds the relays' history while it is small, and else their tips' commits and trees alone, plus
 * at most COMPACT_SLACK_BYTES and one fetch (what is cut: `relay inbox`'s deposit times and
 * claimed sizes of what was deposited before the cut). The probe of the session hook never
 * compacts (its budget is seconds): the next relay command does.
 *
 * Measured (git 2.39): a clone within the slack costs a few stat calls a fetch (0.1 ms); one over
 * it with nothing due, for-each-ref (6 ms); a compaction that drops 30 MB of junk, 50-150 ms; one
 * that copies 30 MB of junk a ref still reaches, 300-500 ms (the fetch of it took 0.8-1.4 s).
 *
 * Other alive processes may use the clone meanwhile (the session hook's probe beside a `relay
 * pull`): a fetch writes its pack before it moves its ref, and builds on objects it already has.
 * Each process that fetches into the clone leaves a marker (alive-users/<pid>, clone-users.ts) for its lifetime,
 * and compaction runs only while no other live process has one, checked before and again after
 * reading what the refs reach: a process that starts later writes only packs that are not among
 * those removed, and finds everything a ref reached in the new pack.
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPACT_SLACK_BYTES, fetchesUnderWay, listNames, otherUsers, storeBytes } from './clone-users.ts';
import type { GitResult, GitRunOptions } from './git-run.ts';

/** Blobs up to this size are kept in the new pack (keys, README); larger ones keep their pack. */
const KEPT_BLOB_BYTES = 64 * 1024;

/** What the last compaction left (lastCompaction). */
const COMPACTED_FILE = 'alive-compacted';

export interface CompactOptions {
  clonePath: string;
  /** git in the clone (GitTransport's runner: its memory limit and settings). */
  git: (args: string[], opts?: GitRunOptions) => Promise<GitResult>;
  /** Epoch ms by which it must be done; it is not started with less than MIN_TIME_MS left. */
  deadline: number;
  slackBytes?: number;
}

export interface CompactResult {
  /** Bytes of the object store before and after (equal when it did not run). */
  before: number;
  after: number;
  ran: boolean;
}

const MIN_TIME_MS = 2000;

/** The list of what the refs reach is read no further (3 million objects): a relay holds far fewer. */
const MAX_OBJECT_LIST_BYTES = 128 * 1024 * 1024;

/**
 * Compacts the clone when it is due; never throws: a compaction that fails or is stopped leaves
 * the clone as it was, and the next fetch tries again. Due once the object store is over the slack
 * and either has grown by the slack since the last compaction, or a ref that compaction saw has
 * since been moved to a commit that does not build on it, or removed (a force-push: what only the
 * old tip reached is no longer needed). A store within the slack is never looked at further.
 */
export async function compactIfDue(opts: CompactOptions): Promise<CompactResult> {
  const { clonePath } = opts;
  const objects = join(clonePath, 'objects');
  const before = storeBytes(objects);
  const none = { before, after: before, ran: false };
  const slack = opts.slackBytes ?? COMPACT_SLACK_BYTES;
  if (before <= slack || fetchesUnderWay(clonePath) > 0 || opts.deadline - Date.now() < MIN_TIME_MS) return none;
  const timeoutMs = () => Math.max(1, opts.deadline - Date.now());
  const last = lastCompaction(clonePath);
  try {
    let refs = await readRefs(opts.git, timeoutMs());
    const due =
      before > last.bytes + slack ||
      // A package kept for the next pull goes once no tip reaches it (pulled, or removed).
      (last.keptLarge && !sameRefs(last.refs, refs)) ||
      (await refsDropped(opts.git, last.refs, refs, timeoutMs));
    if (!due) return none;
    if (otherUsers(clonePath)) return none;
    refs = await readRefs(opts.git, timeoutMs());
    let keptLarge = await compact(clonePath, opts.git, timeoutMs, Date.now());
    let after = storeBytes(objects);
    if (after > slack) {
      // What the refs reach, all history, is past the slack: cut the history at the tips and
      // compact again, so that the clone keeps only the trees the relays hold now.
      await cutHistory(clonePath, opts.git, timeoutMs());
      keptLarge = await compact(clonePath, opts.git, timeoutMs, Date.now());
      after = storeBytes(objects);
    }
    writeFileSync(join(clonePath, COMPACTED_FILE), `${JSON.stringify({ bytes: after, refs: Object.fromEntries(refs), keptLarge })}\n`, { mode: 0o600 });
    return { before, after, ran: true };
  } catch {
    // Stopped at the deadline, or refused: what was there stays (a new pack is a copy of what is
    // kept), and the next fetch tries again.
    return { before, after: storeBytes(objects), ran: false };
  }
}

type Git = CompactOptions['git'];

/**
 * Makes the clone shallow at the refs' tips (git's `shallow` file, as a `fetch --depth=1` writes
 * it): a tip's parents are no longer asked for, so what compaction writes next is the tips' commits
 * and trees alone. Later fetches build on those tips as usual (the server is told they are
 * shallow). Only commits can be shallow: a ref naming anything else is left out. Written aside and
 * renamed in: git reads it whole or not at all.
 */
async function cutHistory(clonePath: string, git: Git, timeoutMs: number): Promise<void> {
  const r = await git(['for-each-ref', '--format=%(objecttype) %(objectname)'], { timeoutMs, maxStdoutBytes: 1024 * 1024 });
  const tips = new Set(
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith('commit '))
      .map((l) => l.slice('commit '.length)),
  );
  const path = join(clonePath, 'shallow');
  const aside = `${path}.alive-${process.pid}`;
  writeFileSync(aside, [...tips].map((oid) => `${oid}\n`).join(''), { mode: 0o600 });
  renameSync(aside, path);
}

/**
 * One compaction: every object the refs reach goes into a new pack, then the packs that were there
 * (but a .keep one, and one holding a large blob a ref's tip reaches) and the loose objects are
 * removed.
 * Throws when another process started using the clone before anything was removed. True when a
 * large blob a tip reaches was kept.
 */
async function compact(clonePath: string, git: Git, timeoutMs: () => number, started: number): Promise<boolean> {
  const objects = join(clonePath, 'objects');
  const packDir = join(objects, 'pack');
  const names = listNames(packDir);
  const old = names.filter((n) => /^pack-[0-9a-f]+\.idx$/.test(n) && !names.includes(n.replace(/\.idx$/, '.keep')));
  const blobs = await blobsHere(git, timeoutMs());
  // What the refs reach, all history: commits and trees, and each blob a tree names (printed as
  // omitted, '~'), read from the trees and never looked up. A size filter looked up every blob,
  // and in a clone without blobs each lookup missed and rescanned the packs: a tree of 1.5 million
  // names of blobs nobody has took minutes.
  const walk = (tipsOnly: boolean) =>
    git(
      [
        'rev-list',
        '--objects',
        ...(tipsOnly ? ['--no-walk'] : []),
        '--all',
        '--missing=allow-any',
        '--no-object-names',
        '--filter=blob:none',
        '--filter-print-omitted',
      ],
      {
        timeoutMs: timeoutMs(),
        maxStdoutBytes: MAX_OBJECT_LIST_BYTES,
      },
    );
  // The blobs kept in the new pack: those here of a key's size (a blob not here is not listed).
  const reached = (await walk(false)).stdout.split('\n').filter((l) => l !== '' && (!l.startsWith('~') || blobs.small.has(l.slice(1))));
  for (let i = 0; i < reached.length; i++) if (reached[i]!.startsWith('~')) reached[i] = reached[i]!.slice(1);
  // A large blob is kept (in its own pack) only while a tip reaches it: a package still waiting
  // that a pull left for the next one. One that only history reaches is a package pulled or
  // removed long ago.
  const omitted =
    blobs.large.size === 0
      ? new Set<string>()
      : new Set(
          (await walk(true)).stdout
            .split('\n')
            .filter((l) => l.startsWith('~') && blobs.large.has(l.slice(1)))
            .map((l) => l.slice(1)),
        );
  let fresh = '';
  if (reached.length > 0) {
    const packed = await git(['pack-objects', '--missing=allow-any', '-q', join(packDir, 'pack')], {
      input: `${reached.join('\n')}\n`,
      timeoutMs: timeoutMs(),
    });
    fresh = `pack-${packed.stdout.trim()}`;
    if (!/^pack-[0-9a-f]{40,64}$/.test(fresh)) throw new Error('pack-objects named no pack');
    // Its objects came from the relays (or were pushed to one): a promisor pack, as fetched ones are.
    writeFileSync(join(packDir, `${fresh}.promisor`), '', { mode: 0o600 });
  }
  // Another process that started meanwhile may have written a pack whose ref it has not moved yet.
  if (otherUsers(clonePath)) throw new Error('the clone is in use');
  // Caches that may name what is removed (a user's fetch.writeCommitGraph, a multi-pack index).
  for (const cache of [join(objects, 'info', 'commit-graph'), join(objects, 'info', 'commit-graphs'), join(packDir, 'multi-pack-index')]) {
    rmSync(cache, { recursive: true, force: true });
  }
  for (const idx of old) {
    const base = idx.slice(0, -'.idx'.length);
    if (base === fresh || (omitted.size > 0 && holdsAny(join(packDir, idx), omitted))) continue;
    // The index first: git finds packs by their index, so no reader is left with half a pack.
    for (const ext of ['idx', 'pack', 'rev', 'bitmap', 'mtimes', 'promisor']) rmSync(join(packDir, `${base}.${ext}`), { force: true });
  }
  await git(['prune-packed', '-q'], { timeoutMs: timeoutMs() });
  removeLoose(objects, omitted, started);
  return omitted.size > 0;
}

/**
 * The blobs the clone holds (packed or loose), by size: those of KEPT_BLOB_BYTES or less, and the
 * larger ones. A clone holds the blobs fetched by id (keys, packages), and what a server sent
 * unasked: the walk of what the refs reach keeps the small ones it names.
 */
async function blobsHere(git: Git, timeoutMs: number): Promise<{ small: Set<string>; large: Set<string> }> {
  const r = await git(['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname) %(objectsize)'], {
    timeoutMs,
    maxStdoutBytes: MAX_OBJECT_LIST_BYTES,
  });
  const small = new Set<string>();
  const large = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('blob ')) continue;
    const [, oid, size] = line.split(' ');
    if (oid !== undefined) (Number(size) <= KEPT_BLOB_BYTES ? small : large).add(oid);
  }
  return { small, large };
}

/** Every ref of the clone and the object it names. */
async function readRefs(git: Git, timeoutMs: number): Promise<Map<string, string>> {
  const r = await git(['for-each-ref', '--format=%(refname) %(objectname)'], { timeoutMs, maxStdoutBytes: 1024 * 1024 });
  const refs = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const [name, oid] = line.split(' ');
    if (name && oid) refs.set(name, oid);
  }
  return refs;
}

function sameRefs(then: Record<string, string>, now: Map<string, string>): boolean {
  return Object.keys(then).length === now.size && [...now].every(([name, oid]) => then[name] === oid);
}

/** True when a ref of `then` is gone from `now`, or names a commit that does not build on what it named. */
async function refsDropped(git: Git, then: Record<string, string>, now: Map<string, string>, timeoutMs: () => number): Promise<boolean> {
  for (const [name, old] of Object.entries(then)) {
    const current = now.get(name);
    if (current === old) continue;
    if (current === undefined) return true;
    const r = await git(['merge-base', '--is-ancestor', old, current], { timeoutMs: timeoutMs(), okCodes: [0, 1, 128] });
    if (r.code !== 0) return true;
  }
  return false;
}

/** What the last compaction left: the store's size and the refs it saw (nothing before the first). */
function lastCompaction(clonePath: string): { bytes: number; refs: Record<string, string>; keptLarge: boolean } {
  try {
    const last = JSON.parse(readFileSync(join(clonePath, COMPACTED_FILE), 'utf8')) as { bytes?: unknown; refs?: unknown; keptLarge?: unknown };
    const bytes = typeof last.bytes === 'number' && Number.isSafeInteger(last.bytes) && last.bytes >= 0 ? last.bytes : 0;
    const refs: Record<string, string> = {};
    if (last.refs && typeof last.refs === 'object') {
      for (const [name, oid] of Object.entries(last.refs)) if (typeof oid === 'string' && /^[0-9a-f]{40,64}$/.test(oid)) refs[name] = oid;
    }
    return { bytes, refs, keptLarge: last.keptLarge === true };
  } catch {
    return { bytes: 0, refs: {}, keptLarge: false };
  }
}

/**
 * Loose objects left after prune-packed are those no ref reaches (every reached one is in the new
 * pack), but for an omitted large blob: removed when older than the compaction's start.
 */
function removeLoose(objects: string, omitted: Set<string>, started: number): void {
  for (const dir of listNames(objects)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of listNames(join(objects, dir))) {
      if (!/^[0-9a-f]{38}([0-9a-f]{24})?$/.test(name) || omitted.has(dir + name)) continue;
      const path = join(objects, dir, name);
      try {
        if (lstatSync(path).mtimeMs < started) rmSync(path, { force: true });
      } catch {
        // removed meanwhile
      }
    }
  }
}

/** Whether the pack index `idxPath` (version 2, SHA-1) names any of `oids`; true when it cannot tell. */
function holdsAny(idxPath: string, oids: Set<string>): boolean {
  try {
    const idx = readFileSync(idxPath);
    if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return true;
    const count = idx.readUInt32BE(8 + 255 * 4);
    const start = 8 + 256 * 4;
    if (idx.length < start + count * 20) return true;
    for (let i = 0; i < count; i++) if (oids.has(idx.toString('hex', start + i * 20, start + (i + 1) * 20))) return true;
    return false;
  } catch {
    return true;
  }
}
