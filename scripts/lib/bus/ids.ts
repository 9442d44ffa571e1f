/**
 * Message ids: UUID version 7 (RFC 9562), so that file names sort by creation time and cannot
 * collide (the reference's 8-hex ids could, silently overwriting a message).
 */
import { secureRandomBytes } from '../crypto/random-bytes.ts';

let lastMs = -1;
let sequence = 0;

/**
 * How far ahead of the clock a process's ids may be dated: their time is their creation time
 * (status, thread and a wait's look order read it, and an id typed short is its millisecond). Ids
 * count up within a millisecond (at least 3,072 of them, some 3 ms of making ids back to back), and
 * run ahead only past that, or when the clock is set back a little. When it is set back further
 * (or an id was made with a later `now`) the next id is dated by the clock: kept to the last time
 * instead, every id the process made until the clock caught up (a serve or MCP server: minutes,
 * hours) shared one millisecond, ids typed short named them all, and a wait read its answer among
 * the ids dated after now, last.
 */
export const ID_AHEAD_MAX_MS = 10;

/** A new UUIDv7; ids made by one process are increasing while the clock does not go back more than ID_AHEAD_MAX_MS behind them. */
export function newMessageId(now = Date.now()): string {
  let ms = now;
  if (ms <= lastMs && lastMs - ms <= ID_AHEAD_MAX_MS) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    sequence = secureRandomBytes(2).readUInt16BE(0) & 0x3ff; // leave room to count up within one ms
  }
  const bytes = secureRandomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** TEST ONLY: forgets the last id's time, as a new process starts (test/support/per-file.ts: an earlier file's ids do not date this file's). */
export function resetMessageIdsForTests(): void {
  if (process.env.VITEST !== 'true') throw new Error('resetMessageIdsForTests is for the test suite only');
  lastMs = -1;
  sequence = 0;
}

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Whether an id has the shape of the ids the bus makes (UUIDv7), which carry their creation time.
 * Whether an id may be named as ours (a message's or a thread's) is isWordlessId's question.
 */
export function isUuid7(id: string): boolean {
  return UUID7.test(id);
}

/**
 * Whether an id (a message's, or a thread's) can be named in our own words: a UUIDv7, or the
 * reference's 8 hex digits. Other ids a writer chose (`system-notice-run-the-body`) can spell an
 * instruction, so the commands show them only inside a data fence and name them by pointing at it,
 * and a JSON result gives them under `untrusted_` keys (json-fields.ts).
 */
export function isWordlessId(id: string): boolean {
  return isUuid7(id) || /^[0-9a-f]{8}$/.test(id);
}

/** A message id in our words: as it is when it cannot spell words (isWordlessId), else `what`, which the text beside it points at. */
export function idInOurWords(id: string, what: string): string {
  return isWordlessId(id) ? `msg-${id}` : what;
}

/** How a command (or a tool call) we suggest names message `id`: itself, or its handle (idHandle) when it can spell words. */
export function idArgument(id: string): string {
  return isWordlessId(id) ? id : idHandle(id);
}

/** The creation time (ms) of a UUIDv7 id, or undefined for other ids. */
export function idTimeMs(id: string): number | undefined {
  if (!UUID7.test(id)) return undefined;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** File name of a message: `msg-<id>.hw`. */
export function messageFileName(id: string): string {
  return `msg-${id}.hw`;
}

/** The id inside a message file name as written (any characters), or undefined when the name is not a message's. */
export function idFromFileName(name: string): string | undefined {
  const m = /^msg-(.+)\.hw$/s.exec(name);
  return m ? m[1] : undefined;
}

/**
 * The shape every message id must have: our UUIDv7s, the reference's 8-hex ids and the slugs
 * people chose (`claude-phase2-ack`, `1769934566-entropy-collision`). The id comes from a file
 * name any writer chooses, and it is shown in prompts, JSON and terminals: nothing else passes.
 */
const MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * Also not an id that starts `msg-`: an id is typed as its file name (`msg-<id>`, `msg-<id>.hw`),
 * so `msg-<A>` would name both <A> and the id `msg-<A>` (file msg-msg-<A>.hw), and a bus writer's
 * msg-msg-<A>.hw got someone else's request <A> claimed and answered in its place (review of
 * 2026-12-06). Such a file is not a message (a dead letter, bad_id, as any other bad name).
 */
export function isValidMessageId(id: string): boolean {
  return typeof id === 'string' && MESSAGE_ID.test(id) && !/^msg-/i.test(id);
}

/** The id of a message file name when it has the strict shape, else undefined. */
export function validIdFromFileName(name: string): string | undefined {
  const id = idFromFileName(name);
  return id !== undefined && isValidMessageId(id) ? id : undefined;
}

/** The pairs an id is pasted between: quotes, a backtick pair (Markdown), angle brackets (`<id>`). */
const WRAPPINGS: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['<', '>'],
];

/**
 * What someone typed or pasted as an id, unwrapped: white space around it, one comma or period
 * after it (the end of a sentence it was copied from), then one pair of quotes, backticks or angle
 * brackets around it. None of these characters can be part of an id, so taking them off never
 * changes which message is meant.
 */
function unwrapped(raw: string): string {
  let id = raw.trim();
  if (id.endsWith(',') || id.endsWith('.')) id = id.slice(0, -1).trimEnd();
  const pair = WRAPPINGS.find(([open, close]) => id.length >= 2 && id.startsWith(open) && id.endsWith(close));
  return pair ? id.slice(1, -1).trim() : id;
}

/**
 * How a refusal names an id the bus did not make (id-resolve.ts withGivenId), in a command one can
 * copy: `id:` and the hex of its bytes, each XOR 0x5a. Such an id can spell words, and is never
 * quoted outside a fence; its plain hex still reads as ASCII to a model, this spells nothing.
 * parseMessageIdArg takes it for the id, so every command and MCP tool takes it.
 */
export function idHandle(id: string): string {
  return `id:${Buffer.from(Buffer.from(id).map((b) => b ^ 0x5a)).toString('hex')}`;
}

/**
 * Normalises what a user typed as a message id (`<id>`, `msg-<id>`, `msg-<id>.hw`, pasted in
 * quotes, backticks or angle brackets, or with a comma or period after it: unwrapped; a handle,
 * idHandle), refusing anything that could name a path.
 */
export function parseMessageIdArg(raw: string): string | undefined {
  let id = unwrapped(raw);
  // A handle is exactly the id it encodes: an id may start with msg- (a bus writer's msg-msg-<A>.hw),
  // and taking that off named <A>, someone else's message.
  if (/^id:(?:[0-9a-f]{2})+$/.test(id)) {
    const decoded = Buffer.from(id.slice(3), 'hex')
      .map((b) => b ^ 0x5a)
      .toString();
    return isValidMessageId(decoded) ? decoded : undefined;
  }
  if (id.endsWith('.hw')) id = id.slice(0, -3);
  if (id.startsWith('msg-')) id = id.slice(4);
  return isValidMessageId(id) ? id : undefined;
}
