/**
 * A value as a POSIX shell word, for commands our messages suggest: as it is when it holds only
 * characters no shell treats specially, else in single quotes (a `'` inside written `'\''`).
 */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (value !== '' && BARE.test(value)) return value;
  return `'${inSingleQuotes(value)}'`;
}

/** Text as it is written between single quotes (a `'` as `'\''`: close, an escaped quote, open). */
export function inSingleQuotes(text: string): string {
  return text.replaceAll("'", "'\\''");
}
