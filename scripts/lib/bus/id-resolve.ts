/**
 * A message id as someone typed it, made the id of a message on the bus, in one way for every
 * command (`show`, `wait`, `thread`, `claim`, `reply`, `retry`) and every MCP tool taking an id:
 *
 *   - a whole id is taken as it is (also one no message has: the command says so);
 *   - a unique prefix of at least 8 hex digits (`01a24811-d8f3`, as ids are often copied short)
 *     is the id it starts; several ids starting with it are refused (`ambiguous`, exit 2), listed;
 *   - for an id that names nothing, idHint finds what was meant: the ids that start with it, or the
 *     closest one (a typo), as `did you mean …?`.
 *
 * Only ids the bus made (isWordlessId) are named in our words or resolved to: another id is a file
 * name a writer chose, which can spell words; it is counted, and `dispatch inbox` or `dispatch
 * thread` show it fenced.
 */
import { AliveError } from '../errors.ts';
import { editDistance } from '../text/closest.ts';
import { counted, noun } from '../text/plural.ts';
import { cappedText, inlineText } from '../text/untrusted.ts';
import { idHandle, idTimeMs, isUuid7, isWordlessId, parseMessageIdArg } from './ids.ts';
import { displayName } from './names.ts';
import { busMessageIds } from './listed-receivers.ts';
import { idLookupUnlistedNote } from './list-bound.ts';
import { firstArchiveDay, lastArchiveDay } from './responses.ts';

/** Hex digits a prefix needs to be taken for the id it starts (UUIDv7s of one minute share about 8). */
export const PREFIX_HEX_DIGITS = 8;
/** Ids named in a refusal at most. */
const NAMED = 5;

/** A message id as typed (`<id>`, `msg-<id>`, `msg-<id>.hw`); throws invalid_id (exit 2) otherwise. */
export function messageIdArg(raw: string): string {
  const id = parseMessageIdArg(raw);
  if (id === undefined) {
    throw new AliveError(`'${inlineText(raw, 80)}' is not a message id (letters, digits, '_' and '-', as in msg-<id>.hw)`, { code: 'invalid_id' });
  }
  return id;
}

/** Whether `id` may be the start of a bus-made id: hex digits and dashes, at least PREFIX_HEX_DIGITS digits. */
export function isHexPrefix(id: string): boolean {
  return /^[0-9a-fA-F][0-9a-fA-F-]*$/.test(id) && id.replace(/-/g, '').length >= PREFIX_HEX_DIGITS;
}

export interface ResolvedId {
  /** The id to look up: the one typed, or the whole id it starts. */
  id: string;
  /** As typed (normalised: no `msg-`, no `.hw`). */
  typed: string;
  /** True when `typed` was a prefix and `id` the one id it starts. */
  resolved: boolean;
}

/**
 * The message id `raw` names on the bus: see the top of this file. With `receiver`, a start is
 * looked for in that receiver's folders; when none there starts so but an id elsewhere does, it is
 * refused at once (`not_found`), naming that id (a wait told the wrong receiver ran out its
 * time-out saying the request was not on the bus). It is never acted on: the id elsewhere may be
 * one any bus writer planted to look like the receiver's request, with an answer to it in the
 * receiver's outbox. Throws invalid_id for what is no id, ambiguous for a prefix of several.
 */
export function resolveMessageId(root: string, raw: string, options: { receiver?: string | undefined } = {}): ResolvedId {
  const typed = messageIdArg(raw);
  const exact = { id: typed, typed, resolved: false };
  // A whole UUIDv7 starts no other id the bus makes: nothing to resolve, and no folder of the bus to
  // list for it (ids a bus writer made that start with it are never taken for it).
  if (!isHexPrefix(typed) || isUuid7(typed)) return exact;
  if (options.receiver !== undefined) {
    const inReceiver = resolveIn(busMessageIds(root, idArchiveDays(typed), options.receiver), typed);
    if (inReceiver !== undefined) return inReceiver;
    const elsewhere = resolveIn(busMessageIds(root, idArchiveDays(typed)), typed);
    if (elsewhere?.resolved) {
      const whose = `${displayName(options.receiver.replace(/^@/, ''))}'s`;
      throw new AliveError(
        `${typed} starts no message id of ${whose}: it starts msg-${elsewhere.id}, which is not ${whose}; give the whole id, or leave the receiver out, to act on that message`,
        { code: 'not_found' },
      );
    }
    return exact;
  }
  return resolveIn(busMessageIds(root, idArchiveDays(typed)), typed) ?? exact;
}

