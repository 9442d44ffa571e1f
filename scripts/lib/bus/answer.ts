/**
 * Answering a message by hand (`dispatch reply`, the MCP `reply` tool): the message is taken (from
 * processing/ when it was claimed, else claimed from the inbox), checked against the thread's turn
 * budget, and answered into the receiver's outbox in its thread with In-Reply-To.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { AliveError } from '../errors.ts';
import { claimById, claimsOfUpTo, completeClaim, deadLetterClaim, LeaseLostError, loadClaim, returnToInbox, type Claim } from './claims.ts';
import { otherLiveHolder, replyOwner, type ProcessHolder } from './claim-owner.ts';
import { elsewhereText, nameable, whereText } from './commands/common.ts';
import { DEFAULT_TURN_BUDGET, loadReceiverConfig } from './config.ts';
import { idArgument, isWordlessId } from './ids.ts';
import { rawHeader, untrustedThreadField, type HeaderText } from './json-fields.ts';
import { receiverPaths, type ReceiverPaths } from './layout.ts';
import { displayName, isValidName, normaliseName } from './names.ts';
import { idHint, withIdHint } from './id-resolve.ts';
import { findMessage, type FoundMessage } from './query.ts';
import { isResponse } from './message.ts';
import { findUnlistedJson, type LookupSeen, withFindUnlisted } from './list-bound.ts';
import { budgetProblem, recordTurn, undoTurns } from './threads.ts';
import { inboxCopyPlan } from './inbox-copy.ts';

export interface Answered {
  /** The request answered. */
  id: string;
  receiver: string;
  responseId: string;
  /** The response file, in the receiver's outbox. */
  path: string;
  thread: string;
  turn: number;
  /** The sender whose inbox got a copy (a HelloWorld HEAD runtime reads answers there: inbox-copy.ts). */
  alsoInto?: string;
  /** Why no copy went where one was due (the hour's budget, a folder that cannot be used), naming the sender. */
  inboxCopyProblem?: string;
}

/**
 * The receiver answering message `id` when none is named: the one whose inbox or processing/ holds
 * it. Several: `ambiguous`, their names (folder names a bus writer chose) in a field apart, and the
 * option that names one (`as` for the MCP tool, `--as` for dispatch reply). None: why, in our words
 * (to `replier`, when known: the receiver an MCP server runs as).
 */
export function answeringReceiver(root: string, id: string, option: string, replier?: string): string {
  const seen = { unlisted: false };
  const open = findMessage(root, id, { seen }).filter((m) => (m.location === 'inbox' || m.location === 'processing') && m.kind === 'request');
  const holders = [...new Set(open.map((m) => m.receiver))];
  if (holders.length > 1) {
    const where = option === 'as' ? 'untrusted_receivers lists them' : `'dispatch show ${id}' names them`;
    throw new AliveError(`${id} waits for ${holders.length} receivers; say which with ${option} (${where})`, {
      code: 'ambiguous',
      fields: { untrusted_receivers: holders.map(displayName) },
    });
  }
  if (holders.length === 0) throw notAnswerable(root, id, undefined, seen, option === 'as' ? 'tool' : 'cli', replier);
  return holders[0]!;
}

/**
 * Refuses (`not_yours`) an answer by `identity`, the caller's own name (an MCP server's --as, else
 * HELLOWORLD_AS; HELLOWORLD_AS for `dispatch reply` without --as), to a message that waits only
 * for other receivers: it would have gone out under that receiver's name, and the sender's wait
 * would have shown it as the responder. A message not waiting anywhere is left to answerMessage,
 * which says why (already answered, no such message). `how`: the words of the tools or the commands.
 */
