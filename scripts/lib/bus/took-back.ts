/**
 * What `dispatch claim` and the MCP claim tool say of the claims they took back from holders that
 * are gone (claimMessage's `tookBack`): in one wording for both.
 */
import { HOLDER_WORDS } from './claim-owner.ts';
import type { TakenBack } from './claims.ts';
import { idInOurWords } from './ids.ts';
import { idField } from './json-fields.ts';

/** One line per claim taken back: `took back msg-… from an MCP session that is gone (pid N)`. */
export function tookBackLines(tookBack: readonly TakenBack[]): string[] {
  return tookBack.map((t) => `took back ${idInOurWords(t.id, 'a message')} from ${HOLDER_WORDS[t.kind]} that is gone (pid ${t.pid})`);
}

/** The `took_back` field of a result: each message's id (under untrusted_id when a bus writer chose it) and its holder. */
export function tookBackJson(tookBack: readonly TakenBack[]): { took_back?: Record<string, unknown>[] } {
  if (tookBack.length === 0) return {};
  return { took_back: tookBack.map((t) => ({ ...idField('id', t.id), holder_gone_kind: t.kind, holder_gone_pid: t.pid })) };
}
