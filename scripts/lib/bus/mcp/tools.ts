/**
 * The bodies of the MCP tools of `dispatch mcp`: plain functions over the bus library (the same
 * calls the CLI makes), returning the JSON object a tool call answers with and throwing AliveError
 * (or InvalidNameError) with the CLI's message when refused. No MCP types here: server.ts wires
 * these to the SDK, and tests can call them in-process.
 *
 * Whatever came from a message file (senders, bodies, contexts, thread ids taken from headers, an
 * agent's output) is returned under a key named `untrusted`, never mixed into our own fields; so is
 * a receiver name the caller did not give, read from runtimes/ (a folder name any bus writer
 * chooses, 64 characters of words): `untrusted_receiver`, and in status rows `untrusted.receiver`.
 * A message id is a file name any writer chooses too: one the bus did not make (a slug can spell
 * `system-notice-obey-the-body`) is given as `untrusted_id` (idField), never quoted in our words.
 */
import { existsSync } from 'node:fs';
import { AliveError, type ErrorCode } from '../../errors.ts';
import { inlineText, summaryLine } from '../../text/untrusted.ts';
import { answerMessage, answeringReceiver, heldRefusal, refuseOthersMessage } from '../answer.ts';
import { otherLiveHolder } from '../claim-owner.ts';
import {
  claimRefusal,
  filedAnswerText,
  handClaimsJson,
  nameable,
  tookOverJson,
  tookOverText,
  turnBudgetAdvice,
  unansweredText,
  whereText,
} from '../commands/common.ts';
import { countClaimsUpTo, inboxEntriesAfter, listInboxUpTo } from '../claims.ts';
import { tookBackJson } from '../took-back.ts';
import {
  busListMax,
  claimUnlistedNote,
  findUnlistedJson,
  deadLetterUnlistedNote,
  inboxUnlistedNote,
  processingUnlistedNote,
  noteJson as noteField,
  statusUnlistedNote,
  statusUnreadReceiversNote,
  unlistedField,
  waitUnlistedNote,
  withFindUnlisted,
} from '../list-bound.ts';
import { sendMessage } from '../deliver.ts';
import { threadForSend, turnBudgetWarning } from '../send-thread.ts';
import { toItselfNote, unservedNote } from '../serving.ts';
import { LISTED_PEEK_BYTES, readBusFile } from '../fsutil.ts';
import { checkReceiverKnown, unknownReceiver, unknownReceiverJson } from '../receivers.ts';
import { receiverPaths, runtimesDir } from '../layout.ts';
import { decodeUtf8, isResponse, parseMessage } from '../message.ts';
import { idArgument, isWordlessId, parseMessageIdArg } from '../ids.ts';
import { idHint, messageIdArg, resolveMessageId, withGivenId, withIdHint } from '../id-resolve.ts';
import { requireBusAt } from '../no-bus.ts';
import { idField, listedHeaders, threadField } from '../json-fields.ts';
import { displayName, normaliseName } from '../names.ts';
import {
  claimMessage,
  deadLetterCode,
  deadLetterListing,
  fileTimeIso,
  retryDeadLetter,
  existingThreadMembers,
  threadHeaderNote,
  findMessage,
  unreadFilesNote,
  waitForAnswer,
  type DeadLetterInfo,
  type FoundMessage,
} from '../query.ts';
import { answerTooLargeError, closedText } from '../responses.ts';
import { busStatus, inboxHeadsOf, STATUS_HEAD_BYTES } from '../status.ts';
import { countAnswers } from '../inbox-answers.ts';
import {
  boundedHeaders,
  boundedUntrusted,
  fitText,
  fitted,
  HEADER_BYTES,
  LIST_BUDGET,
  LISTED_BODY_BYTES,
  LISTED_READ_BYTES,
  LISTED_REASON_BYTES,
  LIST_DEFAULT,
  page,
  REASON_BYTES,
  shownHeader,
  textWindow,
  type Cut,
} from './bounds.ts';
import { MCP_RECEIVER, checkWaitReceiver } from '../wait-receiver.ts';

export interface ToolContext {
  root: string;
  /** The sender a `send` without `from` uses (folder name). */
  as: string;
  /**
   * The receiver this server is (folder name), when it was given one (--as, else HELLOWORLD_AS):
   * `reply` answers as it unless `as` names another, and refuses a message to another receiver
   * (not_yours). Unset (the plugin's server, started with neither), `reply` answers as the
   * receiver the message is for, and says so.
   */
  identity?: string;
  /** Receivers of the messages this server sent, by id (recent ones): `wait` looks only there. */
  sentTo?: Map<string, string>;
  /**
   * Why the server's own arguments could not be used (dispatch mcp): every tool answers with it.
   * Plain data: dispatch-mcp.mjs is a bundle apart, whose AliveError is another class.
   */
  startupError?: { message: string; code: ErrorCode };
  /**
   * The claim owner of this server (claim-owner.ts mcpSessionOwner, given by createServer): `reply`
   * answers the claims of its own `claim`, and refuses one another session holds. Without it,
   * `mcp`, the owner of earlier versions, which any reply takes over.
   */
  owner?: string;
}

const SENT_REMEMBERED = 1000;

export const WAIT_DEFAULT_S = 30;
/**
 * The longest wait of one call: MCP clients give up on a call unanswered for 60 s (the SDK client's
 * default request timeout, Codex's default tool_timeout_sec), and then the agent gets `Request
 * timed out` instead of a result saying where its request is. A longer wait is a wait called again.
 */
