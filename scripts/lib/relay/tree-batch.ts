/**
 * The git transport's next tree (GitTransport.buildTree) in two git processes whatever the depth
 * of the changed paths: one `git ls-tree -t` lists every tree on those paths, one
 * `git mktree --batch` writes the new ones. Built one tree at a time, a deposit took six (an
 * ls-tree and a mktree for the root, inbox/ and inbox/<sender>/), each a process started from a
 * node process whose size makes every start cost more.
 *
 * It builds exactly the trees the one-at-a-time way builds, from the entries `git ls-tree -z <tree>`
 * prints for each tree: a folder's entries are taken only when they hash to the id its parent
 * names (so they are that tree's, whole and in git's own form), the changes are applied the same
 * way, and the new trees' ids, which a parent names before git has written the child, are computed
 * here as mktree computes them and checked against the ids it printed. Anything else (a tree whose
 * names or modes git would print otherwise, a name listed twice, a listing past the bound, an entry
 * mktree refuses, an id that differs) answers undefined: the caller then builds it one tree at a
 * time (buildTreeByTree, here too: status, inbox and the probe, which build no tree, never load
 * this module), which gives any error exactly as before.
 */
import { createHash } from 'node:crypto';
import { AliveError } from '../errors.ts';

export interface TreeChange {
  parts: string[];
  oid: string | null;
}

/** A tree to write: its entries as `ls-tree -z` prints them (mktree's input), and its id. */
export interface PlannedTree {
  records: Buffer[];
  id: string;
}

/**
 * The pathspecs of the one listing: '.' (every entry of each tree listed) and each changed path
 * (which makes ls-tree go down the folders on it, and no others); undefined for a path that is not
 * one literal pathspec (never one of ours).
 */
export function listingPathspecs(changes: TreeChange[]): string[] | undefined {
  const paths = changes.map((c) => c.parts.join('/'));
  if (paths.some((p) => p === '' || p.startsWith(':') || p.includes('\0'))) return undefined;
  return ['.', ...paths];
}

/** A name or path as the listing keys it: its UTF-8 bytes, one latin1 character a byte. */
const keyOf = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

/** The records of `ls-tree -z` output, each without its NUL terminator. */
function* nulRecords(out: Buffer): Generator<Buffer> {
  for (let at = 0; at < out.length; ) {
    let end = out.indexOf(0, at);
    if (end < 0) end = out.length;
    yield out.subarray(at, end);
    at = end + 1;
  }
}

/** The folders (paths, '' the root) on the changed paths: those whose trees are rebuilt. */
function foldersOf(changes: TreeChange[]): Set<string> {
  const out = new Set<string>(['']);
  for (const c of changes) for (let depth = 1; depth < c.parts.length; depth++) out.add(keyOf(c.parts.slice(0, depth).join('/')));
  return out;
}

/**
 * `git ls-tree -z -t --full-tree <commit> -- <listingPathspecs>` read back into one tree listing
 * per folder on the changed paths (name's bytes as latin1 → `mode type oid\tname`, as `ls-tree -z
 * <tree>` prints it), each checked against its tree's id, or undefined. A folder's listing is
 * missing when the commit holds no tree there.
 */
export function foldersListed(
  out: Buffer,
  changes: TreeChange[],
  hashBytes: number,
): { listed: Map<string, Map<string, Buffer>>; treeIds: Map<string, string> } | undefined {
  const folders = foldersOf(changes);
  const listed = new Map<string, Map<string, Buffer>>([['', new Map()]]);
  const treeIds = new Map<string, string>();
  const seen = new Set<string>();
  for (const rec of nulRecords(out)) {
    const tab = rec.indexOf(0x09);
    if (tab < 0) return undefined;
    const m = /^(\d{6}) ([a-z]+) ([0-9a-f]+)$/.exec(rec.subarray(0, tab).toString('latin1'));
    if (!m || m[3]!.length !== hashBytes * 2) return undefined;
    const path = rec.subarray(tab + 1).toString('latin1');
    // A name listed twice (a tree that holds it twice) is left to the one-at-a-time build.
    if (seen.has(path)) return undefined;
    seen.add(path);
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? '' : path.slice(0, slash);
    const name = rec.subarray(tab + 1 + (slash + 1));
    const entries = listed.get(parent);
    // Only entries of folders that ls-tree went down into: those on the changed paths.
    if (entries === undefined || name.length === 0) return undefined;
    entries.set(name.toString('latin1'), Buffer.concat([rec.subarray(0, tab + 1), name]));
    if (m[2] === 'tree' && folders.has(path)) {
      treeIds.set(path, m[3]!);
      listed.set(path, new Map());
    }
  }
  // A name holding '/' would be read as a folder's entry: every folder listed must be its tree whole.
  for (const [path, entries] of listed) {
    if (path !== '' && treeIdOf([...entries.values()], hashBytes) !== treeIds.get(path)) return undefined;
    // In git's order, as git writes every tree: ls-tree stops at the first entry past the paths it
    // is asked for, so listings of a tree stored out of order (written by hand) miss entries, and
    // the transport's listings of this commit are not to be carried over to the one built on it.
    if (!inGitOrder([...entries.values()])) return undefined;
  }
  return { listed, treeIds };
}

