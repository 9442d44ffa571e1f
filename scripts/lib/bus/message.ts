/**
 * HelloWorld message files: a strict writer and a liberal reader (helloworld-bus.md sections 2-4).
 *
 * Written form (always with a final newline):
 *
 *   # HelloWorld Message            (or "# HelloWorld Response")
 *   # From: @sender
 *   # To: @receiver
 *   # Thread: <thread id>
 *   # Timestamp: <ISO-8601 UTC, Z>
 *   # Turn: <n>                      (hop count in the thread; unknown keys are kept by readers)
 *   # In-Reply-To: <request id>      (responses only)
 *   <blank line>
 *   <body>
 *   [<blank line>
 *   # Context
 *   <context>]
 *
 * The reader accepts every header generation the reference produced. The header block is the run
 * of header lines at the top and ends at the first blank line (or the first line that is not a
 * header), so a body whose first line starts with `#` keeps all its lines.
 */
import { trimEndOf, trimOf } from '../text/trim.ts';

export type MessageKind = 'message' | 'response';

/** Oddities the reader accepted; useful in `inbox --json` and tests. */
export type MessageFlag =
  | 'no-headers'
  | 'no-title'
  /** The file's bytes are not UTF-8: its text is their latin1 decoding (see NOT_UTF8_PROBLEM). */
  | 'not-utf8'
  | 'crlf'
  | 'no-final-newline'
  | 'doubled-header'
  | 'duplicate-header'
  | 'leading-comment'
  | 'unprefixed-headers'
  | 'bom';

export interface ParsedMessage {
  /** From the title line; undefined when the file has none (HEAD writer, hand-written files). */
  kind: MessageKind | undefined;
  /** Every header, keys lowercased, values trimmed; the last of duplicate keys wins. */
  headers: Record<string, string>;
  /** The From value as written (may be anything, e.g. "--help" or "@"). */
  from: string | undefined;
  /** To recipients: a comma list, or the names inside "All Agents (A, B)". */
  to: string[];
  thread: string | undefined;
  timestamp: string | undefined;
  /** Timestamp in ms since the epoch, when it parses. */
  timeMs: number | undefined;
  inReplyTo: string | undefined;
  /** Hop count in the thread (our extension); undefined when absent or not a number. */
  turn: number | undefined;
  body: string;
  /** A trailing `# Context` section, split off the body. */
  context: string | undefined;
  /** Headers of a second header block found at the start of the body (kept in the body). */
  nestedHeaders: Record<string, string> | undefined;
  flags: MessageFlag[];
}

export interface MessageToWrite {
  kind: MessageKind;
  from: string;
  to: string[];
  thread: string;
  timestamp: Date;
  turn?: number;
  inReplyTo?: string;
  body: string;
  context?: string;
}

// Lines are split on \n only: a value may hold U+2028/U+2029 (shown escaped later).
const TITLE = /^#[ \t]*HelloWorld[ \t]+(Message|Response)[ \t]*$/i;
// A header's name and colon; its value is the rest of the line without the spaces and tabs around
// it (trimOf: a pattern ending in `(.*?)[ \t]*$` costs the square of a long run of spaces).
const PREFIXED_HEADER = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*:/;
const UNPREFIXED_HEADER = /^(From|To|Thread|Timestamp|In-Reply-To|Turn)[ \t]*:/i;
const CONTEXT_LINE = /^#[ \t]*Context[ \t]*$/;

/** Decodes file bytes as strict UTF-8 (a leading BOM is dropped); undefined when not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** What a message whose file is not UTF-8 carries in its `problem`: its text is not what the bytes meant. */
export const NOT_UTF8_PROBLEM = 'its bytes are not valid UTF-8: the text is shown decoded as latin1 (one character per byte)';

/**
 * A bus file's bytes (or its first bytes, `cut`) as a message: UTF-8 (a character cut at the end of
 * a prefix is dropped), else latin1, so that nothing is lost, flagged `not-utf8`.
 */
export function parseMessageBytes(bytes: Buffer, cut = false): ParsedMessage {
  for (let drop = 0; drop <= (cut ? 3 : 0) && drop <= bytes.length; drop++) {
    const text = decodeUtf8(bytes.subarray(0, bytes.length - drop));
    if (text !== undefined) return parseMessage(text);
  }
  const message = parseMessage(bytes.toString('latin1'));
  message.flags.push('not-utf8');
  return message;
}

