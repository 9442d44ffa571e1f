/**
 * A size given on the command line (`--max-size`): bytes, or a number with a unit. K, M, G and KiB,
 * MiB, GiB count 1024s; KB, MB, GB 1000s (any letter case). Undefined for anything else, a size
 * that is not a whole, positive number of bytes, or one past 2^53.
 */
import { inlineText } from '../text/untrusted.ts';
import type { CommandContext } from './command.ts';

const UNITS: Record<string, number> = { '': 1, k: 1024, kib: 1024, kb: 1000, m: 1024 ** 2, mib: 1024 ** 2, mb: 1e6, g: 1024 ** 3, gib: 1024 ** 3, gb: 1e9 };

export function byteSize(given: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(given);
  const unit = m === null ? undefined : UNITS[m[2]!.toLowerCase()];
  if (m === null || unit === undefined) return undefined;
  const bytes = Number(m[1]) * unit;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** An optional size option (`--max-size`) of a command: undefined when not given; a usage error naming `flag` when not a size. */
export function byteSizeArg(ctx: Pick<CommandContext<unknown>, 'usageError'>, value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const bytes = byteSize(value);
  if (bytes === undefined) ctx.usageError(`${flag} takes a size in bytes, or with a unit (512M, 2G, 10MB), got '${inlineText(value, 40)}'`);
  return bytes;
}
