/**
 * `now.json`: the walnut's generated state snapshot, regenerated minimally after a receive
 * (walnut-package-v2.md 9.2 step 12) at the layout's place: v2 `_kernel/_generated/now.json`,
 * v3 `_kernel/now.json`. An existing now.json is merged into, not replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from '../fs/atomic.ts';
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

function readJsonObject(path: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function keyValues(walnut: string): Map<string, string> {
  try {
    const fm = splitFrontmatter(readFileSync(join(walnut, '_kernel', 'key.md'), 'utf8'));
    return fm ? frontmatterValues(fm) : new Map();
  } catch {
    return new Map();
  }
}

/** Computes the regenerated now.json object (exported for tests and dry runs). */
export function regeneratedNow(walnut: string, layout: WalnutLayout, update: NowUpdate): Record<string, unknown> {
  const prior = readJsonObject(nowJsonPath(walnut, layout));
  const key = keyValues(walnut);
  const goal = key.get('goal');
  return {
    ...prior,
    phase: key.get('phase') ?? (typeof prior.phase === 'string' ? prior.phase : 'received'),
    health: typeof prior.health === 'string' ? prior.health : 'active',
    updated: update.timestamp,
    bundle: prior.bundle ?? null,
    next: typeof prior.next === 'string' && prior.next !== '' ? prior.next : goal ? `Work toward: ${goal}` : 'Review what was received',
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
