/**
 * Where every file of a package goes in the target walnut — a pure function of the verified
 * manifest and the target's names, shared by `--dry-run` and the real import. Package paths are
 * already safe (readPackage); here they are sorted into kernel files, bundles and live context,
 * per generation:
 * - 2.0 (v2): `_kernel/…`, `bundles/<name>/…`, anything else is live context;
 * - 2.1.x (v3): as 2.0, plus root folders holding context.manifest.yaml are bundles, and the
 *   generated root README.md is left out;
 * - 1.1 (v1): `_core/{key,log,insights}.md` → `_kernel/`, `_core/_capsules/<n>/` → bundle n,
 *   `_core/now.md` and `_core/tasks.md` dropped (the reference's receive mapping).
 */
import { senderText } from '../text/fence.ts';
import { AliveError } from '../errors.ts';
import type { Skipped } from '../package/collect.ts';
import type { Manifest } from '../package/manifest.ts';
import { BUNDLE_MANIFEST, type WalnutLayout } from '../walnut/layout.ts';
import { agentFileRule, bundleTopsOf, foldSegment, ignoreFileRule, segmentFolder } from '../walnut/agent-files.ts';
import { checkBundleName, conflictName, MARKER_FOLDERS, type ConflictSuffixes } from './names.ts';
import { WORLD_MARKER_FOLDERS } from '../world/root.ts';
import { counted } from '../text/plural.ts';
import { gitRepoFolders, otherVcsAt, repoRemoval } from './git-dirs.ts';

export interface Unit {
  kind: 'kernel' | 'bundle' | 'live';
  /** Package-relative path of the file or folder to move (inside staging). */
  from: string;
  /** Walnut-relative destination. */
  to: string;
  /** Bundle name in the package, and the name it lands under. */
  bundle?: string;
  as?: string;
  files: number;
  bytes: number;
}

export type { Skipped };

export interface Conflict {
  bundle: string;
  /** Walnut-relative path of what was already there. */
  existing: string;
  imported_as: string;
}

/**
 * A file kept out of the world: an agent instruction/configuration file
 * (scripts/lib/walnut/agent-files.ts), or a file of a walnut inside the received one (SUB_WALNUT_REASON).
 */
export interface HeldBackAgentFile {
  /** Package-relative path. */
  path: string;
  /** The name on the list it matched (`CLAUDE.md`, `.claude/`, ...), or SUB_WALNUT_RULE. */
  rule: string;
  /** Set for a sub-walnut's file only: why it is held back (agent files say it in their note). */
  reason?: string;
  /** Walnut-relative path it would have had. */
  to: string;
  /**
   * Its file name in the held-back folder: flat, numbered, ending in `.held`, so no agent
   * recognises it there (a kept `CLAUDE.md` would be loaded as soon as an agent read beside it).
   */
  keptAs?: string;
}

/** Most bytes of the original name kept in a held-back file's name (255-byte names, any script). */
const KEPT_BASE_BYTES = 100;

/** The inert name a held-back file is kept under. */
export function keptName(index: number, path: string): string {
  // Cut by UTF-8 bytes on whole code points: 100 CJK characters are 300 bytes, past what a file
  // system takes in one name, and a cut inside a surrogate pair would write U+FFFD instead.
  let base = '';
  let bytes = 0;
  for (const c of path.slice(path.lastIndexOf('/') + 1)) {
    bytes += Buffer.byteLength(c);
    if (bytes > KEPT_BASE_BYTES) break;
    base += c;
  }
  return `${String(index + 1).padStart(4, '0')}-${base}.held`;
}

export interface ReceivePlan {
  units: Unit[];
  /** Agent files held back (not written into the walnut); empty with --allow-agent-files. */
  held: HeldBackAgentFile[];
  /** Agent files taken into the walnut because --allow-agent-files said so. */
  agentFilesTaken: HeldBackAgentFile[];
  skipped: Skipped[];
  conflicts: Conflict[];
  /** Package-relative paths to delete from staging before anything moves. */
  removals: string[];
  /** v1 capsule folders (package-relative) whose companion.md becomes context.manifest.yaml. */
  capsules: string[];
  /** Kernel file names the package brings (`key.md`, `log.md`, ...). */
  kernel: string[];
  /** Bundles of the package, by package name. */
  bundles: string[];
}

