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

/** `archive/YYYY-MM-DD` for a time. */
export function archiveDayDir(paths: ReceiverPaths, when: Date): string {
  return join(paths.archive, when.toISOString().slice(0, 10));
}

/** True for the names of archive/<day>/ folders (YYYY-MM-DD); anything else in archive/ is not the bus's. */
export function isArchiveDayName(name: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(name);
}

/** True for names the bus treats as messages: `msg-*.hw`, not hidden. */
export function isMessageFileName(name: string): boolean {
  return name.startsWith('msg-') && name.endsWith('.hw') && name.length > 7;
}
