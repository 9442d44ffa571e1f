/**
 * Hand-written validators for hook input (zod would cost start-up time in every tool call).
 * Anything that does not have the documented shape yields undefined, and the hook then allows /
 * stays silent.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One replacement, the shape shared by Edit's tool_input and each of MultiEdit's edits[]. */
export interface TextEdit {
  oldString: string;
  newString: string;
  replaceAll: boolean;
}

export type FileToolCall =
  | { tool: 'Write'; cwd: string | undefined; filePath: string; content: string }
  | { tool: 'Edit' | 'MultiEdit'; cwd: string | undefined; filePath: string; edits: TextEdit[] };

function textEdit(value: unknown): TextEdit | undefined {
  const o = asObject(value);
  if (!o || typeof o.old_string !== 'string' || typeof o.new_string !== 'string') return undefined;
  return { oldString: o.old_string, newString: o.new_string, replaceAll: o.replace_all === true };
}

/**
 * The PreToolUse payload of a Write, Edit or MultiEdit call, or undefined when the input is
 * something else or malformed. (Write: {file_path, content}; Edit: {file_path, old_string,
 * new_string, replace_all?}; MultiEdit: {file_path, edits: [{old_string, new_string,
 * replace_all?}]}.)
 */
export function fileToolCall(input: unknown): FileToolCall | undefined {
  const o = asObject(input);
  if (!o) return undefined;
  const toolInput = asObject(o.tool_input);
  if (!toolInput) return undefined;
  const filePath = nonEmptyString(toolInput.file_path);
  if (!filePath) return undefined;
  const cwd = nonEmptyString(o.cwd);
  switch (o.tool_name) {
    case 'Write': {
      // content is not needed to decide; a missing one is still a Write that would replace the file.
      const content = typeof toolInput.content === 'string' ? toolInput.content : '';
      return { tool: 'Write', cwd, filePath, content };
    }
    case 'Edit': {
      const edit = textEdit(toolInput);
      return edit ? { tool: 'Edit', cwd, filePath, edits: [edit] } : undefined;
    }
    case 'MultiEdit': {
      if (!Array.isArray(toolInput.edits) || toolInput.edits.length === 0) return undefined;
      const edits: TextEdit[] = [];
      for (const e of toolInput.edits) {
        const edit = textEdit(e);
        if (!edit) return undefined;
        edits.push(edit);
      }
      return { tool: 'MultiEdit', cwd, filePath, edits };
    }
    default:
      return undefined;
  }
}

/** The PreToolUse payload of a Bash call: {command, description?, timeout?, run_in_background?}. */
export interface BashToolCall {
  tool: 'Bash';
  cwd: string | undefined;
  command: string;
}

/** What log-guardian is given: a file tool call or a Bash call. */
export type GuardianCall = FileToolCall | BashToolCall;

/** The Write, Edit, MultiEdit or Bash call in a PreToolUse payload, or undefined for anything else. */
export function guardianCall(input: unknown): GuardianCall | undefined {
  const o = asObject(input);
  if (o?.tool_name !== 'Bash') return fileToolCall(input);
  const command = asObject(o.tool_input)?.command;
  return typeof command === 'string' ? { tool: 'Bash', cwd: nonEmptyString(o.cwd), command } : undefined;
}

/** The SessionStart fields relay-check uses. */
export interface SessionStartInput {
  cwd: string | undefined;
  source: string | undefined;
}

export function sessionStartInput(input: unknown): SessionStartInput {
  const o = asObject(input);
  return { cwd: nonEmptyString(o?.cwd), source: nonEmptyString(o?.source) };
}
