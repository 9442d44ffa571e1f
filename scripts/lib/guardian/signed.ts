/**
 * Signed log entries and whether a set of edits would change one.
 *
 * A walnut log (log.md) is YAML frontmatter followed by entries, newest first, each opened by a
 * `## ` heading (in a log written otherwise, a `### ` or `# ` one: entryLevel) and closed by a
 * signature line such as `signed: squirrel:<session>`. An entry that carries a signature is immutable.
 *
 * "Touching" a signed entry means changing its text in any way: editing a line of its body,
 * its heading or its signature, deleting it, moving it past another signed entry, or splitting
 * it with a new heading. Prepending a new
 * entry after the frontmatter leaves every signed entry as it was, so it is allowed even when the
 * edit's anchor text includes part of an existing entry. To decide, the edits are applied to the
 * file's current text the way the Edit tool applies them, and the signed entries before and after
 * are compared. When that is impossible (the file cannot be read, or an old_string is not found
 * verbatim — the tool might still match it after normalising quotes or line ends), the rule falls
 * back to the text alone: an old_string with a signature marker on any of its lines is denied
 * (the reference read only its first line, bug 11.3.11).
 */
import type { TextEdit } from '../hook/input.ts';

const SIGNATURE = /signed:[ \t]*(?:squirrel|alive-mcp):/i;

export function hasSignatureMarker(text: string): boolean {
  return SIGNATURE.test(text);
}

/** CRLF read as LF, as the Edit tool matches them; a lone CR is a character like any other. */
function normaliseNewlines(text: string): string {
  return text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
}

