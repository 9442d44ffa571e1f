import { AliveError, messageOf, type ExitCode } from '../errors.ts';

export type CommandResult = ExitCode | void;

/**
 * Runs an entry point: one place where errors become `error: ...` on stderr and an exit code.
 * Stack traces only with ALIVE_DEBUG=1.
 */
export function runMain(fn: (argv: string[]) => Promise<CommandResult> | CommandResult): void {
  Promise.resolve()
    .then(() => fn(process.argv.slice(2)))
    .then(
      (code) => finish(code ?? 0),
      (err: unknown) => {
        if (process.env.ALIVE_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
        if (err instanceof AliveError) {
          process.stderr.write(`error: ${err.message}\n`);
          finish(err.exitCode);
        } else {
          process.stderr.write(`error: unexpected failure: ${messageOf(err)} (run again with ALIVE_DEBUG=1 for details, and report it)\n`);
          finish(1);
        }
      },
    );
}

function finish(code: number): void {
  // Let stdout drain before exiting (pipes are asynchronous).
  process.exitCode = code;
}

/** Writes exactly one JSON object to stdout (the --json contract). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`warning: ${text}\n`);
}
