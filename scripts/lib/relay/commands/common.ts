import { formatFingerprint } from '../keys.ts';
import type { PinResult } from '../pin.ts';
import type { CommandContext } from '../../cli/command.ts';
import { counted, noun } from '../../text/plural.ts';

/**
 * A relay command writes either human lines or, under --json, one object: this keeps both side
 * by side in a command body without an `if (ctx.json)` around every line.
 */
export interface Output {
  json: boolean;
  /** Human text (only without --json). */
  line(text?: string): void;
  /** The one JSON object (only with --json). */
  result(value: Record<string, unknown>): void;
  /**
   * `warning: …` on stderr (only without --json: the object carries it then), and after it
   * `fence`: the untrusted detail the warning refers to (errors.ts ErrorEntry's lines).
   */
  warn(text: string, fence?: readonly string[]): void;
}

export function output(ctx: CommandContext<unknown>): Output {
  return {
    json: ctx.json,
    line(text = '') {
      if (!ctx.json) ctx.print(text);
    },
    result(value) {
      if (ctx.json) ctx.printJson(value);
    },
    warn(text, fence = []) {
      if (ctx.json) return;
      ctx.warn(text);
      for (const l of fence) ctx.io.stderr.write(`${l}\n`);
    },
  };
}

/**
 * Names of ignored files that `--json` lists under `untrusted.ignored`: the first this many. A
 * listing may gather up to 200,000, each written by whoever can write to the relay; `ignored`
 * counts them all.
 */
export const MAX_LISTED_IGNORED = 100;

/**
 * The `--json` fields of the files on a relay that are not package names alive accepts: `ignored`
 * (how many), `ignored_truncated` (whether names were left out), and `untrusted.ignored` (the first
 * MAX_LISTED_IGNORED names).
 */
export function ignoredFields(ignored: readonly string[]): { ignored: number; ignored_truncated: boolean; untrusted: { ignored: string[] } } {
  return {
    ignored: ignored.length,
    ignored_truncated: ignored.length > MAX_LISTED_IGNORED,
    untrusted: { ignored: ignored.slice(0, MAX_LISTED_IGNORED) },
  };
}

/**
 * Files on a relay that are not package names alive accepts: named by whoever can write to it, so
 * our words give only their count; `--json` names them (the first MAX_LISTED_IGNORED) under `untrusted.ignored`.
 */
export function warnIgnored(out: Output, ignored: readonly string[]): void {
  if (ignored.length === 0) return;
  const n = ignored.length;
  const listed = n > MAX_LISTED_IGNORED ? `--json names the first ${MAX_LISTED_IGNORED} of them` : '--json names them';
  out.warn(
    `ignored ${counted(n, 'file')} on the relay that ${noun(n, 'is not a package name', 'are not package names')} alive accepts ` +
      `(written by whoever can write to the relay, ${listed} under untrusted.ignored)`,
  );
}

/** `checked`: the user gave the fingerprint (accept --fingerprint), and it matched: no need to check it again. */
export function printPin(out: Output, login: string, pin: PinResult, checked = false): void {
  if (pin.replaced) {
    out.line(`${login}'s key CHANGED: was ${formatFingerprint(pin.replaced)}`);
    out.line(`now pinned:          ${formatFingerprint(pin.fingerprint)}`);
  } else {
    out.line(`${login}'s key ${pin.first ? 'pinned' : 'unchanged'}: ${formatFingerprint(pin.fingerprint)}`);
  }
  if ((pin.first || pin.replaced) && !checked) out.line(`Check this fingerprint with ${login} by another channel before you push or pull.`);
}
