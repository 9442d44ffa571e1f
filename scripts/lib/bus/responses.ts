/**
 * Collecting a response: the responder writes it to its outbox; the requester finds it there,
 * moves it to the responder's archive (one collector wins: the others find it there) and reads it.
 * Other responses in the outbox are left alone.
 *
 * An answer belongs to a request when its `In-Reply-To` names the request, or, for Thread-era
 * HelloWorld daemons (agent_daemon.py at e7684c3), which write no In-Reply-To, when it has none and
 * its `Thread` is the request's id (our requests open their thread with their own id).
 */
import { basename, dirname, join } from 'node:path';
import { AliveError } from '../errors.ts';
import type { AnswerCut } from '../helloworld/evaluator.ts';
import { cutToBytes, utf8CodePointBytes } from '../text/cut.ts';
import { shellQuote } from '../text/shell-quote.ts';
import { inlineText } from '../text/untrusted.ts';
import { untrustedDetail } from '../text/fence.ts';
import { parseClaimFileName } from './claims.ts';
import { ensureDir, listBusDirUpTo, lstatBus, MESSAGE_READ_LIMIT, readBusFile, renameIfPresent, tooLargeDetail } from './fsutil.ts';
import { busListMax, listWithin, waitLookReads, type ListBudget } from './list-bound.ts';
import { readReasonFile } from './reason-file.ts';
import { idInOurWords, idTimeMs, isWordlessId, messageFileName, validIdFromFileName } from './ids.ts';
import { archiveDayDir, archiveDayOf, isArchiveDayName, isBusTime, isMessageFileName, receiverPaths, type ReceiverPaths } from './layout.ts';
import { headersOf, isResponse, parseMessageBytes, type ParsedMessage } from './message.ts';
import { normaliseName } from './names.ts';
import { waitUntil, type DirWatcherOptions, type WaitResult } from './wait.ts';

export type { AnswerCut };

/**
 * An answer found for the request but not readable (over MESSAGE_READ_LIMIT): it ends a wait as
 * the answer (no other will come), and is left where it is, whole, uncollected.
 */
export interface UnreadableAnswer {
  id: string;
  /** Where it is (the responder's outbox; its archive when it was collected before). */
  path: string;
  detail: string;
}

export interface CollectedResponse {
  id: string;
  fileName: string;
  /** Where the response is now (the responder's archive, or its outbox when not collected). */
  path: string;
  /** Where it is now. */
  location: 'outbox' | 'archive';
  /** Whether this finder moved it to the archive (false for one collected before, by anyone). */
  collected: boolean;
  /** The file's modification time (ms). */
  mtimeMs: number;
  /** The file's size in bytes. */
  bytes: number;
  /** True when only the file's first `prefixBytes` were read (message holds the start of it). */
  partial: boolean;
  message: ParsedMessage;
}

/** How much of a file is read to see its headers. */
export const HEAD_BYTES = 4096;

/**
 * A foreign writer (the reference writes in place, not by rename) may still be filling a file this
 * young: an answer matched only by its Thread is collected once it is older than this, and a file
 * that matches nothing is looked at again until then (it may have been met before it was written).
 * A file whose time is ahead of this machine's clock is as old as the time it has been seen
 * unchanged (size and time) by this finder.
 */
export const FOREIGN_SETTLE_MS = 300;

/**
 * How long a file that keeps changing (a writer appending to it, in place) is waited on to settle,
 * from the first time a finder met it young. Waiting for it to stop changing alone ran a wait to
 * its time-out when the writer went on for longer (a streaming agent, a log, a writer that never
 * stops). Past this, the file is judged by what it holds then: an answer matched by its Thread is
 * taken as read then, and left in the outbox, uncollected (its writer may still be adding to it; a
 * later wait collects it once it has settled), and a file that matches nothing is passed over.
 */
export const FOREIGN_CHANGE_LIMIT_MS = 10 * FOREIGN_SETTLE_MS;

/**
 * A candidate answer whose read failed (a second name for a moment, as a writer that publishes
 * with link() and unlink() leaves it, a mode not set yet, an I/O error) is tried again at a later
 * check, first FOREIGN_SETTLE_MS after the failure, then after twice as long each time, up to
 * this: a file that stays unreadable (a FIFO or hard link planted under a message's name) costs a
 * wait one open every few seconds, and one readable again is found within this time (or sooner).
 */
export const UNREADABLE_RETRY_MAX_MS = 5_000;

