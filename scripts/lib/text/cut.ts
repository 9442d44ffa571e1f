/**
 * Cutting text to a byte budget: the longest prefix that fits, ending between two code points (a
 * surrogate pair is never split). How many bytes a code point takes is the caller's: UTF-8 for a
 * terminal or a file (utf8CodePointBytes), JSON as sent for an MCP result (mcp/bounds.ts).
 */

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
