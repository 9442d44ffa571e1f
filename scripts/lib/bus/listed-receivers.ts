/**
 * Walking the bus folders: the receivers worth looking through, their archive days, and every
 * message id on the bus (from file names), for the lookups of query.ts and id resolution.
 */
import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseClaimFileName } from './claims.ts';
import { type BusDir, busDirExists, listBusChildDirUpTo, listBusDir, listBusDirUpTo, openBusDir } from './fsutil.ts';
import { listBudget, listWithin, type ListBudget } from './list-bound.ts';
import { validIdFromFileName } from './ids.ts';
import { archiveDayOf, isArchiveDayName, receiverPaths, runtimesDir, type ReceiverPaths } from './layout.ts';
import { normaliseName } from './names.ts';
import { firstArchiveDay, lastArchiveDay } from './responses.ts';
import { orPassedOver } from './passed-over.ts';
import { everyBusFirst, listReceiversUpTo } from './receivers.ts';

export interface ListedReceiver {
  receiver: string;
  paths: ReceiverPaths;
  /** True when the receiver's folder holds `folder` (one of `paths`) by name. */
  there: (folder: string) => boolean;
  /**
   * `fn()`, a look into this receiver's folders; in a walk over every receiver, `fallback` when
   * one of them is faulty and the caller passes such folders over (passed-over.ts).
   */
  look: <T>(fallback: T, fn: () => T) => T;
}

function receiversFor(root: string, receiver: string | undefined, budget: ListBudget): string[] {
  if (receiver !== undefined) return [normaliseName(receiver, 'receiver')];
  const { receivers } = listWithin(
    budget,
    (max) => listReceiversUpTo(root, max),
    (r) => r.listed,
  );
  // By name while every folder is opened (the order lookups give their places in); past the bound, every bus's receivers first.
  return receivers.length > budget.folders ? everyBusFirst(receivers) : receivers;
}

/**
 * The receivers to look through (`only`, or every receiver folder), each with one listing of its
 * folder, and none whose folder holds nothing: any bus writer can make thousands of empty receiver
 * folders, and each look at an absent folder checked every folder above it (20,000 made `show`
 * take 2 s and `thread` 3 s). runtimes/ is opened once; a name listed is looked at as before.
 * runtimes/ and each receiver folder are listed within `budget`, the lookup's (list-bound.ts): 200,000
 * folders planted in runtimes/ took every lookup 1.5 s (and wait's search for a receiver 20 s).
 * Past it `budget.unlisted` says the walk was partial, and the receivers left are not looked at;
 * a receiver folder listed only in part has its folders looked up by name.
 */
export function* listedReceivers(
  root: string,
  only: string | undefined,
  passOver = false,
  budget = listBudget(),
  probe?: ReceiverProbe,
): Generator<ListedReceiver> {
  const runtimes = openBusDir(root, runtimesDir(root), false);
  if (!runtimes) return;
  // A receiver named is looked through whole: a fault of its own folders is refused (unless
  // `passOver`: a lookup that walked the whole bus before, and passed such folders over).
  const look = only === undefined || passOver ? orPassedOver : <T>(_fallback: T, fn: () => T) => fn();
  try {
    const receivers = receiversFor(root, only, budget);
    for (const [i, receiver] of receivers.entries()) {
      if (budget.left <= 0) {
        budget.unlisted = true; // the receivers left are not looked at
        if (probe !== undefined && budget.unreadReceivers > 0) budget.unreadReceivers += receivers.length - i; // past the bound too
        break;
      }
      if (only === undefined && budget.folders-- <= 0) {
        budget.unlisted = true;
        if (probe === undefined) {
          budget.unreadReceivers = receivers.length - i;
          break;
        }
        // Past the bound, its folder is still not read whole (processing/ is not), but a lookup of
        // one id opens it when a file of the id's name is where it would be.
        if (budget.probes <= 0) {
          budget.unreadReceivers += receivers.length - i;
          break;
        }
        budget.unreadReceivers++;
        if (!probe(receiver, (rel) => probed(runtimes, receiver, rel, budget))) continue;
        // Opened after all: worth PROBE_OPEN_COST lstats, so that folders made to pass the probe
        // (any with a processing/) cannot bring back an open of every one.
        budget.probes -= PROBE_OPEN_COST;
      }
      // An empty folder costs one name, as its opening does: 100,000 of them are not opened for free.
      const listed = look({ names: [], more: false }, () =>
        listWithin(
          budget,
          (max) => listBusChildDirUpTo(root, runtimes, receiver, max) ?? { names: [], more: false },
          (r) => Math.max(1, r.names.length),
        ),
      );
      if (listed.names.length === 0 && !listed.more) continue;
      const has = new Set(listed.names);
      const paths = receiverPaths(root, receiver);
      const there = listed.more ? (folder: string) => busDirExists(root, folder) : (folder: string) => has.has(basename(folder));
      yield { receiver, paths, there, look };
    }
  } finally {
    runtimes.close();
  }
}

/**
 * A lookup of one id (or thread) past receiverFoldersMax: true when `receiver`'s folder may hold
 * it, asked of `exists` (a path in the receiver's folder: `inbox/msg-<id>.hw`, ...) or known
 * otherwise. Any bus writer can make thousands of receiver folders, and one a request was sent to
 * was hidden behind them.
 */
