/**
 * Looking things up on the bus, for the `show`, `wait`, `thread`, `dead-letter`, `retry` and
 * `claim` commands and for the MCP tools built on them:
 *
 *   findMessage      one message or answer by id, wherever it is, with its state
 *   findAnswer       the answer to a request, if there is one (never moves it)
 *   waitForAnswer    wait for that answer (file-system notifications, polling fallback, timeout,
 *                    AbortSignal); answers match by In-Reply-To, or by Thread for Thread-era daemons
 *   listThread       every message and answer of a thread, oldest first
 *   claimMessage     claim the oldest message of a receiver, or a chosen one by id
 *   listDeadLetters  what was dead-lettered, and why (deadLetterEntries: by name, read one by one)
 *   retryDeadLetter  put a dead letter back into its receiver's inbox
 *
 * Everything taken from a message file (headers, body, context, an agent's output) is in a field
 * named `untrusted`: show it escaped (text/untrusted.ts), fence it before a prompt. Ids, receiver
 * names, locations and states have strict shapes and are safe to show.
 */
import { basename, dirname, join } from 'node:path';
import { busListMax, findUnlistedJson, listBudget, receiversUnreadNote, type ListBudget, type LookupSeen, withFindUnlisted } from './list-bound.ts';
import { readReasonFile } from './reason-file.ts';
import { isByHandOwner, type ProcessHolder } from './claim-owner.ts';
import { AliveError, type ErrorCode } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { threadHeaderProblem, threadKey } from './thread-id.ts';
import { untrustedDetail } from '../text/fence.ts';
import { counted, noun } from '../text/plural.ts';
import {
  claimById,
  claimNext,
  goneClaimOwner,
  claimsOfUpTo,
  completeClaim,
  listInboxUpTo,
  loadClaim,
  parseClaimFileName,
  reclaimBatch,
  renewClaim,
  returnGoneClaims,
  returnToInbox,
  sweepStaleBatch,
  SWEEP_RETURNS_MAX,
  type Claim,
  type TakenBack,
  type DeadLetterRecord,
} from './claims.ts';
import { loadReceiverConfig } from './config.ts';
import {
  busDirExists,
  ensureDir,
  LISTED_PEEK_BYTES,
  listBusDirUpTo,
  lstatBus,
  MESSAGE_READ_LIMIT,
  readBusFile,
  renameIfPresent,
  safeUnlinkBus,
} from './fsutil.ts';
import { idHint, messageIdArg, resolveMessageId, withIdHint, type ResolvedId } from './id-resolve.ts';
import {
  idArgument,
  idInOurWords,
  idTimeMs,
  isValidMessageId,
  isWordlessId,
  messageFileName,
  newMessageId,
  parseMessageIdArg,
  validIdFromFileName,
} from './ids.ts';
import { archiveDays, listBusDirWithin, listedReceivers, messageProbe, type ListedReceiver } from './listed-receivers.ts';
import { isBusTime, isMessageFileName, receiverPaths, runtimesDir, type ReceiverPaths } from './layout.ts';
import { headersOf, isResponse, NOT_UTF8_PROBLEM, parseMessageBytes, type ParsedMessage } from './message.ts';
import { displayName, normaliseName } from './names.ts';
import { orPassedOver } from './passed-over.ts';
import { listReceivers } from './receivers.ts';
import {
  ANSWER_CLOCK_SLACK_MS,
  archivedNames,
  closedWithoutAnswer,
  deadLetterCode,
  firstArchiveDay,
  lastArchiveDay,
  FOREIGN_SETTLE_MS,
  HEAD_BYTES,
  readHeaders,
  requestQueued,
  requestWaiting,
  responseFinder,
  type CollectedResponse,
  type UnreadableAnswer,
  untrustedDeadLetterCode,
  ARCHIVE_CLOCK_SKEW_MS,
} from './responses.ts';
import { waitUntil, type DirWatcherOptions } from './wait.ts';

export { deadLetterCode, listReceivers, messageIdArg };

/** The folder a message file is in. */
export type MessageLocation = 'inbox' | 'processing' | 'outbox' | 'archive' | 'dead-letter';

/**
 * What a location means for a message:
 * - `waiting`: in the inbox, not taken yet;
 * - `claimed`: taken by a daemon or by hand (`claim-expired` once its lease ran out);
 * - `handled`: a request in the archive (answered, or archived without an answer);
 * - `dead-lettered`: see `deadLetter` for the reason;
 * - `answer-waiting`: an answer in the responder's outbox, not collected yet;
 * - `answer-collected`: an answer in the responder's archive.
 */
export type MessageState = 'waiting' | 'claimed' | 'claim-expired' | 'handled' | 'dead-lettered' | 'answer-waiting' | 'answer-collected';

/** Text that came from a message file: never shown raw, never put in a prompt unfenced. */
export interface UntrustedMessageText {
  from: string | null;
  to: string[];
  thread: string | null;
  timestamp: string | null;
  inReplyTo: string | null;
  turn: number | null;
  body: string;
  context: string | null;
}

/**
 * A dead letter's `.reason.json` lies in a folder any bus writer can write, and its reason quotes
 * what a failing agent printed: the reason is untrusted text (fence it), while its code and time
 * are kept only when they have our shape, so that they can be shown in our words.
 */
export interface DeadLetterInfo {
  /** A reason code we write (agent_failed, not_utf8, bad_id, ...: responses.ts deadLetterCode), else `unknown`. */
  code: string;
  /** The reason file's code when it is not one we write (a bus writer's word, cut): show it under an `untrusted` key. */
  untrustedCode: string | null;
  /** Untrusted, escaped to one line: show it fenced (reasonLines) or under an `untrusted` key. */
  reason: string;
  /** An ISO time as we write it, else null. */
  at: string | null;
  /** The id the message had before it was renamed into dead-letter, when it had one. */
  originalId: string | null;
  /** What a failing agent printed last (untrusted). */
  untrustedAgentOutput: { stdoutTail: string; stderrTail: string } | null;
}

export interface FoundMessage {
  id: string;
  /** Folder name of the receiver whose folders hold the file (for an answer: the responder). */
  receiver: string;
  location: MessageLocation;
  state: MessageState;
  /** `response` for answers (a `# HelloWorld Response` title or an In-Reply-To header). */
  kind: 'request' | 'response';
  path: string;
  /** Creation time: the UUIDv7 time, else the Timestamp header, else the file's mtime (ms). */
  timeMs: number;
  /** `gone`: the pid and kind of the process (daemon, MCP session, reply) that holds it when that process is gone (killed with kill -9). */
  claim: {
    owner: string;
    leaseExpiresAt: string;
    expired: boolean;
    /** The deadline its file name gives is past any lease the bus takes: taken as run out, `leaseExpiresAt` the epoch. */
    leaseUnreadable?: true;
    gone?: { pid: number; kind: ProcessHolder['kind'] };
  } | null;
  deadLetter: DeadLetterInfo | null;
  /** Undefined when the file could not be read (see `problem`). */
  untrusted: UntrustedMessageText | undefined;
  problem: string | null;
  /** Set when only the file's first bytes were read (`prefixBytes`) and it holds more: its size. */
  partialOf?: number;
}

function untrustedOf(m: ParsedMessage): UntrustedMessageText {
  return {
    from: m.from ?? null,
    to: m.to,
    thread: m.thread ?? null,
    timestamp: m.timestamp ?? null,
    inReplyTo: m.inReplyTo ?? null,
    turn: m.turn ?? null,
    body: m.body,
    context: m.context ?? null,
  };
}

