/**
 * What the bus holds, per receiver (`dispatch status`, the MCP `status` tool): messages waiting,
 * answers delivered into the inbox, claimed (and how many of those claims ran out), answers not
 * collected, dead letters, archived messages, and whether a daemon serves it. Reads names and
 * counts, and of inbox files only the header block's first bytes (at most STATUS_HEADS_MAX).
 */
import { lstatSync, type Dirent } from 'node:fs';
import { claimsFromNames, goneClaimOwner } from './claims.ts';
import type { ProcessHolder } from './claim-owner.ts';
import { busFolderProblemInPlace, direntsUpTo, inBusChildDir, namesUpTo, openBusDir, readBusFileIn, readBusJsonIn, type BusDir } from './fsutil.ts';
import { busListMax, receiverFoldersMax } from './list-bound.ts';
import { isArchiveDayName, isMessageFileName, receiverPaths, runtimesDir } from './layout.ts';
import { displayName } from './names.ts';
import { everyBusFirst, isReceiverFolder, RECEIVERS_WITHOUT_FOLDER } from './receivers.ts';
import { inlineText } from '../text/untrusted.ts';
import { AliveError, isAliveError } from '../errors.ts';
import { daemonRecord } from './serving.ts';

export interface ReceiverStatus {
  receiver: string;
  /** Message files in the inbox: requests, and the answers counted in `answers`. */
  inbox: number;
  /**
   * Answers among them (a copy serve delivers to a sender, or any writer's), told by their header
   * block as inbox tells them (inbox-answers.ts countAnswers): nothing to answer. Messages waiting are `inbox - answers`.
   */
  answers: number;
  /** Messages waiting: inbox - answers (files whose kind was not looked at count as waiting). */
  waiting: number;
  /** Inbox files whose header block was not looked at (past STATUS_HEADS_MAX): counted as waiting. Absent when none. */
  unclassified?: number;
  processing: number;
  stale_claims: number;
  /** Claims not run out whose holder is gone (kill -9): nothing handles them until a serve starts. */
  gone_claims: number;
  /** The kinds of those holders (claim-owner.ts: daemon, session, reply, sweeper), each once. */
  gone_holders: ProcessHolder['kind'][];
  outbox: number;
  dead_letter: number;
  archived: number;
  config: boolean;
  daemon: { pid: number; agent: string; alive: boolean } | null;
  /** Folders of this receiver that were skipped (symbolic links or not folders), with why. */
  problems: string[];
  /**
   * The counts whose folder holds more than this many names (busListMax: a listing stops there):
   * each of them is a count among the names listed, and more may be there. Absent when none.
   */
  more_than?: Partial<Record<'inbox' | 'processing' | 'outbox' | 'dead_letter' | 'archived', number>>;
}

/** Receivers listed unless a limit says otherwise (dispatch status --limit, the MCP tool's limit). */
export const STATUS_LIMIT = 100;
/**
 * Inbox files whose first STATUS_HEAD_BYTES one status call reads, over all its receivers, to tell an
 * answer from a message (as the SessionStart notice does): the rest count as messages waiting.
 */
export const STATUS_HEADS_MAX = 200;
export const STATUS_HEAD_BYTES = 1024;
/** Problems named per receiver; the rest are counted (a writer can plant thousands of linked archive days). */
const PROBLEMS_SHOWN = 5;

export interface BusStatus {
  root: string;
  receivers: ReceiverStatus[];
  /** Receiver folders under runtimes/ (of the one asked for: 1, or 0 without a folder). */
  total: number;
  offset: number;
  /** More receivers follow, from next_offset. */
  truncated: boolean;
  next_offset?: number;
  /** runtimes/ holds more than busListMax names: `total` counts the receivers among those listed. */
  unlisted?: true;
  /** Receiver folders not opened to order the receivers (list-bound.ts receiverFoldersMax). */
  unread_receivers?: number;
}

export interface StatusQuery {
  now?: number;
  /** At most this many (default STATUS_LIMIT): any bus writer can make 100,000 receiver folders. */
  limit?: number;
  offset?: number;
  /** Only this receiver (a folder name, normalised by the caller). */
  receiver?: string;
}

/**
 * The bus is read top down: runtimes/ opened and checked once, then each folder below it opened
 * through its open parent (fsutil's openBusChildDir), and only the folders the parent's listing
 * holds. A status is one command start, and each check from the root and each failed open costs
 * there (bench/startup.ts).
 *
 * Receivers are listed by name when they all fit; when they do not, the receivers every bus has
 * come first, then those with messages waiting (their inboxes are counted for that, nothing else),
 * and only the page listed is read in full.
 */