export const WAIT_MAX_S = 50;
/** Why timeout_s is refused past WAIT_MAX_S, and what to do instead (the tool's schema says it too). */
export const WAIT_MAX_TEXT = `timeout_s is at most ${WAIT_MAX_S} seconds (MCP clients give up on a call after 60 s); to wait longer, call wait again when it returns "timed-out"`;
/** How this server found its bus root: said wherever it finds no bus there. */
const ROOT_FOUND =
  'this server found its bus root when it started: --root, else HELLOWORLD_ROOT, else the nearest folder holding runtimes/ from the folder it started in';

/**
 * Refuses (`no_bus`, no-bus.ts) a call where the server's root holds no runtimes/ folder (a server
 * started in a project that has no bus), as the CLI's commands refuse it. An empty answer with a
 * warning beside it read as a bus where nothing waits, and an agent passed it on; a send made a
 * bus of its own in the project, which nothing serves. A send with create: true makes the bus.
 */
function requireBusHere(root: string, forSend = false): void {
  const start = forSend ? '; to start a new bus in this folder, call send again with create: true' : '';
  requireBusAt(
    root,
    (shown) =>
      `: ${shown} holds no runtimes/ folder (${ROOT_FOUND}); to use a bus elsewhere, start the server with --root that bus's folder, or run the dispatch commands with --root${start}`,
  );
}

/** What send says when it made the bus (as `dispatch send` says on stderr: commands/common.ts newBusNote). */
function newBusWarning(root: string): string {
  return `created a new bus at ${inlineText(runtimesDir(root), 1000)}: no runtimes/ folder was there (${ROOT_FOUND}); if the receiver is served on another bus, start the server with --root that bus's folder`;
}

export async function sendTool(
  ctx: ToolContext,
  a: { to: string; body: string; thread?: string | undefined; from?: string | undefined; context?: string | undefined; create?: boolean | undefined },
) {
  const to = normaliseName(a.to, 'receiver');
  const from = normaliseName(a.from ?? ctx.as, 'sender');
  if (a.create !== true) requireBusHere(ctx.root, true);
  try {
    checkReceiverKnown(ctx.root, to, a.create === true);
  } catch (err) {
    // The CLI's message, with the tool's way to say --create.
    if (err instanceof AliveError) throw reworded(err, err.message.replace('Pass --create', 'Call send with create: true'));
    throw err;
  }
  // As `dispatch send`: inside an agent started by serve, the thread and turn continue its message;
  // a thread named continues at the receiver's next turn, a thread id typed short is resolved.
  const { thread, turn, note, warning } = threadForSend(ctx.root, to, a.thread);
  // Before it goes, as dispatch send says it: a thread past its turn budget (sent all the same).
  const over = a.thread !== undefined && thread !== undefined ? await turnBudgetWarning(ctx.root, to, thread, turn, 'tool') : undefined;
  // A server started where no bus is (a project folder) would otherwise make one silently and wait there.
  const busExisted = existsSync(runtimesDir(ctx.root));
  const sent = await sendMessage({
    root: ctx.root,
    to,
    from,
    body: a.body,
    ...(a.context !== undefined && a.context !== '' ? { context: a.context } : {}),
    ...(thread !== undefined ? { thread } : {}),
    turn,
  });
  const toItself = sent.from === sent.to ? toItselfNote(displayName(sent.to)) : undefined;
  const unserved = toItself === undefined ? unservedNote(ctx.root, sent.to, displayName(sent.to), 'tool') : undefined;
  if (ctx.sentTo) {
    ctx.sentTo.set(sent.id, sent.to);
    if (ctx.sentTo.size > SENT_REMEMBERED) ctx.sentTo.delete(ctx.sentTo.keys().next().value!);
  }
  return {
    ok: true,
    id: sent.id,
    ...threadField(sent.thread, shownHeader),
    to: displayName(sent.to),
    from: displayName(sent.from),
    turn: sent.turn,
    ...(note ? { note: note.replace('--thread', 'thread') } : {}),
    ...warningField([busExisted ? undefined : newBusWarning(ctx.root), warning?.replace('--thread', 'thread'), over, toItself]),
    // As `dispatch send` says on stderr: a message no daemon will take is not a surprise later.
    ...(unserved ? { unserved } : {}),
  };
}

/** `warning` holding each of `warnings` given, or nothing. */
function warningField(warnings: (string | undefined)[]): { warning: string } | Record<string, never> {
  const given = warnings.filter((w): w is string => w !== undefined && w !== '');
  return given.length > 0 ? { warning: given.join('; ') } : {};
}

export function waitTool(ctx: ToolContext, a: { id: string; timeout_s?: number | undefined; receiver?: string | undefined }, signal?: AbortSignal) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => waitFor(ctx, a, signal));
}

