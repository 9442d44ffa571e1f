/**
 * Whether a bundle is sensitive (cli.md 4), from its context.manifest.yaml (or a v1 capsule's
 * companion.md frontmatter). Kept apart from layout.ts because it needs a YAML parser: receive,
 * which only finds walnuts and bundles, does not load one.
 */
import { join } from 'node:path';
import { parseYamlQuietly } from '../yaml/parse.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { BUNDLE_MANIFEST, CAPSULE_COMPANION } from './layout.ts';

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
    doc = parseYamlQuietly(file === CAPSULE_COMPANION ? frontmatter(text) : text);
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