/**
 * A message's time (FoundMessage.timeMs) as an ISO string, or null when it is unknown: 0 (a file
 * not read), a time the bus cannot date (layout.ts isBusTime: before the epoch, past year 9999;
 * a file time set far past year 275760, which tmpfs and btrfs keep, made toISOString throw), or one
 * later than the machines of a bus can be apart (ARCHIVE_CLOCK_SKEW_MS): an id any bus writer
 * chose, dated year 8511, was shown as the message's time.
 */
export function fileTimeIso(ms: number, now = Date.now()): string | null {
  return ms !== 0 && isBusTime(ms) && ms <= now + ARCHIVE_CLOCK_SKEW_MS ? new Date(ms).toISOString() : null;
}

/** A dead letter's time as we write it (toISOString), else null. */
function deadLetterTime(at: string | undefined): string | null {
  return at !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(at) ? at : null;
}

/**
 * What a dead letter keeps of a failing agent's stdout and of its stderr: their last 8 KiB, which is
 * what the daemon writes (agent.ts TAIL_KEEP). A reason file lies where any bus writer can write and
 * may hold a megabyte of each (up to 1 MiB is read; reason-file.ts parses only the ends kept): kept whole, 1,500 dead letters took
 * 1.55 GB in a listing, and 4,500 ran `dead-letter` and the MCP server out of memory.
 */
export const AGENT_OUTPUT_TAIL = 8192;

/** Characters of a dead letter's reason kept (the rest cut, marked by `…`). */
const REASON_SHOWN = 2000;

/**
 * The last `max` UTF-16 units of `text` (one fewer when the cut would split a surrogate pair), as a
 * string of its own: a slice would keep the whole of `text` alive (V8 slices point into it).
 */
function ownTail(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  const first = text.charCodeAt(start);
  if (first >= 0xdc00 && first <= 0xdfff) start++;
  return Buffer.from(text.slice(start), 'utf16le').toString('utf16le');
}

/** Likewise the first `max` characters of `text` and one more (so a cut still shows), as a copy of their own. */
function ownHead(text: string, max: number): string {
  if (text.length <= max + 1) return text;
  return Buffer.from(text.slice(0, max + 1), 'utf16le').toString('utf16le');
}

function readDeadLetterInfo(paths: ReceiverPaths, fileName: string): DeadLetterInfo {
  const raw = readReasonFile(paths.root, join(paths.deadLetter, `${fileName}.reason.json`));
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const originalId = str(r.original_id);
  const stdout = ownTail(str(r.stdout) ?? '', AGENT_OUTPUT_TAIL);
  const stderr = ownTail(str(r.stderr) ?? '', AGENT_OUTPUT_TAIL);
  return {
    code: deadLetterCode(str(r.code) ?? 'unknown'),
    untrustedCode: untrustedDeadLetterCode(r.code) ?? null,
    reason: inlineText(ownHead(str(r.reason) ?? 'no reason recorded', REASON_SHOWN), REASON_SHOWN),
    at: deadLetterTime(str(r.at)),
    originalId: originalId !== undefined && isValidMessageId(originalId) ? originalId : null,
    untrustedAgentOutput: stdout !== '' || stderr !== '' ? { stdoutTail: stdout, stderrTail: stderr } : null,
  };
}

/** Builds the record of one file; `head` reads only the headers (listings of many files). */
/**
 * Bytes read whole by one findMessage, over all the copies of an id it finds: past it, each
 * further copy is read as a listing reads it. Any bus writer can put a copy of an id in every
 * archive day folder, and 70 sparse files of 63 MiB each ran `show` and the MCP server out of memory.
 */
const FIND_READ_BUDGET = 128 * 1024 * 1024;

function describe(
  receiver: string,
  paths: ReceiverPaths,
  id: string,
  location: MessageLocation,
  path: string,
  extra: { claim?: FoundMessage['claim']; fileName?: string; head?: boolean; prefixBytes?: number; budget?: { bytes: number } } = {},
): FoundMessage {
  let prefix = extra.head ? HEAD_BYTES : extra.prefixBytes;
  if (prefix === undefined && extra.budget && extra.budget.bytes < MESSAGE_READ_LIMIT) prefix = LISTED_PEEK_BYTES;
  const r = readBusFile(paths.root, path, prefix !== undefined ? { headBytes: prefix } : { maxBytes: MESSAGE_READ_LIMIT });
  if (r.ok && extra.budget) extra.budget.bytes -= r.bytes.length;
  if (!r.ok) return record(receiver, paths, id, location, path, { problem: r.problem === 'missing' ? 'gone (moved meanwhile)' : r.detail }, extra);
  // One read of the file: what it gave is parsed (a second read doubled the I/O of a large one).
  if (extra.head) return record(receiver, paths, id, location, path, { message: headersOf(r.bytes), mtimeMs: r.mtimeMs }, extra);
  const partial = prefix !== undefined && r.size > r.bytes.length;
  const read = { message: parseMessageBytes(r.bytes, partial), mtimeMs: r.mtimeMs, ...(partial ? { partialOf: r.size } : {}) };
  return record(receiver, paths, id, location, path, read, extra);
}

/** The record of an answer a responseFinder read: from that read, not a second one (the file may have moved since). */
function describeCollected(receiver: string, paths: ReceiverPaths, r: CollectedResponse): FoundMessage {
  return record(receiver, paths, r.id, r.location, r.path, { message: r.message, mtimeMs: r.mtimeMs, ...(r.partial ? { partialOf: r.bytes } : {}) });
}

/** The record of one file from what was read of it (`message`), or why nothing was (`problem`). */
function record(
  receiver: string,
  paths: ReceiverPaths,
  id: string,
  location: MessageLocation,
  path: string,
  read: { message?: ParsedMessage; mtimeMs?: number; partialOf?: number; problem?: string },
  extra: { claim?: FoundMessage['claim']; fileName?: string } = {},
): FoundMessage {
  const message = read.message;
  const problem = read.problem ?? (message?.flags.includes('not-utf8') ? NOT_UTF8_PROBLEM : null);
  const kind = message && isResponse(message) ? 'response' : 'request';
  const deadLetter = location === 'dead-letter' ? readDeadLetterInfo(paths, extra.fileName ?? messageFileName(id)) : null;
  let state: MessageState;
  switch (location) {
    case 'inbox':
      state = 'waiting';
      break;
    case 'processing':
      state = extra.claim?.expired ? 'claim-expired' : 'claimed';
      break;
    case 'outbox':
      state = 'answer-waiting';
      break;
    case 'archive':
      state = kind === 'response' ? 'answer-collected' : 'handled';
      break;
    case 'dead-letter':
      state = 'dead-lettered';
      break;
  }
  return {
    id,
    receiver,
    location,
    state,
    kind,
    path,
    timeMs: idTimeMs(id) ?? message?.timeMs ?? read.mtimeMs ?? 0,
    claim: extra.claim ?? null,
    deadLetter,
    untrusted: message && untrustedOf(message),
    problem,
    ...(read.partialOf !== undefined ? { partialOf: read.partialOf } : {}),
  };
}

/**
 * Something (of any type: a FIFO named like a message is reported, with its problem) is at `path`.
 * A linked folder of the bus on the way is refused (fsutil.ts).
 */
function exists(root: string, path: string): boolean {
  try {
    return lstatBus(root, path) !== undefined;
  } catch (err) {
    if (err instanceof AliveError) throw err;
    return false;
  }
}