/** The headers of a message from its file's first bytes (the body is left out). */
export function headersOf(bytes: Buffer): ParsedMessage {
  const text = bytes.toString('utf8');
  const headerEnd = text.search(/\r?\n\r?\n/);
  return parseMessage(headerEnd === -1 ? text : text.slice(0, headerEnd));
}

/** True for an answer: titled `# HelloWorld Response`, or with an In-Reply-To header. */
export function isResponse(m: ParsedMessage): boolean {
  return isAnswer(m.kind, m.inReplyTo);
}

function isAnswer(kind: MessageKind | undefined, inReplyTo: string | undefined): boolean {
  return kind === 'response' || (inReplyTo !== undefined && inReplyTo !== '');
}

/**
 * The first step of parseMessage: the text (a BOM dropped, CRLF made LF) and the header block at
 * its top, with the flags raised on the way. Lines are read from the top as far as the block goes:
 * a body of millions of lines (a planted 62 MiB of CRLF) is never split into an array, which took
 * seconds of a server's event loop and gigabytes of its heap.
 */
function readTop(raw: string): { text: string; block: HeaderBlock; flags: MessageFlag[] } {
  const flags: MessageFlag[] = [];
  let text = raw;
  if (text.startsWith('\ufeff')) {
    text = text.slice(1);
    flags.push('bom');
  }
  if (text.includes('\r\n')) {
    text = crlfAsLf(text);
    flags.push('crlf');
  }
  if (text.length > 0 && !text.endsWith('\n')) flags.push('no-final-newline');

  // The first line that is not blank (past the end when every line is).
  const firstSeen = firstNonSpace(text, 0, text.length);
  let at = firstSeen === -1 ? text.length + 1 : lineStartAt(text, firstSeen, 0);

  // History variant: a Smalltalk comment line first, then headers without the "# " prefix.
  let allowUnprefixed = false;
  const first = lineAt(text, at);
  if (first?.line.trimStart().startsWith('"')) {
    const end = endOfLeadingComment(text, at);
    if (end !== undefined) {
      const next = lineAt(text, end)?.line;
      if (next !== undefined && (UNPREFIXED_HEADER.test(next) || PREFIXED_HEADER.test(next) || TITLE.test(next))) {
        flags.push('leading-comment');
        allowUnprefixed = true;
        at = end;
      }
    }
  }

  const block = readHeaderBlock(text, at, allowUnprefixed);
  if (block.unprefixed) flags.push('unprefixed-headers');
  if (block.duplicate) flags.push('duplicate-header');
  return { text, block, flags };
}

/**
 * Whether the text at the start of a message file is an answer's (isResponse), from its header
 * block alone: for the SessionStart notice, which reads a file's first bytes and loads no more of
 * the reader than this.
 */
export function isAnswerText(head: string): boolean {
  const { block } = readTop(head);
  return isAnswer(block.kind, block.headers['in-reply-to']);
}

/**
 * isAnswerText of a file's first bytes, `head`, read up to `headBytes`: a head cut there is read up
 * to its last whole line, since a title cut short (`# HelloWorld Response|s`) is no title.
 */
export function isAnswerHead(head: Buffer, headBytes: number): boolean {
  const text = head.toString('utf8');
  return isAnswerText(head.length < headBytes ? text : text.slice(0, text.lastIndexOf('\n') + 1));
}

