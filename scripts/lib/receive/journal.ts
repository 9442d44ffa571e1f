/**
 * The receive journal: written (atomically) into the staging folder before the first change the
 * world can see, it lists every remaining step. Applying it is idempotent, so the same code runs
 * a fresh import and finishes one that was killed half-way ("roll forward"). A staging folder
 * without a journal never touched the world and is simply deleted ("roll back").
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import * as z from '../json/zod.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { fsyncDir, writeFileAtomic, writeJsonAtomic } from '../fs/atomic.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { prependLogEntry } from '../world/log.ts';
import { regenerateNow } from '../world/now.ts';
import { ledgerEntrySchema, recordImport } from './ledger.ts';
import { isWithin } from '../fs/within.ts';
import { removeTree } from '../fs/remove-tree.ts';
import { counted } from '../text/plural.ts';
import { plainOr } from '../text/fence.ts';

export const JOURNAL = 'journal.json';

const journalSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  package_sha256: z.string(),
  /** World-relative path of the receiving walnut. */
  target: z.string(),
  /** World-relative folders to create first (a new inbox domain, a v2 bundles/ folder). */
  mkdirs: z.array(z.string()),
  /**
   * Renames: source → world-relative destination (a source that is gone was done). The source is
   * relative to the staging folder, or to `beside` when `base` says so.
   */
  moves: z.array(z.object({ from: z.string(), to: z.string(), base: z.optional(z.enum(['staging', 'beside'])) })),
  /**
   * World-relative folder staged beside the targets, used when `.alive/` is on another file
   * system than they are (so every rename stays on one file system).
   */
  beside: z.optional(z.string()),
  /** An entry to prepend to a log.md already in the world (bundle scope). */
  log: z.nullable(z.object({ path: z.string(), entry: z.string(), walnut: z.string(), timestamp: z.string(), summary: z.string() })),
  /** now.json to regenerate in a walnut already in the world (bundle scope). */
  now: z.nullable(z.object({ walnut: z.string(), layout: z.enum(['v2', 'v3']), timestamp: z.string(), session: z.string(), context: z.string() })),
  ledger: ledgerEntrySchema,
  /** The receive's JSON result, reported again when a later run finishes this one. */
  result: z.record(z.string(), z.unknown()),
});
export type Journal = z.infer<typeof journalSchema>;

function inWorld(world: string, rel: string): string {
  const abs = resolve(world, rel);
  if (!isWithin(world, abs)) {
    throw new AliveError(`receive journal names ${rel}, outside the world; it was left alone`, { code: 'bad_journal' });
  }
  return abs;
}

/**
 * `rel` under `base` for a journal found on disk (a leftover, which whoever can write the world
 * may have planted or changed): refused when its text leaves `base`, or when the deepest part of
 * it that exists leads out of `base` through a link. A journal this process has just written is
 * applied with the checks preflight made.
 */
function confinedTo(base: string, rel: string, what: string): string {
  if (rel === '') return base;
  const abs = resolve(base, rel);
  let probe = abs;
  while (!exists(probe) && isWithin(base, dirname(probe)) && dirname(probe) !== probe) probe = dirname(probe);
  const real = exists(probe) ? realpathSync(probe) : probe;
  if (!isWithin(base, abs) || !isWithin(realpathSync(base), real)) {
    throw new AliveError(`its journal names ${rel}, which leads out of ${what}; it was left alone`, { code: 'bad_journal' });
  }
  return abs;
}

/** How applyJournal places each path: `inWorld` for its own fresh journal, `confinedTo` for a leftover. */
interface Places {
  world: (rel: string) => string;
  source: (base: string, rel: string) => string;
}

const FRESH = (world: string): Places => ({ world: (rel) => inWorld(world, rel), source: (base, rel) => join(base, rel) });
const LEFTOVER = (world: string): Places => ({
  // `.alive/` may be a link to another file system (receive supports it): what a journal keeps
  // there (held-back files) is confined to where `.alive/` really is.
  world: (rel) =>
    rel === '.alive' || rel.startsWith('.alive/')
      ? confinedTo(join(world, '.alive'), rel.slice('.alive/'.length), "the world's .alive folder")
      : confinedTo(world, rel, 'the world'),
  source: (base, rel) => confinedTo(base, rel, 'its staging folder'),
});

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/**
 * Writes the journal (the commit point), unless it is larger than recovery reads back
 * (readLeftoverJson): an import interrupted after it could then never be finished, and would stay
 * half in the world. Such an import is refused here, before the commit point, instead.
 */
