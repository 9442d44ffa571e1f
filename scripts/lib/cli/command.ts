/**
 * The command factory: every command of every entry is a `defineCommand` (a leaf) or a
 * `defineGroup` (a router of subcommands), and an entry is `runEntry(group)`.
 *
 * The factory owns what every command shares (cli.md section 3 and 8): strict `parseArgs` with
 * inferred option types, `--help`, `--version`, usage errors (exit 2), the `error:` line, the one
 * `--json` failure object, and the exit code. A command body only parses its own meaning out of
 * `ctx.values` and writes through `ctx`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AliveError, UsageError, asAliveError, type ExitCode } from '../errors.ts';
import type { OnProgress } from '../package/progress.ts';
import { ALIVE_VERSION } from '../version.ts';
import { processOutput, watchProcessStreams } from './process-io.ts';
import { simpleArgs } from './simple-args.ts';
import { terminalProgress } from './progress.ts';
import { errorText, inlineText, jsonText } from '../text/untrusted.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The values `parseArgs` infers for an options table (node's own inference). */
export type ValuesOf<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>['values'];

/** Where a command writes. The entry passes the process streams; tests pass buffers. */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  /** `isTTY` decides whether progress is shown. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface CommandContext<V> {
  values: V;
  positionals: string[];
  /** True when `--json` was given: write exactly one object with `ctx.json`. */
  json: boolean;
  io: CommandIo;
  /** One line of human output on stdout. */
  print(text?: string): void;
  /** The one JSON object of a `--json` run (a success; failures are thrown as AliveError). */
  printJson(value: object): void;
  /** `warning: …` on stderr. */
  warn(text: string): void;
  /** Progress of long byte work for the library (`onProgress`): shown on stderr when it is a terminal. */
  progress: OnProgress;
  /** Throws the usage error of this command (exit 2) with its usage text. */
  usageError(message: string): never;
  /** A required string option's value; a missing or empty one is a usage error naming `--flag`. */
  required(value: string | undefined, flag: string): string;
  /** An optional positive whole number; anything else is a usage error naming `--flag`. */
  positiveInt(value: string | undefined, flag: string): number | undefined;
}

export type RunResult = ExitCode | void;

export interface Command {
  readonly name: string;
  /** One line for the group's command list. */
  readonly summary: string;
  /** The full text `--help` prints. */
  readonly help: string;
  /** Runs with the arguments after the command's name; never throws. */
  invoke(argv: string[], io: CommandIo, path?: string[]): Promise<ExitCode>;
  /** A leaf's whole options table as it parses it (with help, version and json): what tests check the skills against. */
  readonly options?: Readonly<OptionsConfig>;
  /** A group's subcommands. */
  readonly commands?: readonly Command[];
  /** A lazy command's loader (the loaded command has the options or commands). */
  load?(): Promise<Command>;
}