export function parseMessage(raw: string): ParsedMessage {
  const { text, block, flags } = readTop(raw);
  let bodyStart: number;
  if (block.count === 0) {
    flags.push('no-headers');
    bodyStart = 0; // the whole text is the body, comments included
  } else {
    bodyStart = block.end;
    const first = lineAt(text, bodyStart);
    if (first !== undefined && first.line.trim() === '') bodyStart = first.next;
  }
  if (block.count > 0 && block.kind === undefined) flags.push('no-title');

  // The body's lines are [bodyStart, bodyEnd) of the text; a trailing `# Context` section follows.
  let bodyEnd = text.length;
  let context: string | undefined;
  const ctx = bodyStart > text.length ? undefined : lastContextSection(text, bodyStart);
  if (ctx !== undefined) {
    const after = lineAt(text, ctx)!.next;
    const contextText = trimEndOf(blankLinesTrimmed(text, after, text.length), ' \t');
    context = contextText === '' ? undefined : contextText;
    bodyEnd = ctx === bodyStart ? ctx : ctx - 1;
  }
  const body = trimEndOf(blankLinesTrimmed(text, bodyStart, bodyEnd), ' \t');

  let nestedHeaders: Record<string, string> | undefined;
  const firstBodyLine = lineAt(body, 0);
  if (firstBodyLine !== undefined && TITLE.test(firstBodyLine.line)) {
    const nested = readHeaderBlock(body, 0, false);
    if (nested.count > 0) {
      nestedHeaders = nested.headers;
      flags.push('doubled-header');
    }
  }

  const h = block.headers;
  const timestamp = h.timestamp;
  const parsedTime = timestamp === undefined ? NaN : Date.parse(timestamp);
  const turn = h.turn !== undefined && /^\d{1,6}$/.test(h.turn) ? Number(h.turn) : undefined;
  return {
    kind: block.kind,
    headers: h,
    from: h.from,
    to: h.to === undefined ? [] : splitRecipients(h.to),
    thread: h.thread,
    timestamp,
    timeMs: Number.isFinite(parsedTime) ? parsedTime : undefined,
    inReplyTo: h['in-reply-to'],
    turn,
    body,
    context,
    nestedHeaders,
    flags,
  };
}

/** Characters of a text replaced at a time by crlfAsLf. */
const CRLF_SPAN = 1 << 16;

/**
 * `text` with each CRLF made LF, a span at a time, each span a flat string (split and join): a
 * replace over the whole text, or of each span, made a string of a part per match (12 million CRLF
 * took 400 MB beside the text).
 */
function crlfAsLf(text: string): string {
  const spans: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CRLF_SPAN);
    // Never between the two characters of a CRLF.
    if (end < text.length && text.charCodeAt(end - 1) === 13) end++;
    spans.push(text.slice(at, end).split('\r\n').join('\n'));
    at = end;
  }
  return spans.join('');
}

interface HeaderBlock {
  kind: MessageKind | undefined;
  headers: Record<string, string>;
  /** Number of header lines (title included). */
  count: number;
  /** Where the first line after the block starts in the text (past its end when none follows). */
  end: number;
  unprefixed: boolean;
  duplicate: boolean;
}

/**
 * The line of `text` that starts at `start` (lines are split on \n only, as String.split does),
 * and where the next one starts: past the text's end (length + 1) when it is the last. Undefined
 * when `start` is past the end.
 */
function lineAt(text: string, start: number): { line: string; next: number } | undefined {
  if (start > text.length) return undefined;
  const nl = text.indexOf('\n', start);
  return nl === -1 ? { line: text.slice(start), next: text.length + 1 } : { line: text.slice(start, nl), next: nl + 1 };
}

/** Where the line holding `index` starts (not before `from`, a line start). */
function lineStartAt(text: string, index: number, from: number): number {
  return Math.max(from, text.lastIndexOf('\n', index - 1) + 1);
}

/** Index of the first character in [from, to) that trim would keep, or -1 (a slice is a view, not a copy). */
function firstNonSpace(text: string, from: number, to: number): number {
  const rest = text.slice(from, to).trimStart().length;
  return rest === 0 ? -1 : to - rest;
}

/** Index of the last character in [from, to) that trim would keep (from - 1 when none does). */
function lastNonSpace(text: string, from: number, to: number): number {
  return from + text.slice(from, to).trimEnd().length - 1;
}

/**
 * The lines of [from, to) (`from` a line start, `to` a line's end) without the blank lines at
 * their top and bottom, joined by \n: one slice of the text, whatever its number of lines.
 */
function blankLinesTrimmed(text: string, from: number, to: number): string {
  const first = firstNonSpace(text, from, to);
  if (first === -1) return '';
  const last = lastNonSpace(text, from, to);
  const end = text.indexOf('\n', last);
  return text.slice(lineStartAt(text, first, from), end === -1 || end > to ? to : end);
}