/** Offset where the body starts: after a leading `---` ... `---` frontmatter block, if any. */
function bodyStart(text: string): number {
  if (!text.startsWith('---\n')) return 0;
  const close = text.indexOf('\n---', 3);
  if (close === -1) return 0;
  const lineEnd = text.indexOf('\n', close + 4);
  // The closing line must be exactly `---` (allow trailing spaces).
  const closingLine = text.slice(close + 1, lineEnd === -1 ? text.length : lineEnd);
  if (closingLine.trimEnd() !== '---') return 0;
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

/** An entry's text, and where it stands in the log (its blank lines around it included). */
interface Entry {
  text: string;
  start: number;
  end: number;
}

const HEADING = /^(#{1,6}) /;

/** A heading's level (1-6), or 7 for a line that is none. */
const levelOf = (line: string) => (line[0] === '#' && HEADING.exec(line)?.[1]?.length) || 7;

/**
 * The heading that opens an entry: `## ` (2), the format's own, when the log (line ends read) has a
 * `## ` heading; else, in a log written with `### ` or `# ` entries, a heading of this level or
 * less (a `# Log` title above `### ` entries stands apart): the least level of the headings between
 * its first and last signature lines, or above the first when there are none.
 */
function entryLevel(text: string): number {
  let h2 = false;
  let signatures = 0;
  let since = 7;
  let above = 7;
  let between = 7;
  eachLine(text.slice(bodyStart(text)), (_at, line, inside) => {
    const h = inside ? 7 : levelOf(line);
    if (h === 2) h2 = true;
    if (h < 7) since = Math.min(since, h);
    else if (hasSignatureMarker(line)) {
      if (signatures++ === 0) above = since;
      else between = Math.min(between, since);
      since = 7;
    }
  });
  const level = between < 7 ? between : above;
  return h2 || level === 7 ? 2 : level;
}

/** True when `line` opens an entry of a log whose entries open at `level` (entryLevel). */
const opensEntry = (line: string, level: number) => (level === 2 ? line.startsWith('## ') : levelOf(line) <= level);

/**
 * The entries of a log body: split before every line that opens one (a `## ` heading; entryLevel),
 * other than one inside a fenced code block or an HTML block (a `## comment` in a bash block, a
 * heading in a Markdown template: part of the entry). An entry is its lines as they are, without
 * the blank lines around it (those are between entries): a blank added at the end of its signature
 * line is a change.
 */
function entries(text: string, level: number): Entry[] {
  const from = bodyStart(text);
  const body = text.slice(from);
  const spans: [number, number][] = [];
  let start = 0;
  eachLine(body, (at, line, inside) => {
    if (at > start && !inside && opensEntry(line, level)) {
      spans.push([start, at]);
      start = at;
    }
  });
  spans.push([start, body.length]);
  return spans.map(([a, b]) => ({ text: withoutBlankLinesAround(body.slice(a, b)), start: from + a, end: from + b })).filter((e) => e.text !== '');
}

function withoutBlankLinesAround(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
}

/** The signed entries of a log (line ends already read), in the order they stand (newest first). */
function signedEntrySpans(text: string, level = entryLevel(text)): Entry[] {
  return entries(text, level).filter((e) => hasSignatureMarker(e.text));
}

function signedEntryList(text: string, level?: number): string[] {
  return signedEntrySpans(normaliseNewlines(text), level).map((e) => e.text);
}

/** The signed entries of a log, as a multiset (entry text → count). */
export function signedEntries(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of signedEntryList(text)) counts.set(e, (counts.get(e) ?? 0) + 1);
  return counts;
}

/**
 * Applies edits as the Edit/MultiEdit tools would, or returns undefined when an edit cannot be
 * reproduced exactly. An old_string that occurs more than once without replace_all makes the tool
 * refuse; here every occurrence is replaced, which covers whatever the tool might do.
 */
export function applyEdits(original: string, edits: readonly TextEdit[]): string | undefined {
  let text = normaliseNewlines(original);
  for (const edit of edits) {
    const oldString = normaliseNewlines(edit.oldString);
    const newString = normaliseNewlines(edit.newString);
    if (oldString === '') {
      if (text !== '') return undefined;
      text = newString;
      continue;
    }
    if (!text.includes(oldString)) return undefined;
    // The tool deletes the newline after an old_string whose new_string is empty, when there is one.
    const removed = newString === '' && !oldString.endsWith('\n') && text.includes(`${oldString}\n`) ? `${oldString}\n` : oldString;
    text = text.split(removed).join(newString);
  }
  return text;
}

/**
 * The edited text against the current one: every signed entry of the current text must still be
 * in the edited one, unchanged, as many times and in the same order, with no new entry between them
 * or below the oldest ('inserts-below': new entries go above the newest). One that is no longer an entry of its own may still stand
 * whole, in order, at a line's start and followed by a line that opens an entry, or the end: under
 * a fence or comment the edit left open above it ('hides-signed'), or under a new entry put above
 * text that had no heading of its own (a log opening with `<!--` or a `# Log` title), which keeps it.
 */
function compare(current: string, after: string): EditCheck {
  const level = entryLevel(normaliseNewlines(current));
  const was = signedEntryList(current, level);
  let k = 0;
  for (const entry of was.length > 0 ? signedEntryList(after, level) : []) if (k < was.length && entry === was[k]) k++;
  if (k === was.length) return was.length > 0 && addsBelowNewest(current, after, was, level) ? 'inserts-below' : 'keeps-signed';
  const text = normaliseNewlines(after);
  const from = bodyStart(text);
  const starts = new Set<number>();
  const end = ENTRY_END[level - 1]!;
  let at = from;
  for (const entry of was) {
    at = entryAt(text, entry, at, end);
    if (at === -1) return 'touches-signed';
    starts.add(at - from);
    at += entry.length;
  }
  let hidden = false;
  eachLine(text.slice(from), (at, _line, inside) => {
    if (inside && starts.has(at)) hidden = true;
  });
  return hidden ? 'hides-signed' : 'keeps-signed';
}

/**
 * How many entries stand after each of `signed` (the log's signed entries, in order) in `text`,
 * before the next one of them (the last: to the end); undefined when they are not all entries of
 * `text` in that order.
 */
function entriesAfterEach(text: string, signed: readonly string[], level: number): number[] | undefined {
  const all = entries(normaliseNewlines(text), level).map((e) => e.text);
  const counts: number[] = [];
  let k = 0;
  for (const entry of all) {
    if (k < signed.length && entry === signed[k]) {
      counts.push(0);
      k++;
    } else if (k > 0) counts[k - 1]!++;
  }
  return k === signed.length ? counts : undefined;
}

/**
 * True when the edit puts an entry between two of the signed entries `was`, or below the oldest:
 * the log is prepend-only, and an entry there is history made up (a backdated one, signed or not).
 * An entry that stood there already may be edited or removed.
 */
function addsBelowNewest(current: string, after: string, was: readonly string[], level: number): boolean {
  const before = entriesAfterEach(current, was, level);
  const now = entriesAfterEach(after, was, level);
  if (before === undefined || now === undefined) return false;
  return now.some((n, i) => n > before[i]!);
}

/**
 * After an entry of a log whose entries open at level 1 to 6 (entryLevel): blank lines, then a line
 * that opens one, or the end. Literals, not a RegExp built from text: a hook builds none (its
 * bundle is checked for that, test/tooling/bundle-startup.test.ts).
 */
const ENTRY_END = [
  /(?:\n[ \t]*)*(?:\n# |$)/y,
  /(?:\n[ \t]*)*(?:\n## |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,3} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,4} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,5} |$)/y,
  /(?:\n[ \t]*)*(?:\n#{1,6} |$)/y,
];

/** The first place at or after `from` where `entry` stands in `text` as a whole entry (followed by `end`); -1 when none. */
function entryAt(text: string, entry: string, from: number, end: RegExp): number {
  for (let i = text.indexOf(entry, from); i !== -1; i = text.indexOf(entry, i + 1)) {
    end.lastIndex = i + entry.length;
    if ((i === 0 || text[i - 1] === '\n') && end.test(text)) return i;
  }
  return -1;
}

const CURLY_QUOTES = /[\u2018\u2019\u201C\u201D]/g;
const ANY_QUOTE = /["'\u2018\u2019\u201C\u201D]/;

/** The Edit tool also matches an old_string whose quotes differ only in being curly or straight. */
function straightenQuotes(text: string): string {
  return text.replace(CURLY_QUOTES, (q) => (q === '\u2018' || q === '\u2019' ? "'" : '"'));
}

/**
 * What a set of edits would do to a log: keep its signed entries, change one, not apply, or apply
 * only with quotes matched as straight over part of a signed entry with quotes in new_string —
 * the tool then rewrites new_string's quotes after the file's, which cannot be checked exactly.
 */
export type EditCheck = 'keeps-signed' | 'touches-signed' | 'not-found' | 'quotes-uncertain' | 'hides-signed' | 'inserts-below' | 'too-much';

/** The most characters the edits of one call are applied over (edits × the log's length). */
export const EDIT_WORK_MAX = 256 * 1024 * 1024;

/**
 * Applies the edits to the log's current text as the Edit tool would (first verbatim, then with
 * curly quotes matched as straight ones, as the tool does) and compares the signed entries, byte
 * for byte (line ends read as the tool reads them).
 */
export function checkEdits(current: string, edits: readonly TextEdit[]): EditCheck {
  // Each edit is applied to the whole text: past this much work the hook could outlast its
  // timeout, which lets the call through. Such an edit is refused as one it cannot check.
  if (edits.length * Math.max(current.length, 1) > EDIT_WORK_MAX) return 'too-much';
  const after = applyEdits(current, edits);
  return after === undefined ? checkStraightenedEdits(normaliseNewlines(current), edits) : compare(current, after);
}

/** A line that closes a fence opened by `fence`: at least as many of its character, and nothing after. */
function closesFence(line: string, fence: string): boolean {
  const rest = line.replace(/^ {0,3}/, '');
  let n = 0;
  while (rest[n] === fence[0]) n++;
  return n >= fence.length && rest.slice(n).trim() === '';
}

/**
 * The fence a line opens: three or more backticks or tildes, after up to three spaces; after
 * backticks, no backtick on the line (CommonMark: ```` ```npm test``` passes ```` is inline code).
 */
function opensFence(line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)/.exec(line);
  return m && !(m[1]![0] === '`' && m[2]!.includes('`')) ? m[1] : undefined;
}

/**
 * CommonMark's HTML blocks that run to an end of their own, or to the end of the file when it never
 * comes (types 1 to 5: raw text elements, comments, processing instructions, declarations, CDATA):
 * the line that opens one, and what ends it. A Markdown view shows what they hold as HTML, hidden.
 */
const HTML_BLOCKS: ReadonlyArray<{ opens: RegExp; ends: RegExp }> = [
  { opens: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, ends: /<\/(?:script|pre|style|textarea)>/i },
  { opens: /^ {0,3}<!--/, ends: /-->/ },
  { opens: /^ {0,3}<\?/, ends: /\?>/ },
  { opens: /^ {0,3}<![A-Za-z]/, ends: />/ },
  { opens: /^ {0,3}<!\[CDATA\[/, ends: /\]\]>/ },
];

/** What ends the HTML block `line` opens and leaves open, or undefined. */
function opensHtmlBlock(line: string): RegExp | undefined {
  for (const block of HTML_BLOCKS) {
    const m = block.opens.exec(line);
    if (m) return block.ends.test(line.slice(m[0].length)) ? undefined : block.ends;
  }
  return undefined;
}

/**
 * Calls `visit` with each line of a log body (its offset and text) and whether it lies inside a
 * fenced code block (``` or ~~~) or an HTML block that runs to its own end (a comment, `<pre>`,
 * `<script>` …: opensHtmlBlock) opened above it.
 */
function eachLine(body: string, visit: (at: number, line: string, inside: boolean) => void): void {
  let fence: string | undefined;
  let html: RegExp | undefined;
  for (let at = 0; at < body.length; ) {
    let end = body.indexOf('\n', at);
    if (end === -1) end = body.length;
    const line = body.slice(at, end);
    visit(at, line, fence !== undefined || html !== undefined);
    if (html !== undefined) {
      if (html.test(line)) html = undefined;
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else {
      fence = opensFence(line);
      if (fence === undefined) html = opensHtmlBlock(line);
    }
    at = end + 1;
  }
}

/**
 * Whether any match (starts `at`, ascending, each `length` long) overlaps any of `spans` (ascending,
 * apart): one sweep over both, so that thousands of matches over thousands of entries stay linear.
 */
function overlapsAny(at: readonly number[], length: number, spans: readonly Entry[]): boolean {
  let k = 0;
  for (const i of at) {
    while (k < spans.length && spans[k]!.end <= i) k++;
    if (k < spans.length && spans[k]!.start < i + length) return true;
  }
  return false;
}

/**
 * The edits matched on the text with its quotes straightened (one character for one, so offsets
 * are the same in both texts), applied to the text as it is. Where a match covers part of a signed
 * entry and new_string holds a quote, the tool's rewriting of those quotes decides the entry's
 * bytes: 'quotes-uncertain'. Elsewhere new_string lands as given.
 */
function checkStraightenedEdits(current: string, edits: readonly TextEdit[]): EditCheck {
  let text = current;
  let uncertain = false;
  for (const edit of edits) {
    const oldString = straightenQuotes(normaliseNewlines(edit.oldString));
    const newString = normaliseNewlines(edit.newString);
    if (oldString === '') return 'not-found';
    const straight = straightenQuotes(text);
    const removed = newString === '' && !oldString.endsWith('\n') && straight.includes(`${oldString}\n`) ? `${oldString}\n` : oldString;
    const at: number[] = [];
    for (let i = straight.indexOf(removed); i !== -1; i = straight.indexOf(removed, i + removed.length)) at.push(i);
    if (at.length === 0) return 'not-found';
    if (!uncertain && ANY_QUOTE.test(newString)) uncertain = overlapsAny(at, removed.length, signedEntrySpans(text, entryLevel(current)));
    let out = '';
    let from = 0;
    for (const i of at) {
      out += text.slice(from, i) + newString;
      from = i + removed.length;
    }
    text = out + text.slice(from);
  }
  return uncertain ? 'quotes-uncertain' : compare(current, text);
}

/**
 * Would these edits of a log whose current text is `current` change a signed entry? When the
 * text is unknown (undefined) or the edits cannot be placed, only the text of the edits can tell:
 * an old_string with a signature marker on any line counts as touching one.
 */
export function editsTouchSignedEntry(current: string | undefined, edits: readonly TextEdit[]): boolean {
  const check = current === undefined ? 'not-found' : checkEdits(current, edits);
  if (check !== 'not-found') return check !== 'keeps-signed';
  return edits.some((e) => hasSignatureMarker(e.oldString));
}
