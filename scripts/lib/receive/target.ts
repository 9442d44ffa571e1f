/**
 * Where a receive lands: the world (which must be one), and the walnut inside it — a new one for
 * a full package, an existing one for bundles. `--into` must resolve, symlinks included, inside
 * the world and outside its hidden folders.
 */
import { entryExists } from '../fs/entry-exists.ts';
import { findUp } from '../fs/find-up.ts';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AliveError, UsageError, errnoCode } from '../errors.ts';
import type { Manifest } from '../package/manifest.ts';
import { isAnyWalnut, isWalnut, listBundles, walnutLayout, type WalnutLayout } from '../walnut/layout.ts';
import { findWorldRoot, isWorldRoot } from '../world/root.ts';
import { checkWalnutName } from './names.ts';
import { isWithin } from '../fs/within.ts';
import { foldSegment } from '../walnut/agent-files.ts';
import { closestName } from '../text/closest.ts';
import { shellQuote } from '../text/shell-quote.ts';
import { senderText } from '../text/fence.ts';

/**
 * The names in `dir` as a file system that ignores case and Unicode normalisation (APFS, NTFS)
 * sees them (foldSegment). On Linux `Garden` beside `garden`, or a decomposed `café` beside a
 * composed one, are two folders that look alike; synced or cloned to macOS or Windows they are one.
 */
function foldedNamesIn(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir).map(foldSegment));
  } catch {
    return new Set();
  }
}

/**
 * The world a receive goes into: `--world`, else found the way the hooks find it (walk up from
 * `cwd` to a world root, else ALIVE_WORLD_ROOT).
 */
export function resolveWorld(given: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  let dir = given;
  if (dir === undefined) {
    dir = findWorldRoot(cwd, env);
    if (dir === undefined) {
      throw new AliveError(
        `no ALIVE world found: no folder from ${cwd} up holds .alive/ (or both 01_Archive/ and 02_Life/), and ALIVE_WORLD_ROOT is not set; pass --world DIR`,
        { code: 'no_world' },
      );
    }
  }
  let real: string;
  try {
    real = realpathSync(resolve(dir));
  } catch (err) {
    throw new AliveError(`--world ${dir} does not exist (${errnoCode(err) ?? 'error'}); pass the root folder of your ALIVE world`, { code: 'no_world' });
  }
  if (!statSync(real).isDirectory() || !isWorldRoot(real, env)) {
    // A folder of the world (a domain, a walnut) given for its root: name the root.
    const above = findUp(dirname(real), (d) => isWorldRoot(d, env));
    const pass = above === undefined ? "pass the world's root folder" : `it is inside the world ${above}: pass --world ${shellQuote(above)}`;
    const why = isAnyWalnut(real)
      ? `it is a walnut: it holds ${isWalnut(real) ? '_kernel' : '_core'}/key.md`
      : 'it has no .alive/ folder, nor both 01_Archive/ and 02_Life/';
    throw new AliveError(`${dir} is not an ALIVE world (${why}); ${pass}`, {
      code: 'no_world',
    });
  }
  return real;
}

/** World-relative POSIX path. */
export function worldRel(world: string, abs: string): string {
  return relative(world, abs).split(sep).join('/');
}

/**
 * An existing folder named by --into, checked to be inside the world. A relative path is taken
 * from the world's root, unless it starts from the current folder (`.`, `./NAME`, `../NAME`):
 * standing in a walnut, `--into .` is that walnut.
 */
export function resolveInside(world: string, path: string, flag: string, cwd: string = process.cwd()): string {
  const abs = isAbsolute(path) ? path : /^\.\.?(?:\/|$)/.test(path) ? resolve(cwd, path) : join(world, path);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (err) {
    const code = errnoCode(err) ?? 'error';
    if (/^\.\.?(?:\/|$)/.test(path)) {
      // Taken from the current folder (`--into .` in a walnut): the world's folder of that name, if any.
      const fromRoot = path.replace(/^(?:\.\/)+/, '');
      const inWorld = fromRoot !== path && existsSync(join(world, fromRoot)) ? `; from the world's root it is ${flag} ${fromRoot}` : '';
      throw new AliveError(`${flag} ${path} does not exist (${code}): a path starting with . is taken from the current folder${inWorld}`, {
        code: 'no_target',
      });
    }
    const meant = meantInside(world, path, abs, cwd);
    throw new AliveError(
      `${flag} ${path} does not exist in the world (${code}): relative paths are taken from the world's root${meant === undefined ? '' : meant.fromCwd ? `; from the current folder it is ${flag} ${meant.rel}` : `; did you mean ${flag} ${meant.rel}?`}`,
      { code: 'no_target' },
    );
  }
  if (!isWithin(world, real)) {
    throw new AliveError(`${flag} ${path} is outside the world ${world}; receive only writes inside the world`, { code: 'outside_world' });
  }
  const rel = worldRel(world, real);
  if (rel.split('/').some((s) => s.startsWith('.'))) {
    throw new AliveError(`${flag} ${path} is inside a hidden folder of the world; choose a domain or walnut folder`, { code: 'outside_world' });
  }
  if (!statSync(real).isDirectory()) throw new AliveError(`${flag} ${path} is not a folder`, { code: 'no_target' });
  return real;
}

