/**
 * The size bounds of `dispatch mcp` results. A result is read by a model: Claude Code refuses (or
 * cuts, after the claim already took the message) a tool result over 25,000 tokens
 * (MAX_MCP_OUTPUT_TOKENS' default) and warns past 10,000, and a token is at least a byte of the
 * text, so every tool result is built to fit RESULT_BYTES of JSON; a message text longer than its
 * room is cut, with its size, and read on with the show tool (textWindow). Sizes are bytes of JSON
 * as sent (a quote takes 2), of untrusted text once the characters no reader sees became visible
 * escapes (fitText), so escaping cannot push a result over its budget.
 */
import { cutShown, type Cut } from '../../text/cut.ts';
import { HEADER_BYTES, type HeaderText } from '../json-fields.ts';
import type { UntrustedMessageText } from '../query.ts';
import { terminalText } from '../../text/untrusted.ts';

export type { Cut };

/** The most JSON text one tool result is: past it, a result is a too_large error (no tool makes one by design). */
export const RESULT_LIMIT = 20 * 1024;
/** The budget every tool builds its result to fit, below RESULT_LIMIT. */
export const RESULT_BYTES = 18 * 1024;
/** The most of a message's body (or context: `show`) one result shows: less when the rest of the result leaves less room (fitted). */
export const TEXT_WINDOW_BYTES = 12 * 1024;
/** The least of a text a result shows, whatever the rest of it takes. */
const MIN_TEXT_BYTES = 1024;
/** The most of a message's context claim and wait show; the rest is read with show (field context). */
export const CONTEXT_BYTES = 2 * 1024;
/** The most of each body (and context) shown in a listing of messages (thread). */
export const LISTED_BODY_BYTES = 2 * 1024;
/**
 * The most of each listed message's file read (thread): its headers and the part of its body a
 * listing shows, with room to spare. A larger file's cut says so (`file`).
 */
export const LISTED_READ_BYTES = 64 * 1024;
export { HEADER_BYTES };
/** The most of a dead letter's reason shown in a listing (dead_letters, thread), and in wait's result. */
export const LISTED_REASON_BYTES = 1024;
export const REASON_BYTES = 4 * 1024;
/** Entries listed per call (inbox, thread) unless `limit` says otherwise, and the most `limit` takes. */
export const LIST_DEFAULT = 100;
export const LIST_MAX = 1000;
/** A listing's entries take at most this, leaving room for the result's own fields. */
export const LIST_BUDGET = RESULT_BYTES - 2 * 1024;
/** The most of each recipient of a To header shown, and of all of them: the rest are counted. */
const RECIPIENT_BYTES = 256;
const TO_BYTES = 1024;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The bytes code point `c` takes inside a JSON string, as JSON.stringify writes it. */
function jsonCodePointBytes(c: number): number {
  if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) return 2;
  if (c < 0x20) return 6;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 6; // a lone surrogate: escaped as \udxxx
  return c < 0x10000 ? 3 : 4;
}

/**
 * Untrusted `text` as a result shows it: every character a reader would not see as what it is
 * (controls, bidi overrides, zero-width and tag characters ...) as a visible escape (terminalText),
 * cut to its longest prefix that ends at a code point and takes at most `max` bytes of JSON once
 * escaped (the escapes count against the budget). `cut.bytes` is the size of the text itself,
 * `cut.shown_bytes` that of its part shown, before escaping: the rest was left out.
 */
export function fitText(text: string, max: number): { text: string; cut?: Cut } {
  // Fits whatever it holds (9 bytes of JSON per UTF-16 unit at most, a lone surrogate's \u{d800}): no scan.
  if (text.length * 9 + 2 <= max) return { text: terminalText(text) };
  const r = cutShown(text, max - 2, jsonCodePointBytes); // 2: the quotes
  return r.cut ? { text: terminalText(r.text), cut: r.cut } : { text: terminalText(text) };
}

/** A header's value as an MCP result gives it: its shown form (fitText), cut to HEADER_BYTES of JSON. */
export const shownHeader: HeaderText = (header) => fitText(header, HEADER_BYTES);

type Cuts = Record<string, Cut | { count: number; shown: number }>;

/**
 * The headers of a message as a result shows them, each cut to its bound, and what was cut (by
 * field name; `to` counts recipients). The cut text stays under `untrusted`; `cut` is in our words.
 */
