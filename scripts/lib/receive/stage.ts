/**
 * Shapes the verified package, already unpacked in `<staging>/pkg/`, into what will appear in the
 * world, under `<staging>/out/`: a whole walnut (full scope) or one folder per bundle. Every move
 * here is a rename inside the staging folder; the world is not touched.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { errnoCode } from '../errors.ts';
import { dirname, join } from 'node:path';
import { receivedLog, type NewLogMeta } from '../world/log.ts';
import { regenerateNow, type NowUpdate } from '../world/now.ts';
import type { WalnutLayout } from '../walnut/layout.ts';
import type { ReceivePlan, Unit } from './plan.ts';
import type { CapsuleConversion } from './v1.ts';

export const PKG_DIR = 'pkg';
export const OUT_DIR = 'out';
/** Agent files held back, under inert names: `<staging>/held/` becomes `<world>/.alive/held-back/<id>/`. */
export const HELD_DIR = 'held';
export const HELD_INDEX = 'held-back.json';

function moveUnit(pkgDir: string, u: Unit, dst: string): void {
  mkdirSync(dirname(dst), { recursive: true });
  const src = join(pkgDir, u.from);
  if (existsSync(src)) renameSync(src, dst);
  else mkdirSync(dst, { recursive: true }); // a bundle the manifest names but that holds no files
}

/**
 * Moves held-back files to `held/`, deletes what is left out, converts v1 capsules, inside
 * staging. The v1 converter (and the YAML library it needs) loads only for a package with capsules.
 */
export async function prepareStaged(staging: string, plan: ReceivePlan): Promise<CapsuleConversion[]> {
  const pkgDir = join(staging, PKG_DIR);
  if (plan.held.length) mkdirSync(join(staging, HELD_DIR));
  for (const h of plan.held) renameSync(join(pkgDir, h.path), join(staging, HELD_DIR, h.keptAs!));
  // After the held-back files are moved out: a sub-walnut's kernel folder is removed once emptied.
  for (const r of plan.removals) rmSync(join(pkgDir, r), { recursive: true, force: true });
  const capsules = plan.capsules.filter((c) => existsSync(join(pkgDir, c)));
  if (capsules.length === 0) return [];
  const { convertCapsule } = await import('./v1.ts');
  const budget = { converted: 0 };
  return capsules.map((c) => convertCapsule(join(pkgDir, c), budget));
}

/** Builds `out/walnut/`: the new walnut with its log entry and now.json already in place. */
export function shapeNewWalnut(staging: string, plan: ReceivePlan, layout: WalnutLayout, log: { entry: string; meta: NewLogMeta }, now: NowUpdate): string {
  const pkgDir = join(staging, PKG_DIR);
  const walnut = join(staging, OUT_DIR, 'walnut');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  for (const u of plan.units) moveUnit(pkgDir, u, join(walnut, u.to));
  if (layout === 'v2') mkdirSync(join(walnut, '_kernel', '_generated'), { recursive: true });
  const logPath = join(walnut, '_kernel', 'log.md');
  const prior = existsSync(logPath) ? readFileSync(logPath, 'utf8') : undefined;
  // The package's log is the sender's, frontmatter and all: it goes below our entry (receivedLog).
  writeFileSync(logPath, receivedLog(prior, log.entry, log.meta));
  regenerateNow(walnut, layout, now);
  return `${OUT_DIR}/walnut`;
}

/** Moves each bundle to `out/bundles/<final name>/`; returns the staging-relative paths. */
export function shapeBundles(staging: string, plan: ReceivePlan): Map<Unit, string> {
  const pkgDir = join(staging, PKG_DIR);
  const out = new Map<Unit, string>();
  for (const u of plan.units) {
    if (u.kind !== 'bundle') continue;
    const rel = `${OUT_DIR}/bundles/${u.as}`;
    moveUnit(pkgDir, u, join(staging, rel));
    out.set(u, rel);
  }
  return out;
}

/**
 * Moves a staged folder to another file system before the commit point (the targets are not on
 * the staging folder's file system): rename when it can, else copy and delete.
 */
export function moveAcross(src: string, dst: string): void {
  mkdirSync(dirname(dst), { recursive: true });
  try {
    renameSync(src, dst);
  } catch (err) {
    if (errnoCode(err) !== 'EXDEV') throw err;
    cpSync(src, dst, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    rmSync(src, { recursive: true, force: true });
  }
}