/**
 * The world folder a --into that names nothing most likely meant: the path taken from the current
 * folder (where the shell completed it), else the closest name in its parent folder (a typo).
 */
function meantInside(world: string, path: string, abs: string, cwd: string): { rel: string; fromCwd: boolean } | undefined {
  const usable = (dir: string): string | undefined => {
    try {
      const real = realpathSync(dir);
      const rel = worldRel(world, real);
      if (rel === '' || !isWithin(world, real) || rel.split('/').some((s) => s.startsWith('.')) || !statSync(real).isDirectory()) return undefined;
      return rel;
    } catch {
      return undefined;
    }
  };
  if (!isAbsolute(path)) {
    const rel = usable(resolve(cwd, path));
    if (rel !== undefined) return { rel, fromCwd: true };
  }
  const parent = dirname(abs);
  // A longer word names no folder (and would make the comparisons slow).
  if (Buffer.byteLength(basename(abs)) > 255 || (parent !== world && usable(parent) === undefined)) return undefined;
  const names = safeList(parent).filter((n) => !n.startsWith('.'));
  const guess = closestName(basename(abs), names);
  const rel = guess === undefined ? undefined : usable(join(parent, guess));
  return rel === undefined ? undefined : { rel, fromCwd: false };
}

export const INBOX_NAMES = ['03_Inbox', '03_Inputs'] as const;

/**
 * The world's inbox domain: 03_Inbox/ or 03_Inputs/, whichever exists; else a new 03_Inbox/.
 * Something else named 03_Inbox (a file, a broken link) is in the way: refused, never replaced.
 */
export function inboxDomain(world: string): { dir: string; create: boolean } {
  for (const n of INBOX_NAMES) {
    const d = join(world, n);
    try {
      if (statSync(d).isDirectory()) return { dir: d, create: false };
    } catch {
      // not there, or a broken link
    }
  }
  const dir = join(world, INBOX_NAMES[0]);
  if (entryExists(dir)) {
    throw new AliveError(
      `${INBOX_NAMES[0]} in the world is not a folder, so a walnut cannot go in it; move it aside, or pass --into DOMAIN. Nothing was written`,
      {
        code: 'no_target',
      },
    );
  }
  return { dir, create: true };
}

function strongLayout(walnut: string): WalnutLayout | undefined {
  if (entryExists(join(walnut, 'bundles')) || entryExists(join(walnut, '_kernel', '_generated'))) return 'v2';
  if (entryExists(join(walnut, '_kernel', 'now.json')) || listBundles(walnut).some((b) => b.layout === 'v3')) return 'v3';
  return undefined;
}

/**
 * The layout of a new walnut: the one most walnuts of this world show (looking two levels down:
 * domain/walnut), so a world stays consistent; in a world without walnuts, the manifest's
 * `source_layout` when it says; else v3, the current one.
 */
export function layoutForNewWalnut(m: Manifest, world: string): { layout: WalnutLayout; reason: string } {
  const count = { v2: 0, v3: 0 };
  for (const domain of safeList(world)) {
    if (domain.startsWith('.')) continue;
    for (const w of safeList(join(world, domain))) {
      const dir = join(world, domain, w);
      if (w.startsWith('.') || !isWalnut(dir)) continue;
      const l = strongLayout(dir);
      if (l) count[l]++;
    }
  }
  const total = count.v2 + count.v3;
  if (count.v2 !== count.v3) {
    const layout = count.v2 > count.v3 ? 'v2' : 'v3';
    return { layout, reason: `most walnuts of this world use it (${count[layout]} of ${total})` };
  }
  const none = total === 0 ? 'the world has no walnuts to follow' : `the world has as many v2 as v3 walnuts (${count.v2} each)`;
  if (m.source_layout === 'v2' || m.source_layout === 'v3')
    return { layout: m.source_layout, reason: `${none}, and the package's source_layout says ${m.source_layout}` };
  return { layout: 'v3', reason: `${none}, and v3 is the current layout` };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .slice(0, 500);
  } catch {
    return [];
  }
}

export interface FullTarget {
  scope: 'full';
  /** The new walnut's folder (does not exist yet). */
  walnut: string;
  name: string;
  domain: string;
  createDomain: boolean;
  layout: WalnutLayout;
  /** Why this layout, in words (human output). */
  layoutReason: string;
}

export interface BundleTarget {
  scope: 'bundle';
  walnut: string;
  name: string;
  layout: WalnutLayout;
  layoutReason: string;
}

export type Target = FullTarget | BundleTarget;

export interface TargetArgs {
  into?: string;
  as?: string;
  /** The current folder, for an --into written from it (`.`, `./NAME`). */
  cwd?: string;
}