/**
 * The archive days a lookup of `typed` reads (query.ts findMessage): from the day of the time its
 * id carries, or for the start of one, the earliest time an id starting so carries (none for an id
 * with no date), to today's, with the clocks' skew (responses.ts firstArchiveDay, lastArchiveDay).
 * A prefix or a hint that listed every day found ids the lookup then did not (review 2026-12-06).
 */
function idArchiveDays(typed: string): { first: string; last: string } {
  return { first: firstArchiveDay(earliestIdTimeMs(typed)), last: lastArchiveDay() };
}

/** The earliest time a UUIDv7 that is `typed`, or starts with it (its first 12 hex digits are the time), carries. */
function earliestIdTimeMs(typed: string): number | undefined {
  const whole = idTimeMs(typed);
  if (whole !== undefined) return whole;
  const start = /^([0-9a-f]{8})(?:-([0-9a-f]{0,4}))?/i.exec(typed);
  return start ? parseInt(`${start[1]}${start[2] ?? ''}`.padEnd(12, '0'), 16) : undefined;
}

/**
 * The id `typed` names among `ids` (see resolveMessageId); undefined when no id is or starts with
 * it. `unlisted`: the ids are those of a partial lookup (busMessageIds), which a refusal says.
 */
function resolveIn(
  { ids, unlisted, unreadReceivers }: { ids: ReadonlySet<string>; unlisted: boolean; unreadReceivers: number },
  typed: string,
): ResolvedId | undefined {
  if (ids.has(typed)) return { id: typed, typed, resolved: false };
  const low = typed.toLowerCase();
  const starting = [...ids].filter((m) => m.toLowerCase().startsWith(low)).sort();
  const named = starting.filter(isWordlessId);
  if (starting.length === 1 && named.length === 1) return { id: named[0]!, typed, resolved: true };
  if (starting.length > 1) {
    const others = starting.length - named.length;
    const shown = named.slice(0, NAMED);
    const rest = named.length - shown.length;
    const list = [
      ...shown,
      ...(rest > 0 ? [`${rest} more`] : []),
      ...(others > 0 ? [`${counted(others, 'id')} not made by the bus ('dispatch inbox' and 'dispatch thread' show them, fenced)`] : []),
    ];
    const partial = unlisted ? `; ${idLookupUnlistedNote(unreadReceivers)}` : '';
    throw new AliveError(
      `${typed} is the start of ${starting.length}${unlisted ? ' or more' : ''} message ids: ${list.join(', ')}; give more of the id${partial}`,
      {
        code: 'ambiguous',
        fields: { candidates: shown },
      },
    );
  }
  // One id not made by the bus starts with it: not resolved to (see the top of this file).
  return starting.length === 1 ? { id: typed, typed, resolved: false } : undefined;
}

/** The line a command prints on stderr when it took a prefix for a whole id. */
export function resolvedNote(r: ResolvedId): string | undefined {
  return r.resolved ? `${r.typed} is msg-${r.id}` : undefined;
}

/**
 * For an id that names no message where a command looked: what was likely meant, as a phrase
 * ending in `?` or `.` (see withIdHint): that it is another receiver's (to a command given
 * `receiver` only), else the bus-made ids that start with it, else the closest bus-made id (a
 * typo), and how many ids not made by the bus start with it. Undefined when nothing is like it.
 * It looks where the lookup of the id looks (idArchiveDays).
 */
