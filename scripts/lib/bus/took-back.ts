/**
 * What `dispatch claim` and the MCP claim tool say of the claims they took back from holders that
 * are gone (claimMessage's `tookBack`): in one wording for both; and how many of the files they
 * moved to dead-letter they name. A call takes back those among one
 * batch of processing/ (reclaimBatch: busListMax names), and any bus writer can plant that many
 * claims of gone holders: the first TOOK_BACK_SHOWN are named, the rest counted.
 */
import { HOLDER_WORDS } from './claim-owner.ts';
import type { TakenBack } from './claims.ts';
import { idInOurWords } from './ids.ts';
import { idField } from './json-fields.ts';
import { counted } from '../text/plural.ts';

/** How many claims taken back a result names: 20,000 named passed the limit of one MCP tool result (the message claimed, then lost behind the error). */
export const TOOK_BACK_SHOWN = 20;
/** How many of the files a claim moved to dead-letter a result names, each with its reason; the rest are counted (any bus writer can plant them). */
export const DEAD_LETTERED_SHOWN = 20;

/** One line per claim taken back, the first TOOK_BACK_SHOWN: `took back msg-… from an MCP session that is gone (pid N)`; then the count of the rest. */
export function tookBackLines(tookBack: readonly TakenBack[]): string[] {
  const lines = tookBack
    .slice(0, TOOK_BACK_SHOWN)
    .map((t) => `took back ${idInOurWords(t.id, 'a message')} from ${HOLDER_WORDS[t.kind]} that is gone (pid ${t.pid})`);
  const rest = tookBack.length - TOOK_BACK_SHOWN;
  if (rest > 0) lines.push(`took back ${counted(rest, 'other message')} from processes that are gone (${tookBack.length} in all)`);
  return lines;
}

/**
 * The `took_back` field of a result: the first `shown` (TOOK_BACK_SHOWN; fewer in an MCP result,
 * which a model reads) messages' ids (under untrusted_id when a bus writer chose it) and their
 * holders, and `took_back_total` when there were more.
 */
export function tookBackJson(tookBack: readonly TakenBack[], shown = TOOK_BACK_SHOWN): { took_back?: Record<string, unknown>[]; took_back_total?: number } {
  if (tookBack.length === 0) return {};
  return {
    took_back: tookBack.slice(0, shown).map((t) => ({ ...idField('id', t.id), holder_gone_kind: t.kind, holder_gone_pid: t.pid })),
    ...(tookBack.length > shown ? { took_back_total: tookBack.length } : {}),
  };
}
