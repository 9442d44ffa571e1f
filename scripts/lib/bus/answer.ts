/**
 * Answering a message by hand (`dispatch reply`, the MCP `reply` tool): the message is taken (from
 * processing/ when it was claimed, else claimed from the inbox), checked against the thread's turn
 * budget, and answered into the receiver's outbox in its thread with In-Reply-To.
 */
import { AliveError } from '../errors.ts';
import { claimById, completeClaim, deadLetterClaim, loadClaim } from './claims.ts';
import { elsewhereText, whereText } from './commands/common.ts';
import { DEFAULT_TURN_BUDGET, loadReceiverConfig } from './config.ts';
import { isWordlessId } from './ids.ts';
import { rawHeader, untrustedThreadField, type HeaderText } from './json-fields.ts';
import { receiverPaths } from './layout.ts';
import { displayName, normaliseName } from './names.ts';
import { idHint, withIdHint } from './id-resolve.ts';
import { findMessage } from './query.ts';
import { budgetProblem, recordTurn } from './threads.ts';

export interface Answered {
  /** The request answered. */
  id: string;
  receiver: string;
  responseId: string;
  /** The response file, in the receiver's outbox. */
  path: string;
  thread: string;
  turn: number;
}

/**
 * Why message `id` cannot be answered (as `receiver`, else as any receiver): already answered, where
 * it is, whose it is when another receiver has it, or that there is no such message. One sentence
 * for `dispatch reply` and the MCP reply tool.
 */
/**
 * The receiver answering message `id` when none is named: the one whose inbox or processing/ holds
 * it. Several: `ambiguous`, their names (folder names a bus writer chose) in a field apart, and the
 * option that names one (`as` for the MCP tool, `--as` for dispatch reply). None: why, in our words.
 */
export function answeringReceiver(root: string, id: string, option: string): string {
  const open = findMessage(root, id).filter((m) => (m.location === 'inbox' || m.location === 'processing') && m.kind === 'request');
  const holders = [...new Set(open.map((m) => m.receiver))];
  if (holders.length > 1) {
    const where = option === 'as' ? 'untrusted_receivers lists them' : `'dispatch show ${id}' names them`;
    throw new AliveError(`${id} waits for ${holders.length} receivers; say which with ${option} (${where})`, {
      code: 'ambiguous',
      fields: { untrusted_receivers: holders.map(displayName) },
    });
  }
  if (holders.length === 0) throw new AliveError(`cannot reply to ${id}: ${notAnswerable(root, id, undefined)}`, { code: 'not_found' });
  return holders[0]!;
}

export function notAnswerable(root: string, id: string, receiver: string | undefined): string {
  const where = findMessage(root, id, receiver === undefined ? {} : { receiver });
  if (where.length === 0) {
    if (receiver === undefined) return withIdHint('there is no such message on the bus', idHint(root, id));
    const none = `there is no such message for ${displayName(receiver)}`;
    return elsewhereText(root, id, receiver, 'reply') ?? withIdHint(none, idHint(root, id), `see 'dispatch inbox ${displayName(receiver)}'`);
  }
  return where[0]!.state === 'handled' ? 'it was already answered (it is in the archive)' : `it is ${where.map((m) => whereText(m, receiver)).join('; ')}`;
}

/** An answer of nothing but white space: refused as an empty send is (code empty_body, exit 1), by every caller. */
export const EMPTY_REPLY = 'the reply is empty (nothing but white space); nothing was sent and the message is left as it was';

/**
 * Answers message `id` of `receiverName` with `text`, claiming it as `owner` unless claimed. A refusal
 * past the turn budget gives a Thread header that is not wordless under `untrusted_thread`, as the
 * caller's result shows a header (`shown`: rawHeader for --json, shownHeader for an MCP tool).
 */
export async function answerMessage(
  root: string,
  receiverName: string,
  id: string,
  text: string,
  owner = 'hand',
  shown: HeaderText = rawHeader,
): Promise<Answered> {
  const receiver = normaliseName(receiverName, 'receiver');
  if (text.trim() === '') throw new AliveError(EMPTY_REPLY, { code: 'empty_body' });
  const paths = receiverPaths(root, receiver);
  const config = await loadReceiverConfig(paths);
  const claim = loadClaim(root, receiver, id) ?? (await claimById(root, receiver, id, { owner, leaseMs: config.claimLeaseMs }));
  if (!claim) throw new AliveError(`cannot reply to ${id}: ${notAnswerable(root, id, receiver)}`, { code: 'not_found' });
  const thread = claim.message.thread || claim.id;
  // The refusal is read by the agent that replies (dispatch reply, the MCP tool): a Thread header
  // is named in it only when it cannot spell words (as threadField names it); any other is given
  // apart, as untrusted_thread.
  const over = budgetProblem(paths, thread, claim.message.turn, config.turnBudget ?? DEFAULT_TURN_BUDGET, isWordlessId);
  if (over) {
    deadLetterClaim(claim, over, 'turn_budget');
    throw new AliveError(`cannot reply to ${id}: ${over}; the message went to dead-letter`, {
      code: 'turn_budget',
      ...(isWordlessId(thread) ? {} : { fields: untrustedThreadField(thread, shown) }),
    });
  }
  recordTurn(paths, thread, claim.id);
  const resp = completeClaim(claim, { body: text }).response!;
  return { id: claim.id, receiver, responseId: resp.id, path: resp.path, thread: resp.thread, turn: resp.turn };
}
