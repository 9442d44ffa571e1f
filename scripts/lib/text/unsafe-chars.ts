/**
 * Characters that must never reach a terminal or a one-line message raw when the text comes from
 * someone else (archive entry names, manifests, relay answers, messages): C0 and C1 controls (ESC
 * and CSI start escape sequences), DEL, the Unicode line and paragraph separators, and the bidi
 * embedding, override and isolate marks (which reorder what is shown around them).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces every unsafe character of `text` with `replace(c)`. With `keepLayout`, newline and tab
 * pass through (multi-line terminal output); otherwise they are replaced too (one-line messages).
 */
export function replaceUnsafe(text: string, keepLayout: boolean, replace: (c: string) => string): string {
  return text.replace(UNSAFE, (c) => (keepLayout && (c === '\n' || c === '\t') ? c : replace(c)));
}

/** `\xNN` for a code unit up to 0xff, `\u{NNNN}` above: visible and unambiguous. */
export function visibleEscape(c: string): string {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