/** Whether ls-tree records (`mode type oid\tname`) are in git's tree order, each name once. */
function inGitOrder(records: Buffer[]): boolean {
  let previous: { name: Buffer; dir: boolean } | undefined;
  for (const rec of records) {
    const tab = rec.indexOf(0x09);
    const current = { name: rec.subarray(tab + 1), dir: rec.subarray(0, tab).toString('latin1').startsWith('040000 ') };
    if (previous !== undefined && compareEntries(previous, current) >= 0) return false;
    previous = current;
  }
  return true;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFGITLINK = 0o160000;

/** Git's object_type of a mode. */
function typeOfMode(mode: number): string {
  if ((mode & S_IFMT) === S_IFDIR) return 'tree';
  if ((mode & S_IFMT) === S_IFGITLINK) return 'commit';
  return 'blob';
}

/** Git's base_name_compare, on mktree's entries: a tree's name compares as if it ended in '/'. */
function compareEntries(a: { name: Buffer; dir: boolean }, b: { name: Buffer; dir: boolean }): number {
  const len = Math.min(a.name.length, b.name.length);
  const cmp = Buffer.compare(a.name.subarray(0, len), b.name.subarray(0, len));
  if (cmp !== 0) return cmp;
  const ca = len < a.name.length ? a.name[len]! : a.dir ? 0x2f : 0;
  const cb = len < b.name.length ? b.name[len]! : b.dir ? 0x2f : 0;
  return ca - cb;
}

/**
 * The id `git mktree` gives a tree of these records (ls-tree's format), or undefined where mktree
 * would refuse one (a type that is not its mode's, a name with '/') or read it otherwise.
 */
export function treeIdOf(records: Buffer[], hashBytes: number): string | undefined {
  const entries: Array<{ mode: number; name: Buffer; oid: Buffer; dir: boolean }> = [];
  for (const rec of records) {
    const tab = rec.indexOf(0x09);
    if (tab < 0) return undefined;
    const m = /^([0-7]{1,6}) ([a-z]+) ([0-9a-f]+)$/.exec(rec.subarray(0, tab).toString('latin1'));
    if (!m || m[3]!.length !== hashBytes * 2) return undefined;
    const mode = Number.parseInt(m[1]!, 8);
    const name = rec.subarray(tab + 1);
    if (name.length === 0 || name.includes(0x2f) || name.includes(0) || typeOfMode(mode) !== m[2]) return undefined;
    entries.push({ mode, name, oid: Buffer.from(m[3]!, 'hex'), dir: (mode & S_IFMT) === S_IFDIR });
  }
  entries.sort(compareEntries);
  const body = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode.toString(8)} `, 'latin1'), e.name, Buffer.alloc(1), e.oid]));
  return createHash(hashBytes === 32 ? 'sha256' : 'sha1')
    .update(`tree ${body.length}\0`)
    .update(body)
    .digest('hex');
}

/** A tree entry as `ls-tree -z` prints it (mktree's input): `mode type oid\tname`. */
const entry = (mode: string, type: string, oid: string, name: string) => Buffer.from(`${mode} ${type} ${oid}\t${name}`, 'utf8');

/**
 * Applies to a folder's `entries` the changes that end in it (a file added or replaced, or
 * removed) and returns the others by the subfolder they go down into, for both builds alike.
 */
function applyLevel(entries: Map<string, Buffer>, changes: TreeChange[]): Map<string, TreeChange[]> {
  const below = new Map<string, TreeChange[]>();
  for (const c of changes) {
    const [name, ...rest] = c.parts;
    if (!name) continue;
    if (rest.length === 0) {
      if (c.oid) entries.set(keyOf(name), entry('100644', 'blob', c.oid, name));
      else entries.delete(keyOf(name));
    } else {
      const sub = below.get(name);
      if (sub) sub.push({ parts: rest, oid: c.oid });
      else below.set(name, [{ parts: rest, oid: c.oid }]);
    }
  }
  return below;
}

/** The id of the tree an entry names, when it is a folder (`040000 tree`); else undefined. */
function subtreeOf(existing: Buffer | undefined): string | undefined {
  if (existing === undefined) return undefined;
  const [mode, type, oid] = existing.subarray(0, existing.indexOf(0x09)).toString('latin1').split(' ');
  return type === 'tree' && mode === '040000' ? oid : undefined;
}

/**
 * The trees to write, children before their parent (the order in which building one at a time
 * writes them), for `changes` on top of the folders of `listing` (null: no base). A folder's listing
 * is used only where its parent's entry names that very tree, as the one-at-a-time build reads
 * it. Returns the root's id (null: an empty tree), or undefined to build it one tree at a time.
 */
export function planTrees(
  listing: { listed: Map<string, Map<string, Buffer>>; treeIds: Map<string, string> } | null,
  changes: TreeChange[],
  hashBytes: number,
  out: PlannedTree[],
): string | null | undefined {
  const plan = (folder: string, base: boolean, levelChanges: TreeChange[]): string | null | undefined => {
    const entries = new Map(base ? (listing?.listed.get(keyOf(folder)) ?? []) : []);
    for (const [name, sub] of applyLevel(entries, levelChanges)) {
      const subtree = subtreeOf(entries.get(keyOf(name)));
      const subBase = subtree !== undefined;
      const path = folder === '' ? name : `${folder}/${name}`;
      // The tree the entry names is the one listed there (the listing was checked against its id).
      if (subBase && listing?.treeIds.get(keyOf(path)) !== subtree) return undefined;
      const built = plan(path, subBase, sub);
      if (built === undefined) return undefined;
      if (built) entries.set(keyOf(name), entry('040000', 'tree', built, name));
      else entries.delete(keyOf(name));
    }
    if (entries.size === 0) return null;
    const records = [...entries.values()];
    const id = treeIdOf(records, hashBytes);
    if (id === undefined) return undefined;
    out.push({ records, id });
    return id;
  };
  return plan('', listing !== null, changes);
}

/** mktree --batch -z's input for `trees`: each tree's records, NUL-terminated, then an empty one. */
export function mktreeBatchInput(trees: PlannedTree[]): Buffer {
  const nul = Buffer.alloc(1);
  return Buffer.concat(trees.flatMap((t) => [...t.records.flatMap((r) => [r, nul]), nul]));
}

/** The git runs of a build: ls-tree (under the listing bound, shown as `listingMax`) and mktree. */
export interface TreeGit {
  listTrees: (args: string[]) => Promise<Buffer>;
  makeTrees: (args: string[], input: Buffer) => Promise<string>;
  listingMax: string;
}

/**
 * The new root tree for `changes` on top of commit `base` (null: none), in one listing and one
 * `mktree --batch`; undefined to build it one tree at a time (buildTreeByTree).
 */
export async function buildTreeInTwo(base: string | null, changes: TreeChange[], git: TreeGit): Promise<string | null | undefined> {
  const hexLength = (base ?? changes.find((c) => c.oid)?.oid ?? '').length;
  const pathspecs = listingPathspecs(changes);
  if ((hexLength !== 40 && hexLength !== 64) || !pathspecs) return undefined;
  const hashBytes = hexLength / 2;
  let listing: ReturnType<typeof foldersListed> | null = null;
  if (base) {
    // The folders on the changed paths, each listed whole ('.'), in one listing under one bound.
    listing = foldersListed(await git.listTrees(['ls-tree', '-z', '-t', '--full-tree', base, '--', ...pathspecs]), changes, hashBytes);
    if (!listing) return undefined;
  }
  const trees: PlannedTree[] = [];
  const root = planTrees(listing, changes, hashBytes, trees);
  if (root === undefined) return undefined;
  if (trees.length > 0) {
    const ids = (await git.makeTrees(['mktree', '-z', '--missing', '--batch'], mktreeBatchInput(trees))).split('\n').filter(Boolean);
    if (ids.length !== trees.length || ids.some((id, i) => id !== trees[i]!.id)) return undefined;
  }
  return root;
}

/**
 * The tree `base` (a tree, or a commit for its tree) with `changes` applied, one tree at a time: an
 * ls-tree and a mktree for each folder on the changed paths (see GitTransport.buildTree). Null for
 * an empty tree.
 */
export async function buildTreeByTree(base: string | null, changes: TreeChange[], git: TreeGit): Promise<string | null> {
  const entries = new Map<string, Buffer>(); // name's bytes as latin1 -> "mode type oid\tname"
  if (base) {
    // A tree is read whole to be rebuilt, and repeated entries compress to almost nothing: a few
    // MB of pack can hold a tree that prints gigabytes (past what a JavaScript string holds).
    const out = await git.listTrees(['ls-tree', '-z', base]).catch((err: unknown) => {
      if (!(err instanceof AliveError && err.code === 'git_output_too_large')) throw err;
      throw new AliveError(
        `a tree in the relay (${base.slice(0, 12)}) holds more entries than alive reads ` +
          `(over ${git.listingMax} of names): someone with write access committed it. Remove it from the relay (a clone of it, \`git rm -r\` and push) and try again`,
        { code: 'too_large' },
      );
    });
    for (const rec of nulRecords(out)) {
      const tab = rec.indexOf(0x09);
      if (tab < 0) continue;
      entries.set(rec.subarray(tab + 1).toString('latin1'), rec);
    }
  }
  for (const [name, sub] of applyLevel(entries, changes)) {
    const built = await buildTreeByTree(subtreeOf(entries.get(keyOf(name))) ?? null, sub, git);
    if (built) entries.set(keyOf(name), entry('040000', 'tree', built, name));
    else entries.delete(keyOf(name));
  }
  if (entries.size === 0) return null;
  const nul = Buffer.alloc(1);
  const input = Buffer.concat([...entries.values()].flatMap((e) => [e, nul]));
  return (await git.makeTrees(['mktree', '-z', '--missing'], input)).trim();
}