/** The headers of a bus file, from its first 4 KB; undefined when it is not a readable regular file. */
export function readHeaders(root: string, path: string): { message: ParsedMessage; mtimeMs: number; size: number } | undefined {
  const r = readBusFile(root, path, { headBytes: HEAD_BYTES });
  if (!r.ok) return undefined;
  return { message: headersOf(r.bytes), mtimeMs: r.mtimeMs, size: r.size };
}

/** How `message` answers `requestId`: by In-Reply-To, by Thread (Thread-era daemons), or not. */
export function answerMatch(message: ParsedMessage, requestId: string): 'in-reply-to' | 'thread' | undefined {
  if (message.inReplyTo !== undefined && message.inReplyTo !== '') return message.inReplyTo === requestId ? 'in-reply-to' : undefined;
  // A follow-up request in the same thread has no In-Reply-To either: it is titled as a message.
  return message.thread === requestId && message.kind !== 'message' ? 'thread' : undefined;
}

/**
 * How much earlier than its request an answer's id may be made (by the clock of the machine that
 * answers) and still be read among the first: ours are made when the answer is written, after the
 * request, and machines that share a bus folder keep clocks much closer than this. An answer dated
 * earlier is read last (responseFinder), never passed over: it names the request by its id.
 */
export const ANSWER_CLOCK_SLACK_MS = 60 * 60_000;

/**
 * The names of the files in `responder`'s outbox, and of those archived from the day of `sinceMs`
 * on (as `<day>/<name>`), now: empty when it has none, or `responder` is no receiver name. Taken
 * before a request is sent, none of them can be its answer: an answer names the request's id,
 * which is new, comes under a name of its own, and is archived only after it was in the outbox.
 * A wait for that request skips them (waitForResponse's `namesBefore`), where it read the headers
 * of every answer nobody had collected yet, and of every file archived that day.
 */
export function answerPlaceNames(root: string, responder: string, sinceMs = Date.now()): ReadonlySet<string> {
  try {
    const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
    const names = new Set(namesOf(root, paths.outbox));
    for (const key of archivedNames(root, paths, sinceMs)) names.add(key);
    return names;
  } catch {
    return new Set(); // the send that follows reports what is wrong with the name or the folder
  }
}

/**
 * The first busListMax names of `dir` (list-bound.ts), calling `more` when it holds more: a wait
 * lists the outbox and archive on every look (once a second), and 1,000,000 empty files planted in
 * an outbox took each look 0.5-0.8 s (and answerPlaceNames 0.9 s) of a process or the MCP server.
 */
function namesOf(root: string, dir: string, more?: () => void, budget?: ListBudget): string[] {
  const r = budget
    ? listWithin(
        budget,
        (max) => listBusDirUpTo(root, dir, max),
        (l) => l.names.length,
      )
    : listBusDirUpTo(root, dir, busListMax());
  if (r.more) more?.();
  return r.names;
}

/**
 * How far apart the clocks of machines sharing a synced bus folder may be, for the archive day
 * folders a lookup of a message looks into: a day is named by the clock of the machine that
 * archived into it, an id dated by the clock of the one that made it. An hour lost requests: a
 * daemon an hour ahead archives at 23:30 UTC under tomorrow's day, a sender ahead makes an id
 * dated after the day a correct clock files it under (review 2026-12-06). Two days cover a daemon
 * that names days by its local date (the spec says only `archive/YYYY-MM-DD/`: UTC-12 to UTC+14),
 * or a clock set to a wrong time zone, plus hours of drift, and keep the days looked into
 * bounded: the id's day to today's, and four more (folders of any other date are passed over).
 */
export const ARCHIVE_CLOCK_SKEW_MS = 2 * 24 * 3600_000;

/**
 * The archive's first day where a message made at `requestMs`, or an answer to it, may be ('' for
 * all: an id with no date, or dated where no bus files anything: past lastArchiveDay, or outside
 * the years a day can name, layout.ts isBusTime).
 */
export function firstArchiveDay(requestMs: number | undefined, now = Date.now()): string {
  const day = isBusTime(requestMs) ? archiveDayOf(Math.max(0, requestMs - ARCHIVE_CLOCK_SKEW_MS)) : undefined;
  return day === undefined || day > lastArchiveDay(now) ? '' : day;
}

/**
 * The archive's last day a bus can have filed anything under by `now`: the day of a clock
 * ARCHIVE_CLOCK_SKEW_MS ahead. A later one is a name any bus writer chose, not looked into (a
 * million of them planted made each lookup of a message take a minute).
 */
export function lastArchiveDay(now = Date.now()): string {
  return archiveDayOf(now + ARCHIVE_CLOCK_SKEW_MS) ?? '9999-12-31';
}