export interface CommandSpec<O extends OptionsConfig> {
  name: string;
  summary: string;
  /** The usage line(s) and description, as `--help` shows them (starts with `usage:`). */
  usage: string;
  options: O;
  /** The positional arguments as the usage names them, in order, and how many are required (default none). */
  positionals?: { names: readonly string[]; min: number; tooMany?: (args: readonly string[]) => string };
  /** Accepts `--json` (default true). */
  json?: boolean;
  run(ctx: CommandContext<ValuesOf<O>>): Promise<RunResult> | RunResult;
}

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export function defineCommand<const O extends OptionsConfig>(spec: CommandSpec<O>): Command {
  const acceptsJson = spec.json !== false;
  const options: OptionsConfig = {
    ...spec.options,
    ...COMMON,
    ...(acceptsJson ? { json: { type: 'boolean' } } : {}),
  };
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.usage,
    options,
    async invoke(argv, io, path = [spec.name]) {
      const jsonRequested = acceptsJson && argv.includes('--json');
      return guard(io, jsonRequested, path, async () => {
        let parsed: { values: Record<string, unknown>; positionals: string[] } | undefined = simpleArgs(argv, options);
        if (!parsed) {
          let tokens: readonly { kind: string; name?: string; value?: string | undefined }[];
          try {
            const result = parseArgs({ args: argv, options, strict: true, allowPositionals: true, tokens: true });
            parsed = result;
            tokens = result.tokens;
          } catch (err) {
            // Loaded only for a command line that is wrong: the factory is part of every start-up.
            throw new UsageError((await import('./args-problem.ts')).parseArgsProblem(err, argv, options, spec.usage), spec.usage);
          }
          // parseArgs keeps the last of an option given twice: `push --to bob --to carol` went to carol alone.
          const seen = new Map<string, string>();
          for (const t of tokens) {
            if (t.kind !== 'option' || t.name === undefined || t.value === undefined || options[t.name]?.multiple) continue;
            const first = seen.get(t.name);
            if (first !== undefined && first !== t.value) {
              throw new UsageError((await import('./args-problem.ts')).givenTwice(t.name, first, t.value), spec.usage);
            }
            seen.set(t.name, t.value);
          }
        }
        const values = parsed.values;
        if (values.help === true) {
          writeLine(io.stdout, spec.usage);
          return 0;
        }
        if (values.version === true) {
          writeLine(io.stdout, versionLine(path));
          return 0;
        }
        const { names, min } = spec.positionals ?? { names: [], min: 0 };
        const n = parsed.positionals.length;
        if (n < min) throw new UsageError(`missing ${names.slice(n, min).join(' and ')}`, spec.usage);
        if (n > names.length) {
          const hint = spec.positionals?.tooMany?.(parsed.positionals);
          throw new UsageError(`unexpected argument '${parsed.positionals[names.length]}'${hint ? ` (${hint})` : ''}`, spec.usage);
        }
        const ctx = makeContext(io, values.json === true, spec.usage, values as ValuesOf<O>, parsed.positionals);
        return (await spec.run(ctx)) ?? 0;
      });
    },
  };
}

export interface GroupSpec {
  name: string;
  summary: string;
  /** Text between the usage line and the command list. */
  intro?: string;
  /** Text after the command list. */
  outro?: string;
  commands: Command[];
}

/** A router: `<name> <command> [args]`. A bare call or an unknown command is a usage error. */
export function defineGroup(spec: GroupSpec): Command {
  const byName = new Map(spec.commands.map((c) => [c.name, c]));
  const width = Math.max(...spec.commands.map((c) => c.name.length));
  const list = spec.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  // A nested group (alive-p2p relay) is named by the whole command line that reaches it.
  const helpAt = (path: readonly string[]) =>
    [
      `usage: ${path.join(' ')} <command> [options]`,
      spec.intro,
      `Commands:\n${list}`,
      spec.outro ?? `Run '${path.join(' ')} <command> --help' for a command's options.`,
    ]
      .filter((part) => part !== undefined && part !== '')
      .join('\n\n');
  return {
    name: spec.name,
    summary: spec.summary,
    help: helpAt([spec.name]),
    commands: spec.commands,
    async invoke(argv, io, path = [spec.name]) {
      const help = helpAt(path);
      const [first, ...rest] = argv;
      if (first === '--help' || first === '-h' || first === 'help') {
        writeLine(io.stdout, help);
        return 0;
      }
      if (first === '--version') {
        writeLine(io.stdout, versionLine(path));
        return 0;
      }
      const command = first === undefined ? undefined : byName.get(first);
      if (command) return command.invoke(rest, io, [...path, command.name]);
      return guard(io, argv.includes('--json'), undefined, async () => {
        if (first === undefined) throw new UsageError('a command is required', help);
        // Loaded only for a command line that is wrong (the entry's own copy of the factory holds it).
        const guess = (await import('../text/closest.ts')).closestName(
          first,
          spec.commands.map((c) => c.name),
        );
        throw new UsageError(`unknown command '${first}'${guess === undefined ? '' : `; did you mean '${guess}'?`}`, help);
      });
    },
  };
}