/**
 * Every place a message with this id is, in `receiver`'s folders or in every receiver's. Normally
 * one; an answer delivered into a HEAD runtime's inbox as well is found twice. Empty when unknown.
 * `listing`: its budget for runtimes/ and the receiver folders, whose `unlisted` it sets when a
 * listing stopped at busListMax names (list-bound.ts): runtimes/ (receivers not looked at) or a
 * processing/ folder (a claim of the id may be among the names not listed). An id not found is
 * refused with idHint, whose lookup says it was partial; `show`, finding it elsewhere, says the
 * places shown may not be all (findUnlistedNote). `seen`: set when the lookup was partial, for a
 * caller that makes several (a refusal: withFindUnlisted).
 */
export function findMessage(root: string, rawId: string, options: { receiver?: string; listing?: ListBudget; seen?: LookupSeen } = {}): FoundMessage[] {
  const id = messageIdArg(rawId);
  const fileName = messageFileName(id);
  const now = Date.now();
  const budget = { bytes: FIND_READ_BUDGET };
  const listing = options.listing ?? listBudget();
  // The claims of every processing/ folder have a budget of their own, so that one receiver's are
  // looked through as far as loadClaim looks (busListMax names), and all receivers' no further.
  const claims = listBudget();
  // An id the bus made (dated) is looked up by its file name in the receiver folders past the bound.
  const madeMs = idTimeMs(id);
  const probe = madeMs === undefined ? undefined : messageProbe(fileName, madeMs);
  const found = [...listedReceivers(root, options.receiver, false, listing, probe)].flatMap((r) => foundIn(root, r, id, fileName, now, budget, claims));
  listing.unlisted ||= claims.unlisted;
  if (options.seen) {
    options.seen.unlisted ||= listing.unlisted;
    options.seen.unreadReceivers = Math.max(options.seen.unreadReceivers ?? 0, listing.unreadReceivers);
  }
  return found;
}

/** Where `id` is among a receiver's folders (each looked into on its own: listed-receivers.ts look); processing/ is listed within `claims`, the lookup's budget for claims. */
function foundIn(root: string, r: ListedReceiver, id: string, fileName: string, now: number, budget: { bytes: number }, claims: ListBudget): FoundMessage[] {
  const { receiver, paths, there, look } = r;
  const at = (location: MessageLocation, path: string, extra: { fileName?: string } = {}): FoundMessage[] =>
    look([], () => (exists(root, path) ? [describe(receiver, paths, id, location, path, { ...extra, budget })] : []));
  const claimsOf = () => claimsOfUpTo(paths, id, claims).claims;
  const found: FoundMessage[] = [];
  if (there(paths.inbox)) found.push(...at('inbox', join(paths.inbox, fileName)));
  for (const c of there(paths.processing) ? look([], claimsOf) : []) {
    if (c.id !== id) continue;
    const gone = goneClaimOwner(c.owner, undefined, c.path);
    const claim = {
      owner: c.owner,
      leaseExpiresAt: new Date(c.deadline).toISOString(),
      expired: c.deadline <= now,
      ...(c.leaseUnreadable ? { leaseUnreadable: true as const } : {}),
      ...(gone ? { gone } : {}),
    };
    found.push(...look([], () => [describe(receiver, paths, id, 'processing', c.path, { claim, budget })]));
  }
  if (there(paths.outbox)) found.push(...at('outbox', join(paths.outbox, fileName)));
  // Only the days it can have been archived on: from its id's (when it has a date) to today's, with the clocks' skew.
  const days = () => archiveDays(paths, firstArchiveDay(idTimeMs(id)), lastArchiveDay());
  for (const day of there(paths.archive) ? look([], days) : []) found.push(...at('archive', join(paths.archive, day, fileName)));
  if (there(paths.deadLetter)) found.push(...at('dead-letter', join(paths.deadLetter, fileName), { fileName }));
  return found;
}

/**
 * The request a `wait` or `answer` lookup is about: where it was sent (not an answer itself).
 * Without `receiver`, a request held by more than one receiver is refused (`ambiguous`, as `reply`
 * refuses it): any bus writer can copy a request into a receiver folder of its own and write an
 * answer to it in that folder's outbox, and the first copy in folder-name order was taken, with that
 * answer. `hint`: how the caller names the receiver (WaitForAnswerOptions.receiverHint); `seen`:
 * set when the lookup was partial (findMessage).
 */
function findRequest(root: string, id: string, receiver: string | undefined, hint = RECEIVER_HINT, seen?: LookupSeen): FoundMessage | undefined {
  const all = findMessage(root, id, { ...(receiver === undefined ? {} : { receiver }), ...(seen ? { seen } : {}) });
  const requests = all.filter((m) => m.kind === 'request' && m.location !== 'outbox');
  if (receiver === undefined) {
    refuseSeveral(
      requests.map((m) => m.receiver),
      (n) => `msg-${id} is a request held by ${n}`,
      "a copy in one receiver's folders may come with an answer of its own",
      hint,
    );
  }
  return requests[0] ?? all.find((m) => m.location !== 'outbox');
}

/** How the CLI names the receiver a wait is on (the MCP tool says it in its own words). */
const RECEIVER_HINT = '--receiver @NAME';

/**
 * Refuses (`ambiguous`) when `receivers` holds more than one folder name: `what` (given 'N
 * receivers') and `why` in our words, the names (a bus writer's) in the untrusted detail, and how
 * to name the one meant (`hint`).
 */
function refuseSeveral(receivers: readonly string[], what: (receivers: string) => string, why: string, hint: string): void {
  const names = [...new Set(receivers)];
  if (names.length < 2) return;
  throw new AliveError(
    `${what(`${names.length} receivers`)} (named in the untrusted detail that follows): ${why}; wait on the receiver it was sent to: ${hint}`,
    { code: 'ambiguous', untrusted: untrustedDetail('receivers', names.map(displayName).join('\n')) },
  );
}

/**
 * The answer to `requestId` in the responder's outbox (not collected) or archive (collected), left
 * where it is. `responder` defaults to the receiver the request was sent to (a request held by
 * several receivers is refused then: findRequest). `budget`: the names it lists come from it (a
 * search over many receivers shares one), else up to busListMax per folder. It reads at most
 * waitLookReads files, in the order of a wait's look (responses.ts responseFinder): it read every
 * file it listed, and 100,000 planted in an outbox held a wait naming its receiver (checkWaitReceiver)
 * 6.9 s before its first look. A wait reads on past them.
 */
export function findAnswer(root: string, rawId: string, options: { responder?: string; budget?: ListBudget } = {}): FoundMessage | undefined {
  const id = messageIdArg(rawId);
  const responder = options.responder ?? findRequest(root, id, undefined)?.receiver;
  if (responder === undefined) return undefined;
  const name = normaliseName(responder, 'receiver');
  const paths = receiverPaths(root, name);
  let tooLarge: UnreadableAnswer | undefined;
  // One look (its listings bounded by the lookup's budget).
  const found = responseFinder(root, name, id, {
    collect: false,
    onUnreadable: (a) => (tooLarge ??= a),
    ...(options.budget ? { budget: options.budget } : {}),
  })();
  if (found) return describeCollected(name, paths, found);
  // An answer too large to read is the answer all the same (its `problem` says why it is not read).
  if (tooLarge) return record(name, paths, tooLarge.id, unreadableLocation(paths, tooLarge), tooLarge.path, { problem: tooLarge.detail });
  return undefined;
}