async function waitFor(ctx: ToolContext, a: { id: string; timeout_s?: number | undefined; receiver?: string | undefined }, signal?: AbortSignal) {
  // The receiver given, or the one this server sent the message to: only its folders are read.
  const named = a.receiver ?? ctx.sentTo?.get(parseMessageIdArg(a.id) ?? '');
  requireBusHere(ctx.root);
  const id = resolveMessageId(ctx.root, a.id, { receiver: named }).id;
  const timeoutS = a.timeout_s ?? WAIT_DEFAULT_S;
  if (!(timeoutS > 0)) throw new AliveError(`timeout_s takes a number of seconds above 0, got ${timeoutS}`, { code: 'usage' });
  if (timeoutS > WAIT_MAX_S) throw new AliveError(`${WAIT_MAX_TEXT}; got ${timeoutS}`, { code: 'usage' });
  const responder = a.receiver !== undefined ? normaliseName(a.receiver, 'receiver') : ctx.sentTo?.get(id);
  if (a.receiver !== undefined) checkWaitReceiver(ctx.root, id, responder!, MCP_RECEIVER);
  const r = await waitForAnswer(ctx.root, id, {
    timeoutMs: Math.round(timeoutS * 1000),
    ...(signal ? { signal } : {}),
    ...(responder !== undefined ? { responder } : {}),
    receiverHint: 'call wait with receiver: "@NAME"',
    how: 'tool',
  });
  const request = r.request ? where(r.request) : null;
  switch (r.status) {
    case 'answered': {
      const u = r.answer.untrusted;
      const named = responder === r.answer.receiver || nameable(r.answer.receiver) ? displayName(r.answer.receiver) : undefined;
      return fitted((bodyBytes) => {
        const shown = u ? boundedUntrusted(u, bodyBytes) : undefined;
        return {
          ok: true,
          status: 'answered',
          ...idField('request_id', id),
          ...idField('id', r.answer.id),
          // The caller's name (given, or the receiver it sent to) or one every bus has, else a folder name found on the bus.
          ...(named !== undefined ? { responder: named } : { responder: null, untrusted_responder: displayName(r.answer.receiver) }),
          // The answer's From and Thread headers are in untrusted: a plain name or thread id is words.
          thread: u?.thread !== undefined && u.thread !== null && isWordlessId(u.thread) ? u.thread : null,
          request,
          ...(r.answer.problem ? { problem: r.answer.problem } : {}),
          untrusted: shown ? shown.untrusted : null,
          ...(shown?.cut ? { cut: shown.cut, note: readOnNote(r.answer.id, shown.cut, named) } : {}),
        };
      });
    }
    case 'unreadable':
      // In the words and code of dispatch wait (and run, repl, send --wait): the answer came, too large to read.
      throw answerTooLargeError(
        r.responder === responder ? displayName(r.responder) : 'its receiver',
        id,
        r.answer,
        { ...idField('request_id', id), request },
        r.responder !== responder,
      );
    case 'dead-lettered':
      return {
        ok: true,
        status: 'dead-lettered',
        ...idField('request_id', id),
        message: `${r.request.receiver === responder ? displayName(r.request.receiver) : 'its receiver'} did not answer: the request went to its dead-letter (${r.deadLetter.code})`,
        request,
        dead_letter: deadLetterJson(r.deadLetter, REASON_BYTES),
        // A retry of a thread past its turn budget goes straight back: the way on is a new thread.
        next:
          r.deadLetter.code === 'turn_budget' ? turnBudgetAdvice(responder === r.request.receiver ? displayName(responder) : undefined, 'tool') : retryNext(id),
      };
    case 'closed':
      return {
        ok: true,
        status: 'closed',
        ...idField('request_id', id),
        message: closedText(r.request?.receiver === responder && responder !== undefined ? displayName(responder) : 'its receiver', id),
        request,
      };
    case 'timed-out':
    case 'aborted': {
      const what = r.status === 'timed-out' ? `no answer within ${timeoutS} s` : 'stopped waiting';
      // A message to this server itself: nobody else will answer it.
      const toCaller = r.request?.state === 'waiting' && r.request.receiver === ctx.identity ? toCallerText(id, ctx.identity) : undefined;
      // Where the request is, and while it waits who serves it (unansweredText, in the tools' words).
      const place = `; the request is ${toCaller ? `${whereText(r.request!, ctx.identity)}: ${toCaller}` : `${unansweredText(ctx.root, id, r.request, responder, 'tool')}; call wait again later`}`;
      // An outbox or archive past the listing's bound: the answer may be among the names not listed.
      const unlisted = r.status === 'timed-out' && r.unlisted === true;
      const who = r.request?.receiver === responder && responder !== undefined ? displayName(responder) : 'its receiver';
      // Where the request is, from a lookup that may have been partial (a claim of it among the names not listed).
      const seen = { unlisted: r.requestUnlisted === true };
      return {
        ok: true,
        status: r.status,
        ...idField('request_id', id),
        message: withFindUnlisted(`${what}${place}`, seen),
        request,
        ...unlistedField(unlisted),
        ...findUnlistedJson(seen, [unlisted ? waitUnlistedNote(who) : undefined]),
      };
    }
  }
}

/** What a wait on a message to the caller (`me`, this server's identity) says to do: nobody else will answer it. */
function toCallerText(id: string, me: string): string {
  const who = displayName(me);
  return `this message is to you (${who}): claim it with claim {"receiver": "${who}", "id": ${idArgumentJson(id)}} and answer it with reply {"id": ${idArgumentJson(id)}, "body": "..."}`;
}

type InboxArgs = { receiver: string; limit?: number | undefined; offset?: number | undefined; after?: string | undefined };

export function inboxTool(ctx: ToolContext, a: InboxArgs) {
  return withGivenId(a.after, GIVEN_BY_CALL, () => inbox(ctx, a));
}

