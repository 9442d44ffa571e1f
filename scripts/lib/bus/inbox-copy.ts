/**
 * Whether an answer also goes into its sender's inbox: a HelloWorld HEAD runtime reads answers
 * from its own inbox only, never from the answering receiver's outbox. One decision for every
 * answer, served (daemon.ts) or written by hand (answer.ts: dispatch reply, the MCP reply tool).
 */
import type { Claim } from './claims.ts';
import type { ReceiverConfig } from './config.ts';
import type { ParsedMessage } from './message.ts';
import { inboxAnswerKey, inboxAnswerProblem } from './threads.ts';

export interface InboxCopyPlan {
  /** The sender whose inbox gets a copy of the answer. */
  to?: string;
  /** The hourly ledger key to record with the answer (a message without a Thread header). */
  key?: string;
  /** Why no copy goes where one was due, naming the sender (its name is a bus writer's). */
  withheld?: string;
}

/**
 * The copy an answer to `msg` makes, into the inbox of its sender: "auto" recognises a HEAD
 * runtime by what it writes (HEAD's writer puts only From and Timestamp: no title line, no To, no
 * Thread); a list names them; "never" turns it off. Thread-less answers copied into a sender's
 * inbox count per sender and hour (threads.ts inboxAnswerKey): past `turnBudget` the message is
 * still answered, into the outbox only, so that a runtime answering every answer stops hearing
 * from us instead of looping.
 */
export function inboxCopyPlan(config: ReceiverConfig, claim: Claim, msg: ParsedMessage, turnBudget: number): InboxCopyPlan {
  const to = claim.sender;
  const head = msg.kind === undefined && msg.thread === undefined && msg.headers.to === undefined && msg.timestamp !== undefined;
  const named = Array.isArray(config.answerIntoInbox) ? config.answerIntoInbox.includes(to ?? '') : config.answerIntoInbox === 'auto' && head;
  if (to === undefined || to === claim.receiver || !named) return {};
  const key = msg.thread === undefined || msg.thread === '' ? inboxAnswerKey(to) : undefined;
  const withheld = key !== undefined ? inboxAnswerProblem(claim.paths, to, key, turnBudget) : undefined;
  if (withheld !== undefined) return { withheld };
  return key !== undefined ? { to, key } : { to };
}
