/**
 * Consuming a receiver's inbox: claim by rename into processing/ (exactly one consumer wins),
 * lease deadlines in the claimed file's name, stale claims returned to the inbox, dead-letter with
 * a reason for whatever cannot be read, archive of handled messages.
 */
import { hostTag } from '../proc/host-tag.ts';
import {
  forgetEndedHere,
  forgetHeldHere,
  type HolderAlive,
  holderAlive,
  holderProcessAlive,
  isByHandOwner,
  noteHeldHere,
  parseProcessOwner,
  type ProcessHolder,
} from './claim-owner.ts';
import { closeSync, fstatSync, readSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { loadReceiverConfig, MAX_DURATION_SECONDS, senderAllowed, type ReceiverConfig } from './config.ts';
import {
  ensureDir,
  freeName,
  hardLinkProblem,
  inBusDirPair,
  isBusFolderFault,
  linkIn,
  listBusDirBatch,
  listBusDirUpTo,
  listBusDirentsUpTo,
  listBusRawDirents,
  renameRawIfPresent,
  type RawBusEntry,
  lstatBus,
  lstatIn,
  MESSAGE_READ_LIMIT,
  busFolderProblemInPlace,
  openBusFileForReading,
  publish,
  readBusFile,
  renameIfPresent,
  renameIn,
  safeUnlinkBus,
  unlinkIn,
  writeBusFileAtomic,
  writeBusJsonAtomic,
  writeDurable,
} from './fsutil.ts';
import { idFromFileName, idTimeMs, isValidMessageId, messageFileName, newMessageId, validIdFromFileName } from './ids.ts';
import { archiveDayDir, isMessageFileName, LAST_DAY_END_MS, receiverPaths, type ReceiverPaths } from './layout.ts';
import { busListMax, listWithin, type ListBudget } from './list-bound.ts';
import { decodeUtf8, formatMessage, parseMessage, type ParsedMessage } from './message.ts';
import { displayName, isValidName, normaliseName } from './names.ts';
import { shownSender } from './envelope.ts';
import { inlineText } from '../text/untrusted.ts';
import { processAlive } from '../proc/alive.ts';

/** A lease that runs out this many times sends the message to dead-letter instead of retrying. */
const MAX_LEASE_EXPIRIES = 3;

export interface BusInboxEntry {
  /** File name in inbox/ (msg-<id>.hw). */
  name: string;
  /** The id in the name as written: only shown or used when `validId` is true. */
  id: string;
  /** The id has the strict shape (ids.ts); other names are dead-lettered unread. */
  validId: boolean;
  path: string;
  /** Creation time of a UUIDv7 id, else the file's mtime. */
  sortKey: number;
  /** False for directories, symlinks, FIFOs... named like messages (poison). */
  regular: boolean;
  /** The name's bytes when they are not UTF-8: `name` is then escaped (`\xe9`) and `path` names no file. */
  raw?: Buffer;
}

/** Entries named like messages at the top of inbox/, oldest first. Reads no file. Every name is listed (a daemon's loop: listInboxUpTo on a request path). */
export function listInbox(paths: ReceiverPaths): BusInboxEntry[] {
  return listInboxUpTo(paths, Number.POSITIVE_INFINITY).entries;
}

/** An inbox as a request lists it: among the first `max` names (list-bound.ts); `unlisted`: the folder holds more. */
export interface BusInboxListing {
  entries: BusInboxEntry[];
  unlisted: boolean;
}

/** listInbox among the first `max` names of inbox/ (listBusDirentsUpTo), and whether it holds more. */
export function listInboxUpTo(paths: ReceiverPaths, max: number): BusInboxListing {
  const { entries: dirents, more } = listBusDirentsUpTo(paths.root, paths.inbox, max);
  // A name that is not UTF-8 reads with U+FFFD in its place, a name no file has: listed by its bytes.
  const notUtf8 = dirents.some((d) => d.name.includes('\uFFFD')) ? notUtf8Entries(paths, max) : [];
  const entries: BusInboxEntry[] = [...notUtf8];
  for (const d of dirents) {
    if (!isMessageFileName(d.name)) continue;
    if (notUtf8.length > 0 && d.name.includes('\uFFFD') && notUtf8.some((e) => e.raw!.toString() === d.name)) continue;
    const id = idFromFileName(d.name)!;
    const path = join(paths.inbox, d.name);
    let regular = d.isFile();
    let sortKey = idTimeMs(id);
    if (sortKey === undefined || (!regular && !d.isDirectory() && !d.isSymbolicLink())) {
      try {
        // lstat: a link is never followed (its target may be a hung mount, or nothing at all).
        const st = lstatBus(paths.root, path);
        if (!st) continue; // claimed by someone else meanwhile
        sortKey ??= st.mtimeMs;
        regular = st.isFile();
      } catch {
        continue;
      }
    }
    entries.push({ name: d.name, id, validId: isValidMessageId(id), path, sortKey: sortKey ?? 0, regular });
  }
  entries.sort(inboxOrder);
  return { entries, unlisted: more };
}

/** The inbox's order: oldest first (sortKey), then by file name. */
function inboxOrder(a: Pick<BusInboxEntry, 'sortKey' | 'name'>, b: Pick<BusInboxEntry, 'sortKey' | 'name'>): number {
  return a.sortKey - b.sortKey || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * The entries after message `id` in the inbox's order (a page's cursor, the MCP inbox's `after`):
 * while it waits, those after it; once it has left the inbox (claimed), those after where it stood,
 * which a UUIDv7 id's time tells. An id without a time of its own that has left places nothing:
 * every entry (a message shown again, never one passed over).
 */
export function inboxEntriesAfter(entries: readonly BusInboxEntry[], id: string): BusInboxEntry[] {
  const at = entries.findIndex((e) => e.validId && e.id === id);
  if (at >= 0) return entries.slice(at + 1);
  const sortKey = idTimeMs(id);
  if (sortKey === undefined) return [...entries];
  const name = messageFileName(id);
  return entries.filter((e) => inboxOrder(e, { sortKey, name }) > 0);
}

/** The inbox entries named like messages whose names are not UTF-8 (among the first `max`): never a valid id, dead-lettered as bad_id. */
function notUtf8Entries(paths: ReceiverPaths, max: number): BusInboxEntry[] {
  const out: BusInboxEntry[] = [];
  for (const d of listBusRawDirents(paths.root, paths.inbox, max)) {
    if (decodeUtf8(d.name) !== undefined) continue;
    const name = escapedBytes(d.name);
    if (!isMessageFileName(name)) continue;
    // The name has no time of its own: first, as the oldest, so that it does not wait behind others.
    out.push({ name, id: idFromFileName(name)!, validId: false, path: join(paths.inbox, name), sortKey: 0, regular: d.isFile(), raw: d.name });
  }
  return out;
}

/** A file name's bytes as text: ASCII as it is, every other byte as `\xNN` (a name that is not UTF-8 has no truer form). */
export function escapedBytes(raw: Buffer): string {
  let out = '';
  for (const b of raw) out += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

export interface Claim {
  root: string;
  /** Receiver folder name. */
  receiver: string;
  paths: ReceiverPaths;
  id: string;
  /** Original file name (msg-<id>.hw). */
  fileName: string;
  /** Where the claimed file is now (processing/...). */
  path: string;
  deadline: number;
  owner: string;
  message: ParsedMessage;
  /** Sender folder name, when the From header holds a valid name. */
  sender: string | undefined;
  bytes: number;
}

export interface ClaimOptions {
  /** Short tag of the claimer ([a-z0-9]), recorded in the processing file name. */
  owner: string;
  leaseMs: number;
  now?: () => number;
  /** Called for each file sent to dead-letter while looking for a message. */
  onDeadLetter?: (entry: DeadLetterRecord) => void;
  /** Entries to try (from an earlier listInbox); re-listed when absent. */
  entries?: BusInboxEntry[];
  /** Names not to try before a time (young empty files, see config.emptyFileGraceMs). */
  skipUntil?: Map<string, number>;
  /**
   * Daemons: an entry that cannot be handled is reported here and not tried again for a minute
   * (the others are still served). Without it, the failure is thrown.
   */
  onProblem?: EntryProblem;
  /** The receiver's config as the caller read it (serve keeps the last good one); read here when absent. */
  config?: ReceiverConfig;
  /** Where config.maxBytes comes from, said in a too_large reason ("max_bytes of …/config.json"). */
  maxBytesSource?: string;
}

export interface DeadLetterRecord {
  receiver: string;
  fileName: string;
  path: string;
  reason: string;
  code: string;
}

const CLAIM_NAME = /^(msg-.+\.hw)\.claim-(\d+)-([a-z0-9]+)$/s;

/** The owner tag of a claim this process holds: `p` (a daemon) or `s` (a sweeper), its pid and hostTag(). */
export function processOwner(kind: 'p' | 's'): string {
  return `${kind}${process.pid}h${hostTag()}`;
}

export function claimFileName(fileName: string, deadline: number, owner: string): string {
  return `${fileName}.claim-${deadline}-${owner}`;
}

/** The longest lease the bus takes: config.json's claim lease or serve's agent timeout (MAX_DURATION_SECONDS), and a minute. */
const LEASE_MAX_MS = MAX_DURATION_SECONDS * 1000 + 60_000;

/**
 * The deadline of a lease taken or renewed at `now`. Capped at LEASE_MAX_MS (and layout.ts LAST_DAY_END_MS)
 * so that no claim we write has a name parseClaimFileName rejects or takes as run out (planted);
 * config.json and serve bound their durations too, this covers every other caller.
 */
export function leaseDeadline(now: number, leaseMs: number): number {
  return Math.min(Math.floor(now + Math.min(leaseMs, LEASE_MAX_MS)), LAST_DAY_END_MS);
}

/** How far ahead of this clock a claim's deadline can be when the bus wrote it: LEASE_MAX_MS, and two days for the clocks of machines sharing the bus. */
const LEASE_AHEAD_MAX_MS = LEASE_MAX_MS + 2 * 24 * 3600_000;

/**
 * The parts of a claim file name, or undefined when it is not one of ours (malformed). A deadline
 * further ahead than LEASE_AHEAD_MAX_MS was planted (a request renamed into processing/ under the
 * pid of a live dispatch process, an MCP server's, was held until the year its name gave): it has
 * run out (deadline 0, and `leaseUnreadable`, for whoever shows it), and the next sweep returns the
 * request to the inbox.
 */
export function parseClaimFileName(name: string): { fileName: string; deadline: number; owner: string; leaseUnreadable?: true } | undefined {
  const m = CLAIM_NAME.exec(name);
  if (!m) return undefined;
  const deadline = Number(m[2]);
  // A later "deadline" was planted by a bus writer (no lease of ours is that long): a claim that ran
  // out, so the request under it is found and a sweep hands it back (one past what a Date holds,
  // skipped as malformed, made the request vanish). Its number is never shown.
  if (!Number.isSafeInteger(deadline) || deadline > Date.now() + LEASE_AHEAD_MAX_MS)
    return { fileName: m[1]!, deadline: 0, owner: m[3]!, leaseUnreadable: true };
  return { fileName: m[1]!, deadline, owner: m[3]! };
}

/** Inbox entries a claim looks at in one turn of the event loop. */
const CLAIM_YIELD_EVERY = 100;

/**
 * Claims the oldest readable message of `receiver`, or returns undefined when there is none.
 * Unreadable files met on the way go to dead-letter with a reason.
 */
export async function claimNext(root: string, receiver: string, opts: ClaimOptions): Promise<Claim | undefined> {
  const name = normaliseName(receiver, 'receiver');
  const paths = receiverPaths(root, name);
  const config = opts.config ?? (await loadReceiverConfig(paths));
  const now = opts.now ?? Date.now;
  const entries = opts.entries ?? listInbox(paths);
  const settle = newSettling();
  let looked = 0;
  try {
    while (entries.length > 0 || settle.pending.length > 0) {
      // The returns waited for are done (or given up): those now with one name are tried again.
      if (entries.length === 0) {
        entries.push(...(await settlePending(root, name, paths, settle, opts)));
        continue;
      }
      // Other work of this process (the MCP server's other tools, a daemon's signals) runs between
      // batches: the entries met before a message can be claimed may be thousands a bus writer planted.
      if (++looked % CLAIM_YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const entry = entries.shift()!;
      const until = opts.skipUntil?.get(entry.name);
      if (until !== undefined) {
        if (until > now()) continue;
        opts.skipUntil!.delete(entry.name);
      }
      const claim = await perEntryAsync(entry.name, opts.onProblem && problemThenSkip(entry.name, opts, now()), () =>
        tryClaim(root, name, paths, config, entry, opts, now(), settle),
      );
      if (claim) {
        // Those that settle stay in the inbox, one name each, for the next claim.
        await settlePending(root, name, paths, settle, opts);
        return claim;
      }
    }
    return undefined;
  } finally {
    putBackPending(root, settle);
  }
}

/** Reports a problem with an inbox entry, then leaves the entry alone for a minute. */
function problemThenSkip(name: string, opts: ClaimOptions, now: number): EntryProblem {
  return (n, err) => {
    opts.skipUntil?.set(name, now + 60_000);
    opts.onProblem!(n, err);
  };
}

/** Claims one specific message by id (from the inbox), or undefined if it is not there. */
export async function claimById(root: string, receiver: string, id: string, opts: ClaimOptions): Promise<Claim | undefined> {
  const name = normaliseName(receiver, 'receiver');
  const paths = receiverPaths(root, name);
  const config = await loadReceiverConfig(paths);
  const fileName = messageFileName(id);
  if (!isValidMessageId(id)) return undefined;
  const path = join(paths.inbox, fileName);
  let regular: boolean;
  try {
    const st = lstatBus(root, path);
    if (!st) return undefined;
    regular = st.isFile();
  } catch (err) {
    if (err instanceof AliveError) throw err; // a linked folder
    return undefined;
  }
  const entry: BusInboxEntry = { name: fileName, id, validId: true, path, sortKey: 0, regular };
  const now = opts.now ?? Date.now;
  const settle = newSettling();
  try {
    const claim = await tryClaim(root, name, paths, config, entry, opts, now(), settle);
    if (claim || settle.pending.length === 0) return claim;
    // A return in progress: tried once more when it has settled to one name.
    const back = await settlePending(root, name, paths, settle, opts);
    return back.length > 0 ? await tryClaim(root, name, paths, config, entry, opts, now(), settle) : undefined;
  } finally {
    putBackPending(root, settle);
  }
}

async function tryClaim(
  root: string,
  receiver: string,
  paths: ReceiverPaths,
  config: ReceiverConfig,
  entry: BusInboxEntry,
  opts: ClaimOptions,
  now: number,
  settle: Settling,
): Promise<Claim | undefined> {
  const report = (r: DeadLetterRecord | undefined) => {
    if (r) opts.onDeadLetter?.(r);
  };
  if (!entry.validId) {
    report(
      deadLetter(
        paths,
        receiver,
        entry.raw ? { dir: paths.inbox, raw: entry.raw } : entry.path,
        entry.name,
        "its file name is not a valid message id (msg-<letters, digits, '_' or '-'>.hw); it was renamed",
        'bad_id',
      ),
    );
    return undefined;
  }
  if (!entry.regular) {
    report(deadLetter(paths, receiver, entry.path, entry.name, 'not a regular file (a folder, link or device named like a message)', 'not_a_file'));
    return undefined;
  }
  // Past the budget for files with a second name, one seen to have one is left as it is (a stat, no rename).
  if (settlingSpent(settle) && (lstatBus(root, entry.path)?.nlink ?? 1) !== 1) {
    deferEntry(entry, opts, now);
    return undefined;
  }
  const deadline = leaseDeadline(now, opts.leaseMs);
  const claimed = join(paths.processing, claimFileName(entry.name, deadline, opts.owner));
  if (!renameIfPresent(root, entry.path, claimed)) return undefined; // another consumer won
  noteHeldHere(claimed);

  let fd: number;
  try {
    const opened = openBusFileForReading(root, claimed);
    if (opened === undefined) {
      forgetHeldHere(claimed);
      return undefined; // taken away meanwhile
    }
    fd = opened;
  } catch (err) {
    if (err instanceof AliveError) throw err; // processing/ became a link
    report(deadLetter(paths, receiver, claimed, entry.name, `cannot be opened: ${errnoCode(err) ?? messageOf(err)}`, 'unreadable'));
    return undefined;
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      report(deadLetter(paths, receiver, claimed, entry.name, 'not a regular file', 'not_a_file'));
      return undefined;
    }
    const names = st.nlink === 1 ? 'one' : secondName(root, paths, entry.name, fd, settle);
    if (names === 'planted') {
      const { nlink } = fstatSync(fd);
      closeSync(fd);
      report(deadLetter(paths, receiver, claimed, entry.name, hardLinkProblem(nlink), 'hard_link'));
      return undefined;
    }
    if (names === 'defer') {
      closeSync(fd);
      renameIfPresent(root, claimed, entry.path);
      forgetHeldHere(claimed);
      deferEntry(entry, opts, now);
      return undefined;
    }
    if (names !== 'one') {
      // Waited for with the others met in this call (settlePending), not here: fd stays open till then.
      settle.pending.push({ entry, claimed, fd, sweeper: names.sweeper, since: Date.now() });
      return undefined;
    }
    if (st.size === 0) {
      closeSync(fd);
      // Young: made within the grace period, by this clock or one up to that much ahead. A file
      // dated further in the future is not waited for: it would be skipped until that date.
      if (Math.abs(now - st.mtimeMs) < config.emptyFileGraceMs) {
        // Maybe a foreign writer that creates the file first and fills it after: give it time.
        if (renameIfPresent(root, claimed, entry.path)) opts.skipUntil?.set(entry.name, Math.min(st.mtimeMs, now) + config.emptyFileGraceMs);
        forgetHeldHere(claimed);
        return undefined;
      }
      report(deadLetter(paths, receiver, claimed, entry.name, 'the file is empty', 'empty'));
      return undefined;
    }
    if (st.size > config.maxBytes) {
      closeSync(fd);
      const source = opts.maxBytesSource === undefined ? '' : `; ${opts.maxBytesSource}`;
      report(deadLetter(paths, receiver, claimed, entry.name, `larger than the limit of ${config.maxBytes} bytes (${st.size} bytes${source})`, 'too_large'));
      return undefined;
    }
    bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, bytes, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    bytes = bytes.subarray(0, off);
    closeSync(fd);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    report(deadLetter(paths, receiver, claimed, entry.name, `cannot be read: ${messageOf(err)}`, 'unreadable'));
    return undefined;
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    report(deadLetter(paths, receiver, claimed, entry.name, 'not valid UTF-8 text', 'not_utf8'));
    return undefined;
  }
  const message = parseMessage(text);
  const sender = message.from !== undefined && isValidName(message.from) ? normaliseName(message.from, 'sender') : undefined;
  if (!senderAllowed(config, sender)) {
    report(
      deadLetter(
        paths,
        receiver,
        claimed,
        entry.name,
        // Our sentence (the serve log prints it unfenced): the From header only in its strict shape.
        `sender ${shownSender(message.from)} is not in allow_from of ${paths.config}`,
        'sender_not_allowed',
      ),
    );
    return undefined;
  }
  return { root, receiver, paths, id: entry.id, fileName: entry.name, path: claimed, deadline, owner: opts.owner, message, sender, bytes: bytes.length };
}

/**
 * Time one claim call (claimNext, claimById) spends at most listing processing/ for files that have
 * a second name, and how many of them it waits for at once. Any bus writer can plant hard links,
 * each with a claim name beside it; past either bound, a file with two names is deferred: left in
 * the inbox as it is, for a later claim (a daemon's next turn), never dead-lettered for it.
 */
const SETTLE_BUDGET_MS = 200;
const PENDING_MAX = 64;
/** The longest wait for one return to finish (its link and unlink are a moment apart). */
const SETTLE_WAIT_MS = 100;
/** How long a daemon leaves a deferred entry before it looks again (claimNext's skipUntil). */
const DEFER_MS = 1_000;

/** A claimed file with a second name that a live sweeper's claim shares: a return to the inbox in progress. */
interface PendingReturn {
  entry: BusInboxEntry;
  /** Our claim name of it in processing/. */
  claimed: string;
  fd: number;
  /** The owner tag of the sweeper's claim name. */
  sweeper: string;
  since: number;
}

/** What one claim call spent on files with a second name, and the returns it waits for. */
interface Settling {
  spentMs: number;
  pending: PendingReturn[];
  /** Names put back once after their return settled: not a second time (a writer re-linking them). */
  retried: Set<string>;
}

function newSettling(): Settling {
  return { spentMs: 0, pending: [], retried: new Set() };
}

function settlingSpent(s: Settling): boolean {
  return s.spentMs >= SETTLE_BUDGET_MS || s.pending.length >= PENDING_MAX;
}

/** Leaves an inbox entry for a later claim: a daemon (skipUntil) does not look at it for DEFER_MS. */
function deferEntry(entry: BusInboxEntry, opts: ClaimOptions, now: number): void {
  opts.skipUntil?.set(entry.name, now + DEFER_MS);
}

/**
 * What the second name of open file `fd` (a claimed message with more than one name) is: a stale
 * claim being returned to the inbox has two (processing/ and inbox/) between returnToInbox's link
 * and unlink, and a claim made in between sees both. `one`: none any more. A sweeper's claim name
 * (owner `s…`) of that very file in processing/: a return in progress (`returning`, waited for by
 * settlePending), or one cut short by a sweeper that died, finished here as reclaimDeadOwners
 * finishes it. No such name: a planted hard link (`planted`, dead-lettered at once). Past the
 * budget (settlingSpent), or when a finished return still leaves a second name: `defer`.
 */
function secondName(root: string, paths: ReceiverPaths, fileName: string, fd: number, settle: Settling): 'one' | 'planted' | 'defer' | { sweeper: string } {
  if (settlingSpent(settle)) return fstatSync(fd).nlink === 1 ? 'one' : 'defer';
  const started = Date.now();
  try {
    // Listed before the second look: a return that ends meanwhile leaves the file one name.
    const sweeper = sweeperClaim(root, paths, fileName, fstatSync(fd));
    if (fstatSync(fd).nlink === 1) return 'one';
    // Not among the names listed of a processing/ past the bound: maybe among the rest, never taken as planted.
    if (sweeper === 'unlisted') return 'defer';
    if (sweeper === undefined) return 'planted';
    if (goneClaimOwner(sweeper.owner) === undefined) return { sweeper: sweeper.owner };
    safeUnlinkBus(root, sweeper.path);
    return fstatSync(fd).nlink === 1 ? 'one' : 'defer';
  } finally {
    settle.spentMs += Date.now() - started;
  }
}

/**
 * Waits for the returns in progress met by a claim call (asynchronously: the MCP server's other
 * tools, a daemon's other lanes go on), each at most SETTLE_WAIT_MS from when it was met, all at
 * once. One that settles to one name goes back to the inbox and is returned, to be tried again;
 * one whose sweeper died meanwhile is deferred; one still with two names past its wait is a
 * planted return that never finishes: dead-lettered as hard_link ('dispatch retry' puts it back).
 */
async function settlePending(root: string, receiver: string, paths: ReceiverPaths, settle: Settling, opts: ClaimOptions): Promise<BusInboxEntry[]> {
  const back: BusInboxEntry[] = [];
  while (settle.pending.length > 0) {
    const now = Date.now();
    for (const p of [...settle.pending]) {
      const { nlink } = fstatSync(p.fd);
      if (nlink !== 1 && now < p.since + SETTLE_WAIT_MS) continue;
      settle.pending.splice(settle.pending.indexOf(p), 1);
      closeSync(p.fd);
      perEntry(p.entry.name, opts.onProblem, () => {
        if (nlink === 1 || goneClaimOwner(p.sweeper) !== undefined) {
          const returned = renameIfPresent(root, p.claimed, p.entry.path);
          forgetHeldHere(p.claimed);
          if (returned && nlink === 1 && !settle.retried.has(p.entry.name)) {
            settle.retried.add(p.entry.name);
            back.push(p.entry);
          } else deferEntry(p.entry, opts, now);
        } else {
          const r = deadLetter(paths, receiver, p.claimed, p.entry.name, hardLinkProblem(nlink), 'hard_link');
          if (r) opts.onDeadLetter?.(r);
        }
      });
    }
    if (settle.pending.length > 0) await delay(5);
  }
  return back;
}

/** A claim call that failed midway: the files it was waiting for go back to the inbox as they are. */
function putBackPending(root: string, settle: Settling): void {
  for (const p of settle.pending.splice(0)) {
    closeSync(p.fd);
    try {
      renameIfPresent(root, p.claimed, p.entry.path);
      forgetHeldHere(p.claimed);
    } catch {
      // the failure being thrown says what went wrong; the claim's lease returns it
    }
  }
}

/**
 * The claim name (owner `s…`) of a sweeper returning the file `st` to the inbox as `fileName`
 * right now: a name of that file in processing/, among its first busListMax names (list-bound.ts:
 * 1,000,000 empty files planted there took each look 0.6 s); `unlisted` when not among them and
 * processing/ holds more.
 */
function sweeperClaim(root: string, paths: ReceiverPaths, fileName: string, st: Stats): { owner: string; path: string } | 'unlisted' | undefined {
  const listed = listBusDirUpTo(root, paths.processing, busListMax());
  for (const n of listed.names) {
    const c = parseClaimFileName(n);
    if (c === undefined || c.fileName !== fileName || !c.owner.startsWith('s')) continue;
    const path = join(paths.processing, n);
    if (sameFile(lstatBus(root, path), st)) return { owner: c.owner, path };
  }
  return listed.more ? 'unlisted' : undefined;
}

/**
 * Extends a claim's lease (and gives it to `owner`: a claim by hand taken over); false when the
 * claim was lost (returned to the inbox by a sweep, taken over meanwhile).
 */
export function renewClaim(claim: Claim, leaseMs: number, now = Date.now(), owner = claim.owner): boolean {
  const deadline = leaseDeadline(now, leaseMs);
  const next = join(claim.paths.processing, claimFileName(claim.fileName, deadline, owner));
  if (!renameIfPresent(claim.root, claim.path, next)) {
    forgetHeldHere(claim.path);
    return false;
  }
  noteHeldHere(next, claim.path);
  claim.path = next;
  claim.deadline = deadline;
  claim.owner = owner;
  return true;
}

export class LeaseLostError extends AliveError {
  constructor(id: string) {
    super(`the claim on message ${id} ran out and it went back to the inbox; it will be handled again`, {
      code: 'lease_lost',
    });
  }
}

export interface ResponseToWrite {
  body: string;
  context?: string;
  /** Responder name (default: the claim's receiver). */
  from?: string;
  now?: Date;
  /**
   * Receivers (folder names) whose inbox gets the answer too, under the same id: a HelloWorld HEAD
   * runtime reads answers from its own inbox, not from the responder's outbox.
   */
  alsoIntoInboxOf?: string[];
}

export interface Completion {
  archivedPath: string;
  response?: {
    id: string;
    fileName: string;
    path: string;
    thread: string;
    turn: number;
    copies: string[];
    /** alsoIntoInboxOf receivers whose folder a bus writer made unusable: no copy, the problem. */
    skippedCopies: { to: string; problem: string }[];
  };
}

/**
 * A request's header value as an answer copies it: its unsafe characters escaped, and at most
 * COPIED_HEADER_MAX characters of that, then `…` (an escape is up to eight characters: a long
 * value made an answer too large for its asker to take).
 */
function headerCopy(value: string): string {
  return inlineText(value, COPIED_HEADER_MAX);
}

const COPIED_HEADER_MAX = 1000;

/**
 * Finishes a claim: the request moves to archive/<day>/ (the rename that proves the claim is
 * still ours) and the response, when given, appears in the receiver's outbox. The response is
 * written aside first, so a lost claim leaves no response behind; a response that cannot be
 * stored leaves the request claimed, as it was.
 */
export function completeClaim(claim: Claim, response?: ResponseToWrite): Completion {
  const now = response?.now ?? new Date();
  const copies: { to: string; tmp: string; inbox: string }[] = [];
  let tmp: string | undefined;
  let resp: Completion['response'];
  if (response) {
    const id = newMessageId();
    const thread = claim.message.thread !== undefined && claim.message.thread !== '' ? claim.message.thread : claim.id;
    const turn = (claim.message.turn ?? 1) + 1;
    // The request's Thread, and its From when no valid name, are any writer's text: the answer we
    // write copies them with every character that may not be shown raw (control, bidi, line and
    // paragraph separators) as a visible escape. The thread as asked still keys the turn ledger.
    const to = claim.message.from !== undefined && claim.message.from !== '' ? [claim.sender ? displayName(claim.sender) : headerCopy(claim.message.from)] : [];
    const from = displayName(response.from ?? claim.receiver);
    const answer = (body: string) =>
      formatMessage({
        kind: 'response',
        from,
        to,
        thread: headerCopy(thread),
        timestamp: now,
        turn,
        inReplyTo: claim.id,
        body,
        ...(response.context !== undefined ? { context: response.context } : {}),
      });
    const text = answer(response.body);
    // A HEAD runtime's reader takes every '#' line before the body's first other line for a header
    // (helloworld-bus.md 2.2): an answer starting '# From: @x' would read as @x's. Its copy starts
    // with a line of ours.
    const firstLine = response.body.split('\n').find((l) => l.trim() !== '') ?? '';
    const copyText = firstLine.trimStart().startsWith('#') ? answer(`${from} answers:\n${response.body}`) : text;
    const fileName = messageFileName(id);
    tmp = join(claim.paths.tmp, `${fileName}.${process.pid}.partial`);
    writeDurable(claim.root, tmp, text);
    resp = { id, fileName, path: join(claim.paths.outbox, fileName), thread, turn, copies: [], skippedCopies: [] };
    for (const other of response.alsoIntoInboxOf ?? []) {
      const otherPaths = receiverPaths(claim.root, other);
      const copyTmp = join(otherPaths.tmp, `${fileName}.${process.pid}.partial`);
      // Another receiver's folders are any bus writer's to break: the copy is skipped, never the
      // answer (failing here would leave the request claimed until its lease ends).
      try {
        writeDurable(claim.root, copyTmp, copyText);
        ensureDir(claim.root, otherPaths.inbox);
      } catch (err) {
        if (!isBusFolderFault(err)) throw err;
        safeUnlinkBus(claim.root, copyTmp);
        resp.skippedCopies.push({ to: other, problem: busFolderProblemInPlace(err) });
        continue;
      }
      copies.push({ to: other, tmp: copyTmp, inbox: otherPaths.inbox });
    }
  }
  const dayDir = archiveDayDir(claim.paths, now);
  const dropResponses = () => {
    if (tmp) safeUnlinkBus(claim.root, tmp);
    for (const c of copies) safeUnlinkBus(claim.root, c.tmp);
  };
  let archivedPath: string;
  try {
    ensureDir(claim.root, dayDir);
    // The folders the answer goes to are checked now, before the request leaves processing/.
    if (tmp) ensureDir(claim.root, claim.paths.outbox);
    for (const c of copies) ensureDir(claim.root, c.inbox);
    archivedPath = join(dayDir, freeName(claim.root, dayDir, claim.fileName));
    if (!renameIfPresent(claim.root, claim.path, archivedPath)) {
      forgetHeldHere(claim.path);
      throw new LeaseLostError(claim.id);
    }
  } catch (err) {
    dropResponses();
    throw err;
  }
  // The response file itself was fsynced before the rename; the outbox folder is not synced per
  // answer (it halves the cost of an answer). After a power cut an answer can be missing, never
  // partial, and its request is in the archive to be re-sent.
  if (tmp && resp) {
    try {
      publish(claim.root, tmp, claim.paths.outbox, resp.fileName, false);
    } catch (err) {
      // Back to processing/, still claimed: archived without its answer, a paid answer would be lost
      // for good; claimed, the caller can store it again.
      for (const c of copies) safeUnlinkBus(claim.root, c.tmp);
      try {
        renameIfPresent(claim.root, archivedPath, claim.path);
      } catch {
        // the error below says what failed first
      }
      throw err;
    }
    // The answer is stored (the request archived, the response in the outbox): from here a copy that
    // fails, for whatever reason, is skipped and said; thrown, the caller would take the answer for lost.
    for (const c of copies) {
      try {
        resp.copies.push(publish(claim.root, c.tmp, c.inbox, resp.fileName));
      } catch (err) {
        safeUnlinkBus(claim.root, c.tmp);
        resp.skippedCopies.push({ to: c.to, problem: busFolderProblemInPlace(err) });
      }
    }
  }
  forgetHeldHere(claim.path);
  return resp ? { archivedPath, response: resp } : { archivedPath };
}

/** Sends a claimed message to dead-letter with a reason (agent failure, turn budget...). */
export function deadLetterClaim(claim: Claim, reason: string, code: string, extra: Record<string, unknown> = {}): DeadLetterRecord {
  const rec = deadLetter(claim.paths, claim.receiver, claim.path, claim.fileName, reason, code, extra);
  if (!rec) throw new LeaseLostError(claim.id);
  return rec;
}

/**
 * Moves `src` into dead-letter/ (never overwriting) with `<name>.reason.json` beside it. Returns
 * undefined when `src` was already gone.
 */
export function deadLetter(
  paths: ReceiverPaths,
  receiver: string,
  src: string | RawBusEntry,
  fileName: string,
  reason: string,
  code: string,
  extra: Record<string, unknown> = {},
): DeadLetterRecord | undefined {
  ensureDir(paths.root, paths.deadLetter);
  // The dead letter keeps its id when that id has the strict shape and is free there; otherwise it
  // gets a fresh id (the original name is recorded, escaped), so that every dead letter can be
  // named, shown and retried by an id.
  const originalId = validIdFromFileName(fileName);
  // Both names must be free: something planted under the reason file's name would fail its write
  // after the message had moved.
  const taken = (n: string) => lstatBus(paths.root, join(paths.deadLetter, n)) !== undefined;
  const free = originalId !== undefined && !taken(fileName) && !taken(`${fileName}.reason.json`);
  const name = free ? fileName : messageFileName(newMessageId());
  const dest = join(paths.deadLetter, name);
  const moved = typeof src === 'string' ? renameIfPresent(paths.root, src, dest) : renameRawIfPresent(paths.root, src, dest);
  if (typeof src === 'string') forgetHeldHere(src);
  if (!moved) return undefined;
  writeBusJsonAtomic(paths.root, join(paths.deadLetter, `${name}.reason.json`), {
    file: name,
    receiver: displayName(receiver),
    reason,
    code,
    at: new Date().toISOString(),
    ...(free ? {} : originalId !== undefined ? { original_id: originalId } : { original_name: inlineText(fileName, 160) }),
    ...extra,
  });
  return { receiver, fileName: name, path: dest, reason, code };
}

/**
 * Returns claims whose lease ran out to the inbox; a message whose lease ran out too often goes
 * to dead-letter instead. Returns how many were returned.
 *
 * Each call looks at the next busListMax names of processing/ (listBusDirBatch, list-bound.ts):
 * every claim calls it, and 1,000,000 empty files planted there took each 0.6 s. The sweep goes on
 * in batches across calls rather than always looking at the first names: a flood listed first
 * would hide a stale claim behind it forever. In a daemon (which sweeps every 5 s) or the MCP
 * server every claim present throughout is met within ceil(names / busListMax) sweeps; a `dispatch
 * claim` (one call per process) sweeps on for up to LONE_SWEEP_BATCHES batches (sweepStaleBatch),
 * and says so when processing/ holds more.
 */
export function sweepStaleClaims(paths: ReceiverPaths, receiver: string, now = Date.now(), onProblem?: EntryProblem): number {
  return sweepStaleBatch(paths, receiver, now, onProblem).returned;
}

/**
 * The batches of processing/ a lone `dispatch claim` sweeps at most: a user running it expects the
 * stale claims to come back, and its process ends after one call. 10 × busListMax names, about
 * 0.6 s of listing for 1,000,000; past them the claim says the sweep was partial.
 */
export const LONE_SWEEP_BATCHES = 10;

/**
 * Expired claims one sweep of a batch hands back (or dead-letters) at most, and claims of gone
 * holders one take-back returns: each is a few synchronous file operations (1.75 ms here), and
 * 100,000 planted ones held the MCP server's claim tool, and its event loop, about 150 s (a review
 * of 2026-12-07). The rest wait for the next sweep.
 */
export const SWEEP_RETURNS_MAX = 500;

/**
 * Expired claims one sweep tries at most, moved or not: one it cannot move (another user's file in
 * a shared processing/ with the sticky bit, an immutable one) does not count against
 * SWEEP_RETURNS_MAX, which 500 of them ahead of a real claim filled at every lone claim (a third
 * review of 2026-12-07), but each costs a few file operations all the same.
 */
const SWEEP_TRIES_MAX = 10 * SWEEP_RETURNS_MAX;

/**
 * Where a sweep that stopped at SWEEP_RETURNS_MAX goes on in this process (the name it did not
 * handle, by processing/ folder): a batch is listed in the same order each time, and claims that
 * fail each time (a name too long for the expiry count, a file no rename moves) ahead of a real one
 * would keep it there.
 */
const sweepResumes = new Map<string, string>();

/**
 * sweepStaleClaims, `end`: its batch reached the end of the listing (the next starts from the
 * first name again), and `stopped`: it moved SWEEP_RETURNS_MAX (or tried SWEEP_TRIES_MAX) and left
 * the batch's rest. A name with no file of that name (bytes that are not UTF-8 read back otherwise;
 * moved meanwhile) costs nothing. Without a point to go on from, a batch larger than the bound
 * starts at a name drawn at random: a new process (a lone claim) meets other claims first each time.
 */
export function sweepStaleBatch(
  paths: ReceiverPaths,
  receiver: string,
  now = Date.now(),
  onProblem?: EntryProblem,
  onDeadLetter?: (record: DeadLetterRecord) => void,
): { returned: number; end: boolean; stopped: boolean } {
  const listed = listBusDirBatch(paths.root, paths.processing, busListMax());
  const { end } = listed;
  const resume = sweepResumes.get(paths.processing);
  sweepResumes.delete(paths.processing);
  const found = resume === undefined ? -1 : listed.names.indexOf(resume);
  const big = listed.names.length > SWEEP_RETURNS_MAX;
  const at = found >= 0 ? found : big ? Math.floor(Math.random() * listed.names.length) : 0;
  const names = at > 0 ? [...listed.names.slice(at), ...listed.names.slice(0, at)] : listed.names;
  let returned = 0;
  let moved = 0;
  let tried = 0;
  for (const n of names) {
    const parsed = parseClaimFileName(n);
    if (!parsed || parsed.deadline > now) continue;
    const src = join(paths.processing, n);
    if (lstatBus(paths.root, src) === undefined) continue;
    if (moved === SWEEP_RETURNS_MAX || tried++ === SWEEP_TRIES_MAX) {
      sweepResumes.set(paths.processing, n);
      return { returned, end, stopped: true };
    }
    const id = idFromFileName(parsed.fileName)!.replace(/[^A-Za-z0-9_-]/g, '_');
    const done = perEntry(n, onProblem, () => {
      const expiries = bumpExpiries(paths, id);
      if (expiries === undefined) {
        const reason = `its lease ran out, and its expiry count cannot be kept (${join(paths.attempts, id)} is not a regular file)`;
        deadLetter(paths, receiver, src, parsed.fileName, reason, 'lease_expired');
      } else if (expiries >= MAX_LEASE_EXPIRIES) {
        deadLetter(paths, receiver, src, parsed.fileName, `its lease ran out ${expiries} times without an answer`, 'lease_expired');
      } else if (returnToInbox(paths, receiver, src, parsed.fileName, now, onDeadLetter)) returned++;
      return true;
    });
    if (done) moved++;
  }
  return { returned, end, stopped: false };
}

/** Told of an entry that could not be handled (its name is untrusted: escape it to show it). */
export type EntryProblem = (name: string, err: unknown) => void;

/**
 * Runs `fn` for one entry of a folder. With `onProblem` (daemons), a failure is reported there
 * and the caller goes on with the next entry; a linked bus folder still stops it (every entry
 * would fail alike). Without, it is thrown.
 */
function perEntry<T>(name: string, onProblem: EntryProblem | undefined, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!onProblem || (err instanceof AliveError && err.code === 'unsafe_bus_folder')) throw err;
    onProblem(name, err);
    return undefined;
  }
}

/** perEntry for an asynchronous `fn`. */
async function perEntryAsync<T>(name: string, onProblem: EntryProblem | undefined, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (!onProblem || (err instanceof AliveError && err.code === 'unsafe_bus_folder')) throw err;
    onProblem(name, err);
    return undefined;
  }
}

