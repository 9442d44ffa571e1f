import { counted } from '../text/plural.ts';

/**
 * How many names one listing of a bus folder makes at most on a request path (`inbox`, `claim`,
 * `status`, `dead-letter` and their MCP tools): readdirSync makes every name, and any bus writer
 * can plant any number (1,000,000 empty files in an inbox held `inbox`, or the MCP server's event
 * loop, for seconds). Past it the answer is partial and says so (`unlisted_files: true` and a
 * note), never a wrong answer given as complete. The thread lookup has its own, ten times the files
 * it reads (query.ts threadListMax).
 */
export const BUS_LIST_MAX = 100_000;
let listMax = BUS_LIST_MAX;

/** The names one listing makes at most (BUS_LIST_MAX, lower in tests). */
export function busListMax(): number {
  return listMax;
}

/**
 * TEST ONLY: a lower bound (undefined restores BUS_LIST_MAX), so a test plants hundreds of files,
 * not 100,000. Nothing under scripts/ calls it, and it throws unless it runs under vitest.
 */
export function setBusListMaxForTests(max: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setBusListMaxForTests is for the test suite only');
  listMax = max ?? BUS_LIST_MAX;
}

/**
 * How many receiver folders one walk over every receiver opens at most (listed-receivers.ts, and
 * status's order): an empty folder costs one name of a listing but a whole open, and any bus writer
 * can make any number; 20,000 empty folders under runtimes/ took each such MCP call 0.3-0.8 s (a
 * 1 s wait 1.4 s), more under load. The receivers every bus has are opened first, then by name.
 */
export const RECEIVER_FOLDERS_MAX = 1_000;
let foldersMax = RECEIVER_FOLDERS_MAX;

/** The receiver folders one walk opens at most (RECEIVER_FOLDERS_MAX, lower in tests). */
export function receiverFoldersMax(): number {
  return foldersMax;
}

/** TEST ONLY: as setBusListMaxForTests, for receiverFoldersMax. */
export function setReceiverFoldersMaxForTests(max: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setReceiverFoldersMaxForTests is for the test suite only');
  foldersMax = max ?? RECEIVER_FOLDERS_MAX;
}

/**
 * How many files one look of a wait reads at most (responses.ts responseFinder's `lookReads`): it
 * read every file of the outbox it had not judged yet, and 100,000 empty files planted there, named
 * like messages, made each 1 s MCP wait take 1.8-2.9 s. The files left are read by the looks after
 * it, which come without waiting for a change while some are left (wait.ts waitUntil's `again`; at most one look per WAIT_LOOK_GAP_MS), answers named with ids
 * the bus made dated within the request's window first, those dated after now last (responses.ts
 * responseFinder's `rank`).
 */
export const WAIT_LOOK_READS = 1_000;
let lookReads = WAIT_LOOK_READS;

/** The files one look of a wait reads at most (WAIT_LOOK_READS, lower in tests). */
export function waitLookReads(): number {
  return lookReads;
}

/** TEST ONLY: a lower WAIT_LOOK_READS (undefined restores it); throws unless under vitest. */
export function setWaitLookReadsForTests(max: number | undefined): void {
  if (process.env.VITEST !== 'true') throw new Error('setWaitLookReadsForTests is for the test suite only');
  lookReads = max ?? WAIT_LOOK_READS;
}

/**
 * One lookup's bound on the names it lists in all, over every folder it lists, and whether a
 * listing stopped there; and on the receiver folders it opens (`folders` left), with how many it
 * did not open (`unreadReceivers`: then `unlisted` too, the lookup being partial); and on the
 * lstats a lookup of one id makes past those folders (`probes` left: listed-receivers.ts
 * ReceiverProbe), busListMax of them: 20,000 planted folders take some 80,000, 0.15 s.
 */
export interface ListBudget {
  left: number;
  unlisted: boolean;
  folders: number;
  unreadReceivers: number;
  probes: number;
}