export function busStatus(root: string, q: StatusQuery = {}): BusStatus {
  const empty: BusStatus = { root, receivers: [], total: 0, offset: 0, truncated: false };
  let runtimes: BusDir | undefined;
  try {
    runtimes = openBusDir(root, runtimesDir(root), false);
  } catch (err) {
    if (err instanceof AliveError) throw err; // runtimes/ is a link
    return empty;
  }
  if (!runtimes) return empty;
  const now = q.now ?? Date.now();
  try {
    // runtimes/ is listed up to busListMax names, unless one receiver is asked for.
    const one = q.receiver;
    const listed = one === undefined ? direntsUpTo(runtimes, busListMax()) : { entries: [], more: false };
    // One receiver asked for is looked up by name, and so, past the listing (directory order), are
    // the receivers every bus has.
    const byName = one === undefined ? (listed.more ? RECEIVERS_WITHOUT_FOLDER : []) : [one];
    const names = [
      ...new Set([...listed.entries.filter(isReceiverFolder).map((d) => d.name), ...byName.filter((n) => lookUp(runtimes, n)?.isDirectory())]),
    ].sort();
    const limit = q.limit ?? STATUS_LIMIT;
    const offset = Math.min(q.offset ?? 0, names.length);
    const { ordered, unread } = offset === 0 && names.length <= limit ? { ordered: names, unread: 0 } : waitingFirst(root, runtimes, names);
    const shown = ordered.slice(offset, offset + limit);
    const next = offset + shown.length;
    const heads = { left: STATUS_HEADS_MAX };
    return {
      root,
      receivers: shown.map((name, i) => receiverStatus(root, runtimes, name, now, heads, shown.length - i)),
      total: names.length,
      offset,
      truncated: next < names.length,
      ...(next < names.length ? { next_offset: next } : {}),
      ...(listed.more ? { unlisted: true as const } : {}),
      ...(unread > 0 ? { unread_receivers: unread } : {}),
    };
  } finally {
    runtimes.close();
  }
}

/** `name` in `d` looked up without listing `d` (lstat), or undefined. */
const lookUp = (d: BusDir, name: string) => lstatSync(d.at(name), { throwIfNoEntry: false });

/**
 * `names` (sorted) with the receivers every bus has first, then those whose inbox holds a message,
 * each part in name order: by name alone, folders a bus writer named to sort early (`a0`, `a1`, …)
 * filled the page, and the runtimes the user runs were left out. Only receiverFoldersMax folders
 * are opened for it, those of the receivers every bus has first: `unread` counts the others,
 * ordered as if nothing waited there.
 */
function waitingFirst(root: string, runtimes: BusDir, names: readonly string[]): { ordered: string[]; unread: number } {
  const opened = everyBusFirst(names).slice(0, receiverFoldersMax());
  const waiting = new Set(opened.filter((name) => inboxCount(root, runtimes, name) > 0));
  return {
    ordered: everyBusFirst([...names.filter((n) => waiting.has(n)), ...names.filter((n) => !waiting.has(n))]),
    unread: names.length - opened.length,
  };
}

function inboxCount(root: string, runtimes: BusDir, name: string): number {
  try {
    return (
      inBusChildDir(root, runtimes, name, (dir) =>
        inBusChildDir(root, dir, 'inbox', (d) => namesUpTo(d, busListMax()).names.filter(isMessageFileName).length),
      ) ?? 0
    );
  } catch (err) {
    if (!isAliveError(err) || err.code !== 'unsafe_bus_folder') throw err;
    return 0; // a linked folder: its row names the problem
  }
}

/**
 * `heads`: the header blocks this call may still read, shared fairly by the `receiversLeft` rows
 * still to come (this one included): a receiver a bus writer named to sort first, its inbox filled,
 * takes its share, and what a row leaves goes to the next.
 */