/**
 * Puts a claimed file back into the inbox under its own name, never over another file. The file is
 * first taken by a rename inside processing/ (one sweeper wins), then hard-linked into the inbox
 * (fails when the name is taken) and unlinked. When the inbox already holds that name (the same
 * message sent again, or a foreign writer reusing a slug) it goes to dead-letter with a reason:
 * the bus never reads renamed copies such as `msg-X.hw.1`. `src`: a claim file of processing/.
 */
export function returnToInbox(
  paths: ReceiverPaths,
  receiver: string,
  src: string,
  fileName: string,
  now = Date.now(),
  onDeadLetter?: (record: DeadLetterRecord) => void,
): boolean {
  const mineName = claimFileName(fileName, now + 60_000, processOwner('s'));
  const mine = join(paths.processing, mineName);
  // processing/ and the inbox opened and checked once for the four steps (a sweep returns many).
  const outcome = inBusDirPair(paths.root, paths.processing, paths.inbox, (processing, inbox): 'gone' | 'returned' | 'not_a_file' | 'duplicate_id' => {
    if (!renameIn(processing, basename(src), processing, mineName)) return 'gone'; // another sweeper took it
    forgetHeldHere(src);
    noteHeldHere(mine);
    if (lstatIn(processing, mineName)?.isFile() !== true) return 'not_a_file';
    try {
      linkIn(processing, mineName, inbox, fileName);
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
      // A return cut short after its link (the sweeper died): finish it.
      if (!sameFile(lstatIn(processing, mineName), lstatIn(inbox, fileName))) return 'duplicate_id';
    }
    unlinkIn(processing, mineName);
    forgetHeldHere(mine);
    return 'returned';
  });
  let record: DeadLetterRecord | undefined;
  if (outcome === 'not_a_file')
    record = deadLetter(paths, receiver, mine, fileName, 'not a regular file (a folder, link or device named like a claim)', 'not_a_file');
  if (outcome === 'duplicate_id') {
    record = deadLetter(
      paths,
      receiver,
      mine,
      fileName,
      'its claim ran out, but the inbox already holds a message with the same file name; retry it once that one is handled',
      'duplicate_id',
    );
  }
  if (record !== undefined) onDeadLetter?.(record);
  return outcome === 'returned';
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.ino === b.ino && a.dev === b.dev;
}