export function writeJournal(staging: string, journal: Journal): void {
  const text = `${JSON.stringify(journal)}\n`;
  const bytes = Buffer.byteLength(text);
  if (bytes > leftoverFileMax) {
    const listed = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    const parts = [
      [journal.moves.length, 'folder', 'to move into place'],
      [listed(journal.result.skipped), 'file', 'left out'],
      [listed(journal.result.held_back), 'agent file', 'held back'],
      [listed(journal.result.conflicts), 'bundle', 'renamed for a conflict'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, what, how]) => `${counted(n as number, what as string)} ${how}`);
    throw new AliveError(
      `this import's journal (its list of steps, written before the world changes) would be ${bytes} bytes, more than a receive reads back to finish an interrupted import (${leftoverFileMax}): the package has ${parts.join(', ')}. ` +
        'Nothing was written: ask the sender for smaller packages (or without the files left out), or look at this one with alive-p2p extract',
      { code: 'too_large' },
    );
  }
  writeFileAtomic(join(staging, JOURNAL), text, { mode: 0o600 });
}

/** Names a folder staged beside the targets, before it is made, so a roll-back finds it. */
export const BESIDE_MARKER = 'beside.json';
export const BESIDE_PREFIX = '.alive-receiving-';

export function writeBesideMarker(staging: string, besideRel: string): void {
  writeJsonAtomic(join(staging, BESIDE_MARKER), { beside: besideRel }, { mode: 0o600 });
}

/** Deletes the folder a marker names, if it is one of ours inside the world. */
function removeBeside(world: string, rel: string | undefined): void {
  if (!rel) return;
  const abs = resolve(world, rel);
  if (!abs.startsWith(world + sep) || !basename(abs).startsWith(BESIDE_PREFIX)) return;
  // Named in a file under .alive/: its folder must not lead out of the world through a link.
  if (!exists(dirname(abs)) || !isWithin(realpathSync(world), realpathSync(dirname(abs)))) return;
  removeTree(abs);
}

/** A leftover's small JSON file (a FIFO or a link planted there is not read: it would block or lead out). */
function readLeftoverJson(path: string): unknown {
  const r = readSmallFile(path, leftoverFileMax);
  if (r === undefined) throw new AliveError(`${basename(path)} is missing`, { code: 'bad_journal' });
  if (!r.ok) throw new AliveError(`${basename(path)} ${r.detail}`, { code: 'bad_journal' });
  return JSON.parse(r.bytes.toString('utf8'));
}

/** A walnut's log.md, read whole to prepend an entry. */
const LOG_MAX = 1024 * 1024 * 1024;

/**
 * Largest leftover file (journal.json, beside.json) recovery reads: whoever can write the world can
 * plant one, and each receive reads it whole. writeJournal never writes a larger journal.
 */
const LEFTOVER_FILE_MAX = 16 * 1024 * 1024;

let leftoverFileMax = LEFTOVER_FILE_MAX;

/** Sets the largest leftover file recovery reads (undefined: LEFTOVER_FILE_MAX again); tests only. */
export function setLeftoverFileMaxForTests(bytes: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setLeftoverFileMaxForTests is for the test suite only');
  leftoverFileMax = bytes ?? LEFTOVER_FILE_MAX;
}

function besideOf(staging: string): string | undefined {
  try {
    const v = readLeftoverJson(join(staging, BESIDE_MARKER)) as { beside?: unknown };
    return typeof v.beside === 'string' ? v.beside : undefined;
  } catch {
    return undefined;
  }
}

/** Throws away a staging folder that never reached its journal, with what it staged beside the targets. */
export function discardStaging(world: string, staging: string): void {
  removeBeside(world, besideOf(staging));
  removeTree(staging);
}

/**
 * Carries out every step not yet done, then deletes the staging folder. `leftover` for a journal
 * found on disk: every path is confined (confinedTo) before anything moves.
 */
export function applyJournal(world: string, staging: string, j: Journal, leftover = false): void {
  const at = leftover ? LEFTOVER(world) : FRESH(world);
  if (leftover) checkLeftover(at, staging, j);
  for (const d of j.mkdirs) mkdirSync(at.world(d), { recursive: true });
  const beside = j.beside !== undefined ? at.world(j.beside) : undefined;
  for (const m of j.moves) {
    const src = at.source(m.base === 'beside' && beside ? beside : staging, m.from);
    const dst = at.world(m.to);
    const have = exists(src);
    if (!have) continue;
    if (exists(dst)) {
      throw new AliveError(`${plainOr(m.to)} appeared in the world while this receive was interrupted; the staged copy is kept in ${staging}`, {
        code: 'conflict',
      });
    }
    mkdirSync(dirname(dst), { recursive: true });
    renameSync(src, dst);
    fsyncDir(dirname(dst));
  }
  if (j.log) {
    const path = at.world(j.log.path);
    // Regular files only: a FIFO put in the log's place would hold the world's lock for good.
    const read = readSmallFile(path, LOG_MAX);
    if (read !== undefined && !read.ok) throw new AliveError(`${j.log.path} ${read.detail}`, { code: 'bad_journal' });
    const current = read?.bytes.toString('utf8');
    if (current === undefined || !current.includes(j.log.entry)) {
      writeFileAtomic(path, prependLogEntry(current, j.log.entry, j.log));
    }
  }
  if (j.now) regenerateNow(at.world(j.now.walnut), j.now.layout, j.now);
  recordImport(world, j.ledger);
  removeBeside(world, j.beside);
  removeTree(staging);
}