function archiveDaysFrom(root: string, paths: ReceiverPaths, first: string, more?: () => void, budget?: ListBudget): string[] {
  const last = lastArchiveDay();
  return namesOf(root, paths.archive, more, budget)
    .filter((d) => isArchiveDayName(d) && d >= first && d <= last)
    .sort();
}

/** `<day>/<name>` of every file archived from the day of `sinceMs` on (see answerPlaceNames). */
export function archivedNames(root: string, paths: ReceiverPaths, sinceMs: number): Set<string> {
  const keys = new Set<string>();
  for (const day of archiveDaysFrom(root, paths, firstArchiveDay(sinceMs))) {
    for (const n of namesOf(root, join(paths.archive, day))) keys.add(`${day}/${n}`);
  }
  return keys;
}

/**
 * A finder of the answer to `requestId`: it looks in `responder`'s outbox, then, once the request
 * has left the responder's inbox and processing/, in its archive (from the request's day on), and
 * returns the first answer it finds there, read. It remembers the files it has already looked at
 * (judged by what it could read of them: a file whose read failed is tried again at a later check,
 * see UNREADABLE_RETRY_MAX_MS, never passed over for the rest of the wait), and never reads those
 * in `skip` (outbox names, and `<day>/<name>` of archived files: answerPlaceNames). A look reads
 * at most `lookReads` files (the answers nobody collected pile up in an outbox, and any bus writer
 * can plant any number), those named with a time-ordered id (UUIDv7) made ANSWER_CLOCK_SLACK_MS or
 * more before the request near last (they were passed over unread, and an answer from a responder
 * whose clock is that far behind was never found), and those dated more than that after now last.
 *
 * With `collect` (the default) an answer found in the outbox is moved to the responder's archive
 * (`collected`), unless its writer was still changing it (FOREIGN_CHANGE_LIMIT_MS); otherwise it
 * is left where it is. An answer in the archive was collected before,
 * by this or another waiter: it is the answer all the same (`collected` false). So is one that
 * another waiter collects while this one looks at it (gone from the outbox between two reads): the
 * look in the archive that follows finds it there, and a wait that another waiter beat to an
 * answer ends with that answer, not at its time-out.
 *
 * An answer larger than the bus reads (MESSAGE_READ_LIMIT) is never moved: it is reported to
 * `onUnreadable` where it lies, so that every later wait finds it there again; a file that is
 * merely gone is never reported so. With `prefixBytes`, only the file's first bytes are read (a
 * caller that shows the start of it).
 */