/**
 * Returns to the inbox, at once, the claims held by daemons, MCP sessions or replies that are gone
 * (killed with kill -9, crashed): their lease would otherwise keep the messages for up to the agent
 * timeout. Claims by hand (`owner` "hand") and by live processes are left alone. Returns how many
 * were returned. Each call looks at the next busListMax names of processing/ (listBusDirBatch, a
 * cursor of its own apart from sweepStaleClaims'), as the stale-claim sweep does: a flood listed
 * first cannot hide a dead owner's claim from serve's sweeps forever.
 */
export function reclaimDeadOwners(paths: ReceiverPaths, receiver: string, isAlive: HolderAlive = holderProcessAlive, onProblem?: EntryProblem): number {
  return returnGoneClaims(paths, receiver, reclaimBatch(paths), isAlive, onProblem).length;
}

/** The claims among the next busListMax names of processing/ that reclaimDeadOwners looks at (its own cursor). */
export function reclaimBatch(paths: ReceiverPaths): HeldClaim[] {
  const { names } = listBusDirBatch(paths.root, paths.processing, busListMax(), `${paths.processing}\0reclaim`);
  forgetEndedHere(paths.processing);
  return claimsFromNames(paths, names);
}

/** A claim returned to the inbox because its holder is gone: the message's id, and who held it. */
export interface TakenBack {
  id: string;
  kind: ProcessHolder['kind'];
  pid: number;
}