export function refuseOthersMessage(root: string, id: string, identity: string, how: 'cli' | 'tool'): void {
  const open = findMessage(root, id).filter((m) => (m.location === 'inbox' || m.location === 'processing') && m.kind === 'request');
  if (open.length === 0 || open.some((m) => m.receiver === identity)) return;
  const owners = [...new Set(open.map((m) => m.receiver))];
  const named = owners.every((r) => nameable(r)) ? owners.map(displayName).join(' or ') : undefined;
  const me = displayName(identity);
  const source = how === 'tool' ? `this server answers as ${me}: its --as, else HELLOWORLD_AS` : `HELLOWORLD_AS is ${me}`;
  const whose =
    named === undefined ? `another receiver's (${how === 'tool' ? 'untrusted_receivers names it' : `'dispatch show ${id}' names it`})` : `${named}'s`;
  const mine = how === 'tool' ? `inbox {"receiver": "${me}"}` : `'dispatch inbox ${me}'`;
  const other = named ?? 'that receiver';
  const onPurpose = how === 'tool' ? `call reply with "as": ${named === undefined ? 'that name' : `"${named}"`}` : `pass --as ${named ?? '@RECEIVER'}`;
  throw new AliveError(
    `cannot reply to ${id}: it is ${whose} to answer, not ${me}'s (${source}); nothing was changed. Leave it to ${other}: its sender waits for that receiver's answer, and ${mine} lists the messages to you. Only if the user asks you to answer for ${other}, ${onPurpose}`,
    { code: 'not_yours', ...(named === undefined ? { fields: { untrusted_receivers: owners.map(displayName) } } : {}) },
  );
}

/**
 * Why message `id` cannot be answered (as `receiver`, else as any receiver): already answered, where
 * it is, whose it is when another receiver has it, or that there is no such message. One refusal
 * for `dispatch reply` and the MCP reply tool; when a lookup of it was partial (`seen`, and those
 * made here), it says so (withFindUnlisted), with unlisted_files and note (--json, the tool).
 */
function notAnswerable(
  root: string,
  id: string,
  receiver: string | undefined,
  seen: LookupSeen = { unlisted: false },
  how: 'cli' | 'tool' = 'cli',
  replier = receiver,
): AliveError {
  const why = whyNotAnswerable(root, id, receiver, seen, how, replier);
  return new AliveError(withFindUnlisted(`cannot reply to ${id}: ${why}`, seen), { code: 'not_found', fields: findUnlistedJson(seen) });
}

function whyNotAnswerable(root: string, id: string, receiver: string | undefined, seen: LookupSeen, how: 'cli' | 'tool', replier: string | undefined): string {
  const where = findMessage(root, id, receiver === undefined ? { seen } : { receiver, seen });
  if (where.length === 0) {
    if (receiver === undefined) return withIdHint('there is no such message on the bus', idHint(root, id));
    const none = `there is no such message for ${displayName(receiver)}`;
    const elsewhere = elsewhereText(root, id, receiver, 'reply', seen, how);
    const inbox = how === 'tool' ? `inbox {"receiver": "${displayName(receiver)}"} lists what waits` : `see 'dispatch inbox ${displayName(receiver)}'`;
    if (elsewhere === undefined) return withIdHint(none, idHint(root, id, { receiver }), inbox);
    return withGoOn(elsewhere, findMessage(root, id, { seen }), how, undefined, replier);
  }
  if (where[0]!.state === 'handled') return 'it was already answered (it is in the archive)';
  return withGoOn(`it is ${where.map((m) => whereText(m, receiver, undefined, how)).join('; ')}`, where, how, receiver, replier);
}

/**
 * `why` and, when the id is an answer's, the way on: an answer is not replied to, a new message in
 * its thread is sent to the other side of it (otherSide). That receiver and the thread (the
 * answer's Thread header) are named only when every bus knows it and the bus made the thread id;
 * else 'dispatch show ID' names them. `receiver`: the one whose folders were looked in; `replier`:
 * who replies, when known.
 */
