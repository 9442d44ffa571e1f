/**
 * Folders of one receiver under `<root>/runtimes/<name>/`:
 *
 *   inbox/         requests waiting (msg-<id>.hw); only complete files ever appear here
 *   processing/    claimed requests: msg-<id>.hw.claim-<lease deadline ms>-<owner>
 *   outbox/        responses not yet collected
 *   archive/<day>/ handled requests and collected responses
 *   dead-letter/   what could not be read or handled, each with <file>.reason.json
 *   threads/       per-thread turn ledgers (turn budget)
 *   .tmp/          files being written (same file system as inbox/ and outbox/)
 *   .rate/         per-sender rate-limit windows
 *   config.json    allowlist, limits, budgets (optional)
 *   daemon.json    the serving daemon's pid, while one runs
 */
import { join } from 'node:path';

export interface ReceiverPaths {
  /** The bus root: every folder below it is checked on use (fsutil.ts). */
  root: string;
  dir: string;
  inbox: string;
  processing: string;
  outbox: string;
  archive: string;
  deadLetter: string;
  threads: string;
  tmp: string;
  rate: string;
  attempts: string;
  config: string;
  daemon: string;
}

export function runtimesDir(root: string): string {
  return join(root, 'runtimes');
}

/** Paths for a receiver; `name` must already be normalised (see names.ts). */
export function receiverPaths(root: string, name: string): ReceiverPaths {
  const dir = join(runtimesDir(root), name);
  return {
    root,
    dir,
    inbox: join(dir, 'inbox'),
    processing: join(dir, 'processing'),
    outbox: join(dir, 'outbox'),
    archive: join(dir, 'archive'),
    deadLetter: join(dir, 'dead-letter'),
    threads: join(dir, 'threads'),
    tmp: join(dir, '.tmp'),
    rate: join(dir, '.rate'),
    attempts: join(dir, '.attempts'),
    config: join(dir, 'config.json'),
    daemon: join(dir, 'daemon.json'),
  };
}

/**
 * The end of 9999-12-31 (UTC), the last instant a Date writes with a four-digit year: the last day
 * an archive folder can name (toISOString of a later time is `+010000-…`, which sorts before every
 * day), and the latest lease deadline a claim's name can hold (claims.ts).
 */
export const LAST_DAY_END_MS = Date.UTC(10000, 0, 1) - 1;

/**
 * True for a time (ms) the bus can date: from the epoch to the end of 9999-12-31. A UUIDv7 id
 * carries any time up to year 10889, and a file time anything: any bus writer chooses them, and a
 * time outside this range is no date (a lookup as for an id with no time, a time shown as null).
 */
export function isBusTime(ms: number | undefined): ms is number {
  return ms !== undefined && ms >= 0 && ms <= LAST_DAY_END_MS;
}

/** The archive day (YYYY-MM-DD, UTC) of time `ms`, or undefined for a time the bus cannot date (isBusTime). The one place a day is named. */
export function archiveDayOf(ms: number | undefined): string | undefined {
  return isBusTime(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
}

/** `archive/YYYY-MM-DD` for a time of this machine's clock (one set outside the bus's years files on its first or last day). */
export function archiveDayDir(paths: ReceiverPaths, when: Date): string {
  return join(paths.archive, archiveDayOf(Math.min(Math.max(when.getTime(), 0), LAST_DAY_END_MS))!);
}

/** True for the names of archive/<day>/ folders (YYYY-MM-DD); anything else in archive/ is not the bus's. */
export function isArchiveDayName(name: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(name);
}

/** True for names the bus treats as messages: `msg-*.hw`, not hidden. */
export function isMessageFileName(name: string): boolean {
  return name.startsWith('msg-') && name.endsWith('.hw') && name.length > 7;
}