/**
 * Returns to the inbox those of `claims` whose holder is gone (goneClaimOwner): each one returned.
 * One that cannot go back (the inbox holds its name again, or it is no regular file) goes to
 * dead-letter, told to `onDeadLetter`.
 */
export function returnGoneClaims(
  paths: ReceiverPaths,
  receiver: string,
  claims: readonly HeldClaim[],
  isAlive: HolderAlive = holderProcessAlive,
  onProblem?: EntryProblem,
  onDeadLetter?: (record: DeadLetterRecord) => void,
): TakenBack[] {
  const out: TakenBack[] = [];
  for (const c of claims) {
    if (out.length === SWEEP_RETURNS_MAX) break;
    const gone = goneClaimOwner(c.owner, isAlive, c.path);
    if (gone === undefined) continue;
    perEntry(c.name, onProblem, () => {
      if (returnToInbox(paths, receiver, c.path, c.fileName, Date.now(), onDeadLetter)) out.push({ id: c.id, ...gone });
    });
  }
  return out;
}

/**
 * The process holding a claim (a daemon, a sweeper, a reply or an MCP session: claim-owner.ts) when
 * it is gone, its pid and kind, else undefined: a claim by hand, by a live process, or by one of
 * another machine or PID namespace (`p<pid>h<host tag>` with another tag: its pid says nothing here,
 * and the claim waits for its lease). Without a tag (written before tags): this machine's. Every
 * such claim is one serve takes back (reclaimDeadOwners), and status and wait name its holder.
 */