export function responseFinder(
  root: string,
  responder: string,
  requestId: string,
  options: {
    collect?: boolean;
    now?: () => number;
    skip?: ReadonlySet<string>;
    onUnreadable?: (a: UnreadableAnswer) => void;
    prefixBytes?: number;
    /** The names this finder lists, shared with others (a search over many receivers: findAnswer); default busListMax per listing. */
    budget?: ListBudget;
    /** Files one look reads at most (default list-bound.ts waitLookReads). */
    lookReads?: number;
  } = {},
): ResponseFind {
  const budget = options.budget;
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  const seen = new Set<string>(options.skip);
  const now = options.now ?? Date.now;
  // A listing of the outbox or archive stopped at busListMax names: the answer may be among the rest.
  let unlisted = false;
  const more = () => {
    unlisted = true;
  };
  const requestMs = idTimeMs(requestId);
  const firstDay = firstArchiveDay(requestMs);
  /**
   * The order a look reads in when it cannot read all, as [group, key], lowest first: answers named
   * with ids the bus made dated within the request's window (from the request, less
   * ANSWER_CLOCK_SLACK_MS, to now, plus it), the nearest the request first; then names the bus did
   * not make (a foreign writer's); then ids dated before the window, newest first: answers nobody
   * collected pile up in an outbox, but one from a responder whose clock is behind names the
   * request all the same; last, ids dated after now plus the slack, which no clock sharing the bus
   * made: any bus writer can plant them, and read first (newest first) they buried the answer, each
   * new wait starting again from the same files.
   */
  const rank = (id: string, nowMs: number): [number, number] => {
    const ms = idTimeMs(id);
    if (ms === undefined) return [1, 0];
    if (ms > nowMs + ANSWER_CLOCK_SLACK_MS) return [3, ms];
    if (requestMs === undefined) return [0, -ms];
    return ms >= requestMs - ANSWER_CLOCK_SLACK_MS ? [0, Math.abs(ms - requestMs)] : [2, -ms];
  };
  // Files this look may still read, and those left for the next look (a flood of them).
  let readsLeft = 0;
  let deferred = 0;
  /**
   * The files of `found` this look reads: all while they fit in what it has left, else the first
   * in `rank`'s order (the others as listed); the rest are counted in `deferred`, and read by a
   * later look.
   */
  const toRead = <T extends { id: string }>(found: T[]): T[] => {
    if (found.length <= readsLeft) {
      readsLeft -= found.length;
      return found;
    }
    const nowMs = now();
    const ranked = found.map((c) => ({ c, r: rank(c.id, nowMs) }));
    const taken = ranked
      .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1])
      .slice(0, readsLeft)
      .map((x) => x.c);
    deferred += found.length - taken.length;
    readsLeft = 0;
    return taken;
  };
  // Answers this finder moved into the archive but could not read there yet (`<day>/<name>`).
  const movedHere = new Set<string>();
  // Files whose read failed (outbox names, `<day>/<name>` in the archive): when to try each again.
  const retry = new Map<string, { at: number; delay: number }>();
  const due = (key: string): boolean => {
    const r = retry.get(key);
    return r === undefined || now() >= r.at;
  };
  const failed = (key: string): void => {
    const was = retry.get(key);
    const delay = was === undefined ? FOREIGN_SETTLE_MS : Math.min(was.delay * 2, UNREADABLE_RETRY_MAX_MS);
    retry.set(key, { at: now() + delay, delay });
  };
  /**
   * A file at `path` (`key`) whose read failed: tried again while it is a regular file (a second
   * name for a moment, a mode not set yet, an I/O error); passed over when it is a FIFO, a folder
   * or a link, none of which is an answer; forgotten when gone (listed again, it is read again).
   * Either of the last two kept a wait pending to its time-out: a closed request never said so.
   */
  const unreadable = (key: string, path: string): void => {
    const st = lstatBus(root, path);
    if (st?.isFile()) {
      failed(key);
      return;
    }
    retry.delete(key);
    if (st) seen.add(key);
  };
  // Outbox files met younger than FOREIGN_SETTLE_MS: their size and time then, and when (our clock).
  // `first`: when this finder first met it young; `since`: when it last saw it change.
  const young = new Map<string, { size: number; mtimeMs: number; since: number; first: number }>();
  /**
   * `settled` once the file is FOREIGN_SETTLE_MS old, or unchanged that long; `changing` when it
   * is still changing FOREIGN_CHANGE_LIMIT_MS after it was first met; else `young` (look again).
   */
  const settling = (name: string, head: { mtimeMs: number; size: number }): 'settled' | 'changing' | 'young' => {
    const t = now();
    const was = young.get(name);
    if (t - head.mtimeMs >= FOREIGN_SETTLE_MS) return 'settled';
    if (was === undefined || was.size !== head.size || was.mtimeMs !== head.mtimeMs) {
      const first = was?.first ?? t;
      if (t - first >= FOREIGN_CHANGE_LIMIT_MS) return 'changing';
      young.set(name, { size: head.size, mtimeMs: head.mtimeMs, since: t, first });
      return 'young';
    }
    if (t - was.since >= FOREIGN_SETTLE_MS) return 'settled';
    return t - was.first >= FOREIGN_CHANGE_LIMIT_MS ? 'changing' : 'young';
  };
  /** Reads the answer at `path`; undefined (and a too-large one reported) when it cannot be. */
  const readAnswer = (id: string, name: string, path: string, location: 'outbox' | 'archive', collected: boolean): CollectedResponse | undefined => {
    const read = readBusFile(root, path, options.prefixBytes !== undefined ? { headBytes: options.prefixBytes } : { maxBytes: MESSAGE_READ_LIMIT });
    if (!read.ok) {
      if (read.problem === 'too_large') options.onUnreadable?.({ id, path, detail: read.detail });
      return undefined; // gone (collected meanwhile: the archive is looked at next), or not a file
    }
    const partial = read.size > read.bytes.length;
    const message = parseMessageBytes(read.bytes, partial);
    return { id, fileName: name, path, location, message, collected, bytes: read.size, mtimeMs: read.mtimeMs, partial };
  };
  const inOutbox = (): CollectedResponse | undefined => {
    const found: { name: string; id: string }[] = [];
    for (const name of namesOf(root, paths.outbox, more, budget)) {
      if (seen.has(name) || !isMessageFileName(name) || !due(name)) continue;
      const id = validIdFromFileName(name);
      if (id === undefined) {
        seen.add(name);
        continue;
      }
      found.push({ name, id });
    }
    for (const { name, id } of toRead(found)) {
      const src = join(paths.outbox, name);
      const head = readHeaders(root, src);
      if (!head) {
        unreadable(name, src); // not readable now: tried again at a later check, if it may be
        continue;
      }
      retry.delete(name);
      const match = answerMatch(head.message, requestId);
      // A young file is looked at again later: one that matches nothing may not be written yet,
      // one matched by its Thread may not be whole. One still changing after
      // FOREIGN_CHANGE_LIMIT_MS is judged as it is: taken uncollected when it is the answer.
      const state = match === 'in-reply-to' ? 'settled' : settling(name, head);
      if (state === 'young') continue;
      young.delete(name);
      if (match === undefined) {
        seen.add(name);
        continue;
      }
      const size = lstatBus(root, src)?.size;
      if (size !== undefined && size > MESSAGE_READ_LIMIT) {
        seen.add(name);
        options.onUnreadable?.({ id, path: src, detail: tooLargeDetail(MESSAGE_READ_LIMIT, size) });
        continue;
      }
      if (options.collect !== false && state === 'settled') {
        const dayDir = archiveDayDir(paths, new Date(now()));
        ensureDir(root, dayDir);
        const dest = join(dayDir, name);
        // Never over an archived file of the same name (a foreign slug reused), nor onto a folder
        // planted there: the answer is read where it is, uncollected, then.
        if (lstatBus(root, dest) === undefined) {
          if (!renameIfPresent(root, src, dest)) continue; // collected by someone else: see inArchive
          const r = readAnswer(id, name, dest, 'archive', true);
          if (r) return r;
          // Not readable now: the look in the archive tries it again (as collected by this finder).
          const key = `${basename(dayDir)}/${name}`;
          movedHere.add(key);
          failed(key);
          continue;
        }
      }
      const r = readAnswer(id, name, src, 'outbox', false);
      if (r) return r;
      unreadable(name, src); // not readable now (gone, too large, ...): tried again at a later check, if it may be
    }
    return undefined;
  };
  const inArchive = (): CollectedResponse | undefined => {
    for (const day of archiveDaysFrom(root, paths, firstDay, more, budget)) {
      const dir = join(paths.archive, day);
      const found: { name: string; id: string; key: string }[] = [];
      for (const name of namesOf(root, dir, more, budget)) {
        const key = `${day}/${name}`;
        if (seen.has(key) || !isMessageFileName(name) || !due(key)) continue;
        const id = validIdFromFileName(name);
        if (id === undefined || id === requestId) {
          seen.add(key);
          continue;
        }
        found.push({ name, id, key });
      }
      for (const { name, id, key } of toRead(found)) {
        const path = join(dir, name);
        const head = readHeaders(root, path);
        // Requests of the same thread are archived here too: only responses count.
        if (head && (!isResponse(head.message) || answerMatch(head.message, requestId) === undefined)) {
          seen.add(key);
          retry.delete(key);
          continue;
        }
        const r = head && readAnswer(id, name, path, 'archive', movedHere.has(key));
        if (r) return r;
        unreadable(key, path); // not readable now: tried again at a later check, if it may be
      }
    }
    return undefined;
  };
  const find = () => {
    readsLeft = options.lookReads ?? waitLookReads();
    deferred = 0;
    // Looked at before the outbox: a request that leaves processing/ meanwhile changes the outbox
    // (its answer comes), which wakes a wait for another look.
    const waiting = requestWaiting(root, paths, requestId, budget);
    return inOutbox() ?? (waiting ? undefined : inArchive());
  };
  return Object.assign(find, {
    pending: () => young.size > 0 || retry.size > 0 || deferred > 0,
    unlisted: () => unlisted || deferred > 0,
    readOn: () => deferred > 0,
  });
}