function unreadableLocation(paths: ReceiverPaths, a: UnreadableAnswer): 'outbox' | 'archive' {
  return dirname(a.path) === paths.outbox ? 'outbox' : 'archive';
}

export type AnswerWait =
  /** The answer; `collected` says whether this wait moved it from the outbox to the archive. */
  | { status: 'answered'; request: FoundMessage | undefined; answer: FoundMessage; collected: boolean }
  /** The responder sent the request to dead-letter instead of answering. */
  | { status: 'dead-lettered'; request: FoundMessage; deadLetter: DeadLetterInfo }
  /** The answer came but is too large to read (responses.ts UnreadableAnswer): left where it is. */
  | { status: 'unreadable'; request: FoundMessage | undefined; responder: string; answer: UnreadableAnswer }
  /** The responder archived the request without an answer (responses.ts closedWithoutAnswer). */
  | { status: 'closed'; request: FoundMessage | undefined }
  /**
   * `unlisted`: an outbox or archive folder holds more names than a listing makes (the answer may be
   * among the rest). `requestUnlisted`: the last lookup of the request (`request`, where it is) was partial.
   */
  | { status: 'timed-out'; request: FoundMessage | undefined; waitedMs: number; unlisted?: true; requestUnlisted?: true }
  | { status: 'aborted'; request: FoundMessage | undefined; requestUnlisted?: true };

export interface WaitForAnswerOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Who answers; default: the receiver the request was sent to (found by its id). */
  responder?: string;
  /** Move the answer to the responder's archive when found (default true, as `send --wait`). */
  collect?: boolean;
  watch?: DirWatcherOptions;
  /** How the caller is told to name the receiver of a request no longer on the bus (the CLI's flag by default). */
  receiverHint?: string;
  /** Whose words a refusal names a way on in: the commands' (default) or the MCP tools'. */
  how?: 'cli' | 'tool';
}

/**
 * Waits for the answer to a request sent earlier. An answer already there (also one collected
 * before, by this or another waiter, even while this one waited: `collected` false) is returned
 * at once; a request that went to dead-letter ends the wait with its reason, and an answer too
 * large to read ends it as `unreadable`, every time it is waited for.
 * A request id that is nowhere on the bus is a `not_found` error, unless `responder` is given.
 */
export async function waitForAnswer(root: string, rawId: string, options: WaitForAnswerOptions): Promise<AnswerWait> {
  const id = messageIdArg(rawId);
  const hint = options.receiverHint ?? RECEIVER_HINT;
  let request = findRequest(root, id, options.responder, hint);
  if (!request || request.kind === 'response') refuseAnswerId(root, id, options.responder, options.how);
  if (!request && options.responder === undefined) {
    // HelloWorld's own daemons delete what they read: the request may be gone, its answer not.
    // Any bus writer can write an answer in a receiver folder of its own: several are refused.
    // The receivers with something in their folder, and their outboxes and archives, walked within
    // one budget of busListMax names in all (list-bound.ts): 200,000 folders planted in runtimes/ took
    // this 20 s, and a findAnswer per receiver listed up to busListMax names of each. Past it the
    // refusal says the lookup was partial.
    const search = listBudget();
    const answering = [...listedReceivers(root, undefined, false, search)]
      .map((r) => r.receiver)
      .filter((receiver) => orPassedOver(undefined, () => findAnswer(root, id, { responder: receiver, budget: search })) !== undefined);
    refuseSeveral(answering, (n) => `msg-${id} is on the bus nowhere, and ${n} hold an answer to it`, 'one may have been written by another bus writer', hint);
    if (answering.length === 1) return waitForAnswer(root, id, { ...options, responder: answering[0]! });
    const thread = threadOfKey(root, id);
    if (thread) {
      // The latest request's id is a file name: one that can spell words is quoted apart.
      const latest = thread.latestRequest;
      const named =
        latest === undefined
          ? '(none: it holds only answers)'
          : isWordlessId(latest)
            ? latest
            : 'one whose id is not a bus-made id (in the untrusted detail that follows)';
      throw new AliveError(
        `'${id}' is a thread id, not a message id: wait for the answer to one of its messages, by the id send returned; its latest request is ${named}`,
        { code: 'not_found', ...(latest === undefined || isWordlessId(latest) ? {} : { untrusted: untrustedDetail('latest request', latest) }) },
      );
    }
    throw new AliveError(
      withIdHint(
        `there is no message ${id} on the bus under ${runtimesDir(root)}, and no answer to it`,
        idHint(root, id),
        `check the id. If a daemon that deletes what it reads (HelloWorld's own) took it, wait on that receiver: ${hint}`,
      ),
      { code: 'not_found' },
    );
  }
  const responder = normaliseName(options.responder ?? request!.receiver, 'receiver');
  const paths = receiverPaths(root, responder);
  // An answer is archived only after its request was (the responder archives the request as it
  // writes the answer): while the request waits (responses.ts requestWaiting: in the inbox or
  // processing/, and not archived), the files archived before are not the answer, and their
  // headers are not read (a cost that grows with the day's traffic). Their names are taken first,
  // then the request is looked at again: still waiting then, it had no answer when they were taken.
  let skip: ReadonlySet<string> | undefined;
  if (requestWaiting(root, paths, id)) {
    const archived = archivedNames(root, paths, idTimeMs(id) ?? 0);
    if (requestWaiting(root, paths, id)) skip = archived;
  }
  const collect = options.collect !== false;
  let collected = false;
  let tooLarge: UnreadableAnswer | undefined;
  // The answer already there, in the outbox or collected before (by an earlier wait, or another
  // one meanwhile), is found by the first check, at once.
  const find = responseFinder(root, responder, id, { collect, onUnreadable: (a) => (tooLarge ??= a), ...(skip ? { skip } : {}) });
  const deadPath = join(paths.deadLetter, messageFileName(id));
  const closed = closedWithoutAnswer(root, paths, id, find);
  type Found = { answer: FoundMessage } | { dead: FoundMessage } | { tooLarge: UnreadableAnswer } | { closed: true };
  const check = (): Found | undefined => {
    const r = find();
    if (r) {
      collected = r.collected;
      return { answer: describeCollected(responder, paths, r) };
    }
    if (tooLarge) return { tooLarge };
    if (exists(root, deadPath) && !requestQueued(root, paths, messageFileName(id))) return { dead: describe(responder, paths, id, 'dead-letter', deadPath) };
    return closed() ? { closed: true } : undefined;
  };
  ensureDir(root, paths.outbox);
  const watch = { idlePollMs: FOREIGN_SETTLE_MS * 2, ...options.watch, again: find.readOn };
  const r = await waitUntil(root, paths.outbox, check, options.timeoutMs, options.signal ? { ...watch, signal: options.signal } : watch);
  if (r.ok) {
    if ('answer' in r.value) return { status: 'answered', request: findRequest(root, id, responder) ?? request, answer: r.value.answer, collected };
    if ('tooLarge' in r.value) return { status: 'unreadable', request: findRequest(root, id, responder) ?? request, responder, answer: r.value.tooLarge };
    if ('closed' in r.value) return { status: 'closed', request: findRequest(root, id, responder) ?? request };
    return { status: 'dead-lettered', request: r.value.dead, deadLetter: r.value.dead.deadLetter! };
  }
  const seen = { unlisted: false };
  request = findRequest(root, id, responder, hint, seen) ?? request;
  const partial = seen.unlisted ? { requestUnlisted: true as const } : {};
  return 'timedOut' in r
    ? { status: 'timed-out', request, waitedMs: r.waitedMs, ...(find.unlisted() ? { unlisted: true as const } : {}), ...partial }
    : { status: 'aborted', request, ...partial };
}

