/**
 * Names that come from a package (walnut, bundle) decide folder names in the world: they are
 * validated like paths and can only ever name one new folder inside the target.
 */
import { senderName, senderText } from '../text/fence.ts';
import { AliveError } from '../errors.ts';
import { bundleNameProblem } from '../package/manifest.ts';
import { foldSegment } from '../walnut/agent-files.ts';
import { WORLD_MARKER_FOLDERS } from '../world/root.ts';

/** Folder names at a walnut root that belong to the system, never to a bundle. */
export const RESERVED_BUNDLE_NAMES = new Set(['_kernel', '_core', 'bundles', 'node_modules', '__pycache__', '__MACOSX']);
/**
 * The same, as a file system that ignores case sees them: on macOS and Windows a bundle `Bundles`
 * is the walnut's `bundles/` (a v3 walnut holding one reads as v2 from then on).
 */
const RESERVED_FOLDED = new Set([...RESERVED_BUNDLE_NAMES].map(foldSegment));
/** Longest name accepted, leaving room for `-imported-YYYYMMDD-NNN` within 255 bytes. */
export const MAX_NAME_BYTES = 200;

/** Characters a shell acts on even inside double quotes. */
const SHELL_ACTIVE = /[$`"\\]/;

/** Why `name` cannot be a walnut or bundle folder name, or undefined. */
export function folderNameProblem(name: string): string | undefined {
  const basic = bundleNameProblem(name);
  if (basic) return basic;
  // Skills put folder names into shell commands; in double quotes these would still act.
  if (SHELL_ACTIVE.test(name)) return 'contains a character a shell acts on ($, `, " or \\)';
  if (name.trim() !== name) return 'starts or ends with white space';
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/** World markers as a file system that ignores case sees them (`01_archive.` is `01_Archive` on NTFS). */
export const MARKER_FOLDERS = new Set(WORLD_MARKER_FOLDERS.map(foldSegment));

/** A walnut's own system folders (v2, v3 and v1): never the name of a walnut, in any case. */
const WALNUT_SYSTEM_FOLDERS = new Set(['_kernel', '_core', 'bundles']);

/**
 * Why a receiver refuses `name` as a new walnut's folder name, or undefined: the one rule, which
 * create applies to the folder it packs too (create-request.ts), so it writes no package whose
 * walnut name receive refuses.
 */
export function walnutNameProblem(name: string): string | undefined {
  return (
    folderNameProblem(name) ??
    // A walnut so named, beside another of the pair, would make its domain a world root of its own.
    (MARKER_FOLDERS.has(foldSegment(name)) ? 'is the name of a folder that marks a world root' : undefined) ??
    // `<domain>/_kernel/` holding a key.md would make the domain itself read as a walnut.
    (WALNUT_SYSTEM_FOLDERS.has(foldSegment(name)) ? "is the name of a walnut's system folder" : undefined)
  );
}

export function checkWalnutName(name: string, from: string): string {
  const why = walnutNameProblem(name);
  if (why) {
    // A name from the manifest is the sender's text: quoted only when plain, else fenced.
    const shown = from === '--as' ? { shown: JSON.stringify(name) } : senderText(name, 'walnut name');
    throw new AliveError(`the walnut name ${shown.shown} (${from}) ${why}; nothing was written. Pass --as NAME to choose a safe name`, {
      code: 'unsafe_name',
      ...(shown.untrusted && { untrusted: shown.untrusted }),
    });
  }
  return name;
}

/**
 * Why a receiver refuses `name` as a bundle's folder name, or undefined: the one rule, which create
 * applies to the bundles it packs too (collect.ts, create-request.ts).
 */
export function bundleFolderNameProblem(name: string): string | undefined {
  return (
    folderNameProblem(name) ??
    (RESERVED_FOLDED.has(foldSegment(name)) ? 'is a reserved folder name (in any case)' : undefined) ??
    // A bundle folder so named would make the walnut a world root of its own (world/root.ts).
    (MARKER_FOLDERS.has(foldSegment(name)) ? 'is the name of a folder that marks a world root' : undefined)
  );
}

export function checkBundleName(name: string): string {
  const why = bundleFolderNameProblem(name);
  if (why) {
    const shown = senderText(name, 'bundle name');
    throw new AliveError(`the package names a bundle ${shown.shown}, which ${why}; it was refused and nothing was written`, {
      code: 'unsafe_name',
      ...(shown.untrusted && { untrusted: shown.untrusted }),
    });
  }
  return name;
}

/** `YYYYMMDD` of an ISO timestamp (UTC). */
export function compactDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/** For each conflict name's base (folded), the first suffix not yet found taken. */
export type ConflictSuffixes = Map<string, number>;

/**
 * `<name>-imported-<YYYYMMDD>`, then `-2`, `-3`, ... until `taken` says no. With `next`, shared by
 * one plan, a base whose candidates were found taken is not asked about them again: bundles whose
 * names fold to one (10,000 case variants in a package of a few KB) asked the square of their
 * number. Names only become taken as the plan goes, so a candidate once taken stays so.
 */
export function conflictName(name: string, date: string, taken: (candidate: string) => boolean, next: ConflictSuffixes = new Map()): string {
  // A colon's tail is a stream of the name before it on NTFS (foldSegment): every candidate after
  // it would be the name itself, taken.
  const base = `${name.replaceAll(':', '-')}-imported-${date}`;
  const key = foldSegment(base);
  for (let i = next.get(key) ?? 1; i < 10_000; i++) {
    const c = i === 1 ? base : `${base}-${i}`;
    if (taken(c)) continue;
    next.set(key, i + 1);
    return c;
  }
  throw new AliveError(`too many earlier imports of bundle ${senderName(name)} today; rename some of them and try again`, { code: 'conflict' });
}