/** A responseFinder: each call looks for the answer once; `pending` while a file may still turn out to be it. */
export type ResponseFind = (() => CollectedResponse | undefined) & {
  /** A file met young (being written) or whose read failed waits for another look. */
  pending(): boolean;
  /**
   * A listing stopped at busListMax names (list-bound.ts), or the last look left files unread
   * (waitLookReads): the answer may be among those not listed or not read.
   */
  unlisted(): boolean;
  /** The last look left files unread (list-bound.ts waitLookReads): the next reads on (a wait looks again without waiting for a change, after wait.ts WAIT_LOOK_GAP_MS). */
  readOn(): boolean;
};

/**
 * (`budget`: the names listed come from it, as responseFinder's.)
 * True while `requestId` waits in `paths`' inbox or is claimed (in processing/): its answer is not
 * written yet (the responder archives the request before it writes the answer), so it is in no
 * archive, and a wait does not list the archive (a folder of the day's traffic) on every wake-up.
 * A file under the request's name there does not count when the request is also in the archive
 * (from the request's day on): it was handled, and what is left is a copy (the same message
 * delivered again, a foreign writer reusing the name, a file planted there), which must not hide
 * an answer already archived. Nor does anything but a regular file in the inbox.
 */
export function requestWaiting(root: string, paths: ReceiverPaths, requestId: string, budget?: ListBudget): boolean {
  const fileName = messageFileName(requestId);
  if (!requestQueued(root, paths, fileName, budget)) return false;
  const days = archiveDaysFrom(root, paths, firstArchiveDay(idTimeMs(requestId)), undefined, budget);
  return !days.some((day) => lstatBus(root, join(paths.archive, day, fileName)) !== undefined);
}