export function goneClaimOwner(
  owner: string,
  isAlive: HolderAlive = holderProcessAlive,
  claimPath?: string,
): { pid: number; kind: ProcessHolder['kind'] } | undefined {
  const p = parseProcessOwner(owner);
  // The pid first: the host tag is a hash (node:crypto, 9 ms of `dispatch status` start-up), needed
  // only for a pid that is not alive here. This process holds only the claims it made (holderAlive).
  if (!p || holderAlive(p.pid, claimPath, isAlive, p.kind) || (p.tag !== undefined && p.tag !== hostTag())) return undefined;
  return { pid: p.pid, kind: p.kind };
}

/**
 * How many names of `.tmp/` or `.agents/` one sweep of serve's looks at (cleanOrphanedPartials,
 * daemon.ts endAgentsOfDeadDaemons), reading on from there at the next: each listed its folder
 * whole, and 300,000 names planted there held serve's event loop for most of each sweep.
 */
export const SWEEP_CLEAN_BATCH = 1_000;

/**
 * Removes partial files left in `.tmp/` by writers that died: the writer's pid is in the name;
 * a file is removed only when that process is gone (or the pid is 0 or 1, never a writer's) and
 * the file is older than `minAgeMs`. SWEEP_CLEAN_BATCH names a call, on from the last.
 */