export interface PlanInput {
  manifest: Manifest;
  /** Layout of the walnut receiving the bundles. */
  layout: WalnutLayout;
  /** Is this name already used where bundles land (v2: under bundles/, v3: at the walnut root)? */
  taken: (name: string) => boolean;
  /** `YYYYMMDD` for conflict names. */
  date: string;
  /** Take agent instruction/configuration files into the walnut instead of holding them back. */
  allowAgentFiles?: boolean;
  /**
   * The walnut's folder, world-relative (`03_Inbox/<name>`). The agent-file list is matched on
   * where a file lands too: the walnut's name comes from the package (a walnut named `runtimes`
   * makes its `claude/inbox/` a bus inbox of its domain).
   */
  landing?: string;
}

type Place =
  | { kind: 'kernel'; name: string }
  | { kind: 'bundle'; name: string; dir: string }
  | { kind: 'live'; top: string }
  | { kind: 'skip'; reason: string; remove: string };

const SYSTEM_TOPS = new Set(['_kernel', 'bundles', '_core']);

/**
 * Most bundles one package brings. A bundle the manifest names without files needs no archive
 * entry, so the limit on entries does not bound them: each is a folder in the receiver's walnut.
 */
export const MAX_BUNDLES = 10_000;

const GIT_REPO_REASON = 'a Git repository (a HEAD file with objects/ and refs/, under any name) is never imported';

/** Folders that make the folder holding them a walnut (folded names): `_kernel/`, v1's `_core/`. */
const KERNEL_FOLDERS = new Set(['_kernel', '_core']);

const NESTED_WALNUT_REASON =
  "a _kernel/ or _core/ folder holding a key.md below the walnut's top is never imported: it would make the folder holding it a walnut of its own, whose now.json and log.md are the sender's as written";

/** The rule a sub-walnut's held-back file is listed under. */
export const SUB_WALNUT_RULE = 'sub-walnut kernel';

export const SUB_WALNUT_REASON =
  "a walnut inside the received one (a _kernel/ or _core/ holding a key.md below its top): held back because its kernel (now.json, log.md) would be loaded by agents as the sender wrote it, without the quoting and the sender's-log heading the received walnut's own kernel gets";

interface FolderTrie {
  next: Map<string, FolderTrie>;
  /** A folder of the set ends here. */
  end: boolean;
}

/**
 * The `_kernel/` and `_core/` folders below the top that hold a `key.md` (what makes the folder
 * holding them a walnut), as a tree of folded segments: decided on the whole file list, and
 * looked up in a path's length, however deep.
 */