function inbox(ctx: ToolContext, a: InboxArgs) {
  const receiver = normaliseName(a.receiver, 'receiver');
  requireBusHere(ctx.root);
  const after = a.after === undefined ? undefined : messageIdArg(a.after);
  const paths = receiverPaths(ctx.root, receiver);
  const inbox = listInboxUpTo(paths, busListMax());
  // Those after the last message seen: a claim between pages shifts offsets, not this.
  const entries = after === undefined ? inbox.entries : inboxEntriesAfter(inbox.entries, after);
  const listing = page(
    entries,
    a,
    (e) => {
      // The id comes from a file name any writer chooses: only an id of the strict shape is ours to show.
      if (!e.validId) return { id: null, problem: 'its file name is not a valid message id', untrusted: { file_name: e.name } };
      const r = readBusFile(ctx.root, e.path, { headBytes: LISTED_PEEK_BYTES });
      if (!r.ok) return { ...idField('id', e.id), problem: r.problem === 'missing' ? 'gone (claimed meanwhile)' : r.detail };
      const text = decodeUtf8(r.bytes);
      if (text === undefined && r.size <= LISTED_PEEK_BYTES) return { ...idField('id', e.id), bytes: r.size, problem: 'not valid UTF-8' };
      const read = text ?? r.bytes.toString('utf8');
      const m = parseMessage(read);
      // Each header cut as every result shows one, `cut` naming it, as dispatch inbox --json gives it.
      const { headers, ...cut } = listedHeaders(e.id, m, read, r.size, LISTED_PEEK_BYTES, shownHeader, 'tool');
      return {
        ...idField('id', e.id),
        // An answer is to read, not to answer: claim files it (as dispatch inbox --json gives it).
        kind: isResponse(m) ? 'response' : 'request',
        bytes: r.size,
        untrusted: { ...headers, summary: summaryLine(m.body, 200) },
        ...cut,
      };
    },
    LIST_BUDGET,
  );
  const { listed, ...counts } = listing;
  const unknown = listed.length === 0 ? unknownReceiver(ctx.root, receiver) : undefined;
  const claims = countClaimsUpTo(paths);
  // The cursor of the next page: the last message listed that has an id (as a tool takes it back).
  const lastId = entries
    .slice(counts.offset, counts.offset + listed.length)
    .reverse()
    .find((e) => e.validId)?.id;
  const nextAfter = counts.truncated && lastId !== undefined ? { next_after: idArgument(lastId) } : {};
  // With after, offsets count from it: next_after is the way on, and an offset would mislead.
  const { next_offset, ...rest } = counts;
  const next = after === undefined || lastId === undefined ? (next_offset === undefined ? {} : { next_offset }) : {};
  return {
    ok: true,
    receiver: displayName(receiver),
    count: listed.length,
    ...rest,
    // total counts every message waiting, whichever page this is.
    total: inbox.entries.length,
    ...next,
    ...nextAfter,
    processing: claims.count,
    gone_claims: claims.gone,
    ...handClaimsJson(claims.byHand),
    ...(claims.more_than ? { more_than: { processing: claims.more_than } } : {}),
    ...unknownReceiverJson(unknown),
    // `total` is then a count among the names listed: at least that many wait.
    ...unlistedField(inbox.unlisted || claims.more_than !== undefined),
    ...noteField([
      inbox.unlisted ? `${inboxUnlistedNote(displayName(receiver))} (total is at least that many)` : undefined,
      claims.more_than ? processingUnlistedNote(displayName(receiver)) : undefined,
    ]),
    messages: listed,
  };
}

export function claimTool(ctx: ToolContext, a: { receiver: string; id?: string | undefined; as?: string | undefined }) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => claim(ctx, a));
}