/**
 * A command whose module is loaded only when it runs, so that `--help`, the group's list and the
 * other commands never load its dependencies (Octokit, tar, yaml, zod). In an entry:
 *
 *   lazyCommand('create', 'pack a walnut into a .walnut package', async () => (await import('./lib/package/commands/create.ts')).createCommand),
 *
 * In dist/, the imported module is a chunk of its own that loads on the first call
 * (tools/build-options.mjs). `name` must be the loaded command's name.
 */
export function lazyCommand(name: string, summary: string, load: () => Promise<Command>): Command & { load(): Promise<Command> } {
  let loading: Promise<Command> | undefined;
  const loaded = async (): Promise<Command> => {
    loading ??= load();
    const command = await loading;
    if (command.name !== name) throw new Error(`lazyCommand '${name}' loaded a command named '${command.name}'`);
    return command;
  };
  return {
    name,
    summary,
    help: summary,
    load: loaded,
    async invoke(argv, io, path = [name]) {
      let command: Command;
      try {
        command = await loaded();
      } catch (err) {
        return guard(io, argv.includes('--json'), undefined, () => {
          throw err;
        });
      }
      return command.invoke(argv, io, path);
    },
  };
}

/**
 * The process edge: runs an entry's command with argv, sets the exit code, ends quietly on EPIPE
 * (process-io.ts). A command that wrote only through write(2) and never used the process streams
 * has nothing left to flush when it returns: the process exits then, without Node's own teardown
 * (about a millisecond of every command, bench/startup.ts). Any other keeps the usual ending.
 */
export function runEntry(command: Command): void {
  const streamsUnused = watchProcessStreams();
  void command.invoke(process.argv.slice(2), { stdout: processOutput(1), stderr: processOutput(2) }).then((code) => {
    process.exitCode = code;
    if (streamsUnused()) process.exit(code);
  });
}

/**
 * The process edge of a bundle run that is no command (a module another command imports): `err`
 * shown as every command shows a failure (the `error:` line, its usage text), and its exit code.
 */
export function refuseEntry(err: AliveError): void {
  void guard({ stdout: processOutput(1), stderr: processOutput(2) }, false, undefined, () => {
    throw err;
  }).then((code) => {
    process.exitCode = code;
  });
}

/** Runs a command in-process and collects what it wrote (tests). */
export async function runCaptured(command: Command, argv: string[]): Promise<{ code: ExitCode; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command.invoke(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

function makeContext<V>(io: CommandIo, json: boolean, usage: string, values: V, positionals: string[]): CommandContext<V> {
  let progress: OnProgress | undefined;
  return {
    values,
    positionals,
    json,
    io,
    print: (text = '') => writeLine(io.stdout, text),
    // Values quote the sender's text (names, manifests): escaped in the JSON text, same values.
    printJson: (value) => writeLine(io.stdout, resultJson(value)),
    // Messages quote peer text; escaping the whole line here makes a missed escape harmless.
    warn: (text) => writeLine(io.stderr, `warning: ${inlineText(text, 4000)}`),
    // Made at the first progress event: whether stderr is a terminal is asked only then.
    progress: (p) => {
      progress ??= terminalProgress(io.stderr);
      progress(p);
    },
    usageError: (message) => {
      throw new UsageError(message, usage);
    },
    required: (value, flag) => {
      if (value === undefined || value === '') throw new UsageError(`${flag} is required`, usage);
      return value;
    },
    positiveInt: (value, flag) => {
      if (value === undefined) return undefined;
      if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`${flag} takes a positive whole number, got '${inlineText(value, 40)}'`, usage);
      }
      return Number(value);
    },
  };
}

