/**
 * Cutting text to a byte budget: the longest prefix that fits, ending between two code points (a
 * surrogate pair is never split). How many bytes a code point takes is the caller's: UTF-8 for a
 * terminal or a file (utf8CodePointBytes), JSON as sent for an MCP result (mcp/bounds.ts).
 */
import { isPrintable, visibleEscape } from './untrusted.ts';

/**
 * The bytes of code point `c` in UTF-8, as Buffer.byteLength counts them: a lone surrogate is
 * written as U+FFFD, 3 bytes.
 */
export function utf8CodePointBytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/**
 * The longest prefix of `text` that ends between two code points and takes at most `max` bytes,
 * `bytesOf` giving each code point's size; `text` itself when all of it fits. One pass, stopping
 * at the cut.
 */
export function cutToBytes(text: string, max: number, bytesOf: (codePoint: number) => number): string {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    used += bytesOf(c);
    if (used > max) return text.slice(0, i);
    i += c > 0xffff ? 2 : 1;
  }
  return text;
}

/** What was cut of one text: its UTF-8 size, and the UTF-8 size of the part shown (the rest was left out). */
export interface Cut {
  bytes: number;
  shown_bytes: number;
}

/**
 * `bytesOf` for a code point as terminalText shows it: an unsafe character counts as its visible
 * escape (`\x1b`, `\u{202e}`), whose ASCII characters `bytesOf` sizes; a CR counts as `\x0d`,
 * which overcounts the CR of a CRLF (shown as a newline).
 */
export function shownCodePointBytes(bytesOf: (codePoint: number) => number): (codePoint: number) => number {
  return (c) => {
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09) return bytesOf(c);
    const ch = String.fromCodePoint(c);
    if (isPrintable(ch)) return bytesOf(c);
    let n = 0;
    for (const e of visibleEscape(ch)) n += bytesOf(e.charCodeAt(0));
    return n;
  };
}

/**
 * The longest prefix of untrusted `text` whose shown form (terminalText) takes at most `max`
 * bytes, `bytesOf` sizing each shown character (UTF-8 for a terminal, JSON for an MCP result), and
 * what was cut: the sizes of the text and of that prefix, so the bytes left out are their
 * difference. The prefix is the text's own; the caller escapes it as it shows it.
 */
export function cutShown(text: string, max: number, bytesOf: (codePoint: number) => number): { text: string; cut?: Cut } {
  const part = cutToBytes(text, max, shownCodePointBytes(bytesOf));
  if (part.length === text.length) return { text };
  return { text: part, cut: { bytes: Buffer.byteLength(text), shown_bytes: Buffer.byteLength(part) } };
}
