/**
 * Signed log entries and whether a set of edits would change one.
 *
 * A walnut log (log.md) is YAML frontmatter followed by entries, newest first, each opened by a
 * `## ` heading and closed by a signature line such as `signed: squirrel:<session>`. An entry that
 * carries a signature is immutable.
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

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
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

/** The entries of a log body: split before every line that starts with `## `. */
function entries(text: string): string[] {
  const body = text.slice(bodyStart(text));
  const out: string[] = [];
  let start = 0;
  const heading = /^## /gm;
  let m: RegExpExecArray | null;
  while ((m = heading.exec(body)) !== null) {
    if (m.index > start) out.push(body.slice(start, m.index));
    start = m.index;
    if (heading.lastIndex === m.index) heading.lastIndex++;
  }
  out.push(body.slice(start));
  return out.map((e) => e.trim()).filter((e) => e !== '');
}

/** The signed entries of a log, in the order they stand (newest first). */
function signedEntryList(text: string): string[] {
  return entries(normaliseNewlines(text)).filter(hasSignatureMarker);
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
 * True when every signed entry of `before` is still in `after`, unchanged, as many times and in
 * the same order (new entries may stand between them: the history is what it was).
 */
export function signedEntriesKept(before: string, after: string): boolean {
  const was = signedEntryList(before);
  if (was.length === 0) return true;
  const now = signedEntryList(after);
  let k = 0;
  for (const entry of now) if (k < was.length && entry === was[k]) k++;
  return k === was.length;
}

const CURLY_QUOTES = /[\u2018\u2019\u201C\u201D]/g;

/** The Edit tool also matches an old_string whose quotes differ only in being curly or straight. */
function straightenQuotes(text: string): string {
  return text.replace(CURLY_QUOTES, (q) => (q === '\u2018' || q === '\u2019' ? "'" : '"'));
}

/** What a set of edits would do to a log: keep its signed entries, change one, or not apply. */
export type EditCheck = 'keeps-signed' | 'touches-signed' | 'not-found';

/**
 * Applies the edits to the log's current text as the Edit tool would (first verbatim, then with
 * curly quotes matched as straight ones, as the tool does) and compares the signed entries.
 */
export function checkEdits(current: string, edits: readonly TextEdit[]): EditCheck {
  const after = applyEdits(current, edits);
  if (after !== undefined) return signedEntriesKept(current, after) ? 'keeps-signed' : 'touches-signed';
  const straight = straightenQuotes(current);
  const straightEdits = edits.map((e) => ({ ...e, oldString: straightenQuotes(e.oldString), newString: straightenQuotes(e.newString) }));
  const afterStraight = applyEdits(straight, straightEdits);
  if (afterStraight === undefined) return 'not-found';
  // Matched this way, the tool curls the quotes of new_string like the file's: a signed line with
  // quotes that an old_string takes and its new_string gives back may come back with other quotes.
  const quoted = [...signedEntries(straight).keys()].flatMap((e) => e.split('\n')).filter((l) => /["']/.test(l));
  if (straightEdits.some((e) => /["']/.test(e.newString) && quoted.some((l) => e.oldString.includes(l)))) return 'touches-signed';
  return signedEntriesKept(straight, afterStraight) ? 'keeps-signed' : 'touches-signed';
}

/**
 * Would these edits of a log whose current text is `current` change a signed entry? When the
 * text is unknown (undefined) or the edits cannot be placed, only the text of the edits can tell:
 * an old_string with a signature marker on any line counts as touching one.
 */
export function editsTouchSignedEntry(current: string | undefined, edits: readonly TextEdit[]): boolean {
  const check = current === undefined ? 'not-found' : checkEdits(current, edits);
  if (check !== 'not-found') return check === 'touches-signed';
  return edits.some((e) => hasSignatureMarker(e.oldString));
}