/**
 * A wait on the id of an answer (an agent passing what reply or a listing showed) would wait for an
 * answer to the answer, which never comes: refused at once, naming the request it answers.
 */
function refuseAnswerId(root: string, id: string, receiver: string | undefined, how: 'cli' | 'tool' = 'cli'): void {
  const all = findMessage(root, id, receiver === undefined ? {} : { receiver });
  if (all.length === 0 || all.some((m) => m.kind === 'request')) return;
  const a = all[0]!;
  // Its In-Reply-To header is a bus writer's: named only when the bus made the id (a slug spells words).
  const to = a.untrusted?.inReplyTo;
  const request = to !== undefined && to !== null && isWordlessId(to) ? to : undefined;
  const show = how === 'tool' ? `show {"id": ${JSON.stringify(idArgument(id))}} reads this answer` : `'dispatch show ${id}' prints this answer`;
  throw new AliveError(
    `msg-${id} is an answer${request ? ` (to msg-${request})` : ''}, not a request: wait takes the id of the request${request ? ` (${request})` : ''}; ${show}`,
    { code: 'not_a_request' },
  );
}

export interface ThreadListing {
  /** The thread id (untrusted: it came from a header when looked up through a message id). */
  untrustedThread: string;
  /** Oldest first; each message once (its first place). */
  messages: FoundMessage[];
}

/** A message of a thread, found by its headers and read when asked (`read`). */
export interface ThreadMember {
  id: string;
  receiver: string;
  location: MessageLocation;
  /** As its headers say (FoundMessage.kind). */
  kind: FoundMessage['kind'];
  /** The whole message, or with `prefixBytes` its file's first bytes only (see FoundMessage.partialOf). */
  read(options?: { prefixBytes?: number }): FoundMessage;
}

/**
 * Every message and answer of a thread, oldest first. `idOrThread` is a thread id, or the id of
 * any message of the thread. Answers of Thread-era daemons (no In-Reply-To) count by their Thread.
 */
export function listThread(root: string, idOrThread: string, options: { receiver?: string } = {}): ThreadListing {
  const t = threadMembers(root, idOrThread, options);
  return { untrustedThread: t.untrustedThread, messages: t.members.map((m) => m.read()) };
}

/**
 * A key that names no message but a thread (an agent passing the thread id where a message id is
 * asked): its latest request, for the words of the refusal. Undefined when no message carries it.
 */
export function threadOfKey(root: string, key: string): { latestRequest: string | undefined } | undefined {
  const t = threadMembers(root, key);
  if (t.members.length === 0) return undefined;
  return { latestRequest: t.members.findLast((m) => m.kind === 'request')?.id };
}

/**
 * threadMembers of a thread someone wrote in: one nobody did is refused (not_found), in the same
 * words for `dispatch thread` and the MCP tool.
 */
export function existingThreadMembers(
  root: string,
  idOrThread: string,
  options: { receiver?: string } = {},
): ReturnType<typeof threadMembers> & { resolved?: ResolvedId } {
  const t = threadMembers(root, idOrThread, options);
  if (t.members.length > 0) return t;
  // No thread of that name: a message id typed short (id-resolve.ts), as every command takes one.
  const asId = parseMessageIdArg(idOrThread.trim());
  const r = asId === undefined ? undefined : resolveMessageId(root, asId, options);
  if (r?.resolved) {
    const found = threadMembers(root, r.id, options);
    if (found.members.length > 0) return { ...found, resolved: r };
  }
  // A key no Thread header is taken as (threadHeaderProblem: one an agent copied from an untrusted_thread): said why.
  const notThread = asId === undefined ? threadHeaderProblem(idOrThread.trim()) : undefined;
  if (notThread !== undefined) {
    throw new AliveError(
      `the thread given is not a thread id (${notThread}): a lookup takes a Thread header like it as absent; give the id of a message of the thread`,
      { code: 'not_found' },
    );
  }
  const head = `no message belongs to thread '${inlineText(idOrThread, 80)}' under ${runtimesDir(root)}`;
  // A lookup that left files unread (any bus writer can plant that many newer ones) may have missed
  // every member: said so, where idHint would call a message found on the bus another receiver's.
  if (t.unread > 0 || t.unlisted) throw new AliveError(`${head}: ${unreadFilesNote(t)}`, { code: 'not_found' });
  throw new AliveError(withIdHint(head, asId === undefined ? undefined : idHint(root, asId, options)), { code: 'not_found' });
}

/**
 * What a thread listing says of a message whose Thread header it took as absent (threadMembers'
 * `headerProblem`). An id a writer chose is not repeated here, outside the listing's fence or
 * untrusted_ keys: it may spell an instruction.
 */
export function threadHeaderNote(p: { id: string; problem: string }): string {
  return `the Thread header of ${idInOurWords(p.id, 'the message listed')} is not a thread id (${p.problem}): taken as absent, the thread listed is that message's own id`;
}

/**
 * The members of a thread as listThread finds them, from their headers only: a caller that shows
 * a page of them reads just those, one at a time (a thread may hold any number of large files).
 * `unread`: the files on the bus left unread (headersOnBus reads at most THREAD_SCAN_MAX); `unlisted`:
 * more were not even listed (threadListMax).
 */
export function threadMembers(
  root: string,
  idOrThread: string,
  options: { receiver?: string } = {},
): {
  untrustedThread: string;
  members: ThreadMember[];
  unread: number;
  unlisted: boolean;
  unreadReceivers: number;
  /** The message named whose Thread header was taken as absent, and why (threadHeaderNote). */
  headerProblem?: { id: string; problem: string };
} {
  const raw = idOrThread.trim();
  let thread = raw;
  const asId = parseMessageIdArg(raw);
  // The receivers the id was found in are looked through past the bound of folders a walk opens.
  const holders = new Set<string>();
  let headerProblem: { id: string; problem: string } | undefined;
  // The message named, its thread read from its whole file: a member whatever its header as a
  // lookup reads it (the first HEAD_BYTES, where a long From can push its Thread out).
  let named: string | undefined;
  if (asId !== undefined) {
    const all = findMessage(root, asId, options);
    for (const m of all) holders.add(m.receiver);
    const msg = all.find((m) => m.untrusted !== undefined);
    if (msg) named = asId;
    const t = msg?.untrusted?.thread;
    const problem = t ? threadHeaderProblem(t) : undefined;
    if (problem !== undefined) headerProblem = { id: asId, problem };
    if (t && problem === undefined) thread = t;
    // A handle (ids.ts idHandle) names a thread as it names an id.
    else if (msg || raw.startsWith('id:')) thread = asId;
  }
  const seen = new Set<string>();
  const members: (ThreadMember & { timeMs: number })[] = [];
  const ids = new Set<string>();
  const { headers: candidates, unread, unlisted, unreadReceivers } = headersOnBus(root, options.receiver, thread, { holders });
  for (const c of candidates) {
    const key = threadKey(c.message.thread);
    if (key === thread || (c.id === thread && key === undefined) || c.id === named) ids.add(c.id);
  }
  for (const c of candidates) {
    const inThread = ids.has(c.id) || (c.message.inReplyTo !== undefined && ids.has(c.message.inReplyTo));
    if (!inThread || seen.has(c.id)) continue;
    seen.add(c.id);
    members.push({
      id: c.id,
      receiver: c.receiver,
      location: c.location,
      kind: isResponse(c.message) ? 'response' : 'request',
      // As describe() dates a message, from the headers already read.
      timeMs: idTimeMs(c.id) ?? c.message.timeMs ?? c.mtimeMs,
      read: (o = {}) =>
        describe(c.receiver, c.paths, c.id, c.location, c.path, {
          fileName: c.fileName,
          ...(c.claim ? { claim: c.claim } : {}),
          ...(o.prefixBytes !== undefined ? { prefixBytes: o.prefixBytes } : {}),
        }),
    });
  }
  members.sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { untrustedThread: thread, members, unread, unlisted, unreadReceivers, ...(headerProblem ? { headerProblem } : {}) };
}