export function cleanOrphanedPartials(paths: ReceiverPaths, now = Date.now(), minAgeMs = 3_600_000): number {
  const { names } = listBusDirBatch(paths.root, paths.tmp, SWEEP_CLEAN_BATCH);
  let removed = 0;
  for (const n of names) {
    const m = /\.(\d+)\.partial$/.exec(n);
    if (!m) continue;
    const path = join(paths.tmp, n);
    const st = lstatBus(paths.root, path);
    const pid = Number(m[1]);
    if (!st || now - st.mtimeMs < minAgeMs || (pid > 1 && processAlive(pid))) continue;
    safeUnlinkBus(paths.root, path);
    removed++;
  }
  return removed;
}

/**
 * The lease expiries of message `id`, this one counted; undefined when no count can be kept there.
 * Counted under the id's first 128 characters: a claim's name may hold an id of any length, and a
 * temporary name beside one of 238 was too long for the file system (every lone claim failed).
 */
function bumpExpiries(paths: ReceiverPaths, id: string): number | undefined {
  const file = join(paths.attempts, id.slice(0, 128).replace(/[^A-Za-z0-9_.-]/g, '_'));
  const read = readBusFile(paths.root, file, { maxBytes: 64 });
  let n = read.ok ? Number(read.bytes.toString('utf8').trim()) || 0 : 0;
  n++;
  try {
    writeBusFileAtomic(paths.root, file, `${n}\n`); // a rename over whatever is there: never opens a planted FIFO
  } catch (err) {
    if (errnoCode(err) === 'EISDIR') return undefined; // a folder stands there
    throw err;
  }
  return n;
}

