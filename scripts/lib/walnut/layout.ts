import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readSmallFile } from '../fs/small-file.ts';

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

export function isWalnut(dir: string): boolean {
  return existsSync(join(dir, '_kernel', 'key.md'));
}

/** A walnut of any generation, v1 (`_core/key.md`) included: what create leaves out when nested. */
export function isAnyWalnut(dir: string): boolean {
  return isWalnut(dir) || existsSync(join(dir, '_core', 'key.md'));
}

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

export interface Sensitivity {
  sensitive: boolean;
  reason?: string;
}

/** The most of a context.manifest.yaml read; a larger one leaves the bundle's sensitivity unknown. */
export const BUNDLE_MANIFEST_MAX_BYTES = 1024 * 1024;

/**
 * Reads a bundle's context.manifest.yaml: restricted or pii bundles are sensitive (cli.md 4). A
 * manifest that cannot be read (a link, FIFO, device, too large, not YAML) counts as sensitive.
 */
export function bundleSensitivity(bundleDir: string): Sensitivity {
  let file = BUNDLE_MANIFEST;
  let read = readSmallFile(join(bundleDir, BUNDLE_MANIFEST), BUNDLE_MANIFEST_MAX_BYTES);
  if (read === undefined) {
    // A v1 capsule keeps the same fields in its companion.md's frontmatter.
    file = CAPSULE_COMPANION;
    read = readSmallFile(join(bundleDir, CAPSULE_COMPANION), BUNDLE_MANIFEST_MAX_BYTES);
  }
  if (read === undefined) return { sensitive: false };
  if (!read.ok) return { sensitive: true, reason: `${file} ${read.detail}, so its sensitivity is unknown` };
  let doc: unknown;
  try {
    const text = read.bytes.toString('utf8');
    doc = parseYaml(file === CAPSULE_COMPANION ? frontmatter(text) : text);
  } catch {
    return { sensitive: true, reason: `${file} cannot be read as YAML, so its sensitivity is unknown` };
  }
  if (!doc || typeof doc !== 'object') return { sensitive: false };
  const d = doc as Record<string, unknown>;
  const sensitivity = typeof d.sensitivity === 'string' ? d.sensitivity.trim().toLowerCase() : undefined;
  const pii = piiSaid(d.pii);
  if (sensitivity === 'restricted' && pii) return { sensitive: true, reason: `sensitivity: restricted, ${pii}` };
  if (sensitivity === 'restricted') return { sensitive: true, reason: 'sensitivity: restricted' };
  if (pii) return { sensitive: true, reason: pii };
  return { sensitive: false };
}

/** The YAML between a leading `---` line and the next `---` line; '' when there is none. */
function frontmatter(text: string): string {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (m) return m[1]!;
  if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) throw new Error('frontmatter is not closed');
  return '';
}

/** `pii:` values that say no. */
const PII_FALSE = new Set(['false', 'no', 'off', '0', 'n', '']);

/**
 * A `pii:` value marks the bundle unless it is clearly false: YAML 1.2 reads `yes`, `on` and `y` as
 * strings, not booleans, and a person who wrote them meant yes. So `true`, `yes`, `on`, `1` (any
 * case) and anything else not `false`/`no`/`off`/`0` count; absent or empty does not.
 */
function piiSaid(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false || value === 0) return undefined;
  if (value === true) return 'pii: true';
  if (typeof value === 'string' && PII_FALSE.has(value.trim().toLowerCase())) return undefined;
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : JSON.stringify(value);
  return `pii: ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}
