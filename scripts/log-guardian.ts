import { debugLog, emitJson, readStdin, runHook } from './lib/hook/io.ts';
import { guardianAnswer, hookCall, loadShellReader, needsShellReader } from './lib/guardian/answer.ts';

const USAGE = `usage: log-guardian < PreToolUse-hook-JSON

Claude Code PreToolUse hook for Write, Edit, MultiEdit and Bash. Inside an ALIVE world it denies
a Write that would overwrite an existing log.md, an edit that would change a signed log entry or
that it cannot place in the log, and a shell command that would overwrite, append to or remove an
existing log.md. It allows everything else, and anything it cannot read. Always exits 0.

It guards against accidents through the agent's tools; it is not a sandbox (see docs/hooks.md).`;

// Write calls carry the whole new file; beyond this the input is not read and the call allowed.
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

runHook(USAGE, async () => {
  const stdin = await readStdin({ maxBytes: MAX_INPUT_BYTES, timeoutMs: 3000 });
  if (!stdin.ok) return debugLog(`stdin not read (${stdin.reason}); allowing`);
  const call = hookCall(stdin.text);
  if (!call) return debugLog('not a Write/Edit/MultiEdit call with a file_path, nor a Bash command; allowing');
  const reader = needsShellReader(call) ? await loadShellReader() : undefined;
  const answer = guardianAnswer(call, process.env, process.cwd(), reader);
  if (answer) emitJson(answer);
});
