/**
 * The thread and turn of a message sent with a thread named (`dispatch send --thread T`, the MCP
 * `send` tool's `thread`), one function for both:
 *
 *   - inside an agent started by `serve`, on the thread it answers: that thread, the next hop
 *     (deliver.ts continuedThread), as before;
 *   - a thread on the bus: the next turn of it for that receiver, counted from the thread's
 *     requests its folders hold, so that a follow-up is not "turn 1" again; the agent's prompt says
 *     "turn N of at most <budget>", and the budget (threads.ts) is per receiver and thread too;
 *   - no thread of that name, but a unique start of one (8 hex digits or more: an id copied short):
 *     that thread, said in `note`; the start of several: refused, `ambiguous`;
 *   - the start of a message id only (a thread id is the id of its first message): a new thread
 *     named as typed, and a `warning` saying so, naming the message.
 *
 * Thread ids come from headers, any writer's words: only those the bus made are resolved to or named.
 */
import { AliveError } from '../errors.ts';
import { DEFAULT_TURN_BUDGET, loadReceiverConfig } from './config.ts';
import { continuedThread, isPlainThread } from './deliver.ts';
import { isHexPrefix } from './id-resolve.ts';
import { isUuid7, isWordlessId } from './ids.ts';
import { receiverPaths } from './layout.ts';
import { displayName } from './names.ts';
import { headersOnBus, type BusHeaders, type BusHeadersRead } from './query.ts';
import { isResponse } from './message.ts';
import { budgetProblem } from './threads.ts';

export interface SendThread {
  thread: string | undefined;
  turn: number;
  /** The thread was typed short: which one it is. */
  note?: string;
  /** The thread names none on the bus but starts a message id: likely a mistake. */
  warning?: string;
}

/**
 * What a send says when the folders looked through (`whose`) hold more files than a thread lookup
 * reads (query.ts THREAD_SCAN_MAX): the turn may be too low. The thread is not named: the caller
 * may have passed one a bus writer chose (an MCP agent, an untrusted_thread).
 */
function unreadWarning(
  read: number,
  { unread, unlisted }: Pick<BusHeadersRead, 'unread' | 'unlisted'>,
  whose: string,
): { warning: string } | Record<string, never> {
  if (unread === 0 && !unlisted) return {};
  return {
    warning: `the turn in this thread was counted from the headers of ${read} of ${whose} files (the newest bus-made ids first): ${unlisted ? 'more than ' : ''}${unread} were not read, so it may be too low`,
  };
}

/** The thread a request belongs to (its Thread header, else its own id); undefined for an answer. */
function requestThread(h: BusHeaders): string | undefined {
  if (isResponse(h.message)) return undefined;
  return h.message.thread !== undefined && h.message.thread !== '' ? h.message.thread : h.id;
}

/** The thread and turn of a message to `to` (a folder name) with `typed` as its --thread; see the top of this file. */
export function threadForSend(root: string, to: string, typed: string | undefined, env: NodeJS.ProcessEnv = process.env): SendThread {
  const continued = continuedThread(typed, env);
  // No thread named (a new one, or the agent's own), or the agent continuing the thread it answers.
  if (typed === undefined || continued.turn > 1) return continued;
  const turnIn = (headers: readonly BusHeaders[], thread: string) => 1 + headers.filter((h) => h.receiver === to && requestThread(h) === thread).length;
  if (!isHexPrefix(typed)) {
    // A name (review-42): never an id typed short, so only the turn is wanted, and it counts the
    // thread's requests in the receiver's folders: no other receiver's files are read.
    const read = headersOnBus(root, to, undefined, { passOver: true });
    return { thread: typed, turn: turnIn(read.headers, typed), ...unreadWarning(read.headers.length, read, `${displayName(to)}'s`) };
  }
  // A whole thread id the bus made: what came long before it is not read (headersOnBus).
  const read = headersOnBus(root, undefined, isUuid7(typed) ? typed : undefined);
  const { headers } = read;
  const threads = new Set(headers.map((h) => h.message.thread || requestThread(h)).filter((t): t is string => t !== undefined && t !== ''));
  if (threads.has(typed)) return { thread: typed, turn: turnIn(headers, typed), ...unreadWarning(headers.length, read, "the bus's") };
  const low = typed.toLowerCase();
  const starting = [...threads].filter((t) => isWordlessId(t) && t.startsWith(low)).sort();
  if (starting.length === 1) {
    const thread = starting[0]!;
    return { thread, turn: turnIn(headers, thread), note: `--thread ${typed} is thread ${thread}`, ...unreadWarning(headers.length, read, "the bus's") };
  }
  if (starting.length > 1) {
    throw new AliveError(`--thread ${typed} is the start of ${starting.length} threads: ${starting.slice(0, 5).join(', ')}; give more of it`, {
      code: 'ambiguous',
      fields: { candidates: starting.slice(0, 5) },
    });
  }
  const message = headers.find((h) => isWordlessId(h.id) && h.id.startsWith(low));
  if (message === undefined) return { thread: typed, turn: 1 };
  return {
    thread: typed,
    turn: 1,
    warning: `--thread ${typed} names no thread on the bus, but message msg-${message.id} starts with it: this message starts a new thread named ${typed}; to continue that message's thread, give its thread id ('dispatch thread ${message.id}' shows it)`,
  };
}

/**
 * What a send in `thread` (a thread named: --thread, the MCP send tool's thread) says before it
 * goes when the receiver will not take it for the thread's turn budget: turn_budget in its
 * config.json, which bounds every daemon and a reply by hand, else the default, which a daemon
 * started with a higher --turn-budget passes (its budget is not known here). The message is sent
 * all the same: config.json is any bus writer's to write, and such a daemon answers it. `how`:
 * the way on in the CLI's words or the tool's.
 */
export async function turnBudgetWarning(root: string, to: string, thread: string, turn: number, how: 'cli' | 'tool'): Promise<string | undefined> {
  const paths = receiverPaths(root, to);
  const set = (await loadReceiverConfig(paths)).turnBudget;
  // The thread the user typed (plain ids only), or the thread id its start resolved to.
  const over = budgetProblem(paths, thread, turn, set ?? DEFAULT_TURN_BUDGET, isPlainThread, set === undefined ? 'default turn budget' : 'turn budget');
  if (over === undefined) return undefined;
  const what =
    set === undefined
      ? `a daemon serving ${displayName(to)} puts this message in dead-letter unless it runs with a higher --turn-budget, and a reply by hand refuses it`
      : `(turn_budget in ${displayName(to)}'s config.json): a daemon will put this message in dead-letter`;
  return `${over}${set === undefined ? ': ' : ' '}${what}; ${how === 'cli' ? 'send it without --thread' : 'call send without thread'} to start a new thread`;
}
