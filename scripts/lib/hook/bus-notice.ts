/**
 * The HelloWorld bus's SessionStart notice (cli.md section 6): messages waiting for @claude in the
 * bus the session's folder belongs to. Claude Code starts hooks in the session's folder, so a
 * first look from the process's own folder (a few stat calls) decides whether there is a bus at
 * all; only then is the hook input read, for the session's exact folder.
 */
import { existingBusRoot } from '../bus/root.ts';
import { pendingMessagesFor, formatClaudeNotice } from '../bus/notice.ts';
import type { NoticeContext } from './notices.ts';

export async function busNotice(ctx: NoticeContext): Promise<string | undefined> {
  if (existingBusRoot(process.cwd(), ctx.env) === undefined) return undefined;
  const cwd = await ctx.sessionCwd();
  const info = pendingMessagesFor('claude', cwd, ctx.env);
  return info && formatClaudeNotice(info, cwd);
}