/** A lookup's budget (busListMax names, unless `max`; receiverFoldersMax folders). */
export function listBudget(max = busListMax()): ListBudget {
  return { left: max, unlisted: false, folders: foldersMax, unreadReceivers: 0, probes: listMax };
}

/** What an answer says when a walk over the receivers left `n` of their folders unopened (ListBudget.unreadReceivers). */
export function receiversUnreadNote(n: number): string {
  return `${counted(n, 'receiver folder')} not read: a call opens at most ${foldersMax}, every bus's receivers first (any bus writer can make more); name a receiver to look in its folder (--receiver @NAME for show, wait, thread and retry, --as @NAME for reply; a tool's receiver argument)`;
}

/** `names` (what a lookup says of a listing that stopped at busListMax), or receiversUnreadNote when the lookup left receiver folders unopened. */
function partialNote(unreadReceivers: number | undefined, names: string): string {
  return unreadReceivers !== undefined && unreadReceivers > 0 ? receiversUnreadNote(unreadReceivers) : names;
}

/** `list(max)`, a listing made up to what `budget` has left, its `count` names taken from it (`more`: it stopped there). */
export function listWithin<T extends { more: boolean }>(budget: ListBudget, list: (max: number) => T, count: (r: T) => number): T {
  const r = list(Math.max(0, budget.left));
  budget.left -= count(r);
  budget.unlisted ||= r.more;
  return r;
}

/**
 * What an answer says when a listing stopped at busListMax (`folder`: as it may be named), in
 * every caller's words: what it shows comes from the names listed, and the rest are still there.
 */
export function unlistedNote(folder: string, shown: string): string {
  return `${folder} holds more than ${listMax} files, and a listing stops at ${listMax} names (any bus writer can plant any number): ${shown}; the rest were not listed, and nothing was lost or moved (remove the files that are not messages to see all)`;
}

/** The JSON field of a partial listing (`unlisted_files: true`, as a thread lookup gives it), or nothing. */
export function unlistedField(unlisted: boolean): { unlisted_files: true } | Record<string, never> {
  return unlisted ? { unlisted_files: true } : {};
}

/** What inbox (the command and the MCP tool) says when inbox/ holds more names than a listing makes. */
export function inboxUnlistedNote(who: string): string {
  return unlistedNote(`${who}'s inbox`, 'the messages listed, and their count, are those among the first names listed: more may wait');
}

/** What inbox says when processing/ holds more names than a listing makes (its `processing` count, more_than). */
export function processingUnlistedNote(who: string): string {
  return unlistedNote(`${who}'s processing`, 'processing counts the claims among the first names listed (more_than: {"processing": N})');
}

/** What claim (the command and the MCP tool) says then: it looked among the first names listed only. */
export function claimUnlistedNote(who: string, claimed: boolean): string {
  return unlistedNote(
    `${who}'s inbox`,
    claimed
      ? 'the message claimed is the oldest among the first names listed, not surely the oldest waiting'
      : 'no message waits among the first names listed, but some may wait among the rest',
  );
}

/** What a lone `dispatch claim` says when its stale-claim sweep stopped at `names` names of processing/ (claims.ts LONE_SWEEP_BATCHES). */
export function sweepPartialNote(who: string, names: number): string {
  return `the sweep for stale claims stopped at the first ${names} names of ${who}'s processing/, which holds more: stale claims among the rest stay until 'dispatch serve ${who}' (or the MCP server's claim tool) sweeps on, batch by batch`;
}

/** What a lone `dispatch claim` says when its sweep handed back as many expired claims as one sweep does (claims.ts SWEEP_RETURNS_MAX). */
export function sweepStoppedNote(who: string, returned: number): string {
  return `the sweep for stale claims stopped after ${returned} of ${who}'s expired claims, and processing/ holds more: they come back at the next claim, or as 'dispatch serve ${who}' (or the MCP server's claim tool) sweeps on`;
}

