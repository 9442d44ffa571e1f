/**
 * The command line most runs have (`--name value`, `--flag`, positionals), read without
 * util.parseArgs: its first call compiles Node's parser, about 0.7 ms of every command's start-up
 * (bench/startup.ts). Anything else (`--name=value`, short options, `--`, a repeated option, a
 * `multiple` option, a value that starts with '-', an unknown option) is left to
 * parseArgs, which also makes every usage error. For what it accepts, the result is parseArgs's
 * own (test/unit/simple-args.test.ts compares the two). A table with a default, or one parseArgs
 * would refuse, is left to it whatever the command line.
 */
import type { ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface SimpleArgs {
  values: Record<string, string | boolean>;
  positionals: string[];
}

/** `argv` read against `options` (strict, positionals allowed), or undefined when parseArgs must read it. */
export function simpleArgs(argv: readonly string[], options: OptionsConfig): SimpleArgs | undefined {
  // parseArgs fills in defaults whether or not the option is given, and refuses a table it
  // cannot read (which a run with --help shows at once): both are its to handle.
  for (const name in options) {
    const option = options[name]!;
    if (option.default !== undefined || (option.type !== 'string' && option.type !== 'boolean')) return undefined;
    if (option.short !== undefined && option.short.length !== 1) return undefined;
  }
  const values: Record<string, string | boolean> = Object.create(null);
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--' || arg.includes('=')) return undefined;
    const name = arg.slice(2);
    // parseArgs keeps no value named __proto__.
    if (name === '__proto__') return undefined;
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option || option.multiple || name in values) return undefined;
    if (option.type === 'boolean') {
      values[name] = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-')) return undefined;
    values[name] = value;
    i += 1;
  }
  return { values, positionals };
}