async function claim(ctx: ToolContext, a: { receiver: string; id?: string | undefined; as?: string | undefined }) {
  const receiver = normaliseName(a.receiver, 'receiver');
  // As reply: under an identity, another receiver's message is taken only when "as" names it (the
  // user asked), else its own daemon loses it for the lease and the agent answers in its name.
  if (ctx.identity !== undefined && receiver !== ctx.identity && (a.as === undefined || normaliseName(a.as, 'as') !== receiver)) {
    const [them, me] = [displayName(receiver), displayName(ctx.identity)];
    throw new AliveError(
      `cannot claim ${them}'s messages: this server answers as ${me} (its --as, else HELLOWORLD_AS); nothing was changed. Leave them to ${them}: their senders wait for its answer, and inbox {"receiver": "${me}"} lists the messages to you. Only if the user asks you to answer for ${them}, call claim with "as": "${them}"`,
      { code: 'not_yours' },
    );
  }
  requireBusHere(ctx.root);
  const id = a.id === undefined ? undefined : resolveMessageId(ctx.root, a.id, { receiver }).id;
  const r = await claimMessage(ctx.root, receiver, { ...(id !== undefined ? { id } : {}), owner: ctx.owner ?? 'mcp' });
  // Unreadable files met on the way: a bus writer can plant any number of them.
  const deadLettered = r.deadLettered.slice(0, CLAIM_LISTED).map((d) => ({
    ...idField('id', d.id),
    code: deadLetterCode(d.code),
    untrusted: { reason: fitText(d.reason, CLAIM_REASON_BYTES).text },
  }));
  const more = r.deadLettered.length > CLAIM_LISTED ? { dead_lettered_total: r.deadLettered.length } : {};
  const tookBack = tookBackJson(r.tookBack, CLAIM_LISTED);
  if (!r.claimed) {
    if (id === undefined) {
      const unknown = unknownReceiver(ctx.root, receiver);
      return {
        ok: true,
        claimed: false,
        receiver: displayName(receiver),
        message: r.unlisted
          ? `no message claimed for ${displayName(receiver)}: ${claimUnlistedNote(displayName(receiver), false)}`
          : `no messages waiting for ${displayName(receiver)}`,
        ...unknownReceiverJson(unknown),
        ...unlistedField(r.unlisted),
        dead_lettered: deadLettered,
        ...more,
        ...tookBack,
      };
    }
    const fields = { dead_lettered: deadLettered, ...more, ...tookBack };
    // Another live process holds it (a daemon's agent, another session): busy, as reply says it.
    const held = r.where.find((m) => m.state === 'claimed' && m.claim !== null);
    const holder = held?.claim ? otherLiveHolder(held.claim.owner, ctx.owner ?? 'mcp', undefined, held.path) : undefined;
    if (holder !== undefined) {
      const refusal = heldRefusal(id, receiver, holder, Date.parse(held!.claim!.leaseExpiresAt), 'claim', 'tool');
      throw new AliveError(refusal.message, { code: 'busy', fields: { ...refusal.fields, ...fields } });
    }
    // In the words of dispatch claim, and for one handled, where its answer is.
    const refusal = claimRefusal(ctx.root, id, receiver, r, r.deadLettered.find((d) => d.id === id)?.code, 'tool');
    const handled = r.where.some((m) => m.state === 'handled')
      ? `; wait {"id": ${idArgumentJson(id)}} gives its answer (or says none came), thread {"id": ${idArgumentJson(id)}} lists its thread`
      : '';
    throw new AliveError(`${refusal.message}${handled}`, { code: 'not_found', fields: { ...fields, ...findUnlistedJson(refusal.seen) } });
  }
  const m = r.message;
  // A message too long to show is still claimed, cut with a note: refusing it would leave it
  // first in the inbox, blocking every later claim by an MCP client. The rest is read with show.
  return fitted((bodyBytes) => {
    const shown = boundedUntrusted(m.untrusted, bodyBytes);
    return {
      ok: true,
      claimed: true,
      receiver: displayName(receiver),
      ...idField('id', m.id),
      kind: m.kind,
      lease_expires_at: m.leaseExpiresAt,
      // An answer is filed in the archive as it is claimed: nothing to reply (query.ts ClaimedMessage).
      // A request's answer_with names `as` when reply would not answer as it by default (another than this server's identity).
      ...(m.kind === 'response'
        ? { filed: true, answer_with: null, message: filedAnswerText(m.id, receiver, 'its id is under untrusted_id') }
        : {
            answer_with: `reply {"id": ${idArgumentJson(m.id)}, ${ctx.identity !== undefined && ctx.identity !== receiver ? `"as": "${displayName(receiver)}", ` : ''}"body": "..."}`,
          }),
      untrusted: shown.untrusted,
      ...(shown.cut ? { cut: shown.cut } : {}),
      ...unlistedField(r.unlisted),
      ...noteField([
        r.tookOver ? tookOverText(m.id, r.tookOver, 'its id is under untrusted_id') : undefined,
        shown.cut ? readOnNote(m.id, shown.cut, displayName(receiver)) : undefined,
        r.unlisted ? claimUnlistedNote(displayName(receiver), true) : undefined,
      ]),
      dead_lettered: deadLettered,
      ...more,
      ...tookBack,
      ...tookOverJson(r.tookOver),
    };
  });
}

/** How many of the files a claim moved to dead-letter, and of the claims it took back, its result lists (the rest counted), and how much of each reason. */
const CLAIM_LISTED = 5;
const CLAIM_REASON_BYTES = 256;

/**
 * What a result whose message text was cut (`cut`, boundedUntrusted's) says: how much of the body
 * it shows, and how to read the rest with show (its offset, `receiver` when the caller named it,
 * or when every bus has it), then in a terminal.
 */
function readOnNote(id: string, cut: Record<string, Cut | { count: number; shown: number }>, receiver: string | undefined): string {
  const call = (offset: number, field?: string) =>
    `show {"id": ${idArgumentJson(id)}, ${receiver !== undefined ? `"receiver": "${receiver}", ` : ''}${field ? `"field": "${field}", ` : ''}"offset": ${offset}}`;
  const body = cut.body as Cut | undefined;
  const context = cut.context as Cut | undefined;
  const parts = [
    body
      ? `untrusted.body holds the first ${body.shown_bytes} of the body's ${body.bytes} bytes; read on with ${call(body.shown_bytes)}, each call giving the next part and its next_offset`
      : undefined,
    context
      ? `untrusted.context holds the first ${context.shown_bytes} of its ${context.bytes} bytes; read on with ${call(context.shown_bytes, 'context')}`
      : undefined,
    body || context ? `or read it whole with 'dispatch show ${id} --full' in a terminal` : undefined,
    Object.keys(cut).some((k) => k !== 'body' && k !== 'context') ? 'headers were cut to fit (see cut)' : undefined,
  ];
  return parts.filter((p) => p !== undefined).join('; ');
}

export function replyTool(ctx: ToolContext, a: { id: string; body: string; as?: string | undefined }) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => reply(ctx, a));
}

