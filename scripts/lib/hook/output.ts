/** The two hook answers this plugin gives (claude-plugin.md section 2, "Output contract"). */

export interface PreToolUseDeny {
  hookSpecificOutput: { hookEventName: 'PreToolUse'; permissionDecision: 'deny'; permissionDecisionReason: string };
}

export function preToolUseDeny(reason: string): PreToolUseDeny {
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } };
}

export interface SessionStartContext {
  hookSpecificOutput: { hookEventName: 'SessionStart'; additionalContext: string };
}

export function sessionStartContext(text: string): SessionStartContext {
  return { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: text } };
}