/**
 * A claimed message, as the claimer sees it. An answer (`kind` response: a copy serve delivers into
 * the inbox of a sender writing HelloWorld's HEAD format, or any bus writer's) is not held to be
 * replied to: the claim files it in the receiver's archive at once, as serve does (`path`, no lease).
 */
export interface ClaimedMessage {
  id: string;
  receiver: string;
  kind: 'request' | 'response';
  /** Where the claimed file is now (processing/; an answer's, archive/<day>/). */
  path: string;
  /** Null for an answer (filed, not held). */
  leaseExpiresAt: string | null;
  untrusted: UntrustedMessageText;
  /** The claim itself, to pass to completeClaim / deadLetterClaim (library users; an answer's is completed). */
  claim: Claim;
}

export interface DeadLetteredOnTheWay {
  /** Its id in dead-letter (a fresh one when the file name was not a valid id). */
  id: string;
  code: string;
  reason: string;
}

/**
 * `unlisted`: inbox/ holds more names than a claim lists (list-bound.ts): it looked among the first only.
 * `sweptPart`: the names of processing/ its stale-claim sweep looked at, when it stopped before the end (sweepBatches);
 * `sweepStopped`: the expired claims it handed back when it stopped at that bound (claims.ts SWEEP_RETURNS_MAX).
 * `whereUnlisted`: the lookup of the chosen message (`where`) was partial (findMessage's `seen`).
 */
export type ClaimResult =
  | {
      claimed: true;
      message: ClaimedMessage;
      deadLettered: DeadLetteredOnTheWay[];
      tookBack: TakenBack[];
      /** The chosen message was claimed by hand before (claim-owner.ts isByHandOwner): this claim took it over. */
      tookOver?: { owner: string; leaseExpiresAt: string };
      unlisted: boolean;
      sweptPart?: number;
      sweepStopped?: number;
    }
  /** Nothing waiting (`id` absent), or the chosen message is not in the inbox (`where` says where it is). */
  | {
      claimed: false;
      deadLettered: DeadLetteredOnTheWay[];
      tookBack: TakenBack[];
      where: FoundMessage[];
      whereUnlisted: boolean;
      unlisted: boolean;
      sweptPart?: number;
      sweepStopped?: number;
    };

/**
 * Claims the oldest message waiting for `receiver`, or the message `id`. Stale claims are returned
 * to the inbox first, and so are those whose holder is gone (an MCP session that ended, a daemon
 * killed with -9: `tookBack`), as a reply takes them over: the message `id`'s, or those of the
 * batch of processing/ that serve's sweep would look at. Unreadable files met on the way go to
 * dead-letter (listed in the result).
 * The lease is the receiver's `claim_lease_seconds` unless `leaseMs` is given. The sweep looks at
 * one batch of processing/ (the MCP server sweeps on over its calls), or up to `sweepBatches`
 * (a lone `dispatch claim`: LONE_SWEEP_BATCHES), saying in `sweptPart` when it stopped short.
 */
export async function claimMessage(
  root: string,
  receiver: string,
  options: { id?: string; owner?: string; leaseMs?: number; sweepBatches?: number } = {},
): Promise<ClaimResult> {
  const name = normaliseName(receiver, 'receiver');
  const id = options.id === undefined ? undefined : messageIdArg(options.id);
  const paths = receiverPaths(root, name);
  const config = await loadReceiverConfig(paths);
  const batches = options.sweepBatches ?? 1;
  // What goes to dead-letter on the way (a claim returned whose message the inbox holds again, an
  // unreadable file): listed in the result.
  const deadLettered: DeadLetteredOnTheWay[] = [];
  const onDeadLetter = (r: DeadLetterRecord) => deadLettered.push({ id: validIdFromFileName(r.fileName) ?? '', code: r.code, reason: r.reason });
  let swept = 0;
  let stopped = false;
  while (swept < batches) {
    // An entry the sweep cannot move (a planted name too long to rename with a claim's suffix) is
    // left where it is: it is no reason to refuse the claim (a linked folder still is).
    const batch = sweepStaleBatch(paths, name, Date.now(), () => {}, onDeadLetter);
    stopped = batch.stopped;
    if (stopped || batch.end) break;
    swept++;
  }
  const sweptPart =
    options.sweepBatches === undefined ? {} : stopped ? { sweepStopped: SWEEP_RETURNS_MAX } : swept === batches ? { sweptPart: batches * busListMax() } : {};
  const tookBack = returnGoneClaims(paths, name, id === undefined ? reclaimBatch(paths) : claimsOfUpTo(paths, id).claims, undefined, undefined, onDeadLetter);
  const opts = { owner: options.owner ?? 'hand', leaseMs: options.leaseMs ?? config.claimLeaseMs, onDeadLetter };
  // The oldest among the first names listed: the rest stay where they are (list-bound.ts).
  const inbox = id === undefined ? listInboxUpTo(paths, busListMax()) : undefined;
  const unlisted = inbox?.unlisted ?? false;
  let claim = inbox !== undefined ? await claimNext(root, name, { ...opts, entries: inbox.entries }) : await claimById(root, name, id!, opts);
  let tookOver: { owner: string; leaseExpiresAt: string } | undefined;
  if (!claim && id !== undefined) {
    // Claimed by hand (no process to ask whether the session that claimed it still answers it):
    // any by-hand caller's, as a reply answers it (answer.ts), so taken over with a fresh lease.
    const held = loadClaim(root, name, id);
    if (held && held.deadline > Date.now() && isByHandOwner(held.owner)) {
      const was = { owner: held.owner, leaseExpiresAt: new Date(held.deadline).toISOString() };
      if (renewClaim(held, opts.leaseMs, Date.now(), opts.owner)) {
        claim = held;
        tookOver = was;
      }
    }
  }
  if (!claim) {
    const seen = { unlisted: false };
    const where = id === undefined ? [] : findMessage(root, id, { receiver: name, seen });
    return { claimed: false, deadLettered, tookBack, where, whereUnlisted: seen.unlisted, unlisted, ...sweptPart };
  }
  const answer = isResponse(claim.message);
  return {
    claimed: true,
    deadLettered,
    tookBack,
    ...(tookOver ? { tookOver } : {}),
    unlisted,
    ...sweptPart,
    message: {
      id: claim.id,
      receiver: name,
      kind: answer ? 'response' : 'request',
      path: answer ? fileAnswer(claim) : claim.path,
      leaseExpiresAt: answer ? null : new Date(claim.deadline).toISOString(),
      untrusted: untrustedOf(claim.message),
      claim,
    },
  };
}

/**
 * Files a claimed answer in its receiver's archive (an answer needs none, and nothing else would
 * take it out of the inbox) and gives the path it has there. When it cannot be filed (an archive
 * folder a bus writer broke), it goes back to the inbox, not left held until its lease ends.
 */