async function reply(ctx: ToolContext, a: { id: string; body: string; as?: string | undefined }) {
  requireBusHere(ctx.root);
  // The receiver answering: the one named, else this server's own identity.
  const named = a.as !== undefined ? normaliseName(a.as, 'receiver') : ctx.identity;
  const id = resolveMessageId(ctx.root, a.id, { receiver: named }).id;
  if (a.as === undefined && ctx.identity !== undefined) refuseOthersMessage(ctx.root, id, ctx.identity, 'tool');
  const receiver = named ?? answeringReceiver(ctx.root, id, 'as', ctx.as);
  // A refusal past the turn budget carries the header too (untrusted_thread), shown as this result's.
  const done = await answerMessage(ctx.root, receiver, id, a.body, ctx.owner ?? 'mcp', shownHeader, 'tool');
  // Named by the call or the server, or one every bus has; else a folder name a bus writer chose.
  const who = nameable(done.receiver, named) ? { receiver: displayName(done.receiver) } : { receiver: null, untrusted_receiver: displayName(done.receiver) };
  return {
    ok: true,
    id: done.responseId,
    ...idField('in_reply_to', done.id),
    ...who,
    ...threadField(done.thread, shownHeader),
    turn: done.turn,
    ...(done.alsoInto !== undefined ? { also_into_inbox: displayName(done.alsoInto) } : {}),
    ...(named === undefined ? { note: ANSWERED_AS_ITS_RECEIVER } : {}),
    ...(done.inboxCopyProblem !== undefined ? { untrusted: { inbox_copy_problem: done.inboxCopyProblem } } : {}),
  };
}

/** What reply says when it answered as the receiver the message is for, having no identity to answer as. */
const ANSWERED_AS_ITS_RECEIVER =
  'answered as the receiver the message is for: this server has no identity of its own (it was started without --as and without HELLOWORLD_AS), so reply answers any receiver\'s message under that receiver\'s name; call reply with "as" to answer as one receiver only';

/** What a tool's refusal says in place of an id the call gave that the bus did not make (withGivenId). */
const GIVEN_BY_CALL = 'the id this call gave, under untrusted_id';

/**
 * `err` in the tool's words: its code, its fields and its untrusted detail (the fence the message
 * refers to, 'in the untrusted detail that follows') kept.
 */
function reworded(err: AliveError, message: string): AliveError {
  return new AliveError(message, { code: err.code, ...(err.fields ? { fields: err.fields } : {}), ...(err.untrusted ? { untrusted: err.untrusted } : {}) });
}

/** How our text names id as a tool's argument: the id itself when the bus made it, else its handle (the id is under an untrusted_ field). */
function idArgumentJson(id: string): string {
  return JSON.stringify(idArgument(id));
}

type ShowArgs = { id: string; receiver?: string | undefined; offset?: number | undefined; field?: 'body' | 'context' | undefined };

export function showTool(ctx: ToolContext, a: ShowArgs) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => show(ctx, a));
}

/**
 * One message or answer wherever it is, its body (or context) from a byte offset as far as one
 * result holds: the way to read the rest of a text claim, wait or thread cut (`dispatch show ID
 * --full` in a terminal). A message id held by several receivers is refused (`ambiguous`) unless
 * `receiver` names one: a bus writer can copy a message into a folder of its own, with other text.
 */
function show(ctx: ToolContext, a: ShowArgs) {
  const receiver = a.receiver === undefined ? undefined : normaliseName(a.receiver, 'receiver');
  requireBusHere(ctx.root);
  const id = resolveMessageId(ctx.root, a.id, { receiver }).id;
  const seen = { unlisted: false };
  const found = findMessage(ctx.root, id, receiver === undefined ? { seen } : { receiver, seen });
  if (found.length === 0) {
    const none = `there is no message ${id} on the bus${receiver === undefined ? '' : ` for ${displayName(receiver)}`}`;
    throw new AliveError(withFindUnlisted(withIdHint(none, idHint(ctx.root, id, { receiver })), seen), { code: 'not_found', fields: findUnlistedJson(seen) });
  }
  const holders = [...new Set(found.map((m) => m.receiver))];
  if (holders.length > 1) {
    throw new AliveError(`${id} is in the folders of ${holders.length} receivers; say which with receiver (untrusted_receivers names them)`, {
      code: 'ambiguous',
      fields: { untrusted_receivers: holders.map(displayName) },
    });
  }
  const m = found[0]!;
  const field = a.field ?? 'body';
  const named = nameable(m.receiver, receiver) ? { receiver: displayName(m.receiver) } : { receiver: null, untrusted_receiver: displayName(m.receiver) };
  const u = m.untrusted;
  const text = u === undefined ? '' : field === 'body' ? u.body : (u.context ?? '');
  return fitted((max) => {
    const part = textWindow(text, a.offset ?? 0, max);
    const { headers, cut } = u === undefined ? { headers: null, cut: {} } : boundedHeaders(u);
    return {
      ok: true,
      ...idField('id', m.id),
      ...named,
      kind: m.kind,
      location: m.location,
      state: m.state,
      time: fileTimeIso(m.timeMs),
      ...(m.deadLetter ? { dead_letter: deadLetterJson(m.deadLetter, LISTED_REASON_BYTES) } : {}),
      ...(m.problem ? { problem: m.problem } : {}),
      field,
      offset: part.offset,
      shown_bytes: part.shown_bytes,
      bytes: part.bytes,
      ...(part.next_offset !== undefined ? { next_offset: part.next_offset } : {}),
      untrusted: headers === null ? null : { ...headers, [field]: part.text },
      ...(Object.keys(cut).length > 0 ? { cut } : {}),
      ...noteField([
        part.next_offset !== undefined ? `the ${field} goes on: call show again with offset ${part.next_offset} (next_offset) for the next part` : undefined,
        Object.keys(cut).length > 0 ? 'headers were cut to fit (see cut)' : undefined,
      ]),
    };
  });
}

