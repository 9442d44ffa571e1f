import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** v2: bundles under `bundles/<name>/`; v3: bundles as root folders holding context.manifest.yaml. */
export type WalnutLayout = 'v2' | 'v3';

export const BUNDLE_MANIFEST = 'context.manifest.yaml';

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A real folder, not a link to one: create never descends into a linked folder (cli.md 4). */
export function isRealDir(p: string): boolean {
  return lstatSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
}

import { isAnyWalnut } from './is-walnut.ts';

export { isAnyWalnut, isWalnut } from './is-walnut.ts';

/** A v1 capsule's manifest (`_core/_capsules/<name>/companion.md`): YAML frontmatter. */
export const CAPSULE_COMPANION = 'companion.md';

export interface BundleLocation {
  name: string;
  /** Path relative to the walnut root: `bundles/<name>` (v2) or `<name>` (v3). */
  relPath: string;
  layout: WalnutLayout;
}

/** Folder names at the walnut root that are never bundles or live context. */
export const SYSTEM_ROOT_NAMES = new Set(['_kernel', 'bundles', '_core', 'node_modules', '__pycache__']);

/**
 * A folder's entries whose names are valid UTF-8 (a name that is not would read as U+FFFD and
 * name nothing on disk; create reports those itself).
 */
function utf8Dirents(dir: string): Array<{ name: string; isDirectory(): boolean }> {
  const out: Array<{ name: string; isDirectory(): boolean }> = [];
  for (const e of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    const raw = e.name as unknown as Buffer;
    const name = raw.toString('utf8');
    if (Buffer.from(name, 'utf8').equals(raw)) out.push({ name, isDirectory: () => e.isDirectory() });
  }
  return out;
}

/** Every bundle of a walnut, in both layouts. */
export function listBundles(walnut: string): BundleLocation[] {
  const out: BundleLocation[] = [];
  const v2Root = join(walnut, 'bundles');
  if (isRealDir(v2Root)) {
    for (const e of utf8Dirents(v2Root)) {
      if (e.isDirectory() && !e.name.startsWith('.')) out.push({ name: e.name, relPath: `bundles/${e.name}`, layout: 'v2' });
    }
  }
  for (const e of utf8Dirents(walnut)) {
    if (!e.isDirectory() || e.name.startsWith('.') || SYSTEM_ROOT_NAMES.has(e.name)) continue;
    if (existsSync(join(walnut, e.name, BUNDLE_MANIFEST)) && !isAnyWalnut(join(walnut, e.name))) {
      out.push({ name: e.name, relPath: e.name, layout: 'v3' });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The layout new bundles should take in this walnut. Walnuts with neither sign default to v3. */
export function walnutLayout(walnut: string): WalnutLayout {
  if (isDir(join(walnut, 'bundles')) || isDir(join(walnut, '_kernel', '_generated'))) return 'v2';
  return 'v3';
}
