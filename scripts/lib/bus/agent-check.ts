import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { shellQuote } from '../text/shell-quote.ts';
import { AliveError } from '../errors.ts';

/**
 * The program an agent command line starts, when it can be told without running a shell: the
 * first word after any `NAME=value` assignments, if it holds no quoting or expansion.
 */
export function agentProgram(command: string): string | undefined {
  const words = command.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(words[i]!)) i++;
  const word = words[i];
  if (!word || /["'`$\\(){}<>|;&*?[\]~!]/.test(word)) return undefined;
  return word;
}

/**
 * `command` with its program (agentProgram) made absolute when it is a relative path (`./agent.sh`,
 * `bin/agent`), from `cwd` (serve's folder, where checkAgentInstalled found it): the agent runs in
 * a folder made for each message (or --workdir), where the path named nothing. Quoted for the
 * shell when it must be; the rest of the line as it was.
 */
export function withProgramPath(command: string, cwd = process.cwd()): string {
  const program = agentProgram(command);
  if (program === undefined || !program.includes('/') || isAbsolute(program)) return command;
  const lead = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*/.exec(command)?.[0] ?? '';
  if (!command.startsWith(program, lead.length)) return command;
  return `${lead}${shellQuote(resolve(cwd, program))}${command.slice(lead.length + program.length)}`;
}

/** What an agent command line is called where others read it, when its program cannot be told. */
export const UNNAMED_AGENT = 'a shell command';

/**
 * How the bus names an agent command (daemon.json, which status and the MCP status tool show; a
 * dead letter's reason, which a sender's wait gets back): the base name of its program (after an
 * `env` and its assignments), never the line. The line is the operator's and can carry a secret
 * (`GEMINI_API_KEY=… gemini`, `--api-key …`), and any bus writer reads those files.
 */
export function agentShownName(command: string): string {
  let program = agentProgram(command);
  if (program === 'env') {
    const words = command.trim().split(/\s+/);
    let i = words.indexOf('env') + 1;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(words[i]!)) i++;
    const next = words[i];
    if (next !== undefined && !next.startsWith('-')) program = agentProgram(words.slice(i).join(' '));
  }
  const name = program === undefined ? '' : basename(program);
  return name === '' || name.includes('=') ? UNNAMED_AGENT : name;
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to serve with an agent whose program is not installed: otherwise every message would
 * be claimed and dead-lettered with "not found". Shell built-ins and commands too complex to
 * read without a shell are left to the shell.
 */
export function checkAgentInstalled(command: string, env: NodeJS.ProcessEnv = process.env): void {
  const program = agentProgram(command);
  if (!program || SHELL_BUILTINS.has(program)) return;
  if (program.includes('/')) {
    if (executable(isAbsolute(program) ? program : join(process.cwd(), program))) return;
  } else if ((env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, program)))) {
    return;
  }
  throw new AliveError(
    `the agent command '${program}' was not found${program.includes('/') ? '' : ' on PATH'}; install it, or pass --agent with a command that exists (or --agent echo); no message was taken`,
    { code: 'agent_not_found' },
  );
}

const SHELL_BUILTINS = new Set(['exec', 'command', 'true', 'false', 'printf', 'echo', 'read', 'test', '[', 'eval', '.', 'source', 'cd', 'exit', 'set', 'type']);