function receiverStatus(root: string, runtimes: BusDir, name: string, now: number, heads: { left: number }, receiversLeft: number): ReceiverStatus {
  const paths = receiverPaths(root, name);
  const problems: string[] = [];
  // A linked folder is counted as empty and named under problems: status reads nothing through it.
  const guarded = <T>(fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (!isAliveError(err) || err.code !== 'unsafe_bus_folder') throw err;
      // The row is given fenced (text) or under untrusted (MCP): its folder named in place.
      problems.push(busFolderProblemInPlace(err));
      return fallback;
    }
  };
  const status: ReceiverStatus = {
    receiver: displayName(name),
    inbox: 0,
    answers: 0,
    waiting: 0,
    processing: 0,
    stale_claims: 0,
    gone_claims: 0,
    gone_holders: [],
    outbox: 0,
    dead_letter: 0,
    archived: 0,
    config: false,
    daemon: null,
    problems,
  };
  guarded(undefined, () =>
    inBusChildDir(root, runtimes, name, (dir) => {
      // Every listing stops at busListMax names (list-bound.ts): a count past it is among those, said in more_than.
      const max = busListMax();
      const moreThan: NonNullable<ReceiverStatus['more_than']> = {};
      const names = (field: keyof typeof moreThan) => (d: BusDir) => {
        const r = namesUpTo(d, max);
        if (r.more) moreThan[field] = max;
        return r.names;
      };
      const listed = direntsUpTo(dir, max);
      const entries = new Map<string, Dirent>(listed.entries.map((d) => [d.name, d]));
      // Only folders the listing holds are opened: an absent one counts nothing, without a failed open
      // (each is looked up by name when the listing stopped short).
      const has = (sub: string) => entries.has(sub) || (listed.more && lookUp(dir, sub) !== undefined);
      const inFolder = <T>(sub: string, fallback: T, fn: (d: BusDir) => T): T =>
        has(sub) ? guarded(fallback, () => inBusChildDir(root, dir, sub, fn) ?? fallback) : fallback;
      const claims = claimsFromNames(paths, inFolder('processing', [], names('processing')));
      status.processing = claims.length;
      status.stale_claims = claims.filter((c) => c.deadline <= now).length;
      const gone = claims.flatMap((c) => (c.deadline > now ? (goneClaimOwner(c.owner, undefined, c.path)?.kind ?? []) : []));
      status.gone_claims = gone.length;
      status.gone_holders = [...new Set(gone)].sort();
      status.inbox = inFolder('inbox', 0, (d) => {
        const files = names('inbox')(d).filter(isMessageFileName);
        const read = files.slice(0, Math.floor(heads.left / receiversLeft));
        heads.left -= read.length;
        inboxHeads.set(
          status,
          read.map((f) => headOf(d, f)),
        );
        if (read.length < files.length) status.unclassified = files.length - read.length;
        return files.length;
      });
      status.waiting = status.inbox;
      status.outbox = inFolder('outbox', 0, (d) => names('outbox')(d).filter(isMessageFileName).length);
      status.dead_letter = inFolder('dead-letter', 0, (d) => names('dead_letter')(d).filter((n) => !n.endsWith('.reason.json') && !n.startsWith('.')).length);
      status.archived = inFolder('archive', 0, (d) => countArchive(root, d, problems, names('archived')));
      status.config = has('config.json');
      if (status.config) {
        const refused = configRefused(dir);
        if (refused) problems.push(`config.json ${refused}: send, claim and reply refuse it until it is fixed or removed`);
      }
      status.daemon = has('daemon.json') ? daemonState(dir, name, root) : null;
      if (Object.keys(moreThan).length > 0) status.more_than = moreThan;
    }),
  );
  const unique = [...new Set(problems)];
  status.problems =
    unique.length <= PROBLEMS_SHOWN
      ? unique
      : [
          ...unique.slice(0, PROBLEMS_SHOWN),
          `and ${unique.length - PROBLEMS_SHOWN} more folders of ${status.receiver} that are links or not folders (status counts nothing in them)`,
        ];
  return status;
}

/** The first STATUS_HEAD_BYTES of file `name` of inbox `d` (empty when it cannot be read: no answer). */
function headOf(d: BusDir, name: string): Buffer {
  const r = readBusFileIn(d, name, { headBytes: STATUS_HEAD_BYTES });
  return r.ok ? r.bytes : Buffer.alloc(0);
}

/**
 * The heads busStatus read of each row's inbox files, for inbox-answers.ts countAnswers to tell
 * the answers among them: the header reader is not part of the entry bundle `dispatch status`
 * starts from.
 */
const inboxHeads = new WeakMap<ReceiverStatus, Buffer[]>();

/** The first bytes busStatus read of row `r`'s inbox files (empty for one it could not read). */
export function inboxHeadsOf(r: ReceiverStatus): Buffer[] {
  return inboxHeads.get(r) ?? [];
}

function countArchive(root: string, archive: BusDir, problems: string[], namesIn: (d: BusDir) => string[]): number {
  let n = 0;
  // Only day folders: any other name is a bus writer's text, and problems reach agents unfenced.
  for (const day of namesIn(archive).filter(isArchiveDayName)) {
    try {
      const names = inBusChildDir(root, archive, day, namesIn) ?? [];
      n += names.filter(isMessageFileName).length + names.filter((f) => /^msg-.+\.hw\.\d+$/.test(f)).length;
    } catch (err) {
      if (!isAliveError(err) || err.code !== 'unsafe_bus_folder') throw err;
      problems.push(busFolderProblemInPlace(err));
    }
  }
  return n;
}

/**
 * Why the receiver's config.json is one send, claim and reply refuse (config.ts loadReceiverConfig),
 * as far as a read tells: not a regular file, unreadable, too large, or not JSON; undefined when it
 * reads as JSON (its keys and values are checked where it is used, by the schema, loaded then).
 */
function configRefused(receiverDir: BusDir): string | undefined {
  const r = readBusFileIn(receiverDir, 'config.json', { maxBytes: 1024 * 1024 });
  if (!r.ok)
    return r.problem === 'missing'
      ? undefined
      : r.problem === 'not_a_file'
        ? 'is not a regular file'
        : r.problem === 'too_large'
          ? 'is larger than 1 MiB'
          : 'cannot be read';
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.bytes.toString('utf8'));
  } catch {
    return 'is not valid JSON';
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'is not a JSON object';
}

function daemonState(receiverDir: BusDir, receiver: string, root: string): { pid: number; agent: string; alive: boolean } | null {
  try {
    const d = daemonRecord(readBusJsonIn(receiverDir, 'daemon.json'), receiver, root);
    return d && { ...d, agent: inlineText(d.agent, 200) };
  } catch {
    return null;
  }
}