/** Every path of a leftover journal, checked before its first step (a refusal leaves all as it was). */
function checkLeftover(at: Places, staging: string, j: Journal): void {
  for (const d of j.mkdirs) at.world(d);
  const beside = j.beside !== undefined ? at.world(j.beside) : undefined;
  for (const m of j.moves) {
    at.source(m.base === 'beside' && beside ? beside : staging, m.from);
    at.world(m.to);
  }
  if (j.log) at.world(j.log.path);
  if (j.now) at.world(j.now.walnut);
}

export interface Recovered {
  id: string;
  journal: Journal;
}

export interface Stuck {
  id: string;
  /** The staging folder, kept for the user to finish or discard. */
  staging: string;
  target: string | null;
  /** What stops it, and how to resolve or discard it. */
  message: string;
}

export interface RecoveryReport {
  finished: Recovered[];
  discarded: string[];
  /** Interrupted receives that cannot be finished now: left alone, they block nothing. */
  stuck: Stuck[];
}

/**
 * Deals with what killed receives left under `<world>/.alive/receiving/`: finishes those that had
 * reached their journal, deletes the others. Call it only while holding the world's lock.
 */
export function recoverLeftovers(world: string, receivingDir: string): RecoveryReport {
  const report: RecoveryReport = { finished: [], discarded: [], stuck: [] };
  if (!existsSync(receivingDir)) return report;
  requireRealFolder(dirname(receivingDir), receivingDir);
  for (const e of readdirSync(receivingDir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const staging = join(receivingDir, e.name);
    const journalPath = join(staging, JOURNAL);
    if (!existsSync(journalPath)) {
      try {
        discardStaging(world, staging);
        report.discarded.push(e.name);
      } catch (err) {
        // Left where it is: it never reached its journal, so the world does not depend on it.
        const why = err instanceof AliveError ? err.message : messageOf(err).split('\n')[0]!;
        report.stuck.push({
          id: e.name,
          staging,
          target: null,
          message:
            `an interrupted receive (${e.name}) that had not changed the world could not be deleted: ${why}. ` +
            `It blocks nothing; delete ${staging} yourself (for example with rm -rf)`,
        });
      }
      continue;
    }
    let journal: Journal | undefined;
    try {
      journal = journalSchema.parse(readLeftoverJson(journalPath));
      applyJournal(world, staging, journal, true);
      report.finished.push({ id: e.name, journal });
    } catch (err) {
      const why = err instanceof AliveError ? err.message : messageOf(err).split('\n')[0]!;
      const into = journal ? ` into ${plainOr(journal.target)}` : '';
      report.stuck.push({
        id: e.name,
        staging,
        target: journal?.target ?? null,
        message:
          `an interrupted receive${into} (${e.name}) cannot be finished: ${why}. ` +
          `To finish it, remove the cause and run any receive in this world again; ` +
          `to discard it, delete ${staging}${journal?.beside ? ` and ${inWorldQuiet(world, journal.beside)}` : ''} ` +
          `(what it already moved into the world stays, and it is not recorded in imports.json)`,
      });
    }
  }
  return report;
}

/**
 * `.alive/receiving/` must be a real folder inside `.alive/` (which may itself be a link to
 * another file system): receive deletes and stages what is under it, so a link there (planted
 * through a synced folder) would send both elsewhere.
 */
export function requireRealFolder(parent: string, dir: string): void {
  const st = lstatSync(dir, { throwIfNoEntry: false });
  if (st === undefined) return;
  if (st.isSymbolicLink() || !st.isDirectory() || !isWithin(realpathSync(parent), realpathSync(dir))) {
    throw new AliveError(
      `${dir} ${st.isSymbolicLink() ? 'is a link' : 'is not a folder'}; receive deletes and stages files under it, so it refuses: ` +
        `remove it (receive makes the folder again) and receive again. Nothing was written`,
      { code: 'unsafe_world' },
    );
  }
}

function inWorldQuiet(world: string, rel: string): string {
  return resolve(world, rel);
}