/**
 * True while a regular file under the request's name is in `paths`' inbox, or a claim of it in
 * processing/, whatever else holds a file of its name: a copy in the archive or in dead-letter/ (any
 * bus writer can put one there) does not make it handled, closed or dead-lettered.
 */
export function requestQueued(root: string, paths: ReceiverPaths, fileName: string, budget?: ListBudget): boolean {
  return (
    lstatBus(root, join(paths.inbox, fileName))?.isFile() === true ||
    namesOf(root, paths.processing, undefined, budget).some((n) => parseClaimFileName(n)?.fileName === fileName)
  );
}

/**
 * How long a request must stay archived with no answer before a wait takes it as closed without
 * one: a daemon archives a request the instant before it publishes the answer (claims.ts
 * completeClaim), and puts it back when the publishing fails.
 */
export const CLOSED_SETTLE_MS = 1_000;

/**
 * A check for a wait that found no answer and no dead letter: true once `requestId` is in `paths`'
 * archive and waits nowhere, and was so at a look CLOSED_SETTLE_MS or more before. Its receiver
 * closed it without an answer: the agent had nothing further (NOTHING_FURTHER), or it was a message
 * to itself, and no answer will come (only one written by hand). A request gone from the bus (a
 * foreign daemon deletes what it reads, then answers) is not closed, nor one while `find` has a
 * file that may still turn out to be its answer (a foreign writer's, written in place).
 */
export function closedWithoutAnswer(root: string, paths: ReceiverPaths, requestId: string, find: ResponseFind, now: () => number = Date.now): () => boolean {
  const fileName = messageFileName(requestId);
  let since: number | undefined;
  return () => {
    // Never while the answer may be among names not listed: it is then no answer it knows of. Nor
    // while the request is in the inbox or claimed, archived or not: a copy of it in the archive
    // (any bus writer can put one there) does not mean it was handled, and it may still be answered.
    const archived =
      !find.pending() &&
      !find.unlisted() &&
      !requestQueued(root, paths, fileName) &&
      archiveDaysFrom(root, paths, firstArchiveDay(idTimeMs(requestId))).some((day) => lstatBus(root, join(paths.archive, day, fileName))?.isFile() === true);
    if (!archived) {
      since = undefined;
      return false;
    }
    since ??= now();
    return now() - since >= CLOSED_SETTLE_MS;
  };
}

/**
 * What every waiter says of a request its receiver closed without an answer (`who`: the
 * receiver's display name, or words for it).
 */
export function closedText(who: string, requestId: string): string {
  return `${who} handled ${idInOurWords(requestId, 'the request')} without an answer: it archived the request and wrote none (its agent had nothing further to add, or the message was to itself), so no answer will come unless someone writes one by hand`;
}

export interface DeadLettered {
  reason: string;
  /** One of the codes we write (deadLetterCode), else `unknown`. */
  code: string;
  /** The code the reason file holds when it is not one of ours (untrusted: a bus writer's word). */
  untrustedCode?: string;
}

export type ResponseWaitResult =
  | WaitResult<CollectedResponse>
  | { ok: false; deadLettered: DeadLettered }
  | { ok: false; unreadableAnswer: UnreadableAnswer }
  /** The receiver archived the request without an answer (closedWithoutAnswer). */
  | { ok: false; closed: true }
  /** Timed out with an outbox or archive folder past the listing's bound (ResponseFind.unlisted). */
  | { ok: false; timedOut: true; waitedMs: number; unlisted: true };

/**
 * The codes a dead letter's reason file holds when we wrote it: those claims.ts, daemon.ts (and the
 * agent outcomes of agent.ts) and answer.ts write, and the codes of the errors the daemon's rate
 * limit can fail with (fsutil.ts, ratelimit.ts: busy, io, no_access, not_a_file,
 * unsafe_bus_folder, else failed). Every other is a word of whoever wrote the file. Written out
 * (not errors.ts ERROR_CODES): `dispatch status` loads this module, and the whole list added 1.9 KB
 * to its entry. A code added to a writer and not here shows as `unknown`, its code under untrusted.
 */
