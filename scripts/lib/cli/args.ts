import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<V> {
  values: V;
  positionals: string[];
}

/**
 * Strict argument parsing: unknown flags, missing values and unexpected positionals are usage
 * errors (exit 2) that name the offending flag. Every command also accepts --help.
 */
export function parseCommandArgs<V extends Record<string, unknown>>(
  argv: string[],
  options: OptionSpec,
  opts: { positionals?: { min: number; max: number }; usage: string },
): ParsedArgs<V & { help?: boolean }> {
  const allOptions: OptionSpec = { ...options, help: { type: 'boolean', short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: allOptions, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${cleanParseArgsMessage(err)}\n${opts.usage}`);
  }
  const values = parsed.values as V & { help?: boolean };
  if (!values.help && opts.positionals) {
    const n = parsed.positionals.length;
    if (n < opts.positionals.min) throw new UsageError(`missing argument\n${opts.usage}`);
    if (n > opts.positionals.max) {
      throw new UsageError(`unexpected argument '${parsed.positionals[opts.positionals.max]}'\n${opts.usage}`);
    }
  }
  return { values, positionals: parsed.positionals };
}

function cleanParseArgsMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // node's messages mention "To specify a positional argument starting with a '-'..." — trim to the first sentence.
  return msg.split('. To ')[0]!.replace(/\.$/, '');
}

/** A required string flag. */
export function requireFlag(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required\n${usage}`);
  return value;
}

/** Parses a positive integer flag such as --max-size. */
export function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} takes a positive whole number, got '${value}'`);
  }
  return Number(value);
}