function fileAnswer(claim: Claim): string {
  try {
    return completeClaim(claim).archivedPath;
  } catch (err) {
    try {
      returnToInbox(claim.paths, claim.receiver, claim.path, claim.fileName);
    } catch {
      // left claimed: its lease returns it (the error below says what failed first)
    }
    throw err;
  }
}

/** A dead letter as a listing finds it, from its name: `read()` reads its file's first bytes and its reason file. */
export interface DeadLetterEntry {
  id: string;
  /** Folder name of its receiver. */
  receiver: string;
  path: string;
  /** As describe() dates it: from its id when the bus made it, else its Timestamp header, else its file's time. */
  timeMs: number;
  read(): FoundMessage;
}

/**
 * Every dead letter of `receiver`, oldest first, by name: no reason file is read, and no message
 * file but the first bytes of one whose id holds no time. A caller reads the ones it shows
 * (`read()`): dead-letter/ may hold any number of them, each reason quoting a megabyte of output.
 */
export function deadLetterEntries(root: string, receiver: string): DeadLetterEntry[] {
  return deadLetterListing(root, receiver, Number.POSITIVE_INFINITY).entries;
}

/** deadLetterEntries among the first `max` names of dead-letter/ (list-bound.ts), and whether it holds more (`unlisted`). */
export function deadLetterListing(root: string, receiver: string, max: number): { entries: DeadLetterEntry[]; unlisted: boolean } {
  const name = normaliseName(receiver, 'receiver');
  const paths = receiverPaths(root, name);
  const out: DeadLetterEntry[] = [];
  const listed = listBusDirUpTo(root, paths.deadLetter, max);
  for (const n of listed.names) {
    if (n.endsWith('.reason.json') || !isMessageFileName(n)) continue;
    const id = validIdFromFileName(n);
    if (id === undefined) continue; // only files we named are kept here; anything else is not ours
    const path = join(paths.deadLetter, n);
    let timeMs = idTimeMs(id);
    if (timeMs === undefined) {
      const head = readHeaders(root, path);
      timeMs = head ? (head.message.timeMs ?? head.mtimeMs) : 0;
    }
    out.push({
      id,
      receiver: name,
      path,
      timeMs,
      read: () => describe(name, paths, id, 'dead-letter', path, { fileName: n, prefixBytes: LISTED_PEEK_BYTES }),
    });
  }
  return { entries: out.sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1)), unlisted: listed.more };
}

/** Every dead letter of `receiver`, oldest first, each read (deadLetterEntries reads only those shown). */
export function listDeadLetters(root: string, receiver: string): FoundMessage[] {
  return deadLetterEntries(root, receiver).map((e) => e.read());
}

export interface RetryResult {
  /** The id the message has in the inbox now (a fresh one when its old name was taken there). */
  id: string;
  /** Set when the message got a fresh id. */
  previousId: string | null;
  receiver: string;
  path: string;
  /** Why it was a dead letter (our code: query.ts DeadLetterInfo), when known: `turn_budget` goes straight back (turnBudgetAdvice). */
  code: string | null;
}

/**
 * Puts dead letter `id` back into its receiver's inbox, where it is handled again as new (its
 * lease-expiry count starts over). Refused when it is not a regular file (a folder or link
 * planted under a message's name cannot be handled).
 */
export function retryDeadLetter(root: string, rawId: string, options: { receiver?: string } = {}): RetryResult {
  const id = messageIdArg(rawId);
  // Where it is, from a lookup that may have been partial (said then: withFindUnlisted).
  const seen = { unlisted: false };
  const where = findMessage(root, id, { ...options, seen });
  const hits = where.filter((m) => m.location === 'dead-letter');
  if (hits.length === 0) {
    const why = where.length
      ? `it is not in dead-letter (it is ${where.map((w) => `in ${w.location} of ${w.receiver === options.receiver ? displayName(w.receiver) : 'its receiver'}`).join(', ')}; 'dispatch show ${id}' shows where)`
      : withIdHint('there is no such message', idHint(root, id, options));
    throw new AliveError(withFindUnlisted(`cannot retry ${id}: ${why}`, seen), { code: 'not_found', fields: findUnlistedJson(seen) });
  }
  if (hits.length > 1) {
    // Their names are folder names a bus writer chose: listed by show, in its envelopes.
    throw new AliveError(`${id} is a dead letter of ${hits.length} receivers; say which with --receiver ('dispatch show ${id}' names them)`, {
      code: 'ambiguous',
    });
  }
  return { ...moveBack(root, id, hits[0]!), code: hits[0]!.deadLetter?.code ?? null };
}

/** Puts the dead letter `hit` (of id `id`) back into its receiver's inbox: retryDeadLetter's move. */
function moveBack(root: string, id: string, hit: { receiver: string; path: string }): Omit<RetryResult, 'code'> {
  const paths = receiverPaths(root, hit.receiver);
  const r = readBusFile(root, hit.path, { headBytes: 0 });
  if (!r.ok) throw new AliveError(`cannot retry ${id}: ${r.detail}; it stays in dead-letter`, { code: 'not_a_file' });
  // Everything that could fail is checked before the message moves (the commit point); what is
  // removed after it is removed best-effort.
  ensureDir(root, paths.inbox);
  busDirExists(root, paths.attempts); // refuses a linked folder
  let newId = id;
  let dest = join(paths.inbox, messageFileName(id));
  if (exists(root, dest)) {
    newId = newMessageId();
    dest = join(paths.inbox, messageFileName(newId));
  }
  if (!renameIfPresent(root, hit.path, dest)) throw new AliveError(`cannot retry ${id}: it left dead-letter meanwhile`, { code: 'not_found' });
  safeUnlinkBus(root, join(paths.deadLetter, `${messageFileName(id)}.reason.json`));
  safeUnlinkBus(root, join(paths.attempts, id));
  return { id: newId, previousId: newId === id ? null : id, receiver: hit.receiver, path: dest };
}

export interface RetryAllResult {
  receiver: string;
  /** Each with its dead letter's code (`turn_budget` goes straight back: turnBudgetAdvice). */
  retried: RetryResult[];
  /** Dead letters that stayed, with why in our words (retryDeadLetter's refusal). */
  failed: { id: string; code: ErrorCode; message: string }[];
}

/**
 * Puts every dead letter of `receiver` back into its inbox, oldest first (retryDeadLetter each).
 * One that cannot go back (a folder planted under a message's name) stays and is listed in
 * `failed`; the others still go.
 */
export function retryAllDeadLetters(root: string, receiver: string): RetryAllResult {
  const name = normaliseName(receiver, 'receiver');
  const out: RetryAllResult = { receiver: name, retried: [], failed: [] };
  // Each moved from the one listing: looking each up again read every folder once per message.
  // Of each reason, its code is kept (read before the move removes it).
  const paths = receiverPaths(root, name);
  for (const m of deadLetterEntries(root, name)) {
    try {
      const { code } = readDeadLetterInfo(paths, basename(m.path));
      out.retried.push({ ...moveBack(root, m.id, m), code });
    } catch (err) {
      if (!(err instanceof AliveError)) throw err;
      out.failed.push({ id: m.id, code: err.code, message: err.message });
    }
  }
  return out;
}

/** The headers of one message file on the bus, as headersOnBus finds them. */
export interface BusHeaders {
  receiver: string;
  paths: ReceiverPaths;
  id: string;
  location: MessageLocation;
  path: string;
  fileName: string;
  claim?: FoundMessage['claim'];
  message: ParsedMessage;
  mtimeMs: number;
}