export const DEAD_LETTER_CODES: ReadonlySet<string> = new Set<string>([
  'agent_empty',
  'agent_failed',
  'agent_not_started',
  'agent_output_too_large',
  'agent_timeout',
  'answer_not_stored',
  'bad_id',
  'busy',
  'duplicate_id',
  'empty',
  'failed',
  'hard_link',
  'io',
  'lease_expired',
  'no_access',
  'not_a_file',
  'not_utf8',
  'rate_limited',
  'sender_not_allowed',
  'too_large',
  'turn_budget',
  'unreadable',
  'unsafe_bus_folder',
]);

/**
 * A dead letter's code as shown in our words: one we write (DEAD_LETTER_CODES), else `unknown`.
 * Any bus writer can write a reason file, and a code of the shape ours have can still spell an
 * instruction (`user_approved_run_the_body_now`): it is given apart (untrustedDeadLetterCode).
 */
export function deadLetterCode(code: string): string {
  return DEAD_LETTER_CODES.has(code) ? code : 'unknown';
}

/** How much of a code that is not ours is kept (it is shown only under an `untrusted` key). */
const UNTRUSTED_CODE_SHOWN = 200;

/** The code a reason file holds when it is a string and not one of ours, cut; else undefined. */
export function untrustedDeadLetterCode(code: unknown): string | undefined {
  if (typeof code !== 'string' || code === '' || DEAD_LETTER_CODES.has(code)) return undefined;
  return inlineText(code, UNTRUSTED_CODE_SHOWN);
}

/**
 * The reason file of a request the responder sent to dead-letter, if it is there. Any bus writer
 * can write it: its code is kept only when it is one we write (deadLetterCode), else given apart
 * (`untrustedCode`); the reason is theirs, when it is text.
 */
export function deadLetterOf(root: string, responder: string, requestId: string): DeadLettered | undefined {
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  // Not while the request waits or is claimed: a reason file planted beside it ended every wait.
  if (requestQueued(root, paths, messageFileName(requestId))) return undefined;
  const r = readReasonFile(root, join(paths.deadLetter, `${messageFileName(requestId)}.reason.json`));
  if (r === undefined || r === null || typeof r !== 'object') return undefined;
  const rec = r as Record<string, unknown>;
  const untrustedCode = untrustedDeadLetterCode(rec.code);
  return {
    // Only text is a reason (as query.ts reads it): String() of an array 100,000 deep overflowed the
    // stack, and of an object with a toString that is no function threw.
    reason: typeof rec.reason === 'string' ? rec.reason : 'no reason recorded',
    code: deadLetterCode(typeof rec.code === 'string' ? rec.code : 'unknown'),
    ...(untrustedCode !== undefined ? { untrustedCode } : {}),
  };
}

/**
 * The sentence for an answer that came but cannot be read (`who` is the responder's display name),
 * the same for every waiter (run, repl, send --wait, wait, the MCP wait tool): what came, why it is
 * not shown, where it is and how to read it (`dispatch show` reads no more of it than the wait did).
 */
export function unreadableText(who: string, requestId: string, a: UnreadableAnswer, apart?: string): string {
  const request = idInOurWords(requestId, 'the request');
  // Its path given apart (`apart` says where, in our words): a found responder's folder name is a bus writer's.
  if (apart !== undefined)
    return `${who} answered ${request}${isWordlessId(a.id) ? ` with msg-${a.id}` : ''}, but it cannot be shown: it is ${a.detail}; it stays whole in ${apart}: read it with a pager, as untrusted text`;
  // An answer's file name is the responder's choice: one that is not a bus-made id is not quoted.
  if (!isWordlessId(a.id)) {
    return `${who} answered ${request}, but the answer cannot be shown: it is ${a.detail}; it stays whole in ${dirname(a.path)} (its file name is not a bus-made id, so it is not named here): read it with a pager, as untrusted text`;
  }
  return `${who} answered ${request} with msg-${a.id}, but it cannot be shown: it is ${a.detail}; it stays whole at ${a.path}: read it with a pager ('less ${shellQuote(a.path)}'), as untrusted text`;
}

/**
 * How much of an answer's text `run` and `repl` print (a terminal is no place for megabytes; --json
 * and `dispatch show` give it whole), and how much of its file they read for that: the headers
 * (HEAD_BYTES) and the part shown, so that memory does not grow with the answer.
 */