export interface HeldClaim {
  name: string;
  fileName: string;
  id: string;
  deadline: number;
  /** The deadline its name gives is past any lease the bus takes (parseClaimFileName): `deadline` is 0. */
  leaseUnreadable?: true;
  owner: string;
  path: string;
}

/**
 * How many claims processing/ holds among its first busListMax names, and `more_than` (that bound)
 * when it holds more: the `processing` of inbox (the command and the MCP tool) listed every name.
 */
export function countClaimsUpTo(paths: ReceiverPaths, now = Date.now()): { count: number; gone: number; byHand: HeldClaim[]; more_than?: number } {
  const max = busListMax();
  const { names, more } = listBusDirUpTo(paths.root, paths.processing, max);
  forgetEndedHere(paths.processing);
  const claims = claimsFromNames(paths, names);
  const live = claims.filter((c) => c.deadline > now);
  // Held by a process that is gone, lease not run out (a claim takes it back; status counts them so).
  const gone = live.filter((c) => goneClaimOwner(c.owner, undefined, c.path) !== undefined).length;
  // Held by no process (claim-owner.ts isByHandOwner): a claim of its id takes it over.
  const byHand = live.filter((c) => isByHandOwner(c.owner));
  return { count: claims.length, gone, byHand, ...(more ? { more_than: max } : {}) };
}

