/**
 * Strict standard base64 (RFC 4648 section 4, padded: what Python's base64.b64encode and Node's
 * Buffer#toString('base64') write), checked by one loop. The regular expression it replaces,
 * `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`, overflows V8's regexp stack
 * on an input of megabytes (RangeError: Maximum call stack size exceeded) instead of answering.
 */

/** A base64 digit of the standard alphabet: A-Z, a-z, 0-9, '+' or '/'. */
const isBase64Digit = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;

/**
 * Whether `text` is standard padded base64: whole groups of four digits, `=` only as the last one
 * or two characters, nothing else (no white space, no URL-safe digits). The empty text is, as the
 * encoding of no bytes; a caller that needs bytes checks the decoded length.
 */
export function isStandardBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let i = 0; i < text.length - pad; i++) if (!isBase64Digit(text.charCodeAt(i))) return false;
  return true;
}
