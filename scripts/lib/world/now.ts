/**
 * `now.json`: the walnut's generated state snapshot, regenerated minimally after a receive
 * (walnut-package-v2.md 9.2 step 12) at the layout's place: v2 `_kernel/_generated/now.json`,
 * v3 `_kernel/now.json`. An existing now.json is merged into, not replaced.
 */
import { join } from 'node:path';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { logValue } from '../text/untrusted.ts';
import type { WalnutLayout } from '../walnut/layout.ts';
import { splitFrontmatter, frontmatterValues } from './frontmatter.ts';

export function nowJsonPath(walnut: string, layout: WalnutLayout): string {
  return layout === 'v2' ? join(walnut, '_kernel', '_generated', 'now.json') : join(walnut, '_kernel', 'now.json');
}

export interface NowUpdate {
  timestamp: string;
  session: string;
  /** One or two sentences on what just happened. */
  context: string;
}

/** The most of an existing now.json merged into; a larger one (or not a regular file) is replaced, as an unreadable one is. */
const NOW_JSON_MAX_BYTES = 4 * 1024 * 1024;

function readJsonObject(path: string): Record<string, unknown> {
  // Never through a link, never waiting on a FIFO: the walnut's files are anyone's who could write it.
  const read = readSmallFile(path, NOW_JSON_MAX_BYTES);
  if (!read?.ok) return {};
  try {
    const v: unknown = JSON.parse(read.bytes.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The most of a walnut's key.md read; a receive refuses a walnut whose key.md is larger (preflight). */
export const KEY_MD_MAX_BYTES = 1024 * 1024;

export function keyMdPath(walnut: string): string {
  return join(walnut, '_kernel', 'key.md');
}

/** key.md's frontmatter; empty when it is missing, not a small regular file (a FIFO would hang) or has none. */
function keyValues(walnut: string): Map<string, string> {
  const read = readSmallFile(keyMdPath(walnut), KEY_MD_MAX_BYTES);
  if (!read?.ok) return new Map();
  const fm = splitFrontmatter(read.bytes.toString('utf8'));
  return fm ? frontmatterValues(fm) : new Map();
}

/** The most characters of a now.json text field written by a receive (`context`, `next`). */
export const NOW_TEXT_MAX = 300;

/** One line for an agent that loads now.json: control characters become spaces, cut at NOW_TEXT_MAX. */
export function nowText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls become spaces in the agent's one-line context
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, NOW_TEXT_MAX);
}

/** A phase that is one plain word (`building`, `launching`) is kept as it is; anything else is someone's words. */
const PLAIN_PHASE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * Computes the regenerated now.json object (exported for tests and dry runs). key.md is the
 * package's in a full receive: what is taken from it is quoted and capped like `context`.
 */
export function regeneratedNow(walnut: string, layout: WalnutLayout, update: NowUpdate): Record<string, unknown> {
  const prior = readJsonObject(nowJsonPath(walnut, layout));
  const key = keyValues(walnut);
  const goal = key.get('goal');
  const phase = key.get('phase');
  return {
    ...prior,
    phase: phase !== undefined ? (PLAIN_PHASE.test(phase) ? phase : nowText(logValue(phase))) : typeof prior.phase === 'string' ? prior.phase : 'received',
    health: typeof prior.health === 'string' ? prior.health : 'active',
    updated: update.timestamp,
    bundle: prior.bundle ?? null,
    next: typeof prior.next === 'string' && prior.next !== '' ? prior.next : goal ? nowText(`Work toward: ${logValue(goal)}`) : 'Review what was received',
    squirrel: update.session,
    context: update.context,
    projections: Array.isArray(prior.projections) ? prior.projections : [],
  };
}

/** Regenerates now.json atomically; returns its path. */
export function regenerateNow(walnut: string, layout: WalnutLayout, update: NowUpdate): string {
  const path = nowJsonPath(walnut, layout);
  writeJsonAtomic(path, regeneratedNow(walnut, layout, update));
  return path;
}