/** `note` holding each of `notes` given, joined, or nothing. */
export function noteJson(notes: (string | undefined)[]): { note: string } | Record<string, never> {
  const given = notes.filter((n): n is string => n !== undefined);
  return given.length > 0 ? { note: given.join('; ') } : {};
}

/** What dead-letter (the command and the MCP tool) says when dead-letter/ holds more names than a listing makes. */
export function deadLetterUnlistedNote(who: string): string {
  return unlistedNote(`${who}'s dead-letter`, 'the dead letters listed, and their total, are those among the first names listed: there may be more');
}

/** What status (the command and the MCP tool) says when a listing of its stopped at the bound. */
export function statusUnlistedNote(): string {
  return unlistedNote('a folder status counts', "total, and each count a row's more_than names (text: 'more than N files'), count the names listed only");
}

/** What status (the command and the MCP tool) says when it opened only some receiver folders to order its rows (busStatus's unread_receivers). */
export function statusUnreadReceiversNote(n: number): string {
  return `${receiversUnreadNote(n)}; those waiting come first among those opened`;
}

/** What a wait (wait, send --wait, the MCP wait tool) says when it timed out with a folder past the bound, or files not read yet. */
export function waitUnlistedNote(who: string): string {
  return `${who}'s outbox or archive holds more files than the wait looked through: a listing stops at ${listMax} names, and a look reads at most ${lookReads} files, answers named with ids the bus made first (any bus writer can plant any number); no answer is among those looked through, but it may be among the rest (call wait again), and nothing was lost or moved`;
}

/**
 * waitUnlistedNote after `; ` when a wait timed out with a folder past the bound (waitForResponse's
 * `unlisted`), else '': send --wait, run and the REPL say it as wait does.
 */
export function waitUnlistedSuffix(waited: object, who: string): string {
  return 'unlisted' in waited ? `; ${waitUnlistedNote(who)}` : '';
}

/** What an id lookup (a prefix, the hint for an id not found) says when it stopped at the bound (`unreadReceivers`: busMessageIds'). */
export function idLookupUnlistedNote(unreadReceivers?: number): string {
  return `${PARTIAL}${partialNote(unreadReceivers, unlistedNote('a folder of the bus', 'the ids looked through are among the names listed, and more may start with it'))}`;
}

const PARTIAL = 'the lookup was partial: ';

/**
 * What a lookup of one id says when a listing stopped at the bound (query.ts findMessage's `seen`):
 * show, and the refusals of claim and reply and a wait's "the request is …" that say where it is.
 */
export function findUnlistedNote(unreadReceivers?: number): string {
  return `${PARTIAL}${partialNote(
    unreadReceivers,
    unlistedNote(
      'a folder of the bus (a processing/ folder, or runtimes/)',
      'the places named are among the names listed, and the message may be in more (a claim of it among the rest)',
    ),
  )}`;
}

/** Whether a lookup (or several, for one answer) stopped at the bound: findMessage sets it. */
export interface LookupSeen {
  unlisted: boolean;
  /** Receiver folders the walk did not open (ListBudget.unreadReceivers). */
  unreadReceivers?: number;
}

/**
 * `text` (a refusal saying where a message is) with findUnlistedNote after it when `seen` says the
 * lookup was partial, but not twice: idHint, for an id found nowhere, says it already.
 */
export function withFindUnlisted(text: string, seen: LookupSeen): string {
  return seen.unlisted && !text.includes(PARTIAL) ? `${text}; ${findUnlistedNote(seen.unreadReceivers)}` : text;
}

/** The fields of a --json answer (or a tool's) whose lookup `seen` was partial: unlisted_files and note, with the answer's `other` notes. */
export function findUnlistedJson(seen: LookupSeen, other: (string | undefined)[] = []): { unlisted_files?: true; note?: string } {
  return { ...unlistedField(seen.unlisted), ...noteJson([...other, seen.unlisted ? findUnlistedNote(seen.unreadReceivers) : undefined]) };
}
