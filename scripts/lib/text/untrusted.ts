/**
 * The one module for text that comes from someone else (archive entry names, manifests, relay
 * answers, bus messages, their ids and headers) on its way to a terminal, a log line or a prompt.
 * Import-free on purpose: the hook bundles load it on their fast path.
 *
 * Unsafe characters: C0 and C1 controls (ESC and CSI start escape sequences), DEL, the Unicode line
 * and paragraph separators, every format character (Cf: the bidi marks, embeddings, overrides and
 * isolates that reorder what is shown around them, zero-width and invisible marks that hide text,
 * the soft hyphen, the tag characters that spell invisible text), the whole tag block (U+E0000 to
 * U+E007F, its unassigned code points included), U+180E (a format character since Unicode 6.3,
 * listed for older tables), every default-ignorable code point (Default_Ignorable_Code_Point: the
 * variation selectors U+FE00 to U+FE0F and U+E0100 to U+E01EF, which draw nothing and can carry a
 * byte each, so a sentence after any visible character; the combining grapheme joiner U+034F, the
 * Khmer inherent vowels U+17B4 and U+17B5, the Mongolian variation selectors U+180B to U+180F, the
 * Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, letters that show as nothing: `garden` and
 * `garden\u3164` look alike; and the code points kept ignorable for later, U+2065, U+FFF0 to
 * U+FFF8, U+E0080 to U+E0FFF) and lone surrogates (which no terminal can show).
 */
// \p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point} of Unicode 17 (Node 20.20) written out, with
// U+2028, U+2029, U+180E and the tag block: V8 builds a \p{…} class when it parses the literal, even
// in a function never called, which cost every bundle about 0.3 ms of start-up.
// test/unit/unsafe-chars.test.ts checks this list against the running engine's classes, code
// point by code point.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: it matches each code point alone (a combining one too: U+034F, the variation selectors)
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu;
/**
 * Printable ASCII, which holds nothing unsafe (and PLAIN_LINES, the same in lines and tabs, for
 * terminalText): one test that needs no scan for unsafe characters on the common path.
 */
const PLAIN = /^[\x20-\x7e]*$/;
const PLAIN_LINES = /^[\x20-\x7e\n\t]*$/;

/** `text` with each unsafe character replaced by `by(c)`. */
function replaceUnsafe(text: string, by: (c: string) => string): string {
  return PLAIN.test(text) ? text : text.replace(UNSAFE, by);
}

/** True when `text` holds no character that may not be shown raw. */
export function isPrintable(text: string): boolean {
  if (PLAIN.test(text)) return true;
  UNSAFE.lastIndex = 0;
  return !UNSAFE.test(text);
}

/** The first character of `text` that may not be shown raw, or undefined (isPrintable's test). */
export function firstUnsafe(text: string): string | undefined {
  if (PLAIN.test(text)) return undefined;
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.exec(text)?.[0];
  UNSAFE.lastIndex = 0;
  return found;
}

/** `\xNN` for a code unit up to 0xff, `\u{NNNN}` above: visible and unambiguous. */
export function visibleEscape(c: string): string {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Multi-line text for a terminal (a message body, a listing): newlines and tabs stay, CRLF becomes
 * a newline, every other unsafe character (a lone CR included) is shown as a visible escape.
 */
export function terminalText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n');
  if (PLAIN_LINES.test(lines)) return lines;
  return replaceUnsafe(lines, (c) => (c === '\n' || c === '\t' ? c : visibleEscape(c)));
}

/** The first `max` code units of `text`, one fewer when the cut would split a surrogate pair. */
function cut(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * `text` kept as it is, but cut at `max` characters (with `…`): someone else's text stored where
 * it must not decide the size (a ledger entry every later run reads whole, a journal, a result).
 */
export function cappedText(text: string, max: number): string {
  return text.length > max ? `${cut(text, max - 1)}…` : text;
}

/**
 * One line inside a message of ours (an error, a notice, a table cell): every unsafe character,
 * line breaks and tabs included, is a visible escape, and the text is cut at `max` characters.
 */
export function inlineText(text: string, max = 200): string {
  const shown = replaceUnsafe(text, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : visibleEscape(c)));
  return shown.length > max ? `${cut(shown, max)}…` : shown;
}

/**
 * A failure's message as shown (the `error:` line, a --json failure, an MCP tool error): messages
 * may quote what someone else wrote (a key of a config file, a name), so one escaped, capped line.
 */
export function errorText(message: string): string {
  return inlineText(message, 4000);
}

/**
 * `JSON.stringify(value, null, indent)` with every unsafe character written as a `\u` escape
 * (JSON.stringify leaves C1 controls, DEL, bidi and invisible marks raw): the same value once
 * parsed, and nothing a terminal would act on when `--json` output is shown on one.
 */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  // A raw line break is the indentation's (JSON.stringify writes one inside a string as \n).
  return replaceUnsafe(text, (c) => {
    if (c === '\n') return c;
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/**
 * The first non-blank line of a body, for listings, cut at `max` characters, each unsafe character
 * as its visible escape, as terminalText shows the body (a space in its place hid a right-to-left
 * override or a zero-width space).
 */
export function summaryLine(body: string, max = 72): string {
  const first = (body.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\r$/, '');
  const clean = replaceUnsafe(first, visibleEscape).trim();
  return clean.length > max ? `${cut(clean, max - 3)}...` : clean;
}

/**
 * One inline, quoted, length-capped value for a signed log line: it can never start a line, end an
 * entry, fake a `signed:` line, or send control sequences.
 */
export function logValue(value: unknown, max = 120): string {
  let s = String(value ?? '')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ');
  s = replaceUnsafe(s, () => '?');
  if (s.length > max) s = `${cut(s, max - 1)}…`;
  s = s.replace(/`/g, "'").replace(/signed\s*:/gi, (m) => m.replace(':', '\\:'));
  return `\`${s}\``;
}

/**
 * A fence's nonce: 12 hex digits. What keeps a fence from being closed early is that the text does
 * not contain its nonce (a new one is drawn until it does not), not that the nonce is secret: the
 * text is written before the nonce is drawn. Math.random (seeded for each process from the
 * system's entropy) keeps fences apart from one run to the next without node:crypto, whose
 * loading costs a `dispatch status` some 4 ms of start-up.
 */
export function fenceNonce(): string {
  return Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
}

/**
 * Untrusted text for an agent's prompt, between two marker lines that carry a nonce the text does
 * not contain, so the text cannot close the fence early. `nonce` is injectable for tests.
 */
export function fenceData(label: string, text: string, nonce: () => string = fenceNonce): { open: string; body: string; close: string } {
  let n = nonce();
  while (text.includes(n)) n = nonce();
  return { open: `<<<BEGIN ${label} ${n}`, body: text, close: `END ${label} ${n}>>>` };
}
