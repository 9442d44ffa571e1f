/**
 * Turn budget: each receiver keeps, per thread, a ledger of the turns it answered
 * (`threads/<hash of thread id>`, one line per answer, appended; a line whose id follows a `-` takes
 * one back: undoTurns). A receiver refuses to answer
 * beyond its budget, so two daemons cannot answer each other forever. Messages also carry a
 * `Turn:` hop count that is checked against the same budget.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { appendBusFile, readBusFile } from './fsutil.ts';
import type { ReceiverPaths } from './layout.ts';
import { displayName } from './names.ts';
import { jsonText } from '../text/untrusted.ts';
import { counted } from '../text/plural.ts';

function ledgerPath(paths: ReceiverPaths, thread: string): string {
  return join(paths.threads, createHash('sha256').update(thread).digest('hex').slice(0, 32));
}

/**
 * Turns this receiver already answered in `thread`, or undefined when its ledger is there but
 * cannot be read (too large, a folder or link planted under its name): the budget then counts as
 * used up, never as a fresh one.
 */
export function turnsAnswered(paths: ReceiverPaths, thread: string): number | undefined {
  const r = readBusFile(paths.root, ledgerPath(paths, thread), { maxBytes: 4 * 1024 * 1024 });
  if (!r.ok) return r.problem === 'missing' ? 0 : undefined;
  let turns = 0;
  for (const line of r.bytes.toString('utf8').split('\n')) {
    if (line === '') continue;
    // A turn taken back (undoTurn): its second field is the id after a '-', which no id starts with.
    turns += line.split(' ', 2)[1]?.startsWith('-') === true ? -1 : 1;
  }
  return Math.max(0, turns);
}

/** How much of a thread id a ledger line keeps (the file name is its hash; the text is for people). */
const THREAD_IN_LEDGER = 200;

/** Records one answered turn. */
export function recordTurn(paths: ReceiverPaths, thread: string, messageId: string): void {
  // A Thread header may be megabytes long: a line per answer never is.
  const shown = thread.length > THREAD_IN_LEDGER ? `${thread.slice(0, THREAD_IN_LEDGER)}…` : thread;
  // No-follow and non-blocking: a link or FIFO planted under a ledger's name fails, never waits.
  appendBusFile(paths.root, ledgerPath(paths, thread), `${new Date().toISOString()} ${messageId} ${jsonText(shown)}\n`);
}

/**
 * Takes back the turns recorded for an answer that could not be stored (a line of its own, appended:
 * the ledger is never rewritten, so no turn recorded meanwhile by another answer is lost).
 */
export function undoTurns(paths: ReceiverPaths, threads: readonly string[], messageId: string): void {
  for (const thread of threads) {
    try {
      appendBusFile(paths.root, ledgerPath(paths, thread), `${new Date().toISOString()} -${messageId} (taken back: the answer was not stored)\n`);
    } catch {
      // the turn stays counted: a budget used up early, never one passed
    }
  }
}

/**
 * Why a message must not be answered under the budget, or undefined when it may. The thread id
 * comes from the message's header and this sentence is ours: it names the thread only when `named`
 * says it may, else says "its thread". Each caller says whose words the sentence reaches: where it
 * reaches an agent as ours (`reply`'s refusal), only an id that cannot spell words (isWordlessId,
 * as every result names a thread); a daemon's dead-letter reason, kept in a bus file and shown
 * only as untrusted text, and `send --thread`'s warning, about a thread the user typed, name any
 * plain id (isPlainThread: one of the characters our writer allows).
 */
export function budgetProblem(
  paths: ReceiverPaths,
  thread: string,
  turn: number | undefined,
  budget: number,
  named: (thread: string) => boolean,
  budgetName = 'turn budget',
): string | undefined {
  const shown = named(thread) ? `thread ${thread}` : 'its thread';
  if (turn !== undefined && turn > budget) {
    return `turn ${turn} of ${shown} is past the ${budgetName} of ${budget}`;
  }
  const answered = turnsAnswered(paths, thread);
  if (answered === undefined) return `the turn ledger of ${shown} cannot be read (${ledgerPath(paths, thread)}), so its ${budgetName} counts as used up`;
  if (answered >= budget) return `this receiver already answered ${answered} turns in ${shown}, its ${budgetName}`;
  return undefined;
}

/**
 * The ledger key counting, per sender and hour, answers into the sender's inbox to messages with
 * no Thread header. A HelloWorld HEAD runtime writes no Thread, so each of its messages is turn 1
 * of a new thread; if it answers our answers, the two runtimes would ping-pong forever with every
 * per-thread budget untouched. A newline is never part of a header value, so no message's Thread
 * can name (and fill) this ledger.
 */
export function inboxAnswerKey(sender: string, now = new Date()): string {
  return `\ninbox answers to ${sender} in hour ${now.toISOString().slice(0, 13)}`;
}

/** Why a thread-less message from `sender` must not be answered into its inbox this hour, or undefined. */
export function inboxAnswerProblem(paths: ReceiverPaths, sender: string, key: string, budget: number): string | undefined {
  const answered = turnsAnswered(paths, key);
  if (answered !== undefined && answered < budget) return undefined;
  if (answered === undefined)
    return `the ledger of answers into ${displayName(sender)}'s inbox this hour cannot be read (${ledgerPath(paths, key)}); the answer is in the outbox only`;
  return `this receiver already answered ${counted(answered, 'message')} without a Thread header into ${displayName(sender)}'s inbox this hour, its turn budget (a runtime answering every answer would loop forever); the answer is in the outbox only`;
}