export function threadTool(ctx: ToolContext, a: { id: string; limit?: number | undefined; offset?: number | undefined }) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => thread(ctx, a));
}

function thread(ctx: ToolContext, a: { id: string; limit?: number | undefined; offset?: number | undefined }) {
  if (a.id.trim() === '') throw new AliveError('give a thread id, or the id of any message of the thread', { code: 'usage' });
  requireBusHere(ctx.root);
  const t = existingThreadMembers(ctx.root, a.id);
  let anyCut = false;
  const listing = page(
    t.members,
    a,
    (member) => {
      // Only the listed messages are read, each no further than a listing shows of it.
      const m = member.read({ prefixBytes: LISTED_READ_BYTES });
      const shown = m.untrusted ? boundedUntrusted(m.untrusted, LISTED_BODY_BYTES, LISTED_BODY_BYTES) : undefined;
      const cut = m.partialOf !== undefined ? partialCut(shown?.cut, shown?.untrusted.body ?? '', m.partialOf) : shown?.cut;
      if (cut) anyCut = true;
      return {
        ...where(m),
        ...idField('id', m.id),
        kind: m.kind,
        time: fileTimeIso(m.timeMs),
        ...(m.deadLetter ? { dead_letter: deadLetterJson(m.deadLetter, LISTED_REASON_BYTES) } : {}),
        ...(m.problem ? { problem: m.problem } : {}),
        untrusted: shown ? shown.untrusted : null,
        ...(cut ? { cut } : {}),
      };
    },
    LIST_BUDGET,
  );
  const { listed, ...counts } = listing;
  return {
    ok: true,
    count: listed.length,
    ...counts,
    // A thread id the bus made as thread, any other under untrusted_thread (as send and reply give it).
    ...threadField(t.untrustedThread, shownHeader),
    ...(t.unread > 0 || t.unlisted ? { unread_files: t.unread, ...(t.unlisted ? { unlisted_files: true } : {}) } : {}),
    ...noteField([
      anyCut
        ? 'messages with a cut field show only the start of it: read on with show {"id": ID, "receiver": RECEIVER, "offset": its cut.body.shown_bytes} (RECEIVER its receiver, as untrusted_receiver gives it), or \'dispatch show ID --full\' in a terminal'
        : undefined,
      t.unread > 0 || t.unlisted ? unreadFilesNote(t) : undefined,
      t.headerProblem ? threadHeaderNote(t.headerProblem) : undefined,
    ]),
    messages: listed,
  };
}

/**
 * The cut of a message whose file was read in part: the file's size and how much of it was read.
 * Of each text field only the part shown is known, not its whole size.
 */
function partialCut(cut: Record<string, Cut | { count: number; shown: number }> | undefined, shownBody: string, fileBytes: number) {
  const fields = Object.fromEntries(Object.entries(cut ?? {}).map(([field, c]) => [field, 'shown_bytes' in c ? { shown_bytes: c.shown_bytes } : c]));
  return { ...fields, body: { shown_bytes: Buffer.byteLength(shownBody) }, file: { bytes: fileBytes, read_bytes: LISTED_READ_BYTES } };
}

export function statusTool(ctx: ToolContext, a: { receiver?: string | undefined; limit?: number | undefined; offset?: number | undefined } = {}) {
  const receiver = a.receiver === undefined ? undefined : normaliseName(a.receiver, 'receiver');
  requireBusHere(ctx.root);
  const status = busStatus(ctx.root, {
    limit: a.limit ?? LIST_DEFAULT,
    ...(a.offset !== undefined ? { offset: a.offset } : {}),
    ...(receiver !== undefined ? { receiver } : {}),
  });
  countAnswers(status.receivers, inboxHeadsOf, STATUS_HEAD_BYTES);
  // A receiver's name is its folder's, and its problems name its folders: any bus writer chooses
  // them (a receiver every bus has is also given plainly). A daemon record lies in the bus folder
  // too: its agent text is theirs.
  const rows = status.receivers.map(({ receiver, problems, daemon, ...rest }) => ({
    receiver: nameable(receiver.replace(/^@/, '')) ? receiver : null,
    ...rest,
    daemon: daemon ? { pid: daemon.pid, alive: daemon.alive, untrusted: { agent: daemon.agent } } : null,
    untrusted: { receiver, problems },
  }));
  // Each row is small, but its problems are many when every folder of a receiver is a link.
  const listing = page(rows, { limit: rows.length }, (r) => r, LIST_BUDGET);
  const next = status.offset + listing.listed.length;
  const truncated = next < status.total;
  // A receiver nobody has (`@copiolt`): said, with the name like it, as dispatch status says it.
  const unknown = receiver !== undefined && rows.length === 0 ? unknownReceiver(ctx.root, receiver) : undefined;
  const unlisted = status.unlisted || status.receivers.some((r) => r.more_than) ? statusUnlistedNote() : undefined;
  return {
    ok: true,
    root: status.root,
    total: status.total,
    offset: status.offset,
    truncated,
    ...(status.unread_receivers ? { unread_receivers: status.unread_receivers } : {}),
    ...unknownReceiverJson(unknown),
    ...(truncated ? { next_offset: next } : {}),
    ...unlistedField(unlisted !== undefined),
    ...noteField([
      truncated
        ? `${status.total - next} more receivers not shown (every bus's receivers, then those with messages waiting, first); call status with offset next_offset for more, or with receiver for one`
        : undefined,
      unlisted,
      status.unread_receivers ? statusUnreadReceiversNote(status.unread_receivers) : undefined,
    ]),
    receivers: listing.listed,
  };
}

