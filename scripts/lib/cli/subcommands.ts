import { UsageError } from '../errors.ts';
import { printLine, type CommandResult } from './main.ts';

export type Subcommand = (argv: string[]) => Promise<CommandResult> | CommandResult;

/**
 * Routes `<tool> <command> [args]`: `--help` prints the usage (exit 0); no command or an unknown
 * one is a usage error (exit 2, on stderr, as every usage error is).
 */
export function runSubcommand(argv: string[], usage: string, commands: Record<string, Subcommand>): Promise<CommandResult> | CommandResult {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    printLine(usage);
    return 0;
  }
  if (name === undefined) throw new UsageError(`a command is required\n${usage}`);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command '${name}'\n${usage}`);
  return command(rest);
}