export function boundedHeaders(u: Omit<UntrustedMessageText, 'body' | 'context'>, cut: Cuts = {}) {
  const shownText = (field: string, s: string | null): string | null => {
    if (s === null) return null;
    const r = fitText(s, HEADER_BYTES);
    if (r.cut) cut[field] = r.cut;
    return r.text;
  };
  const to: string[] = [];
  let toBytes = 0;
  for (const t of u.to) {
    const shown = fitText(t, RECIPIENT_BYTES).text;
    toBytes += jsonBytes(shown) + 1;
    if (toBytes > TO_BYTES && to.length > 0) break;
    to.push(shown);
  }
  if (to.length < u.to.length) cut.to = { count: u.to.length, shown: to.length };
  const headers = {
    from: shownText('from', u.from),
    to,
    thread: shownText('thread', u.thread),
    timestamp: shownText('timestamp', u.timestamp),
    in_reply_to: shownText('in_reply_to', u.inReplyTo),
    turn: u.turn,
  };
  return { headers, cut };
}

/**
 * The `untrusted` object of a result: the headers (boundedHeaders), the body cut to `bodyBytes`
 * and the context to `contextBytes` of JSON, and what was cut (by field name).
 */
export function boundedUntrusted(u: UntrustedMessageText, bodyBytes: number, contextBytes = CONTEXT_BYTES) {
  const { headers, cut } = boundedHeaders(u);
  const body = fitText(u.body, bodyBytes);
  if (body.cut) cut.body = body.cut;
  const context = u.context === null ? null : fitText(u.context, contextBytes);
  if (context?.cut) cut.context = context.cut;
  const untrusted = { ...headers, body: body.text, context: context ? context.text : null };
  return { untrusted, cut: Object.keys(cut).length ? cut : undefined };
}

/**
 * `build(max)`, a result holding a message text cut to `max` bytes of JSON, with that text given
 * the room the rest of the result leaves in RESULT_BYTES, at most `most`: built once with none of
 * the text (its cut and note then say more than they will), its size is the rest's.
 */
export function fitted<T>(build: (max: number) => T, most = TEXT_WINDOW_BYTES): T {
  const rest = jsonBytes(build(0));
  return build(Math.max(MIN_TEXT_BYTES, Math.min(most, RESULT_BYTES - rest)));
}

/**
 * The part of `text` from byte `offset` of its UTF-8 (moved back to the start of the character
 * it falls in) that fits in `max` bytes of JSON once shown (fitText), and where the next part
 * starts: show's way through a text that claim, wait or thread cut (their `cut.shown_bytes` is
 * the offset of what follows). The parts put together are the text.
 */
export function textWindow(text: string, offset: number, max: number) {
  const bytes = Buffer.from(text, 'utf8');
  let start = Math.min(offset, bytes.length);
  while (start > 0 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start--;
  // A character takes at least as many bytes of JSON as of UTF-8: `max` bytes of the text hold every character shown.
  let end = Math.min(bytes.length, start + max);
  while (end > start && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  const shown = fitText(bytes.subarray(start, end).toString('utf8'), max);
  const shownBytes = shown.cut ? shown.cut.shown_bytes : end - start;
  const next = start + shownBytes;
  return { text: shown.text, offset: start, shown_bytes: shownBytes, bytes: bytes.length, ...(next < bytes.length ? { next_offset: next } : {}) };
}

export interface Page<U> {
  listed: U[];
  total: number;
  offset: number;
  truncated: boolean;
  next_offset?: number;
}

/**
 * At most `limit` of `items` from `offset`, and no more than fit in `budget` bytes of JSON (at
 * least one, each entry being bounded itself). `render` runs for the listed entries only, so a
 * listing of 50,000 files reads a page of them. `truncated` says more follow, from `next_offset`.
 */
export function page<T, U>(items: readonly T[], a: { limit?: number | undefined; offset?: number | undefined }, render: (t: T) => U, budget: number): Page<U> {
  const offset = Math.min(a.offset ?? 0, items.length);
  const end = Math.min(items.length, offset + (a.limit ?? LIST_DEFAULT));
  const listed: U[] = [];
  let used = 0;
  for (let i = offset; i < end; i++) {
    const entry = render(items[i]!);
    used += jsonBytes(entry) + 1;
    if (used > budget && listed.length > 0) break;
    listed.push(entry);
  }
  const next = offset + listed.length;
  return { listed, total: items.length, offset, truncated: next < items.length, ...(next < items.length ? { next_offset: next } : {}) };
}