function withGoOn(why: string, found: readonly FoundMessage[], how: 'cli' | 'tool' = 'cli', receiver?: string, replier = receiver): string {
  const answer = found.find((m) => m.kind === 'response');
  if (answer === undefined) return why;
  // One in an inbox (the replier's, or when none is named any) or claimed there is to read: a claim files it.
  const held = found.find((m) => m.kind === 'response' && (m.location === 'inbox' || m.location === 'processing') && m.receiver === (receiver ?? m.receiver));
  const claim = held && nameable(held.receiver, receiver) ? `'dispatch claim ${displayName(held.receiver)} ${idArgument(held.id)}'` : 'a claim of it';
  const file = held ? ` ${claim} files it in the archive (the MCP claim tool with its id);` : '';
  const other = otherSide(answer, replier);
  const to = other !== undefined && nameable(other) ? displayName(other) : '@RECEIVER';
  const header = answer.untrusted?.thread;
  const thread = header && isWordlessId(header) ? header : 'THREAD';
  const unnamed = [to === '@RECEIVER' ? 'the receiver on the other side of the thread' : undefined, thread === 'THREAD' ? 'the thread' : undefined].filter(
    (w) => w !== undefined,
  );
  const show = unnamed.length ? `, ${unnamed.join(' and ')} as 'dispatch show ${idArgument(answer.id)}' names ${unnamed.length === 1 ? 'it' : 'them'}` : '';
  const command = `dispatch send ${to} 'TEXT' --thread ${thread}`;
  const send =
    how === 'tool'
      ? `send {"to": "${to}", "thread": "${thread}", "body": "..."}${show} (${command} in a terminal)`
      : `${command}${show} (the MCP send tool with thread)`;
  return `${why}; an answer is not replied to:${file} to go on with its thread, send a new message: ${send}`;
}

/**
 * Who a new message in an answer's thread goes to: the receiver that answered (its From header,
 * else the folder holding it), or, when that is who replies, the one it answered (its To header:
 * @claude answering @gemini, then going on, writes to @gemini, not to itself). Undefined when the
 * header holds no receiver name.
 */
function otherSide(answer: FoundMessage, replier: string | undefined): string | undefined {
  const named = (value: string | null | undefined) => (value !== undefined && value !== null && isValidName(value) ? normaliseName(value) : undefined);
  const answerer = named(answer.untrusted?.from) ?? answer.receiver;
  return replier === undefined || normaliseName(replier) !== answerer ? answerer : named(answer.untrusted?.to[0]);
}

/** An answer of nothing but white space: refused as an empty send is (code empty_body, exit 1), by every caller. */
export const EMPTY_REPLY = 'the reply is empty (nothing but white space); nothing was sent and the message is left as it was';

/**
 * How long a reply waits for a claim held a moment only (another reply storing its answer, a
 * sweeper returning the message to the inbox) to end, before it says who holds it.
 */
const PASSING_CLAIM_WAIT_MS = 2000;

/**
 * Answers message `id` of `receiverName` with `text`. `self` is the caller's claim owner (`hand`,
 * an MCP server's session owner): a claim of its own, by hand, past its lease or of a process that
 * is gone is taken over; one another live process holds (a daemon whose agent is answering it,
 * another MCP session) is refused (`busy`), naming it, and the bus is left as it was. A message
 * still in the inbox is claimed for the moment the answer takes (replyOwner). The turn is recorded
 * before the answer is stored, so that no other answer passes the budget meanwhile, and taken back
 * when the answer could not be stored. A refusal past the turn budget gives a Thread header that
 * is not wordless under `untrusted_thread`, as the caller's result shows a header (`shown`:
 * rawHeader for --json, shownHeader for an MCP tool); `how`: whose words a `busy` refusal's way on
 * is in (heldRefusal).
 */