function readHeaderBlock(text: string, start: number, allowUnprefixed: boolean): HeaderBlock {
  // No prototype: a header is a sender's name (`# Constructor:`), never an object's own property.
  const headers: Record<string, string> = Object.create(null);
  let kind: MessageKind | undefined;
  let count = 0;
  let unprefixed = false;
  let duplicate = false;
  let at = start;
  for (let read = lineAt(text, at); read !== undefined; at = read.next, read = lineAt(text, at)) {
    const { line } = read;
    if (line.trim() === '') break;
    const title = TITLE.exec(line);
    if (title && count === 0) {
      kind = title[1]!.toLowerCase() === 'response' ? 'response' : 'message';
      count++;
      continue;
    }
    let m = PREFIXED_HEADER.exec(line);
    if (!m && allowUnprefixed) {
      m = UNPREFIXED_HEADER.exec(line);
      if (m) unprefixed = true;
    }
    if (!m) break;
    const key = m[1]!.toLowerCase();
    if (key in headers) duplicate = true;
    headers[key] = trimOf(line.slice(m[0].length), ' \t');
    count++;
  }
  return { kind, headers, count, end: at, unprefixed, duplicate };
}

/**
 * Where the line after the one that closes a `"..."` comment starting at `start` begins, if it
 * closes within 50 lines.
 */
function endOfLeadingComment(text: string, start: number): number | undefined {
  let read = lineAt(text, start)!;
  if (read.line.trimStart().indexOf('"', 1) !== -1) return read.next;
  for (let j = 1; j < 50; j++) {
    const next = lineAt(text, read.next);
    if (next === undefined) return undefined;
    read = next;
    if (read.line.includes('"')) return read.next;
  }
  return undefined;
}

/**
 * Where the last `# Context` line that starts a trailing section begins (the first line at or after
 * `from`, or one after a blank line), if any: found from the end through the occurrences of
 * "Context", each line tested once.
 */
function lastContextSection(text: string, from: number): number | undefined {
  for (let k = text.lastIndexOf('Context'); k >= from; ) {
    const start = lineStartAt(text, k, from);
    const end = text.indexOf('\n', k);
    if (CONTEXT_LINE.test(text.slice(start, end === -1 ? text.length : end))) {
      if (start === from || text.slice(lineStartAt(text, start - 1, from), start - 1).trim() === '') return start;
    }
    if (start === 0) break;
    k = text.lastIndexOf('Context', start - 1);
  }
  return undefined;
}

/**
 * "Claude, Gemini" and "All Agents (Claude, Gemini, Codex)" both give the names: the text between
 * the first "(" and the first ")" after it, else the whole value. Two indexOf calls, not the
 * pattern /\(([^)]*)\)/: a header of "(" with no ")" after them made each "(" the start of a scan
 * to its end, the square of its length (a megabyte kept a daemon busy for a quarter of an hour).
 */
export function splitRecipients(value: string): string[] {
  const open = value.indexOf('(');
  const close = open === -1 ? -1 : value.indexOf(')', open + 1);
  const inner = close === -1 ? value : value.slice(open + 1, close);
  return inner
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The file text of a message we write. Header values are single-line by construction. */
export function formatMessage(msg: MessageToWrite): string {
  const lines = [
    msg.kind === 'response' ? '# HelloWorld Response' : '# HelloWorld Message',
    // First: a wait reads the first 4 KiB of each file (responses.ts HEAD_BYTES), and the To and
    // Thread copied from the request are any writer's length.
    ...(msg.inReplyTo !== undefined ? [`# In-Reply-To: ${oneLine(msg.inReplyTo)}`] : []),
    `# From: ${oneLine(msg.from)}`,
    `# To: ${msg.to.map(oneLine).join(', ')}`,
    `# Thread: ${oneLine(msg.thread)}`,
    `# Timestamp: ${msg.timestamp.toISOString()}`,
  ];
  if (msg.turn !== undefined) lines.push(`# Turn: ${msg.turn}`);
  lines.push('');
  const body = msg.body.replace(/\r\n/g, '\n');
  lines.push(trimEndOf(body, '\n'));
  const context = msg.context === undefined ? undefined : trimEndOf(msg.context.replace(/\r\n/g, '\n'), '\n');
  // A body holding a "# Context" line of its own gets an explicit (maybe empty) section after
  // it, so that the reader's "last # Context section" rule never cuts the body.
  const bodyHasContextLine = body.split('\n').some((l) => CONTEXT_LINE.test(l));
  if ((context !== undefined && context !== '') || bodyHasContextLine) {
    lines.push('', '# Context');
    if (context) lines.push(context);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