/** The claims among the names of processing/ (other names are not the bus's), sorted. */
export function claimsFromNames(paths: ReceiverPaths, names: readonly string[]): HeldClaim[] {
  const out: HeldClaim[] = [];
  for (const n of names) {
    const p = parseClaimFileName(n);
    if (!p) continue;
    const id = validIdFromFileName(p.fileName);
    if (id === undefined) continue;
    out.push({ name: n, ...p, id, path: join(paths.processing, n) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The claims of message `id` among the first busListMax names of processing/ (list-bound.ts), or
 * as many as `budget` has left (a lookup over many receivers: findMessage), and `more` when it
 * holds more (a claim of it may be among the rest): a name is parsed only when it starts with the
 * message's file name, as a claim's does.
 */
export function claimsOfUpTo(paths: ReceiverPaths, id: string, budget?: ListBudget): { claims: HeldClaim[]; more: boolean } {
  const list = (max: number) => listBusDirUpTo(paths.root, paths.processing, max);
  const { names, more } = budget ? listWithin(budget, list, (r) => r.names.length) : list(busListMax());
  forgetEndedHere(paths.processing);
  const start = messageFileName(id);
  return {
    claims: claimsFromNames(
      paths,
      names.filter((n) => n.startsWith(start)),
    ).filter((c) => c.id === id),
    more,
  };
}

/**
 * Re-reads a claim already in processing/ (for `dispatch reply` after `dispatch claim`), among the
 * first busListMax names there (claimsOfUpTo).
 */
export function loadClaim(root: string, receiver: string, id: string): Claim | undefined {
  const paths = receiverPaths(root, receiver);
  const held = claimsOfUpTo(paths, id).claims[0];
  if (!held) return undefined;
  const read = readBusFile(root, held.path, { maxBytes: MESSAGE_READ_LIMIT });
  if (!read.ok) return undefined;
  const text = decodeUtf8(read.bytes);
  if (text === undefined) return undefined;
  const message = parseMessage(text);
  const sender = message.from !== undefined && isValidName(message.from) ? normaliseName(message.from, 'sender') : undefined;
  return {
    root,
    receiver,
    paths,
    id,
    fileName: held.fileName,
    path: held.path,
    deadline: held.deadline,
    owner: held.owner,
    message,
    sender,
    bytes: Buffer.byteLength(text),
  };
}