export async function answerMessage(
  root: string,
  receiverName: string,
  id: string,
  text: string,
  self = 'hand',
  shown: HeaderText = rawHeader,
  how: 'cli' | 'tool' = 'cli',
): Promise<Answered> {
  const receiver = normaliseName(receiverName, 'receiver');
  if (text.trim() === '') throw new AliveError(EMPTY_REPLY, { code: 'empty_body' });
  const paths = receiverPaths(root, receiver);
  const config = await loadReceiverConfig(paths);
  const { claim, fromInbox } = await takeForReply(root, receiver, id, self, config.claimLeaseMs, how);
  // An answer in the inbox (a copy for a HEAD-format sender, or any writer's) is not replied to:
  // left as it was, the refusal names the claim that files it.
  if (isResponse(claim.message)) {
    if (fromInbox) returnTaken(paths, receiver, claim);
    throw notAnswerable(root, id, receiver, undefined, how);
  }
  const thread = claim.message.thread || claim.id;
  // config.json is any bus writer's: it can lower the budget, never raise it past the default (as
  // serve takes it only up to its own --turn-budget).
  const turnBudget = Math.min(config.turnBudget ?? DEFAULT_TURN_BUDGET, DEFAULT_TURN_BUDGET);
  // Up to the answer's storing, a failure (threads/ a link or a file, say) leaves a request taken
  // from the inbox as it was: under this live process's tag it would wait out the whole lease.
  const beforeStoring = <T>(step: () => T): T => {
    try {
      return step();
    } catch (err) {
      if (fromInbox && !(err instanceof LeaseLostError)) returnTaken(paths, receiver, claim);
      throw err;
    }
  };
  // The refusal is read by the agent that replies (dispatch reply, the MCP tool): a Thread header
  // is named in it only when it cannot spell words (as threadField names it); any other is given
  // apart, as untrusted_thread.
  const over = beforeStoring(() => budgetProblem(paths, thread, claim.message.turn, turnBudget, isWordlessId));
  if (over) {
    try {
      beforeStoring(() => deadLetterClaim(claim, over, 'turn_budget'));
    } catch (err) {
      throw lostToOther(root, id, receiver, err, how);
    }
    throw new AliveError(`cannot reply to ${id}: ${over}; the message went to dead-letter`, {
      code: 'turn_budget',
      ...(isWordlessId(thread) ? {} : { fields: untrustedThreadField(thread, shown) }),
    });
  }
  // As serve does: a sender writing HelloWorld HEAD's format reads its answers in its own inbox.
  const copy = beforeStoring(() => inboxCopyPlan(config, claim, claim.message, turnBudget));
  const recorded = [thread, ...(copy.to !== undefined && copy.key !== undefined ? [copy.key] : [])];
  const done: string[] = [];
  for (const key of recorded)
    beforeStoring(() => {
      try {
        recordTurn(paths, key, claim.id);
        done.push(key);
      } catch (err) {
        undoTurns(paths, done, claim.id);
        throw err;
      }
    });
  let resp: ReturnType<typeof completeClaim>['response'];
  try {
    resp = completeClaim(claim, { body: text, ...(copy.to !== undefined ? { alsoIntoInboxOf: [copy.to] } : {}) }).response!;
  } catch (err) {
    undoTurns(paths, recorded, claim.id);
    // Taken from the inbox for this answer alone: it goes back there, as it was.
    if (fromInbox && !(err instanceof LeaseLostError)) returnTaken(paths, receiver, claim);
    throw lostToOther(root, id, receiver, err, how);
  }
  const problem = copy.withheld ?? resp.skippedCopies[0]?.problem;
  return {
    id: claim.id,
    receiver,
    responseId: resp.id,
    path: resp.path,
    thread: resp.thread,
    turn: resp.turn,
    ...(copy.to !== undefined && resp.copies.length > 0 ? { alsoInto: copy.to } : {}),
    ...(problem !== undefined ? { inboxCopyProblem: problem } : {}),
  };
}

/** A message taken from the inbox for a reply that did not happen, put back as it was. */
function returnTaken(paths: ReceiverPaths, receiver: string, claim: Claim): void {
  try {
    returnToInbox(paths, receiver, claim.path, claim.fileName);
  } catch {
    // left claimed: its lease returns it (the error the caller throws says what failed first)
  }
}