/** The walnut that holds `dir` (a folder below the world's root), if any. */
function walnutAround(world: string, dir: string): string | undefined {
  for (let d = dirname(dir); d !== world && d.startsWith(`${world}${sep}`); d = dirname(d)) if (isWalnut(d)) return d;
  return undefined;
}

export function resolveTarget(world: string, m: Manifest, args: TargetArgs): Target {
  if (m.scope === 'full') {
    let domain: string;
    let createDomain = false;
    if (args.into !== undefined) {
      domain = resolveInside(world, args.into, '--into', args.cwd);
      if (isWalnut(domain)) {
        throw new UsageError(`--into ${args.into} is a walnut; for a full package --into names the domain folder the new walnut goes in (e.g. 04_Ventures)`);
      }
      // Nor a folder inside one (its _kernel, a bundle): the new walnut would land in another walnut.
      const around = walnutAround(world, domain);
      if (around !== undefined) {
        throw new UsageError(
          `--into ${args.into} is inside the walnut ${worldRel(world, around)}; for a full package --into names the domain folder the new walnut goes in (e.g. 04_Ventures)`,
        );
      }
    } else {
      const inbox = inboxDomain(world);
      domain = inbox.dir;
      createDomain = inbox.create;
    }
    const from = args.as !== undefined ? '--as' : 'source.walnut in the manifest';
    const raw = args.as ?? m.source.walnut;
    if (raw === undefined || raw === '') {
      throw new AliveError('the package does not name its walnut; pass --as NAME', { code: 'unsafe_name' });
    }
    const name = checkWalnutName(raw, from);
    const walnut = join(domain, name);
    // The manifest's name is the sender's text: named in the refusal only when plain, else fenced
    // (the receive skill has the agent read this line and offer --as).
    const shown = args.as === undefined ? senderText(name, 'walnut name') : { shown: JSON.stringify(name) };
    const untrusted = shown.untrusted && { untrusted: shown.untrusted };
    const domainRel = worldRel(world, domain) || '.';
    if (entryExists(walnut)) {
      // The first free name, as create suggests for an output that is taken.
      let free: string | undefined;
      if (!untrusted) for (let n = 2; n <= 100 && free === undefined; n++) if (!entryExists(join(domain, `${name}-${n}`))) free = `${name}-${n}`;
      const pass = free === undefined ? '--as NEWNAME' : `--as ${shellQuote(free)} (a free name) or another NEWNAME`;
      const what = untrusted ? `the walnut ${shown.shown} already exists in ${domainRel}` : `${worldRel(world, walnut)} already exists`;
      throw new AliveError(`${what} and is never overwritten; pass ${pass} to receive it under another name`, { code: 'exists', ...untrusted });
    }
    if (foldedNamesIn(domain).has(foldSegment(name))) {
      throw new AliveError(
        `${domainRel} already holds a folder whose name differs from ${untrusted ? `the walnut's name ${shown.shown}` : JSON.stringify(name)} only in case or Unicode form: on macOS and Windows they are one folder, and it is never overwritten. Nothing was written; pass --as NEWNAME to receive it under another name`,
        { code: 'exists', ...untrusted },
      );
    }
    const { layout, reason } = layoutForNewWalnut(m, world);
    return { scope: 'full', walnut, name, domain, createDomain, layout, layoutReason: reason };
  }
  if (args.as !== undefined) {
    throw new UsageError('--as names a new walnut and only goes with full packages; bundles that clash land under dated names');
  }
  if (args.into === undefined) {
    throw new UsageError(`this is a ${m.scope} package: pass --into WALNUT_PATH, the walnut that receives its bundles`);
  }
  const walnut = resolveInside(world, args.into, '--into', args.cwd);
  if (!isWalnut(walnut)) {
    throw new AliveError(`--into ${args.into} is not a walnut (no _kernel/key.md); bundles go into an existing walnut`, { code: 'no_target' });
  }
  const layout = walnutLayout(walnut);
  return { scope: 'bundle', walnut, name: walnut.slice(walnut.lastIndexOf(sep) + 1), layout, layoutReason: bundleLayoutReason(walnut, layout) };
}

function bundleLayoutReason(walnut: string, layout: WalnutLayout): string {
  if (layout === 'v3') return 'the walnut has neither bundles/ nor _kernel/_generated/, so its bundles sit at its root';
  return entryExists(join(walnut, 'bundles')) ? 'the walnut keeps its bundles in bundles/' : 'the walnut has _kernel/_generated/ (the v2 kernel)';
}

/** Is `name` already used where this walnut's bundles land, in any case or Unicode form? */
export function bundleNameTaken(target: Target): (name: string) => boolean {
  if (target.scope === 'full') return () => false;
  const base = target.layout === 'v2' ? join(target.walnut, 'bundles') : target.walnut;
  const folded = foldedNamesIn(base);
  return (name) => entryExists(join(base, name)) || folded.has(foldSegment(name));
}
