import { messageOf } from '../errors.ts';
import { closestName } from '../text/closest.ts';
import { inlineText } from '../text/untrusted.ts';

/** The line for an option given twice with different values (the factory refuses it). */
export function givenTwice(name: string, first: string, second: string): string {
  return `option '--${name}' is given twice (${[first, second].map((v) => `'${inlineText(v, 200)}'`).join(' and ')}); it takes one value: give it once`;
}

/**
 * True when `arg`, read as an option, reads better as text: white space, or a number (`-5`): a
 * message that starts with a list item or a negative number.
 */
const looksLikeText = (arg: string) => /\s/.test(arg) || /^-\d/.test(arg);

/**
 * node's parseArgs message, said for the command line: an option with no value names what followed
 * it (node's text for that case spans three lines with a '-XYZ' example); otherwise the first
 * sentence (node appends "To specify a positional argument starting with a '-'…").
 */
export function parseArgsProblem(err: unknown, argv: readonly string[], options: Record<string, { short?: string | undefined }>, usage = ''): string {
  const message = messageOf(err);
  const option = /^Option '(-[^' ,]+)(?:, (--[^' ]+))?/.exec(message);
  if (option && /argument (?:is ambiguous|missing)/.test(message)) {
    const short = /^-([^-])$/.exec(option[1]!)?.[1];
    const long = short === undefined ? undefined : Object.keys(options).find((k) => options[k]!.short === short);
    const name = option[2] ?? (long === undefined ? option[1]! : `--${long}`);
    const at = argv.indexOf(option[1]!);
    const next = /argument is ambiguous/.test(message) && at >= 0 ? argv[at + 1] : undefined;
    // How the usage synopsis (up to its first blank line) writes the option with a value:
    // ' (--encrypt passphrase or --encrypt rsa)', ' (--walnut DIR)'.
    const words = usage.split(/\n\s*\n/)[0]!.split(/[\s[\]]+/);
    const forms = new Set(words.flatMap((w, i) => (w === name && /^[^-|]/.test(words[i + 1] ?? '-') ? [`${name} ${words[i + 1]}`] : [])));
    const shown = forms.size ? ` (${[...forms].join(' or ')})` : '';
    if (next === undefined) return `option '${name}' needs a value${shown}`;
    return `option '${name}' needs a value${shown}, and '${next}' follows it (write ${name}=VALUE for a value that starts with '-')`;
  }
  const unknown = /^Unknown option '(--[^']+)'/.exec(message);
  if (unknown) {
    const guess = closestName(unknown[1]!.slice(2), Object.keys(options));
    return `unknown option '${unknown[1]}'${guess === undefined ? '' : `; did you mean '--${guess}'?`}`;
  }
  const line = message
    .split('\n')[0]!
    .split('. To ')[0]!
    .replace(/\.$/, '')
    .replace(/^Unknown option/, 'unknown option');
  const named = /^Unknown option '([^']*)'/.exec(message)?.[1];
  const arg = named === undefined ? undefined : argv.find((a) => a.startsWith(named));
  return arg !== undefined && looksLikeText(arg) ? `${line}; if it is text, not an option, put -- before it (all after -- is text)` : line;
}