/**
 * A result as JSON text. Past the longest string V8 builds (about 512 Mi characters: a body of
 * control characters takes six each), JSON.stringify throws a RangeError ("Invalid string
 * length"): a refusal in our words. Other range errors (a stack overflow) stay unexpected.
 */
function resultJson(value: unknown): string {
  try {
    return jsonText(value, 2);
  } catch (err) {
    if (!(err instanceof RangeError) || err.message !== 'Invalid string length') throw err;
    throw new AliveError('the result is larger than one JSON text can hold (the files it quotes are too large); run the command without --json', {
      code: 'too_large',
      cause: err,
    });
  }
}

/**
 * The one place where a failure becomes output: `error: <message>` on stderr (stack only with
 * ALIVE_DEBUG=1) and, under --json, one `{"ok": false, "error": {code, message}, …}` on stdout.
 * An error's untrusted detail follows the line in a fence, and is `error.untrusted` under --json.
 */
async function guard(io: CommandIo, json: boolean, leaf: readonly string[] | undefined, fn: () => Promise<ExitCode> | ExitCode): Promise<ExitCode> {
  try {
    return await fn();
  } catch (err) {
    if (process.env.ALIVE_DEBUG === '1') writeStacks(io.stderr, err);
    const failure = asAliveError(err);
    reportFailure(io, json, failure);
    if (failure instanceof UsageError && failure.usage !== undefined) writeLine(io.stderr, leaf ? briefUsage(failure.usage, leaf) : failure.usage);
    return failure.exitCode;
  }
}

/**
 * A failure as output: under --json the one failure object on stdout, and the `error:` line on
 * stderr, followed by someone else's text the message refers to, fenced.
 */
function reportFailure(io: CommandIo, json: boolean, failure: AliveError): void {
  if (json) writeLine(io.stdout, failureJson(failure));
  writeLine(io.stderr, `error: ${errorText(failure.message)}`);
  for (const l of failure.untrusted?.lines ?? []) writeLine(io.stderr, l);
}

/**
 * What a command stopped by a signal reports from its listener, which then ends the process
 * (proc/interrupt-cleanup.ts) before any thrown error could reach the entry: the entry's report
 * of an `interrupted` failure, on a line of its own (after the terminal's `^C` or a progress line).
 */
export function reportInterrupted(io: CommandIo, json: boolean, message: string): void {
  io.stderr.write('\n');
  reportFailure(io, json, new AliveError(message, { code: 'interrupted' }));
}

/**
 * The one `{"ok": false, "error": {code, message}, …}` object of a --json failure: what the entry
 * prints for a thrown one, and a signal listener through reportInterrupted (the process ends there).
 */
function failureJson(failure: AliveError): string {
  const message = errorText(failure.message);
  return jsonText({ ok: false, ...failure.fields, error: { code: failure.code, message, untrusted: failure.untrusted?.json } }, 2);
}

/**
 * Under a command's usage error: its usage lines (up to the first blank line) and where the rest
 * is. The whole --help text (a page, for serve or receive) pushed the error line out of sight.
 * A group's usage error keeps its command list: that is what to type next.
 */
function briefUsage(usage: string, path: readonly string[]): string {
  const end = usage.indexOf('\n\n');
  return end === -1 ? usage : `${usage.slice(0, end)}\nRun '${path.join(' ')} --help' for the whole help.`;
}

function versionLine(path: string[]): string {
  return `${path.join(' ')} (alive) ${ALIVE_VERSION}`;
}

/** A failure's stack, then each cause's (a bug reported as `unexpected` by a library keeps its own there). */
function writeStacks(stream: { write(text: string): unknown }, err: unknown): void {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++, e = e.cause) writeLine(stream, `${depth > 0 ? 'caused by: ' : ''}${e.stack ?? e.message}`);
}

function writeLine(stream: { write(text: string): unknown }, text: string): void {
  stream.write(`${text}\n`);
}