/**
 * The claim a reply answers: its own or one it may take over (answerMessage), else the message
 * claimed from the inbox. A claim held a moment only is waited for (PASSING_CLAIM_WAIT_MS): two
 * replies at once, the second is told where the first put the message (the archive: answered).
 */
async function takeForReply(
  root: string,
  receiver: string,
  id: string,
  self: string,
  leaseMs: number,
  how: 'cli' | 'tool',
): Promise<{ claim: Claim; fromInbox: boolean }> {
  const until = Date.now() + PASSING_CLAIM_WAIT_MS;
  for (;;) {
    const held = loadClaim(root, receiver, id);
    if (held) {
      const holder = held.deadline > Date.now() ? otherLiveHolder(held.owner, self, undefined, held.path) : undefined;
      if (holder === undefined) return { claim: held, fromInbox: false };
      const passing = holder.here && (holder.kind === 'reply' || holder.kind === 'sweeper');
      if (!passing || Date.now() >= until) throw heldRefusal(id, receiver, holder, held.deadline, 'reply to', how);
    } else {
      const claim = await claimById(root, receiver, id, { owner: replyOwner(), leaseMs });
      if (claim) return { claim, fromInbox: true };
      // Claimed by someone else meanwhile: looked at again, for as long as a passing claim is waited
      // for (a claim listed in processing/ that loadClaim cannot read stays so); else it is not there to answer
      // (among the first busListMax names of processing/: past them, the refusal's id hint says the lookup was partial).
      if (Date.now() >= until || claimsOfUpTo(receiverPaths(root, receiver), id).claims.length === 0) {
        throw notAnswerable(root, id, receiver, undefined, how);
      }
    }
    await delay(10);
  }
}

/**
 * Why a reply (or a claim: `verb`) leaves alone a claim another live process holds, and what to do
 * instead: `how`, in the words of the commands (`dispatch wait`, the MCP tool second) or the tools
 * (the wait call first, the command second).
 */
export function heldRefusal(
  id: string,
  receiver: string,
  holder: ProcessHolder,
  deadline: number,
  verb: 'reply to' | 'claim' = 'reply to',
  how: 'cli' | 'tool' = 'cli',
): AliveError {
  const pid = holder.here ? `pid ${holder.pid}` : `pid ${holder.pid} on another machine or container sharing the bus`;
  const lease = new Date(deadline).toISOString();
  const call = `wait {"id": ${JSON.stringify(idArgument(id))}}`;
  const wait = `wait for its answer with ${how === 'tool' ? `${call} ('dispatch wait ${id}' in a terminal)` : `'dispatch wait ${id}' (the MCP wait tool)`}`;
  const again = verb === 'claim' ? 'claim it' : 'reply';
  const who = {
    daemon: `the daemon serving ${displayName(receiver)} (${pid}) claimed it and its agent is answering it; ${wait}, or stop that daemon and ${again} again`,
    session: `another MCP session (the dispatch mcp server with ${pid}) claimed it to answer it; ${wait}, or ${again} again once that session ends or its lease runs out (at ${lease})`,
    reply: `another reply (${pid}) is storing its answer right now; ${how === 'tool' ? `${call} gives it in a moment` : `see 'dispatch show ${id}' in a moment`}`,
    sweeper: `it is being returned to the inbox (${pid}); ${again} again in a moment`,
  }[holder.kind];
  return new AliveError(`cannot ${verb} ${id}: ${who}; nothing was changed`, { code: 'busy', fields: { holder: { kind: holder.kind, pid: holder.pid } } });
}

/**
 * A claim lost while answering (another took the message meanwhile: `completeClaim`'s rename found
 * it gone) said as where the message is now, as a second reply would be told (already answered);
 * any other failure as it is.
 */
function lostToOther(root: string, id: string, receiver: string, err: unknown, how: 'cli' | 'tool'): unknown {
  if (!(err instanceof LeaseLostError)) return err;
  return notAnswerable(root, id, receiver, undefined, how);
}