export const ANSWER_SHOWN_BYTES = 64 * 1024;
export const ANSWER_READ_BYTES = ANSWER_SHOWN_BYTES + HEAD_BYTES;

/**
 * The text of a collected answer as run and repl show it: at most `maxBytes` of UTF-8, cut between
 * two characters, and what was cut (when the file was read in part or the text is longer).
 */
export function shownAnswer(r: CollectedResponse, maxBytes = ANSWER_SHOWN_BYTES): { body: string; cut?: AnswerCut } {
  const body = r.message.body;
  const shown = Buffer.byteLength(body) > maxBytes ? cutToBytes(body, maxBytes, utf8CodePointBytes) : body;
  if (shown === body && !r.partial) return { body };
  return { body: shown, cut: { answerId: r.id, bytes: r.bytes, shownBytes: Buffer.byteLength(shown) } };
}

/** Our line after an answer shown in part: its size, and the command that prints it whole. */
export function answerCutText(c: AnswerCut): string {
  return `(the answer msg-${c.answerId} is ${c.bytes} bytes; the first ${c.shownBytes} bytes of its text are shown: 'dispatch show ${c.answerId} --full' prints it whole)`;
}

/**
 * A wait that ended on such an answer, as an error (code too_large, exit 1): `fields` are the
 * caller's own. Of a responder the caller did not name (`found`: looked for in every receiver
 * folder, whose names are a bus writer's), the answer's path comes apart, untrusted.
 */
export function answerTooLargeError(who: string, requestId: string, a: UnreadableAnswer, fields: Record<string, unknown> = {}, found = false): AliveError {
  const answer =
    isWordlessId(a.id) && !found
      ? { answer_id: a.id, answer_file: a.path }
      : { ...(isWordlessId(a.id) ? { answer_id: a.id } : { answer_id: null, untrusted_answer_id: a.id }), untrusted_answer_file: a.path };
  if (!found) return new AliveError(unreadableText(who, requestId, a), { code: 'too_large', fields: { ...fields, ...answer } });
  const shown = "its receiver's outbox (path below: untrusted)";
  return new AliveError(unreadableText(who, requestId, a, shown), {
    code: 'too_large',
    fields: { ...fields, ...answer },
    untrusted: untrustedDetail('answer file', a.path, shown),
  });
}

export interface WaitForResponseOptions extends DirWatcherOptions {
  /** answerPlaceNames() taken before the request was sent: files the wait need not read. */
  namesBefore?: ReadonlySet<string>;
  /** Read only the answer's first bytes (see CollectedResponse.partial). */
  prefixBytes?: number;
}

/**
 * Waits up to `timeoutMs` for the response to `requestId` in `responder`'s outbox. Ends early when
 * the request went to the responder's dead-letter (its reason is returned).
 */
export async function waitForResponse(
  root: string,
  responder: string,
  requestId: string,
  timeoutMs: number,
  signal?: AbortSignal,
  { namesBefore, prefixBytes, ...options }: WaitForResponseOptions = {},
): Promise<ResponseWaitResult> {
  const paths = receiverPaths(root, normaliseName(responder, 'receiver'));
  ensureDir(root, paths.outbox);
  // An answer that cannot be read ends the wait too: it is the answer, and no other will come.
  let unreadable: { unreadableAnswer: UnreadableAnswer } | undefined;
  const onUnreadable = (a: UnreadableAnswer) => {
    unreadable ??= { unreadableAnswer: a };
  };
  const find = responseFinder(root, responder, requestId, {
    ...(namesBefore ? { skip: namesBefore } : {}),
    ...(prefixBytes !== undefined ? { prefixBytes } : {}),
    onUnreadable,
  });
  // The dead-letter folder is not watched: it is looked at on every wake-up, which includes the
  // watcher's idle poll (once a second). One failed lstat when there is nothing there.
  const closed = closedWithoutAnswer(root, paths, requestId, find);
  const check = () => find() ?? unreadable ?? deadLetterOf(root, responder, requestId) ?? (closed() ? ({ closed: true } as const) : undefined);
  const watch = { ...options, again: find.readOn };
  const r = await waitUntil(root, paths.outbox, check, timeoutMs, signal ? { ...watch, signal } : watch);
  if (r.ok && 'unreadableAnswer' in r.value) return { ok: false, unreadableAnswer: r.value.unreadableAnswer };
  if (r.ok && 'reason' in r.value) return { ok: false, deadLettered: r.value };
  if (r.ok && 'closed' in r.value) return { ok: false, closed: true };
  if (!r.ok && 'timedOut' in r && find.unlisted()) return { ...r, unlisted: true };
  return r as WaitResult<CollectedResponse>;
}
