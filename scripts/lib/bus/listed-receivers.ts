/**
 * Walking the bus folders: the receivers worth looking through, their archive days, and every
 * message id on the bus (from file names), for the lookups of query.ts and id resolution.
 */
import { basename, join } from 'node:path';
import { parseClaimFileName } from './claims.ts';
import { listBusChildDir, listBusDir, listBusDirUpTo, openBusDir } from './fsutil.ts';
import { busListMax } from './list-bound.ts';
import { validIdFromFileName } from './ids.ts';
import { isArchiveDayName, receiverPaths, runtimesDir, type ReceiverPaths } from './layout.ts';
import { normaliseName } from './names.ts';
import { orPassedOver } from './passed-over.ts';
import { listReceivers } from './receivers.ts';

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

function receiversFor(root: string, receiver: string | undefined): string[] {
  return receiver === undefined ? listReceivers(root) : [normaliseName(receiver, 'receiver')];
}

/**
 * The receivers to look through (`only`, or every receiver folder), each with one listing of its
 * folder, and none whose folder holds nothing: any bus writer can make thousands of empty receiver
 * folders, and each look at an absent folder checked every folder above it (20,000 made `show`
 * take 2 s and `thread` 3 s). runtimes/ is opened once; a name listed is looked at as before.
 */
export function* listedReceivers(root: string, only: string | undefined, passOver = false): Generator<ListedReceiver> {
  const runtimes = openBusDir(root, runtimesDir(root), false);
  if (!runtimes) return;
  // A receiver named is looked through whole: a fault of its own folders is refused (unless
  // `passOver`: a lookup that walked the whole bus before, and passed such folders over).
  const look = only === undefined || passOver ? orPassedOver : <T>(_fallback: T, fn: () => T) => fn();
  try {
    for (const receiver of receiversFor(root, only)) {
      const has = new Set(look([], () => listBusChildDir(root, runtimes, receiver) ?? []));
      if (has.size === 0) continue;
      yield { receiver, paths: receiverPaths(root, receiver), there: (folder) => has.has(basename(folder)), look };
    }
  } finally {
    runtimes.close();
  }
}

/** A receiver's archive day folders, oldest first. */
export function archiveDays(paths: ReceiverPaths): string[] {
  return listBusDir(paths.root, paths.archive).filter(isArchiveDayName).sort();
}

/**
 * The message ids on the bus (of `receiver` only, when given), from the names of the files in
 * every folder: inbox, processing (claims), outbox, archive days, dead-letter. Nothing is read.
 * At most busListMax names in all (list-bound.ts): a prefix or a hint listed every name, and
 * 1,000,000 empty files planted in an outbox took each lookup 0.5 s (a prefix that names nothing,
 * two). `unlisted`: some were not listed, and the ids are those among the names listed.
 */
export function busMessageIds(root: string, receiver?: string): { ids: Set<string>; unlisted: boolean } {
  const ids = new Set<string>();
  let left = busListMax();
  let unlisted = false;
  const names = (dir: string): string[] => {
    const r = listBusDirUpTo(root, dir, Math.max(0, left));
    left -= r.names.length;
    unlisted ||= r.more;
    return r.names;
  };
  for (const { paths, there, look } of listedReceivers(root, receiver)) {
    const add = (dir: string) => {
      for (const n of look([], () => names(dir))) {
        const id = validIdFromFileName(parseClaimFileName(n)?.fileName ?? n);
        if (id !== undefined) ids.add(id);
      }
    };
    for (const dir of [paths.inbox, paths.processing, paths.outbox, paths.deadLetter]) if (there(dir)) add(dir);
    for (const day of there(paths.archive) ? look([], () => names(paths.archive).filter(isArchiveDayName).sort()) : []) add(join(paths.archive, day));
    if (unlisted && left <= 0) break;
  }
  return { ids, unlisted };
}