/**
 * How many files' headers one thread lookup reads at most (headersOnBus): every one of them is an
 * open and a read, in one synchronous turn, and any bus writer can put any number of files on the
 * bus (100,000 planted in an archive day took `thread` and `send --thread` 6.5 s each, and the MCP
 * server answered no other call meanwhile). About 0.5 s of reading on a local disk. The names it
 * lists are bounded too, at ten times as many (threadListMax): 1,000,000 empty files planted in an
 * outbox took 11-13 s to list and sort.
 */
export const THREAD_SCAN_MAX = 10_000;
let threadScanMax = THREAD_SCAN_MAX;

/** TEST ONLY: lowers THREAD_SCAN_MAX (undefined: back to it); throws unless under vitest. */
export function setThreadScanMaxForTests(max: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setThreadScanMaxForTests is for the test suite only');
  threadScanMax = max ?? THREAD_SCAN_MAX;
}

/** The file names one thread lookup lists at most: ten times the files it reads (THREAD_SCAN_MAX). */
function threadListMax(): number {
  return threadScanMax * 10;
}

/**
 * What a thread listing says when a lookup left files unread (`unread`, past THREAD_SCAN_MAX), in
 * every caller's words; `unlisted`: it also stopped listing, past threadListMax names, or left
 * `unreadReceivers` receiver folders unopened (list-bound.ts receiverFoldersMax).
 */
export function unreadFilesNote({ unread, unlisted, unreadReceivers = 0 }: { unread: number; unlisted: boolean; unreadReceivers?: number }): string {
  if (unreadReceivers > 0) {
    const files = unread > 0 ? `; ${counted(unread, 'file')} on the bus ${noun(unread, 'was', 'were')} not read either` : '';
    return `${receiversUnreadNote(unreadReceivers)}${files}; older messages of this thread may be missing`;
  }
  if (unlisted) {
    return `${unread > 0 ? `more than ${counted(unread, 'file')}` : 'files'} on the bus were not read: a thread lookup lists at most ${threadListMax()} file names and reads the headers of at most ${threadScanMax} files, those with the newest ids the bus made first; older messages of this thread may be missing`;
  }
  return `${counted(unread, 'file')} on the bus ${noun(unread, 'was', 'were')} not read: a thread lookup reads the headers of at most ${threadScanMax} files, those with the newest ids the bus made first; older messages of this thread may be missing`;
}

/** The headers headersOnBus read, how many files it left unread past THREAD_SCAN_MAX, and whether it stopped listing (threadListMax). */
export interface BusHeadersRead {
  headers: BusHeaders[];
  unread: number;
  unlisted: boolean;
  /** Receiver folders not opened (list-bound.ts receiverFoldersMax). */
  unreadReceivers: number;
}

/**
 * The headers of the message files on the bus (of `only` only, when given), each file's first bytes
 * only: for threads, which only the headers name. With `thread` a UUIDv7 (a thread the bus made:
 * the id of its first message), files that cannot belong to it are not read: those archived on a
 * day before it began (less ARCHIVE_CLOCK_SKEW_MS: firstArchiveDay), and those named with a
 * time-ordered id made before it, less ANSWER_CLOCK_SLACK_MS (the clocks of machines sharing a bus
 * folder); the archive grows forever.
 * Of the rest, at most THREAD_SCAN_MAX are read: those named with the newest bus-made ids first,
 * then by their archive day, newest first; a file named with a slug, or with an id or archive day
 * dated ahead of the clock, last. `unread` counts those left. `passOver`: a faulty folder of `only`
 * is passed over, as every receiver's is in a walk over the bus (listedReceivers).
 */
export function headersOnBus(
  root: string,
  only?: string,
  thread?: string,
  options: { passOver?: boolean; holders?: ReadonlySet<string> } = {},
): BusHeadersRead {
  const now = Date.now();
  // A thread id dated past now (and the clocks' slack) was not made by a bus: anyone can write one,
  // and a bound from it would hide the members made before that date. No bound then.
  const claimed = thread === undefined ? undefined : idTimeMs(thread);
  const began = claimed === undefined || claimed > now + ANSWER_CLOCK_SLACK_MS ? undefined : claimed;
  const notBefore = began === undefined ? undefined : began - ANSWER_CLOCK_SLACK_MS;
  const firstDay = began === undefined ? '' : firstArchiveDay(began, now);
  const latest = now + ANSWER_CLOCK_SLACK_MS;
  const lastDay = lastArchiveDay(now);
  // Names first (listings only), then the files worth reading: reading is what costs.
  type Found = Omit<BusHeaders, 'message' | 'mtimeMs'> & { rank: number; order: number };
  const found: Found[] = [];
  // One budget for the lookup: runtimes/, each receiver folder and each folder of theirs (list-bound.ts).
  const budget = listBudget(threadListMax());
  const holders = options.holders;
  const probe = holders && holders.size > 0 ? (receiver: string) => holders.has(receiver) : undefined;
  for (const { receiver, paths, there, look } of listedReceivers(root, only, options.passOver === true, budget, probe)) {
    const add = (dir: string, location: MessageLocation, dayMs?: number) => look(undefined, () => addFrom(dir, location, dayMs));
    const addFrom = (dir: string, location: MessageLocation, dayMs: number | undefined) => {
      const listed = listBusDirWithin(root, dir, budget);
      for (const n of listed.names) {
        let fileName = n;
        let claim: FoundMessage['claim'] | undefined;
        if (location === 'processing') {
          const c = parseClaimFileName(n);
          if (!c) continue;
          fileName = c.fileName;
          claim = {
            owner: c.owner,
            leaseExpiresAt: new Date(c.deadline).toISOString(),
            expired: c.deadline <= now,
            ...(c.leaseUnreadable ? { leaseUnreadable: true as const } : {}),
          };
        } else if (!isMessageFileName(n)) continue;
        const id = validIdFromFileName(fileName);
        if (id === undefined) continue;
        const ms = idTimeMs(id);
        if (notBefore !== undefined && (ms ?? notBefore) < notBefore) continue;
        // Newest first: a bus-made id's time, else the archive day's; nothing dated ahead of the clock.
        const rank = ms !== undefined && ms <= latest ? ms : dayMs !== undefined && dayMs <= latest ? dayMs : Number.NEGATIVE_INFINITY;
        found.push({ receiver, paths, id, location, path: join(dir, n), fileName, ...(claim ? { claim } : {}), rank, order: found.length });
      }
    };
    if (there(paths.inbox)) add(paths.inbox, 'inbox');
    if (there(paths.processing)) add(paths.processing, 'processing');
    if (there(paths.outbox)) add(paths.outbox, 'outbox');
    for (const day of there(paths.archive) ? look([], () => archiveDays(paths, firstDay, lastDay)) : [])
      add(join(paths.archive, day), 'archive', Date.parse(day));
    if (there(paths.deadLetter)) add(paths.deadLetter, 'dead-letter');
  }
  const max = threadScanMax;
  const read =
    found.length <= max
      ? found
      : [...found]
          .sort((a, b) => b.rank - a.rank || a.order - b.order)
          .slice(0, max)
          .sort((a, b) => a.order - b.order);
  const headers: BusHeaders[] = [];
  for (const { rank: _rank, order: _order, ...f } of read) {
    const head = readHeaders(root, f.path);
    if (head) headers.push({ ...f, message: head.message, mtimeMs: head.mtimeMs });
  }
  return { headers, unread: found.length - read.length, unlisted: budget.unlisted, unreadReceivers: budget.unreadReceivers };
}
