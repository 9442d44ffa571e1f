import { messageOf } from '../errors.ts';
import { closestName } from '../text/closest.ts';

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
  return message
    .split('\n')[0]!
    .split('. To ')[0]!
    .replace(/\.$/, '')
    .replace(/^Unknown option/, 'unknown option');
}