export type ReceiverProbe = (receiver: string, exists: (rel: string) => boolean) => boolean;

/**
 * Whether something is at `rel` in `receiver`'s folder: one lstat through the open runtimes/, no
 * folder opened, one of the lookup's `probes`. A hint only: a receiver found so is opened and
 * looked through as every other, a linked folder on the way refused there.
 */
function probed(runtimes: BusDir, receiver: string, rel: string, budget: ListBudget): boolean {
  budget.probes--;
  try {
    return lstatSync(runtimes.at(`${receiver}/${rel}`), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** What opening a receiver folder past the bound costs the lookup's `probes`, in lstats. */
const PROBE_OPEN_COST = 100;
/** Archive days looked at past the bound: the first ones from the message's date (it is archived soon after, as a rule), and the last ones. */
const PROBED_FIRST_DAYS = 16;
const PROBED_LAST_DAYS = 3;

/**
 * The files a message `fileName` made at `madeMs` may be in, in a receiver's folder (ReceiverProbe):
 * inbox/, outbox/, dead-letter/ by name; a processing/ that is there (a claim's name is not the
 * message's, so the folder is opened); the archive's days, at most PROBED_FIRST_DAYS from the
 * message's date and the last PROBED_LAST_DAYS (a day each was an lstat per receiver folder, and
 * a year-old id let 300 empty archive/ folders use up the lookup's lstats). An id archived later is
 * found with its receiver named.
 */
export function messageProbe(fileName: string, madeMs: number): ReceiverProbe {
  const probedDays = probedArchiveDays(firstArchiveDay(madeMs), lastArchiveDay());
  return (_receiver, exists) =>
    ['inbox', 'outbox', 'dead-letter'].some((dir) => exists(`${dir}/${fileName}`)) ||
    exists('processing') ||
    (exists('archive') && probedDays.some((day) => exists(`archive/${day}/${fileName}`)));
}

const DAY_MS = 24 * 3600_000;

/**
 * The first PROBED_FIRST_DAYS days from `first` (none when '': no date) up to `last`, and the last
 * PROBED_LAST_DAYS up to `last`, oldest first. Counted, never walked from one day to the other: an
 * id dated past year 9999 made a day (`+010053-05`) that sorts before `last`, and a walk to it
 * never ended.
 */
function probedArchiveDays(first: string, last: string): string[] {
  const lastMs = Date.parse(last);
  const days = new Set<string>();
  const from = first === '' ? Number.NaN : Date.parse(first);
  for (let i = 0; i < PROBED_FIRST_DAYS && from + i * DAY_MS <= lastMs; i++) days.add(archiveDayOf(from + i * DAY_MS)!);
  for (let i = PROBED_LAST_DAYS - 1; i >= 0; i--) {
    const day = archiveDayOf(lastMs - i * DAY_MS);
    if (day !== undefined && day >= first) days.add(day);
  }
  return [...days].sort();
}

/** The names of a bus folder listed within `budget` (listBusDirUpTo up to what it has left). */
export function listBusDirWithin(root: string, dir: string, budget: ListBudget): { names: string[]; more: boolean } {
  return listWithin(
    budget,
    (max) => listBusDirUpTo(root, dir, max),
    (r) => r.names.length,
  );
}

/** A receiver's archive day folders from day `first` to day `last` (names: responses.ts firstArchiveDay, lastArchiveDay), oldest first. */
export function archiveDays(paths: ReceiverPaths, first: string, last: string): string[] {
  return listBusDir(paths.root, paths.archive)
    .filter((d) => isArchiveDayName(d) && d >= first && d <= last)
    .sort();
}

/**
 * The message ids on the bus (of `receiver` only, when given), from the names of the files in
 * every folder: inbox, processing (claims), outbox, the archive's days from `days.first` to
 * `days.last` (those a lookup of the id reads: id-resolve.ts idArchiveDays), dead-letter. Nothing is read.
 * At most busListMax names in all (list-bound.ts): a prefix or a hint listed every name, and
 * 1,000,000 empty files planted in an outbox took each lookup 0.5 s (a prefix that names nothing,
 * two). `unlisted`: some were not listed, and the ids are those among the names listed.
 */
export function busMessageIds(
  root: string,
  days: { first: string; last: string },
  receiver?: string,
): { ids: Set<string>; unlisted: boolean; unreadReceivers: number } {
  const ids = new Set<string>();
  const budget = listBudget();
  const names = (dir: string): string[] => listBusDirWithin(root, dir, budget).names;
  for (const { paths, there, look } of listedReceivers(root, receiver, false, budget)) {
    const add = (dir: string) => {
      for (const n of look([], () => names(dir))) {
        const id = validIdFromFileName(parseClaimFileName(n)?.fileName ?? n);
        if (id !== undefined) ids.add(id);
      }
    };
    for (const dir of [paths.inbox, paths.processing, paths.outbox, paths.deadLetter]) if (there(dir)) add(dir);
    for (const day of there(paths.archive) ? look([], () => names(paths.archive).filter((d) => isArchiveDayName(d) && d >= days.first && d <= days.last)) : [])
      add(join(paths.archive, day));
  }
  return { ids, unlisted: budget.unlisted, unreadReceivers: budget.unreadReceivers };
}