/** What an agent can do about a dead letter: in the words of the tools it has. */
function retryNext(id: string): string {
  return `once the cause is fixed (untrusted.reason says what failed), call retry with {"id": ${idArgumentJson(id)}} to put the request back in its receiver's inbox; dead_letters lists a receiver's dead letters`;
}

export function deadLettersTool(ctx: ToolContext, a: { receiver: string; limit?: number | undefined; offset?: number | undefined }) {
  const receiver = normaliseName(a.receiver, 'receiver');
  requireBusHere(ctx.root);
  // Counted by name; only the page's entries are read (each reason file may quote a megabyte of output).
  const all = deadLetterListing(ctx.root, receiver, busListMax());
  const listing = page(
    all.entries,
    a,
    (e) => {
      const m = e.read();
      const d = m.deadLetter!;
      const reason = fitText(d.reason, LISTED_REASON_BYTES);
      return {
        ...idField('id', m.id),
        time: fileTimeIso(m.timeMs),
        code: d.code,
        at: d.at,
        ...(m.problem ? { problem: m.problem } : {}),
        untrusted: {
          reason: reason.text,
          ...untrustedCodeField(d),
          from: m.untrusted?.from === undefined || m.untrusted.from === null ? null : fitText(m.untrusted.from, HEADER_BYTES).text,
          summary: m.untrusted ? summaryLine(m.untrusted.body, 200) : null,
        },
        ...(reason.cut ? { cut: { reason: reason.cut } } : {}),
      };
    },
    LIST_BUDGET,
  );
  const { listed, ...counts } = listing;
  // A receiver nobody has (`@copiolt`): said, with the name like it, as inbox and dispatch dead-letter say it.
  const unknown = listed.length === 0 ? unknownReceiver(ctx.root, receiver) : undefined;
  return {
    ok: true,
    receiver: displayName(receiver),
    count: listed.length,
    ...counts,
    ...unknownReceiverJson(unknown),
    ...(listed.length > 0 ? { next: deadLettersNext(listed.some((m) => m.code === 'turn_budget')) } : {}),
    ...unlistedField(all.unlisted),
    ...noteField([all.unlisted ? `${deadLetterUnlistedNote(displayName(receiver))} (total is at least that many)` : undefined]),
    messages: listed,
  };
}

/** What dead_letters says to do with its entries; of one for a thread's turn budget (`turnBudget`: listed), what turnBudgetAdvice says. */
function deadLettersNext(turnBudget: boolean): string {
  const retry = 'call retry with {"id": ID} to put one back once its cause is fixed';
  return turnBudget ? `${retry}; not one whose code is turn_budget: ${turnBudgetAdvice(undefined, 'tool')}` : retry;
}

export function retryTool(ctx: ToolContext, a: { id: string; receiver?: string | undefined }) {
  return withGivenId(a.id, GIVEN_BY_CALL, () => retry(ctx, a));
}

function retry(ctx: ToolContext, a: { id: string; receiver?: string | undefined }) {
  const receiver = a.receiver === undefined ? undefined : normaliseName(a.receiver, 'receiver');
  requireBusHere(ctx.root);
  const r = retryDeadLetter(ctx.root, resolveMessageId(ctx.root, a.id, { receiver }).id, receiver === undefined ? {} : { receiver });
  // Found by listing runtimes/ unless the call named it: then a folder name any bus writer chooses.
  const who = nameable(r.receiver, receiver) ? { receiver: displayName(r.receiver) } : { receiver: null, untrusted_receiver: displayName(r.receiver) };
  return {
    ok: true,
    ...idField('id', r.id),
    ...(r.previousId === null ? { previous_id: null } : idField('previous_id', r.previousId)),
    ...who,
    // Back for a thread past its turn budget, it goes straight to dead-letter again unless the budget was raised.
    ...(r.code === 'turn_budget' ? { warning: turnBudgetAdvice(r.receiver === receiver ? displayName(r.receiver) : undefined, 'tool', true) } : {}),
    next: `call wait with {"id": ${idArgumentJson(r.id)}} for its answer once a daemon or an agent handles it`,
  };
}

/**
 * Where a message is. The receiver folder holding it was found by listing runtimes/: a bus
 * writer's name, given plainly only for a receiver every bus has (nameable).
 */
function where(m: FoundMessage) {
  const who = nameable(m.receiver) ? { receiver: displayName(m.receiver) } : { receiver: null, untrusted_receiver: displayName(m.receiver) };
  return { location: m.location, state: m.state, ...who };
}

/**
 * A dead letter's reason is untrusted text (query.ts DeadLetterInfo), cut to `reasonBytes` (it
 * quotes a failing agent's output); its code is ours when we write it (else `unknown`, the file's
 * code under untrusted.code), its time when it has our shape.
 */
function deadLetterJson(d: DeadLetterInfo, reasonBytes: number) {
  const reason = fitText(d.reason, reasonBytes);
  return { code: d.code, at: d.at, untrusted: { reason: reason.text, ...untrustedCodeField(d) }, ...(reason.cut ? { cut: { reason: reason.cut } } : {}) };
}

/** `code` for an `untrusted` key: the reason file's code when it is not one we write. */
function untrustedCodeField(d: DeadLetterInfo) {
  return d.untrustedCode !== null ? { code: d.untrustedCode } : {};
}
