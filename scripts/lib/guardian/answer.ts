/**
 * log-guardian from the hook's input text to its answer, with no I/O of its own beyond what
 * decide() reads: the entry (scripts/log-guardian.ts) reads stdin and writes the answer; tests
 * call this in-process.
 */
import { parseJson } from '../hook/io.ts';
import { guardianCall } from '../hook/input.ts';
import { type PreToolUseDeny, preToolUseDeny } from '../hook/output.ts';
import { decide } from './decide.ts';

/** The PreToolUse deny for this hook input, or undefined to allow (also for input that is not a guarded call). */
export function guardianAnswer(stdinText: string, env: NodeJS.ProcessEnv, processCwd: string): PreToolUseDeny | undefined {
  const call = guardianCall(parseJson(stdinText));
  if (!call) return undefined;
  const decision = decide(call, env, processCwd);
  return decision.allow ? undefined : preToolUseDeny(decision.reason);
}
