/**
 * log-guardian from the hook's input text to its answer. The shell reader, needed only for a Bash
 * command that names log.md, is loaded on demand (`loadShellReader`); the entry
 * (scripts/log-guardian.ts) reads stdin and writes the answer, tests call `guardianAnswer` with
 * the reader imported.
 */
import { parseJson } from '../hook/io.ts';
import { type GuardianCall, guardianCall } from '../hook/input.ts';
import { type PreToolUseDeny, preToolUseDeny } from '../hook/output.ts';
import { decide, namesLog, type ShellReader } from './decide.ts';

declare const ALIVE_SHELL_READER: string | undefined;

/** The hook input's call, or undefined when it is not a Write/Edit/MultiEdit/Bash call. */
export function hookCall(stdinText: string): GuardianCall | undefined {
  return guardianCall(parseJson(stdinText));
}

/** True when deciding `call` needs the shell reader (a Bash command whose text names log.md). */
export function needsShellReader(call: GuardianCall): boolean {
  return call.tool === 'Bash' && namesLog(call.command);
}

/**
 * From dist/log-guardian.mjs, the reader is the sibling bundle dist/log-guardian-shell.mjs (the
 * build defines ALIVE_SHELL_READER); from the sources (tsx, tests), the module itself. A relative
 * specifier resolves against this module without import.meta, whose set-up costs start-up.
 */
export async function loadShellReader(): Promise<ShellReader> {
  const spec = typeof ALIVE_SHELL_READER === 'string' ? ALIVE_SHELL_READER : './shell.ts';
  return ((await import(spec)) as { shellWrites: ShellReader }).shellWrites;
}

/** The PreToolUse deny for `call`, or undefined to allow. */
export function guardianAnswer(call: GuardianCall, env: NodeJS.ProcessEnv, processCwd: string, shellReader?: ShellReader): PreToolUseDeny | undefined {
  const decision = decide(call, env, processCwd, shellReader);
  return decision.allow ? undefined : preToolUseDeny(decision.reason);
}
