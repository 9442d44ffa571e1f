/**
 * The size bounds of `dispatch mcp` results. The official SDK's stdio client closes the connection
 * when one JSON-RPC line passes 10 MiB (its read buffer limit), and an agent cannot use a text
 * longer than its context anyway: every tool result is built to fit RESULT_BYTES of JSON. Sizes
 * are bytes of JSON as sent (a quote takes 2), of untrusted text once the characters no reader sees
 * became visible escapes (fitText), so escaping cannot push a result over its budget.
 */
import { cutShown, type Cut } from '../../text/cut.ts';
import type { HeaderText } from '../json-fields.ts';
import type { UntrustedMessageText } from '../query.ts';
import { terminalText } from '../../text/untrusted.ts';

export type { Cut };

/** The budget of one tool result's JSON object. */
export const RESULT_BYTES = 1024 * 1024;
/** The most of a message's context shown (its body: shown-body.ts BODY_BYTES, as the CLI); the rest is cut with a note. */
export const CONTEXT_BYTES = 128 * 1024;
/** The most of each body shown in a listing of messages (thread). */
export const LISTED_BODY_BYTES = 16 * 1024;
/**
 * The most of each listed message's file read (thread): its headers and the part of its body a
 * listing shows, with room to spare. A larger file's cut says so (`file`).
 */
export const LISTED_READ_BYTES = 64 * 1024;
/** The most of each header value shown (from, to, thread, timestamp, in_reply_to). */
export const HEADER_BYTES = 1024;
/** Entries listed per call (inbox, thread) unless `limit` says otherwise, and the most `limit` takes. */
export const LIST_DEFAULT = 100;
export const LIST_MAX = 1000;
/** Recipients shown of a To header. */
const TO_MAX = 50;

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

/**
 * The `untrusted` object of a result, its fields cut to their bounds, and what was cut (by field
 * name; `to` counts recipients). The cut text stays under `untrusted`; `cut` is in our words.
 */
export function boundedUntrusted(u: UntrustedMessageText, bodyBytes: number) {
  const cut: Record<string, Cut | { count: number; shown: number }> = {};
  const shownText = (field: string, s: string | null, max: number): string | null => {
    if (s === null) return null;
    const r = fitText(s, max);
    if (r.cut) cut[field] = r.cut;
    return r.text;
  };
  const to = u.to.slice(0, TO_MAX).map((t) => fitText(t, HEADER_BYTES).text);
  if (u.to.length > TO_MAX) cut.to = { count: u.to.length, shown: TO_MAX };
  const untrusted = {
    from: shownText('from', u.from, HEADER_BYTES),
    to,
    thread: shownText('thread', u.thread, HEADER_BYTES),
    timestamp: shownText('timestamp', u.timestamp, HEADER_BYTES),
    in_reply_to: shownText('in_reply_to', u.inReplyTo, HEADER_BYTES),
    turn: u.turn,
    body: shownText('body', u.body, bodyBytes)!,
    context: shownText('context', u.context, Math.min(bodyBytes, CONTEXT_BYTES)),
  };
  return { untrusted, cut: Object.keys(cut).length ? cut : undefined };
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