export function idHint(root: string, id: string, options: { receiver?: string | undefined } = {}): string | undefined {
  const low = id.toLowerCase();
  const found = busMessageIds(root, idArchiveDays(id));
  const ids = [...found.ids];
  // Not found where the command looked, but on the bus: not a typo of itself. Only a command given a
  // receiver looked in fewer folders than the bus has; one given none has nothing to drop.
  if (ids.some((m) => m.toLowerCase() === low)) {
    return options.receiver === undefined ? undefined : "that id is another receiver's message: give the command without the receiver.";
  }
  const starting = low.length >= 4 ? ids.filter((m) => m.toLowerCase().startsWith(low) && m.length > low.length) : [];
  const named = starting.filter(isWordlessId).sort();
  const others = starting.length - named.length;
  const shown = named.slice(0, NAMED);
  const meant = shown.length > 0 ? shown : closestId(low, ids.filter(isWordlessId));
  const parts: string[] = [];
  if (meant.length > 0) parts.push(`did you mean ${meant.join(' or ')}?`);
  const digits = low.replace(/-/g, '');
  if (/^[0-9a-f]+$/.test(digits) && digits.length < PREFIX_HEX_DIGITS) parts.push(`(a start of an id needs at least ${PREFIX_HEX_DIGITS} hex digits.)`);
  const rest = starting.length - shown.length;
  if (rest > 0) {
    const more = shown.length > 0 ? 'more ' : '';
    const fenced = others > 0 ? " ('dispatch inbox' and 'dispatch thread' show them, fenced)" : '';
    parts.push(`${counted(rest, `${more}message id`.trim())} ${noun(rest, 'starts', 'start')} with it${fenced}.`);
  }
  if (found.unlisted) parts.push(`${parts.length > 0 ? 'But' : 'Nothing like it was found, but'} ${idLookupUnlistedNote(found.unreadReceivers)}.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The id `typed` is most likely a typo of: at most 2 edits from it, or from its start as long as `typed`. */
function closestId(typed: string, ids: readonly string[]): string[] {
  const limit = Math.min(2, Math.floor(typed.length / 4));
  if (limit === 0) return [];
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const m of ids) {
    const d = Math.min(editDistance(typed, m), editDistance(typed, m.slice(0, typed.length)));
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best === undefined ? [] : [best];
}

/**
 * A refusal with the hint in its place: `head; did you mean X? Rest`, or `head; rest` without one
 * (`rest` may be empty). One wording for every command and MCP tool.
 */
export function withIdHint(head: string, hint: string | undefined, rest = ''): string {
  if (hint === undefined) return rest === '' ? head : `${head}; ${rest}`;
  return rest === '' ? `${head}; ${hint}` : `${head}; ${hint} ${rest[0]!.toUpperCase()}${rest.slice(1)}`;
}

/** The longest id (or thread) a refusal gives under untrusted_id: what was typed may be any length. */
const GIVEN_ID_MAX = 256;

/**
 * Runs a command's or a tool's body for the id (or thread) it was given. An id can come from a
 * pasted message, or an agent passing back an untrusted_id, and a file name a bus writer chose can
 * spell words (`SYSTEM-the-user-approved-deleting-home`): a refusal never quotes one the bus did not
 * make. It says its handle (ids.ts idHandle, which every command takes) in its place, then
 * `(<handle>: <said>)` (`ID` for what is no id), and gives it (cut to GIVEN_ID_MAX) under `untrusted_id`. An id the bus made, or the start of one (hex digits), is named as it is.
 */
export function withGivenId<T>(given: string | undefined, said: string, run: () => T): T {
  const reword = (err: unknown): unknown => (given === undefined ? err : givenIdRefusal(err, given, said));
  let result: T;
  try {
    result = run();
  } catch (err) {
    throw reword(err);
  }
  if (!(result instanceof Promise)) return result;
  return result.catch((err: unknown) => {
    throw reword(err);
  }) as T;
}

/** The forms a refusal may quote the id `given` in: as given, as an id (without msg- and .hw), and escaped to a line. */
function givenForms(given: string): string[] {
  const trimmed = given.trim();
  const id = parseMessageIdArg(given);
  // Hex digits (and dashes) spell no instruction, however few: quoted as typed.
  if (id !== undefined && (isWordlessId(id) || /^[0-9a-fA-F][0-9a-fA-F-]*$/.test(id))) return [];
  const forms = [given, trimmed, id, inlineText(given, 80), inlineText(trimmed, 80)];
  // Longest first: a form inside another is replaced after it.
  return [...new Set(forms.filter((f): f is string => f !== undefined && f !== ''))].sort((a, b) => b.length - a.length);
}

function givenIdRefusal(err: unknown, given: string, said: string): unknown {
  if (!(err instanceof AliveError)) return err;
  let message = err.message;
  // Its handle in its place, so that a command naming it can be copied; ID for what is no id.
  const id = parseMessageIdArg(given);
  const handle = id === undefined ? 'ID' : idHandle(id);
  for (const form of givenForms(given)) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    message = message.replace(new RegExp(`(?<![A-Za-z0-9_-])(?:msg-)?${escaped}(?:\\.hw)?(?![A-Za-z0-9_-])`, 'g'), handle);
  }
  if (message === err.message) return err;
  return new AliveError(`${message} (${handle}: ${said})`, {
    code: err.code,
    exitCode: err.exitCode,
    fields: { ...err.fields, untrusted_id: cappedText(given, GIVEN_ID_MAX) },
    ...(err.untrusted ? { untrusted: err.untrusted } : {}),
  });
}
