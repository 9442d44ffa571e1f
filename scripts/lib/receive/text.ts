/**
 * Package text (manifest values, key.md, insights.md) is untrusted data. These helpers make it
 * safe to place in a signed log line or on a terminal: it can never start a line, end an entry,
 * fake a `signed:` line, or send control sequences.
 */
import { replaceUnsafe } from '../text/unsafe-chars.ts';


/** One inline, quoted, length-capped value for a log line. */
export function logValue(value: unknown, max = 120): string {
  let s = String(value ?? '');
  s = replaceUnsafe(s.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, ' '), false, () => '?');
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  s = s.replace(/`/g, "'").replace(/signed\s*:/gi, (m) => m.replace(':', '\\:'));
  return `\`${s}\``;
}

/** Text for a terminal: line breaks and tabs kept, every other control character made visible. */
export function terminalText(text: string): string {
  return replaceUnsafe(text.replace(/\r\n/g, '\n').replace(/\r/g, '\n'), true, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
