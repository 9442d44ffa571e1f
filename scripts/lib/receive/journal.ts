/**
 * The receive journal: written (atomically) into the staging folder before the first change the
 * world can see, it lists every remaining step. Applying it is idempotent, so the same code runs
 * a fresh import and finishes one that was killed half-way ("roll forward"). A staging folder
 * without a journal never touched the world and is simply deleted ("roll back").
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import * as z from '../json/zod.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { fsyncDir, writeFileAtomic, writeJsonAtomic } from '../fs/atomic.ts';
import { prependLogEntry } from '../world/log.ts';
import { regenerateNow } from '../world/now.ts';
import { ledgerEntrySchema, recordImport } from './ledger.ts';

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
  if (abs !== world && !abs.startsWith(world + sep)) {
    throw new AliveError(`receive journal names ${rel}, outside the world; it was left alone`, { code: 'bad_journal' });
  }
  return abs;
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export function writeJournal(staging: string, journal: Journal): void {
  writeJsonAtomic(join(staging, JOURNAL), journal, { mode: 0o600 });
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
  rmSync(abs, { recursive: true, force: true });
}

function besideOf(staging: string): string | undefined {
  try {
    const v = JSON.parse(readFileSync(join(staging, BESIDE_MARKER), 'utf8')) as { beside?: unknown };
    return typeof v.beside === 'string' ? v.beside : undefined;
  } catch {
    return undefined;
  }
}

/** Throws away a staging folder that never reached its journal, with what it staged beside the targets. */
export function discardStaging(world: string, staging: string): void {
  removeBeside(world, besideOf(staging));
  rmSync(staging, { recursive: true, force: true });
}

/** Carries out every step not yet done, then deletes the staging folder. */
export function applyJournal(world: string, staging: string, j: Journal): void {
  for (const d of j.mkdirs) mkdirSync(inWorld(world, d), { recursive: true });
  const beside = j.beside !== undefined ? inWorld(world, j.beside) : undefined;
  for (const m of j.moves) {
    const src = join(m.base === 'beside' && beside ? beside : staging, m.from);
    const dst = inWorld(world, m.to);
    const have = exists(src);
    if (!have) continue;
    if (exists(dst)) {
      throw new AliveError(`${m.to} appeared in the world while this receive was interrupted; the staged copy is kept in ${staging}`, {
        code: 'conflict',
      });
    }
    mkdirSync(dirname(dst), { recursive: true });
    renameSync(src, dst);
    fsyncDir(dirname(dst));
  }
  if (j.log) {
    const path = inWorld(world, j.log.path);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err;
    }
    if (current === undefined || !current.includes(j.log.entry)) {
      writeFileAtomic(path, prependLogEntry(current, j.log.entry, j.log));
    }
  }
  if (j.now) regenerateNow(inWorld(world, j.now.walnut), j.now.layout, j.now);
  recordImport(world, j.ledger);
  removeBeside(world, j.beside);
  rmSync(staging, { recursive: true, force: true });
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
  for (const e of readdirSync(receivingDir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const staging = join(receivingDir, e.name);
    const journalPath = join(staging, JOURNAL);
    if (!existsSync(journalPath)) {
      discardStaging(world, staging);
      report.discarded.push(e.name);
      continue;
    }
    let journal: Journal | undefined;
    try {
      journal = journalSchema.parse(JSON.parse(readFileSync(journalPath, 'utf8')));
      applyJournal(world, staging, journal);
      report.finished.push({ id: e.name, journal });
    } catch (err) {
      const why = err instanceof AliveError ? err.message : messageOf(err).split('\n')[0]!;
      const into = journal ? ` into ${journal.target}` : '';
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

function inWorldQuiet(world: string, rel: string): string {
  return resolve(world, rel);
}
