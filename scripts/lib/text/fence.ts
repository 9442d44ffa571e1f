import { AliveError, messageOf } from '../errors.ts';
import { fenceData, isPrintable, terminalText } from './untrusted.ts';

/**
 * Untrusted text shown to a person or an agent reading our output: escaped for the terminal and
 * fenced by two marker lines carrying a nonce the text does not contain (a forged end line
 * in the text cannot close the fence early and put text after it in our words).
 */
export function fencedLines(label: string, text: string): string[] {
  const f = fenceData(label, terminalText(text));
  return [f.open, f.body, f.close];
}

/**
 * A sender's text that can stand quoted in our own words: a name, short, printable, of letters,
 * digits and marks of any script and ASCII punctuation but quotes and the shell's `;|&<>$`
 * (`notes/a-1.md`, `..\\x`, `C:/x`), so never a sentence: no white space, and no character that
 * only looks like it or like punctuation of ours (U+2800, typographic quotes, U+2024, fullwidth
 * punctuation passed a second review of 2026-12-07).
 */
export const isPlainName = (text: string): boolean => text.length > 0 && text.length <= 160 && isPrintable(text) && PLAIN_NAME.test(text);
const PLAIN_NAME = /^[\p{L}\p{N}\p{M}!#%()*+,\-./:=?@[\\\]^_{}~]+$/u;

/**
 * A value from someone else (an entry's name, a manifest field) for a message of ours: quoted in it
 * when it is a plain name, else replaced by words pointing at `untrusted`, a fence that follows
 * the message (--json: error.untrusted). `what`: a few words of ours naming it ('entry name').
 */
export function senderText(value: string, what: string): { shown: string; untrusted?: ReturnType<typeof untrustedDetail> } {
  if (isPlainName(value)) return { shown: `'${value}'` };
  const reference = `(its ${what}, the sender's text, follows: untrusted)`;
  return { shown: reference, untrusted: untrustedDetail(what, value, reference) };
}

/**
 * A sender's name for a line of ours that cannot carry a fence (a note in a list): quoted when it
 * is a plain name (senderText), else left out, saying so.
 */
export function senderName(value: string): string {
  return isPlainName(value) ? `'${value}'` : NOT_SHOWN;
}

/** What a line of ours says in place of a sender's name that is not a plain name. */
export const NOT_SHOWN = "(a name of the sender's, not shown here)";

/** A path or name that is partly the sender's (a walnut's world-relative path): as it is when plain, else left out as senderName does. */
export function plainOr(value: string): string {
  return isPlainName(value) ? value : NOT_SHOWN;
}

/**
 * An error's untrusted detail (errors.ts UntrustedDetail): `label` is a few lowercase words of ours
 * ('config problem'), the fence is `UNTRUSTED CONFIG PROBLEM`, the --json field `config_problem`.
 * `reference`: the words the message ends with to point at it (summaryOf below).
 */
export function untrustedDetail(label: string, text: string, reference?: string): { json: Record<string, string>; lines: string[]; reference?: string } {
  return {
    json: { [label.replace(/ /g, '_')]: text },
    lines: fencedLines(`UNTRUSTED ${label.toUpperCase()}`, text),
    ...(reference !== undefined ? { reference } : {}),
  };
}

/**
 * An error as an entry of a list or a warning: its message, with the untrusted detail that message
 * refers to (if any), which must go with it: `untrusted` beside the message in --json (the shape of
 * `error.untrusted`), `lines` (its fence) right after the entry's line in text.
 */
export interface ErrorEntry {
  message: string;
  untrusted?: Readonly<Record<string, string>>;
  lines: readonly string[];
}

export function errorEntryOf(err: unknown): ErrorEntry {
  const detail = err instanceof AliveError ? err.untrusted : undefined;
  return { message: messageOf(err), ...(detail ? { untrusted: detail.json } : {}), lines: detail?.lines ?? [] };
}

/**
 * The message without the words that point at its untrusted detail: for text kept where the
 * detail is not shown (the probe's last_error in state.json, which `relay status` shows), in our words only.
 */
export function summaryOf(err: unknown): string {
  const message = messageOf(err);
  const reference = err instanceof AliveError ? err.untrusted?.reference : undefined;
  return reference
    ? message
        .split(reference)
        .join('')
        .replace(/ {2,}/g, ' ')
        .replace(/ (?=[:;,)])/g, '')
    : message;
}