function nestedKernels(paths: readonly string[], fold: Fold): FolderTrie {
  const root: FolderTrie = { next: new Map(), end: false };
  for (const path of paths) {
    const segs = path.split('/');
    const n = segs.length;
    if (n < 3 || fold(segs[n - 1]!) !== 'key.md' || !KERNEL_FOLDERS.has(fold(segs[n - 2]!))) continue;
    let node = root;
    for (let i = 0; i < n - 1; i++) {
      const key = fold(segs[i]!);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(key, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

/** The index of the segment of `folded` (a path's folded segments) that is a nested kernel folder, or -1. */
function nestedKernelAt(folded: readonly string[], kernels: FolderTrie): number {
  let node: FolderTrie | undefined = kernels;
  for (let i = 0; i < folded.length - 1 && node; i++) {
    node = node.next.get(folded[i]!);
    if (node?.end && i >= 1) return i;
  }
  return -1;
}

const WORLD_MARKER_REASON = `a folder that marks a world root (${WORLD_MARKER_FOLDERS.map((n) => `${n}/`).join(', ')}) is never imported`;

const REGENERATED = /^(now\.json|imports\.json|_generated(\/.*)?)$/;

/**
 * Is this kernel path (segments after `_kernel/` or `_core/`) one the receiver generates, as a file
 * system that ignores case sees it? `_kernel/NOW.json` is `_kernel/now.json` on APFS and NTFS: its
 * fields would be merged into the regenerated now.json, past the caps on what a package puts there.
 */
function regenerated(folded: string[]): boolean {
  return REGENERATED.test(folded.join('/'));
}

const LOG_LOOK_ALIKE_REASON =
  "named like _kernel/log.md in another case or spelling: on macOS and Windows it is the log, which receive writes (the package's own log.md goes below its entry, marked as the sender's)";

/**
 * Is this kernel path (segments after `_kernel/` or `_core/`, as written and folded) the log under
 * another name? On Linux it would land beside log.md unmarked; a clone on macOS puts it in its place.
 */
function logLookAlike(rest: string, folded: string[]): boolean {
  return rest !== 'log.md' && folded.length === 1 && folded[0] === 'log.md';
}

function bundleRootsOf(m: Manifest): Set<string> {
  const roots = new Set<string>();
  if (m.generation !== 'v3') return roots;
  for (const f of m.files) {
    const segs = f.path.split('/');
    if (segs.length === 2 && segs[1] === BUNDLE_MANIFEST && !['_kernel', 'bundles', '_core'].includes(segs[0]!)) roots.add(segs[0]!);
  }
  if (m.scope === 'bundle') for (const b of m.bundles ?? []) roots.add(b);
  return roots;
}

/**
 * Names the receiver reads or writes as files in a walnut (the log, now.json, key.md, a bundle's
 * tasks, a v1 capsule's companion.md): a package that makes a folder of one is refused before
 * anything is staged.
 */
const RECEIVER_FILES = new Set(['log.md', 'now.json', 'key.md', 'insights.md', 'tasks.md', 'tasks.json', 'completed.json', 'imports.json', 'companion.md']);

/** foldSegment, or a memo of it (segmentFolder) shared by the paths of one plan. */
type Fold = (segment: string) => string;

/**
 * The folder of `path` named like one of RECEIVER_FILES, if any, in any case: on macOS and Windows
 * `_kernel/LOG.md/` is the log's place, and the receive would fail later on a folder it reads as a
 * file.
 */
function folderNamedLikeFile(path: string, fold: Fold): string | undefined {
  const segs = path.split('/');
  for (let i = 0; i < segs.length - 1; i++) if (RECEIVER_FILES.has(fold(segs[i]!))) return segs.slice(0, i + 1).join('/');
  return undefined;
}

function place(path: string, m: Manifest, roots: Set<string>, repos: ReadonlySet<string>, fold: Fold): Place {
  const segs = path.split('/');
  // Folded as a file system that ignores case would see it (`.Git`, `.GIT.` are `.git` on APFS
  // and NTFS): git would read that config, hooks and fsmonitor command included.
  const folded = segs.map(fold);
  const gitAt = folded.indexOf('.git');
  if (gitAt >= 0) return { kind: 'skip', reason: 'Git metadata is never imported', remove: segs.slice(0, gitAt + 1).join('/') };
  // A folder git takes for a repository under any other name (git-dirs.ts) runs its config as well.
  // Judged where the file lands (`repos` holds landing folders): a v1 `_core/X` lands at `_kernel/X`.
  const land = landingPath(path, m);
  if (land === path) {
    const repo = repoRemoval(segs, folded, repos);
    if (repo !== undefined) return { kind: 'skip', reason: GIT_REPO_REASON, remove: repo };
  } else {
    const landSegs = land.split('/');
    const repo = repoRemoval(landSegs, landSegs.map(fold), repos);
    // The same folder under `_core/`; for the whole `_kernel/`, the entry under `_core/` the file
    // is in (`_core/_capsules/` lands elsewhere and stays).
    if (repo !== undefined)
      return { kind: 'skip', reason: GIT_REPO_REASON, remove: ['_core', ...segs.slice(1, Math.max(repo.split('/').length, 2))].join('/') };
  }
  // Other version-control folders run commands from their own config just the same (Mercurial's
  // `.hg/hgrc` hooks on any `hg status` there, Jujutsu's `.jj/repo/config.toml`, Sapling's `.sl/config`).
  const vcsAt = otherVcsAt(folded);
  if (vcsAt >= 0) {
    return { kind: 'skip', reason: `version-control metadata (${folded[vcsAt]}/) is never imported`, remove: segs.slice(0, vcsAt + 1).join('/') };
  }
  // `.alive/`, or `01_Archive/` with `02_Life/`, marks a world's root (world/root.ts): it would make
  // a folder of the walnut a world of its own, where a later receive would keep its own ledger.
  const markerAt = folded.findIndex((s, i) => i < folded.length - 1 && MARKER_FOLDERS.has(s));
  if (markerAt >= 0) {
    return { kind: 'skip', reason: WORLD_MARKER_REASON, remove: segs.slice(0, markerAt + 1).join('/') };
  }
  const top = segs[0]!;
  // On a file system that ignores case (macOS, Windows) `_Kernel/` is `_kernel/`: its now.json
  // would be the one the receiver regenerates, past the checks made on the exact name.
  if (SYSTEM_TOPS.has(top.toLowerCase()) && !SYSTEM_TOPS.has(top)) {
    return { kind: 'skip', reason: `'${top}' is named like the system folder ${top.toLowerCase()}/ in another case`, remove: top };
  }
  if (m.generation === 'v1' && top === '_core') {
    if (segs[1] === '_capsules') {
      if (segs.length >= 4) return { kind: 'bundle', name: segs[2]!, dir: segs.slice(0, 3).join('/') };
      return { kind: 'skip', reason: 'a file directly in _core/_capsules/ belongs to no capsule', remove: path };
    }
    const rest = segs.slice(1).join('/');
    if (rest === 'now.md' || rest === 'tasks.md') return { kind: 'skip', reason: 'v1 now.md and tasks.md are not carried into v2/v3 walnuts', remove: path };
    if (regenerated(folded.slice(1))) return { kind: 'skip', reason: 'generated by the receiver', remove: path };
    if (logLookAlike(rest, folded.slice(1))) return { kind: 'skip', reason: LOG_LOOK_ALIKE_REASON, remove: path };
    return { kind: 'kernel', name: rest };
  }
  if (top === '_kernel') {
    const rest = segs.slice(1).join('/');
    if (regenerated(folded.slice(1))) return { kind: 'skip', reason: 'generated by the receiver', remove: path };
    if (logLookAlike(rest, folded.slice(1))) return { kind: 'skip', reason: LOG_LOOK_ALIKE_REASON, remove: path };
    return { kind: 'kernel', name: rest };
  }
  if (top === 'bundles') {
    if (segs.length >= 3) return { kind: 'bundle', name: segs[1]!, dir: `bundles/${segs[1]}` };
    return { kind: 'skip', reason: 'a file directly in bundles/ belongs to no bundle', remove: path };
  }
  if (roots.has(top) && segs.length >= 2) return { kind: 'bundle', name: top, dir: top };
  if (m.generation === 'v3' && path === 'README.md') return { kind: 'skip', reason: "the package's generated README (v3)", remove: path };
  if (top.startsWith('.') || top === '__MACOSX') {
    // A walnut's own agent files (`.claude/`, `.mcp.json`, `.github/copilot-instructions.md` at its
    // root) are live context like any other, held back or taken by the agent-file rule; every
    // other hidden top-level entry (`.alive/`, ...) is never imported.
    const rule = agentFileRule(path, fold);
    if (rule && m.scope === 'full' && rule.name.toLowerCase().startsWith(top.toLowerCase())) return { kind: 'live', top };
    return { kind: 'skip', reason: 'hidden top-level entries are never imported', remove: path };
  }
  return { kind: 'live', top };
}

/**
 * Where a package path lands in the walnut, where that merges folders of the package: a v1
 * package's `_core/X` lands at `_kernel/X`, beside its own `_kernel/X` (its `_core/_capsules/`
 * become bundles). Bundles from two folders under one name are refused, and a bundle renamed on
 * a conflict keeps what is inside it, so every other path is judged as it is.
 */
function landingPath(path: string, m: Manifest): string {
  const segs = path.split('/');
  if (m.generation !== 'v1' || segs[0] !== '_core' || segs.length < 2 || segs[1] === '_capsules') return path;
  return ['_kernel', ...segs.slice(1)].join('/');
}

/**
 * The agent-file rule the world-relative path a file lands at falls under, if any. The bundle's
 * own name stands for the name it lands under: a conflict name only adds a suffix to it.
 */
function landingRule(path: string, p: Place, layout: WalnutLayout, landing: string | undefined, fold: Fold): ReturnType<typeof agentFileRule> {
  if (landing === undefined || landing === '') return undefined;
  const inWalnut =
    p.kind === 'kernel' ? `_kernel/${p.name}` : p.kind === 'bundle' ? `${layout === 'v2' ? 'bundles/' : ''}${p.name}/${path.slice(p.dir.length + 1)}` : path;
  return agentFileRule(`${landing}/${inWalnut}`, fold);
}

/** The package's own bundle list for bundle scope (v1 may say `capsules:` or nothing). */
function declaredBundles(m: Manifest, found: string[]): string[] {
  if (m.bundles && m.bundles.length > 0) return m.bundles;
  const capsules = m.extra.capsules;
  if (m.generation === 'v1' && Array.isArray(capsules) && capsules.every((c) => typeof c === 'string')) return capsules as string[];
  return found;
}

interface KernelNode {
  next: Map<string, KernelNode>;
  /** The package path of the file that lands here. */
  file?: string;
  /** A package path below this folder, by the top folder it comes from (`_core`, `_kernel`). */
  under: Map<string, string>;
}

/**
 * A v1 package's `_core/X` lands at `_kernel/X`, beside the package's own `_kernel/` entries: two
 * files landing at one place (as a file system that ignores case sees it), or a file where the
 * other makes a folder, were moved one after the other, so one replaced the other unsaid or the
 * move failed on the file system. Refused, naming the `_core/` entry. Walked as a tree of folded
 * segments, so a deep path costs its length.
 */
function refuseKernelClash(units: readonly Unit[], fold: Fold): void {
  const root: KernelNode = { next: new Map(), under: new Map() };
  const clash = (a: string, b: string): never => {
    const shown = senderText(a.startsWith('_core/') ? a : b, 'file path');
    throw new AliveError(
      `the package holds ${shown.shown}, which lands in _kernel/ (a v1 package's _core/ becomes _kernel/) where its own _kernel/ holds a file or folder of that name; it was refused and nothing was written`,
      { code: 'unexpected_entry', ...(shown.untrusted && { untrusted: shown.untrusted }) },
    );
  };
  for (const u of units) {
    const top = u.from.slice(0, u.from.indexOf('/'));
    const segs = u.to.split('/').slice(1);
    let node = root;
    for (let i = 0; i < segs.length; i++) {
      const key = fold(segs[i]!);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), under: new Map() };
        node.next.set(key, child);
      }
      node = child;
      if (node.file !== undefined && !node.file.startsWith(`${top}/`)) clash(node.file, u.from);
      if (i === segs.length - 1) {
        for (const [t, path] of node.under) if (t !== top) clash(path, u.from);
        node.file ??= u.from;
      } else if (!node.under.has(top)) node.under.set(top, u.from);
    }
  }
}

/**
 * The bundles a package carries, as receive reads them: its manifest's list, or, for a full package
 * (whose manifest lists none), those its files make (`bundles/<name>/`, a v3 root bundle, a v1
 * capsule). `info` shows them before anything is received.
 */
export function carriedBundles(m: Manifest): string[] {
  if (m.scope !== 'full' || (m.bundles?.length ?? 0) > 0) return m.bundles ?? [];
  try {
    const plan = planReceive({ manifest: m, layout: 'v3', taken: () => false, date: '00000000' });
    return plan.units.flatMap((u) => (u.kind === 'bundle' && u.bundle !== undefined ? [u.bundle] : [])).sort();
  } catch {
    return []; // a package receive refuses: info names the bundles it can, none here
  }
}

export function planReceive(input: PlanInput): ReceivePlan {
  const { manifest: m, layout } = input;
  const full = m.scope === 'full';
  const roots = bundleRootsOf(m);
  const plan: ReceivePlan = { units: [], held: [], agentFilesTaken: [], skipped: [], conflicts: [], removals: [], capsules: [], kernel: [], bundles: [] };
  const removals = new Set<string>();
  const bundleUnits = new Map<string, Unit>();
  const liveUnits = new Map<string, Unit>();
  const kernelUnits: Unit[] = [];
  const heldInBundle = new Map<HeldBackAgentFile, { unit: Unit; rest: string }>();
  const bundleSeen = (name: string, dir: string): Unit => {
    checkBundleName(name);
    const prior = bundleUnits.get(name);
    if (prior && prior.from !== dir) {
      const shown = senderText(name, 'bundle name');
      throw new AliveError(
        `the package holds two bundles named ${shown.shown} (one in bundles/, one at the walnut's root); it was refused and nothing was written`,
        {
          code: 'bundle_collision',
          ...(shown.untrusted && { untrusted: shown.untrusted }),
        },
      );
    }
    const u = prior ?? { kind: 'bundle' as const, from: dir, to: '', bundle: name, files: 0, bytes: 0 };
    bundleUnits.set(name, u);
    return u;
  };

  const fold = segmentFolder();
  // Decided on the whole file list, where the files land: a repository is HEAD, objects/ and refs/
  // together, and a v1 package's _core/HEAD joins its _kernel/objects/ in the walnut's _kernel/.
  const kernels = nestedKernels(
    m.files.map((f) => f.path),
    fold,
  );
  const repos = gitRepoFolders(
    m.files.map((f) => landingPath(f.path, m)),
    fold,
  );
  // Bundle tops an ignore file is held back at: those of the package's list and those it declares.
  const tops = bundleTopsOf(
    m.files.map((f) => f.path),
    fold,
  );
  for (const r of roots) tops.add(fold(r));
  for (const f of m.files) {
    const clash = folderNamedLikeFile(f.path, fold);
    if (clash !== undefined) {
      const shown = senderText(clash, 'folder');
      throw new AliveError(`the package makes a folder of ${shown.shown}, which a walnut keeps as a file; it was refused and nothing was written`, {
        code: 'unexpected_entry',
        ...(shown.untrusted && { untrusted: shown.untrusted }),
      });
    }
    const p = place(f.path, m, roots, repos, fold);
    // A sub-walnut's kernel: agents read its now.json and log.md as that walnut's own, past what
    // receive does to the received walnut's. Held back whole, its folder then removed.
    const nestedAt = p.kind === 'skip' ? -1 : nestedKernelAt(f.path.split('/').map(fold), kernels);
    if (nestedAt >= 0) {
      const kernelDir = f.path
        .split('/')
        .slice(0, nestedAt + 1)
        .join('/');
      removals.add(kernelDir);
      if (!full && p.kind !== 'bundle') {
        plan.skipped.push({ path: f.path, reason: NESTED_WALNUT_REASON });
        continue;
      }
      const entry: HeldBackAgentFile = {
        path: f.path,
        rule: SUB_WALNUT_RULE,
        reason: SUB_WALNUT_REASON,
        to: p.kind === 'kernel' ? `_kernel/${p.name}` : f.path,
      };
      if (p.kind === 'bundle') heldInBundle.set(entry, { unit: bundleSeen(p.name, p.dir), rest: f.path.slice(p.dir.length + 1) });
      entry.keptAs = keptName(plan.held.length, f.path);
      plan.held.push(entry);
      continue;
    }
    // Files that would be written into the walnut and would steer an agent there.
    const agent =
      p.kind !== 'skip' && (full || p.kind === 'bundle')
        ? (agentFileRule(f.path, fold) ?? ignoreFileRule(f.path, tops, fold) ?? landingRule(f.path, p, layout, input.landing, fold))
        : undefined;
    if (agent) {
      const entry: HeldBackAgentFile = { path: f.path, rule: agent.name, to: p.kind === 'kernel' ? `_kernel/${p.name}` : f.path };
      if (p.kind === 'bundle') heldInBundle.set(entry, { unit: bundleSeen(p.name, p.dir), rest: f.path.slice(p.dir.length + 1) });
      if (!input.allowAgentFiles) {
        entry.keptAs = keptName(plan.held.length, f.path);
        plan.held.push(entry);
        continue;
      }
      plan.agentFilesTaken.push(entry);
    }
    if (p.kind === 'skip') {
      plan.skipped.push({ path: f.path, reason: p.reason });
      removals.add(p.remove);
    } else if (p.kind === 'kernel') {
      if (!full) {
        plan.skipped.push({ path: f.path, reason: 'the target walnut keeps its own kernel files' });
        removals.add(f.path);
        continue;
      }
      kernelUnits.push({ kind: 'kernel', from: f.path, to: `_kernel/${p.name}`, files: 1, bytes: f.size });
      plan.kernel.push(p.name);
    } else if (p.kind === 'bundle') {
      const u = bundleSeen(p.name, p.dir);
      u.files += 1;
      u.bytes += f.size;
    } else {
      if (!full) {
        const shown = senderText(f.path, 'file path');
        throw new AliveError(`a ${m.scope} package should hold only bundles, but it holds ${shown.shown}; it was refused and nothing was written`, {
          code: 'unexpected_entry',
          ...(shown.untrusted && { untrusted: shown.untrusted }),
        });
      }
      const u = liveUnits.get(p.top) ?? { kind: 'live' as const, from: p.top, to: p.top, files: 0, bytes: 0 };
      u.files += 1;
      u.bytes += f.size;
      liveUnits.set(p.top, u);
    }
  }

  if (m.generation === 'v1') refuseKernelClash(kernelUnits, fold);

  if (!full) {
    const declared = declaredBundles(m, [...bundleUnits.keys()]);
    for (const name of declared) checkBundleName(name);
    const declaredSet = new Set(declared);
    for (const name of bundleUnits.keys()) {
      if (!declaredSet.has(name)) {
        const shown = senderText(name, 'bundle name');
        throw new AliveError(`the package holds files of bundle ${shown.shown}, which its manifest does not list; it was refused and nothing was written`, {
          code: 'unexpected_entry',
          ...(shown.untrusted && { untrusted: shown.untrusted }),
        });
      }
    }
    for (const name of declared) {
      if (!bundleUnits.has(name)) {
        const dir = m.generation === 'v1' ? `_core/_capsules/${name}` : m.generation === 'v3' ? name : `bundles/${name}`;
        bundleUnits.set(name, { kind: 'bundle', from: dir, to: '', bundle: name, files: 0, bytes: 0 });
      }
    }
  }

  if (bundleUnits.size > MAX_BUNDLES) {
    throw new AliveError(
      `the package brings ${counted(bundleUnits.size, 'bundle')}, more than the ${MAX_BUNDLES} a receive takes; it was refused and nothing was written. Ask the sender to split it`,
      { code: 'too_large' },
    );
  }

  // Names bundles land under: the target's own names, live context (v3 layout) and each other.
  // Compared as a file system that ignores case and Unicode form sees them (foldSegment): `A` and
  // `a` would be one folder on macOS and Windows, and two look-alikes on Linux.
  const claimed = new Set<string>();
  const rootNames = new Set(['_kernel', ...liveUnits.keys()].map(foldSegment));
  const isTaken = (n: string) => claimed.has(foldSegment(n)) || input.taken(n) || (layout === 'v3' && rootNames.has(foldSegment(n)));
  const suffixes: ConflictSuffixes = new Map();
  for (const name of [...bundleUnits.keys()].sort()) {
    const u = bundleUnits.get(name)!;
    const as = isTaken(name) ? conflictName(name, input.date, isTaken, suffixes) : name;
    if (as !== name) plan.conflicts.push({ bundle: name, existing: layout === 'v2' ? `bundles/${name}` : name, imported_as: as });
    claimed.add(foldSegment(as));
    u.as = as;
    u.to = layout === 'v2' ? `bundles/${as}` : as;
    plan.bundles.push(name);
    if (m.generation === 'v1') plan.capsules.push(u.from);
  }
  for (const [entry, { unit, rest }] of heldInBundle) entry.to = `${unit.to}/${rest}`;
  plan.units = [...kernelUnits, ...[...bundleUnits.values()].sort((a, b) => (a.to < b.to ? -1 : 1)), ...liveUnits.values()];
  plan.removals = [...removals].sort();
  return plan;
}
