/** Helpers shared by the dispatch subcommands. */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError, withFields } from '../../errors.ts';
import { fencedLines } from '../../text/fence.ts';
import { inlineText } from '../../text/untrusted.ts';
import { InvalidNameError, displayName, normaliseName } from '../names.ts';
import { shownMessageId, shownRecipients, shownSender, shownThread, shownTimestamp } from '../envelope.ts';
import { idArgument, idInOurWords, isWordlessId } from '../ids.ts';
import { idField, pathField } from '../json-fields.ts';
import { HOLDER_WORDS, isBusClaimOwner, isByHandOwner } from '../claim-owner.ts';
import { idHint, resolvedNote, resolveMessageId, withGivenId, withIdHint } from '../id-resolve.ts';
import { requireBusAt } from '../no-bus.ts';
import type { CommandContext, CommandIo } from '../../cli/command.ts';
import { counted } from '../../text/plural.ts';
import { passedOverSoFar, passingOver } from '../passed-over.ts';
import { readStdinText } from '../stdin-text.ts';
import { deadLetterCode, fileTimeIso, findMessage, type FoundMessage } from '../query.ts';
import { type LookupSeen, withFindUnlisted } from '../list-bound.ts';
import { resolveBusRoot } from '../root.ts';
import { RECEIVERS_WITHOUT_FOLDER } from '../receivers.ts';
import { LIST_DEFAULT, LIST_MAX } from '../mcp/bounds.ts';
import { shellQuote } from '../../text/shell-quote.ts';
import { servingText } from '../serving.ts';
import { cutNote, shownMessage } from '../shown-body.ts';
import type { Cut } from '../../text/cut.ts';

export const ROOT_OPTION = { root: { type: 'string' } } as const;

/**
 * The bus root of a command. One given (--root, HELLOWORLD_ROOT) as the bus's own `runtimes/`
 * folder is refused: taken as it is, a send made `runtimes/runtimes/claude/` and said it delivered.
 * So is one that is a file, or below one: a send said "cannot read …/ok.sh/runtimes/claude/
 * config.json: ENOTDIR", serve reported an unexpected failure.
 */
export function busRoot(flag: string | undefined): string {
  const root = resolveBusRoot(flag, process.cwd(), process.env);
  const given = flag !== undefined && flag !== '' ? '--root' : process.env.HELLOWORLD_ROOT?.trim() ? 'HELLOWORLD_ROOT' : undefined;
  const notFolder = given && notAFolder(root);
  if (notFolder) {
    throw new UsageError(`${given} ${inlineText(root, 1000)} ${notFolder}: give the folder that holds the bus's runtimes/ folder`);
  }
  if (given && basename(root) === 'runtimes' && !existsSync(join(root, 'runtimes'))) {
    throw new UsageError(
      `${given} ${inlineText(root, 1000)} is the bus's runtimes/ folder; give the folder that holds it: --root ${inlineText(dirname(root), 1000)}`,
    );
  }
  return root;
}

/** Why `path` cannot be a bus root ("is a file, not a folder"), or undefined: a folder, or nothing there yet (send makes it). */
function notAFolder(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? undefined : 'is a file, not a folder';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'is not a folder (a part of its path is a file)' : undefined;
  }
}

/**
 * Refuses (`no_bus`) a command that reads the bus (status, inbox, claim, dead-letter, retry, show,
 * thread, wait, reply) where `root` holds no runtimes/ folder: a mistyped --root or the wrong folder
 * read as an empty bus, "no messages waiting", exit 0, and nothing said to check. Called once the
 * arguments are checked: a wrong argument is a usage error wherever the command runs.
 */
export function requireBus(root: string, flag: string | undefined): void {
  requireBusAt(root, noBusExplained(flag));
}

/**
 * requireBus, naming --create as well: send and run made a new bus (folder and all) wherever a
 * mistyped --root or a stale HELLOWORLD_ROOT pointed, exit 0; they now start one only when asked,
 * as the MCP send with create: true.
 */
export function requireBusOrCreate(root: string, flag: string | undefined): void {
  const explained = noBusExplained(flag);
  requireBusAt(root, (shown) => `${explained(shown)}, or pass --create to start a new bus in ${shown}`);
}

/** What requireBus says of a root that holds no bus (given shown): how it was found, and what to check. */
export function noBusExplained(flag: string | undefined): (shown: string) => string {
  return (shown) => {
    const env = process.env.HELLOWORLD_ROOT;
    if (flag !== undefined && flag !== '') return ` (no runtimes/ folder under ${shown}); check --root ${inlineText(flag, 1000)}`;
    if (env?.trim()) return ` (no runtimes/ folder under ${shown}); check HELLOWORLD_ROOT (${inlineText(env, 1000)})`;
    return ` (no runtimes/ folder of yours in ${shown} or a folder above it, and no HELLOWORLD_ROOT); run the command from the bus's folder, or pass --root DIR`;
  };
}

/**
 * The message id a command was given (`ID`, `msg-ID`, a unique prefix: id-resolve.ts), as every
 * command takes one; a prefix taken for a whole id is said on stderr (`01a24811-d8f3 is msg-…`),
 * so that the id printed after it is not a surprise.
 */
export function messageIdOnBus(io: CommandIo, root: string, raw: string, receiver?: string | undefined): string {
  const r = resolveMessageId(root, raw, { receiver });
  const note = resolvedNote(r);
  if (note) io.stderr.write(`${note}\n`);
  return r.id;
}

/**
 * Runs a command's lookups so that those over every receiver pass over the folders a bus writer
 * made links or files (passed-over.ts), then names those on stderr as `status` names them: in a
 * fence, since their paths hold folder names a bus writer chose. Also when the command fails.
 */
export function passingOverFolders<T>(ctx: Pick<CommandContext<unknown>, 'io' | 'warn'>, fn: () => Promise<T> | T): Promise<T> {
  return passingOver(fn, (faults, total) => {
    if (total === 0) return;
    ctx.warn(passedOverText(total, faults.length));
    for (const line of fencedLines('UNTRUSTED PASSED-OVER FOLDERS', faults.join('\n'))) ctx.io.stderr.write(`${line}\n`);
    if (total > faults.length) ctx.io.stderr.write(`and ${total - faults.length} more folders passed over, not named\n`);
  });
}

/**
 * A command's `run` that makes its lookups in passingOverFolders; its --json object carries the
 * folders passed over before it was printed (`passed_over`, `untrusted_passed_over`, as the MCP
 * tools give them), and so does its failure's (a message not found may be in one of them).
 */
export function passingOverRun<C extends Pick<CommandContext<unknown>, 'io' | 'warn' | 'printJson'>, R>(
  run: (ctx: C) => Promise<R> | R,
): (ctx: C) => Promise<R> {
  return (ctx) =>
    passingOverFolders(ctx, async () => {
      try {
        return await run({ ...ctx, printJson: (value: object) => ctx.printJson({ ...value, ...passedOverJson(passedOverSoFar()) }) });
      } catch (err) {
        throw withFields(err, passedOverJson(passedOverSoFar()));
      }
    });
}

/**
 * passingOverRun for a command given a message id (or a thread) as its positional `index`: its
 * refusals say `ID` in place of one the bus did not make, as the MCP tools' do (id-resolve.ts
 * withGivenId). A typed id can come from a pasted message, and such an id can spell words. A
 * receiver there (`@NAME`, as `retry @R --all` takes) is not an id.
 */
export function givenIdRun<C extends Pick<CommandContext<unknown>, 'io' | 'warn' | 'printJson' | 'positionals'>, R>(
  index: number,
  run: (ctx: C) => Promise<R> | R,
): (ctx: C) => Promise<R> {
  return passingOverRun((ctx) => {
    const given = ctx.positionals[index];
    return withGivenId(given?.startsWith('@') ? undefined : given, GIVEN_ON_COMMAND_LINE, () => run(ctx));
  });
}

/** What a command's refusal says in place of an id it was given that the bus did not make (givenIdRun). */
const GIVEN_ON_COMMAND_LINE = 'the id given, which the bus did not make; --json gives it under untrusted_id';

/**
 * The folders a lookup passed over (passed-over.ts), as fields of a JSON result: our sentence as
 * `passed_over`, the refusals naming them (paths holding a bus writer's folder names) apart.
 */
export function passedOverJson(met: { faults: string[]; total: number } | undefined): Record<string, unknown> {
  return met === undefined || met.total === 0
    ? {}
    : { passed_over: passedOverText(met.total, met.faults.length, 'under untrusted_passed_over'), untrusted_passed_over: met.faults };
}

/**
 * Our sentence for `count` faulty receiver folders a lookup passed over, `named` of them named
 * apart (the CLI's warning, the MCP tools' `passed_over`).
 */
export function passedOverText(count: number, named: number, where = 'in the untrusted detail that follows'): string {
  const them = count === 1 ? 'it' : 'them';
  const which = named < count ? `the first ${named} are named ${where}` : `each is named ${where}`;
  return `passed over ${counted(count, 'folder')} of receivers that the bus cannot use (a link, not a folder, or unreadable): nothing in ${them} was read (${which}); remove such a link (the bus makes a real folder in its place) and check where it pointed`;
}

/**
 * What a command that creates the bus folder says when it had to (no runtimes/ where the root was
 * looked for): a send from the wrong folder, or with a mistyped --root, made a bus of its own and
 * waited there while a daemon served the real one. Undefined when runtimes/ was there before.
 */
export function newBusNote(root: string, flag: string | undefined, existedBefore: boolean): string | undefined {
  if (existedBefore) return undefined;
  const at = `created a new bus at ${inlineText(join(root, 'runtimes'), 1000)}`;
  if (flag !== undefined && flag !== '') return `${at}: --root ${inlineText(flag, 1000)} held no runtimes/ folder; check the path`;
  if (process.env.HELLOWORLD_ROOT?.trim())
    return `${at}: HELLOWORLD_ROOT (${inlineText(process.env.HELLOWORLD_ROOT, 1000)}) held no runtimes/ folder; check it`;
  return `${at}: no runtimes/ folder was found from here up, nor $HELLOWORLD_ROOT; pass --root to use another`;
}

/** A receiver or sender name from the command line; a bad one is a usage error (exit 2). */
export function nameArg(raw: string | undefined, what: string, usage: string): string {
  if (raw === undefined) throw new UsageError(`missing ${what}`, usage);
  try {
    return normaliseName(raw, what);
  } catch (err) {
    if (err instanceof InvalidNameError) throw new UsageError(err.message, usage);
    throw err;
  }
}

/**
 * The hint for a message or answer typed unquoted (`dispatch send @codex a b`): the command again
 * with the words quoted, when a shell keeps them as they are inside the quotes.
 */
export function quoteHint(command: 'send' | 'reply', args: readonly string[]): string {
  const text = args.slice(1).join(' ');
  const quoted = /^[^"$`\\!]*$/.test(text) ? `"${text}"` : text.includes("'") ? undefined : `'${text}'`;
  const what = command === 'send' ? 'message' : 'answer';
  // The receiver or id is given back only when no shell acts on it: an agent may run the hint.
  if (quoted === undefined || text.length > 200 || !/^[\w@.:-]{1,100}$/.test(args[0] ?? '')) return `quote the ${what}: it is one argument`;
  return `quote the ${what}: dispatch ${command} ${args[0]} ${quoted}`;
}

/**
 * Text given on the command line, or read from stdin when it is '-' (stdin-text.ts: UTF-8, read no
 * further than `limit` bytes, by default the bus's message limit).
 */
export function textArg(raw: string, what: 'message' | 'answer', io: CommandIo, limit?: number): string {
  return raw === '-' ? readStdinText(what, (line) => io.stderr.write(`${line}\n`), undefined, limit) : raw;
}

/** --wait / timeouts: a positive number of seconds (decimals allowed), as ms. */
export function secondsArg(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 86_400) {
    throw new UsageError(`${flag} takes a number of seconds, more than 0 and at most 86400, got '${inlineText(value, 40)}'`);
  }
  return Math.round(n * 1000);
}

/** A positive whole number option (`least` 0: zero too). */
export function positiveIntArg(value: string | undefined, flag: string, least = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < least || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} takes a ${least === 0 ? 'whole number' : 'positive whole number'}, got '${inlineText(value, 40)}'`);
  }
  return Number(value);
}

/** The --limit and --offset of a listing, as its MCP tool pages it (100 at a time by default). */
export const PAGE_OPTIONS = { limit: { type: 'string' }, offset: { type: 'string' } } as const;

type PageValues = { limit?: string | undefined; offset?: string | undefined; root?: string | undefined };

/**
 * The page --limit (at most LIST_MAX, as the MCP tools take) and --offset ask for of `total` items:
 * where it starts and ends, and the offset asked (`start` stops at the end).
 */
export function pageArgs(values: PageValues, total: number): { start: number; end: number; offset: number } {
  const limit = positiveIntArg(values.limit, '--limit') ?? LIST_DEFAULT;
  if (limit > LIST_MAX) throw new UsageError(`--limit takes at most ${LIST_MAX}, got ${limit}: list the rest with --offset`);
  const offset = positiveIntArg(values.offset, '--offset', 0) ?? 0;
  const start = Math.min(offset, total);
  return { start, end: Math.min(total, start + limit), offset };
}

/** The options that list the page after one ending at `end`: its --offset, and the --limit and --root given. */
export function nextPageOptions(values: PageValues, end: number): string {
  const limit = values.limit === undefined ? '' : ` --limit ${values.limit}`;
  const root = values.root === undefined ? '' : ` --root ${inlineText(shellQuote(values.root), 1000)}`;
  return `--offset ${end}${limit}${root}`;
}

/** A page's fields for --json (as the MCP tools give them). */
export function pageJson(total: number, start: number, end: number) {
  return { total, offset: start, truncated: end < total, ...(end < total ? { next_offset: end } : {}) };
}

/**
 * The sender for commands that send: --from, else HELLOWORLD_AS (set for agents; empty is unset, as
 * HELLOWORLD_THREAD), else @human. A bad name from the variable is named as the variable's.
 */
export function senderArg(flag: string | undefined, usage: string): string {
  if (flag !== undefined) return nameArg(flag, 'sender', usage);
  return envIdentity(usage, '--from') ?? nameArg('@human', 'sender', usage);
}

/**
 * HELLOWORLD_AS, the caller's own name (set for the agents serve starts), or undefined when it is
 * unset or empty; a bad name is refused as the variable's, naming `option`, which a command takes
 * in its place.
 */
export function envIdentity(usage: string, option: string): string | undefined {
  const env = process.env.HELLOWORLD_AS;
  if (env === undefined || env === '') return undefined;
  try {
    return normaliseName(env, 'sender', 'HELLOWORLD_AS');
  } catch (err) {
    if (err instanceof InvalidNameError) throw new UsageError(`${err.message}; set HELLOWORLD_AS to a valid name, or pass ${option}`, usage);
    throw err;
  }
}

/**
 * From now until `release()`, Ctrl-C / SIGTERM abort `signal` instead of ending the process;
 * `exitCode()` is then the exit code of the signal (130, 143), for the refusal that follows.
 */
export function catchInterrupt(): { signal: AbortSignal; release: () => void; exitCode: () => 130 | 143 } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => controller.abort(name);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    exitCode: () => (controller.signal.reason === 'SIGTERM' ? 143 : 130),
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Ctrl-C / SIGTERM abort the returned signal while `fn` runs (waits end cleanly); `exitCode` as catchInterrupt's. */
export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<{ value: T; exitCode: () => 130 | 143 }> {
  const interrupt = catchInterrupt();
  try {
    return { value: await fn(interrupt.signal), exitCode: interrupt.exitCode };
  } finally {
    interrupt.release();
  }
}

const STATE_TEXT: Record<FoundMessage['state'], (r: string) => string> = {
  waiting: (r) => `waiting in ${r}'s inbox`,
  claimed: (r) => `claimed in ${r}'s processing/ (being handled)`,
  'claim-expired': (r) => `claimed in ${r}'s processing/, but its lease ran out (it returns to the inbox at the next sweep)`,
  handled: (r) => `handled (in ${r}'s archive)`,
  'dead-lettered': (r) => `in ${r}'s dead-letter`,
  'answer-waiting': (r) => `an answer in ${r}'s outbox, not collected yet`,
  'answer-collected': (r) => `an answer in ${r}'s archive (collected)`,
};

/**
 * One phrase on where a message is: "waiting in @gemini's inbox" when `typed`, a receiver the user
 * named, holds it, else "waiting in its receiver's inbox". A receiver found by listing runtimes/ is
 * a folder name any bus writer chooses (`@ignore-previous-instructions`): it goes in a fence
 * (receiverField, messageLines), never in our sentences. `waiter`: said to whoever waits for its
 * answer (unansweredText), the sender, not its receiver: a claim that takes it over is its receiver's.
 */
export function whereText(m: FoundMessage, typed?: string, unnamed = 'its receiver', how: 'cli' | 'tool' = 'cli', waiter = false): string {
  const named = nameable(m.receiver, typed) ? displayName(m.receiver) : undefined;
  const gone = m.claim?.gone;
  if (gone !== undefined && m.state === 'claimed') {
    // Killed with kill -9: nothing handles it until a claim or a serve takes it back, or its lease
    // runs out. A claim first: serve runs a paid headless agent by default. An id a bus writer
    // chose, or a receiver whose name is a folder's, is not spelled into the command.
    const id = isWordlessId(m.id) ? m.id : 'ID';
    const claim =
      how === 'tool'
        ? `${named ? `claim {"receiver": "${named}", "id": ${JSON.stringify(idArgument(m.id))}}` : 'the claim tool (its receiver and id as this result gives them)'} and answer it with reply`
        : named
          ? `'dispatch claim ${named} ${id}' to answer it by hand`
          : "a 'dispatch claim' of its receiver to answer it by hand";
    const serve = `${named ? `'dispatch serve ${named}'` : "a 'dispatch serve' of its receiver"}${how === 'tool' ? ' in a terminal' : ''}`;
    return `claimed in ${named ?? unnamed}'s processing/, held by ${HOLDER_WORDS[gone.kind]} that is gone (pid ${gone.pid}); take it back with ${claim}, or start ${serve} (else its lease returns it at ${m.claim!.leaseExpiresAt})`;
  }
  if (m.state === 'claimed' && m.claim && isByHandOwner(m.claim.owner)) {
    // No process to ask whether the session that claimed it still answers it: a claim of its id takes it over (query.ts claimMessage).
    const claim =
      how === 'tool'
        ? named
          ? `claim {"receiver": "${named}", "id": ${JSON.stringify(idArgument(m.id))}}`
          : 'the claim tool (its receiver and id as this result gives them)'
        : named
          ? `'dispatch claim ${named} ${isWordlessId(m.id) ? m.id : 'ID'}'`
          : "a 'dispatch claim' of its receiver and id";
    const where = `claimed by hand in ${named ?? unnamed}'s processing/`;
    if (waiter) {
      return `${where} (being answered by hand, lease until ${m.claim.leaseExpiresAt}; should the session that claimed it have ended, its receiver takes it over with ${claim} (a claim for ${named ?? 'its receiver'} to make, not for whoever waits for the answer))`;
    }
    return `${where} (being handled, lease until ${m.claim.leaseExpiresAt}; ${claim} takes it over, should the session that claimed it have ended)`;
  }
  return STATE_TEXT[m.state](named ?? unnamed);
}

/**
 * Where a request with no answer yet is, and while it waits who serves its receiver: what a wait
 * that ran out or was stopped says (`dispatch wait`, `send --wait`, the MCP wait in the tools'
 * words: `how`), in one wording. `typed`: the receiver the user named, if any.
 */
export function unansweredText(
  root: string,
  id: string,
  request: FoundMessage | undefined,
  typed: string | undefined,
  how: 'cli' | 'tool' = 'cli',
  sender?: string,
): string {
  if (!request) {
    const named = sender === undefined ? undefined : displayName(sender);
    const look =
      how === 'tool'
        ? `inbox {"receiver": "${named ?? 'the name it was sent from'}"} lists`
        : named === undefined
          ? "'dispatch inbox' of the name it was sent from lists"
          : `'dispatch inbox ${named}' lists`;
    return `not on the bus: a daemon that deletes what it reads took it (HelloWorld's own runtimes do: the current ones answer with a new message into the sender's inbox, which ${look}; the older ones into their outbox, where a wait finds it)`;
  }
  const where = whereText(request, typed, undefined, how, true);
  if (request.state !== 'waiting') return where;
  return `${where} (${servingText(root, request.receiver, nameable(request.receiver, typed) ? displayName(request.receiver) : undefined, id, how)})`;
}

/**
 * The way on after a request went to dead-letter for its thread's turn budget (code turn_budget),
 * in `send --wait`, `wait`, `retry` and the MCP wait, dead_letters and retry tools: a retry goes
 * straight back to dead-letter (the thread's turns stay used), so it is a new thread, or a daemon
 * with a higher budget. `receiver`: as it may be named; `how`: the commands' words or the tools';
 * `retried`: said by a retry that put it back all the same (the budget may have been raised).
 */
export function turnBudgetAdvice(receiver: string | undefined, how: 'cli' | 'tool' = 'cli', retried = false): string {
  const again = retried
    ? "it goes to dead-letter again when it is handled, unless its receiver's turn budget was raised"
    : 'a retry would go to dead-letter again';
  const send = how === 'cli' ? 'send it again without --thread' : 'call send again without thread';
  return `the thread has used its turns (the turn budget of the daemon that serves it): ${again}; ${send} to start a new thread, or serve ${receiver ?? 'its receiver'} with a higher --turn-budget`;
}

/**
 * What a claim that took over a claim made by hand says (`dispatch claim`, the MCP claim tool):
 * nothing told whether the session that made it still answers it. `where`: as filedAnswerText's.
 */
export function tookOverText(id: string, was: { owner: string; leaseExpiresAt: string }, where: string): string {
  const by = was.owner === 'hand' ? 'by hand' : 'by an MCP session of an earlier version';
  return `took over ${idInOurWords(id, `this message (${where})`)}, claimed ${by} before (lease until ${was.leaseExpiresAt}): answer it here (if the session that claimed it still answers it, only one answer goes out)`;
}

/** Claims by hand an inbox result names (each a claim of its id takes over), at most: any number can be planted. */
const HAND_CLAIMS_SHOWN = 20;

/** hand_claims (and hand_claims_total past HAND_CLAIMS_SHOWN) in an inbox result: the claims by hand, lease not run out. */
export function handClaimsJson(byHand: readonly { id: string; deadline: number }[]): Record<string, unknown> {
  return {
    hand_claims: byHand.slice(0, HAND_CLAIMS_SHOWN).map((c) => ({ ...idField('id', c.id), lease_expires_at: new Date(c.deadline).toISOString() })),
    ...(byHand.length > HAND_CLAIMS_SHOWN ? { hand_claims_total: byHand.length } : {}),
  };
}

/**
 * What `dispatch inbox` adds to its count of messages being handled for the claims made by hand
 * among them (their session may have ended: nothing tells): the claim that takes one over. Ids
 * the bus did not make (they can spell words) are left to --json.
 */
export function handClaimsText(byHand: readonly { id: string }[], receiver: string): string {
  if (byHand.length === 0) return '';
  const ids = byHand.filter((c) => isWordlessId(c.id)).map((c) => c.id);
  const take = `'dispatch claim ${displayName(receiver)} ${byHand.length === 1 && ids.length === 1 ? ids[0] : 'ID'}'`;
  const some = ids.length === 0 || (byHand.length === 1 && ids.length === 1) ? '' : ` (ID: ${ids.slice(0, 5).join(', ')}${byHand.length > 5 ? ', …' : ''})`;
  const json = ids.length < byHand.length || byHand.length > 5 ? '; --json lists them under hand_claims' : '';
  return `; ${byHand.length} of them claimed by hand: ${take} takes ${byHand.length === 1 ? 'it' : 'one'} over to answer it here, should the session that claimed it have ended${some}${json}`;
}

/** took_over in a claim's JSON result. */
export function tookOverJson(was: { owner: string; leaseExpiresAt: string } | undefined): Record<string, unknown> {
  return was ? { took_over: { owner: was.owner, lease_expires_at: was.leaseExpiresAt } } : {};
}

/**
 * What a claim of an answer says (`dispatch claim`, the MCP claim tool): it is filed, there is
 * nothing to reply. `where`: where the id is, when the bus did not make it (it can spell words).
 */
export function filedAnswerText(id: string, receiver: string, where: string): string {
  return `${idInOurWords(id, `this message (${where})`)} is an answer, not a request: filed in ${displayName(receiver)}'s archive, nothing to reply; claim again for the next message`;
}

/**
 * Whether a receiver may be named in our words: the user typed it, or it is one every bus knows
 * (@claude, @copilot, @gemini, @codex, @helloworld). Any other is a folder name a bus writer chose.
 */
export function nameable(receiver: string, typed?: string): boolean {
  return receiver === typed || RECEIVERS_WITHOUT_FOLDER.includes(receiver);
}

/** The envelope field naming the receiver folder that holds a message (for envelopeLines). */
export function receiverField(receiver: string): [string, string] {
  return ['receiver', displayName(receiver)];
}

/**
 * Where message `id` is when none of `receiver`'s folders holds it: in another receiver's, which is
 * not named (a folder name is a bus writer's words); `dispatch show` names it in a fence. `verb`:
 * 'claim it', 'reply'. Undefined when no receiver has it.
 */
export function elsewhereText(root: string, id: string, receiver: string, verb: string, seen?: LookupSeen, how: 'cli' | 'tool' = 'cli'): string | undefined {
  const elsewhere = findMessage(root, id, seen ? { seen } : {}).filter((m) => m.receiver !== receiver);
  if (elsewhere.length === 0) return undefined;
  const open = elsewhere.some((m) => m.kind === 'request' && (m.location === 'inbox' || m.location === 'processing'));
  const where = [...new Set(elsewhere.map((m) => whereText(m, undefined, 'another receiver')))].join('; ');
  const owners = [...new Set(elsewhere.map((m) => m.receiver))];
  if (owners.every((r) => nameable(r))) {
    return `it is not ${displayName(receiver)}'s: it is ${where}${open ? ` (${verb} as ${owners.map(displayName).join(' or ')})` : ''}`;
  }
  const show =
    how === 'tool'
      ? `show {"id": ${JSON.stringify(idArgument(id))}} names the receiver (untrusted_receiver), as 'dispatch show ${id}' does in its envelope`
      : `'dispatch show ${id}' names the receiver in its envelope`;
  return `it is not ${displayName(receiver)}'s: it is ${where}${open ? ` (${verb} as that receiver)` : ''}; ${show}`;
}

/** What a claim found wrong with a file it moved to dead-letter, by the dead letter's code (claims.ts tryClaim). */
const UNCLAIMABLE: Readonly<Record<string, string>> = {
  not_utf8: 'unreadable (its text is not UTF-8)',
  empty: 'empty',
  too_large: 'larger than the limit of the receiver',
  not_a_file: 'not a regular file',
  hard_link: 'a file with another name (a hard link)',
  unreadable: 'unreadable',
  sender_not_allowed: 'from a sender allow_from leaves out',
};

/**
 * Why `dispatch claim` and the MCP claim tool could not claim the chosen message: where it is (the
 * lookups partial, `seen`: said then, withFindUnlisted), or, when this very claim found it unusable
 * and moved it to dead-letter (`movedCode`, the dead letter's code), that. `r`: claimMessage's result.
 */
export function claimRefusal(
  root: string,
  id: string,
  receiver: string,
  r: { where: readonly FoundMessage[]; whereUnlisted: boolean },
  movedCode?: string,
  how: 'cli' | 'tool' = 'cli',
): { message: string; seen: LookupSeen } {
  const seen = { unlisted: false };
  if (movedCode !== undefined) {
    const who = displayName(receiver);
    const found = UNCLAIMABLE[movedCode] ?? 'impossible to handle';
    const next =
      how === 'tool'
        ? `dead_letters {"receiver": "${who}"} shows why, and retry {"id": ${JSON.stringify(idArgument(id))}} puts it back once it is fixed`
        : `'dispatch dead-letter ${who}' shows why, and 'dispatch retry ${id}' puts it back once it is fixed`;
    return {
      message: `cannot claim msg-${id}: this claim found it ${found} and moved it to ${who}'s dead-letter (code ${deadLetterCode(movedCode)}); ${next}`,
      seen,
    };
  }
  seen.unlisted = r.whereUnlisted;
  const why = r.where.length
    ? `it is ${r.where.map((m) => whereText(m, receiver, undefined, how)).join('; ')}`
    : (elsewhereText(root, id, receiver, 'claim it', seen, how) ??
      withIdHint(`it is not on the bus for ${displayName(receiver)}`, idHint(root, id, { receiver })));
  return { message: withFindUnlisted(`cannot claim msg-${id}: ${why}`, seen), seen };
}

/**
 * The JSON form of a found message: our fields, and the file's text (headers, body, context, a
 * dead letter's reason and agent output) raw under `untrusted`, as the MCP tools give them. Its id,
 * its receiver folder (unless `typed`, the receiver the user named, or one every bus has), its
 * file's path (which holds both) and a claim's owner tag are names a bus writer may have chosen:
 * each under its key only when ours, else under `untrusted_<key>` (json-fields.ts).
 */
export function messageJson(m: FoundMessage, typed?: string): Record<string, unknown> {
  const u = m.untrusted;
  const ownerOurs = m.claim === null || isBusClaimOwner(m.claim.owner);
  const receiverOurs = nameable(m.receiver, typed);
  return {
    ...idField('id', m.id),
    ...(receiverOurs ? { receiver: displayName(m.receiver) } : { receiver: null, untrusted_receiver: displayName(m.receiver) }),
    kind: m.kind,
    location: m.location,
    state: m.state,
    ...pathField('file', m.path, isWordlessId(m.id) && ownerOurs && receiverOurs),
    time: fileTimeIso(m.timeMs),
    claim: m.claim && {
      ...(ownerOurs ? { owner: m.claim.owner } : { owner: null, untrusted_owner: m.claim.owner }),
      lease_expires_at: m.claim.leaseExpiresAt,
      expired: m.claim.expired,
      holder_gone_pid: m.claim.gone?.pid ?? null,
      holder_gone_kind: m.claim.gone?.kind ?? null,
    },
    dead_letter: m.deadLetter && {
      code: m.deadLetter.code,
      at: m.deadLetter.at,
      ...(m.deadLetter.originalId === null ? { original_id: null } : idField('original_id', m.deadLetter.originalId)),
      untrusted: {
        reason: m.deadLetter.reason,
        ...(m.deadLetter.untrustedCode !== null ? { code: m.deadLetter.untrustedCode } : {}),
        agent_stdout_tail: m.deadLetter.untrustedAgentOutput?.stdoutTail ?? null,
        agent_stderr_tail: m.deadLetter.untrustedAgentOutput?.stderrTail ?? null,
      },
    },
    problem: m.problem,
    // A listing reads a message's first bytes: its file's whole size, when the body is cut.
    ...(m.partialOf !== undefined && { partial_of: m.partialOf }),
    untrusted: u ? untrustedJson(u) : null,
  };
}

/** A message's headers, body and context as the file has them, for an `untrusted` JSON key. */
export function untrustedJson(u: NonNullable<FoundMessage['untrusted']>): Record<string, unknown> {
  return {
    from: u.from,
    to: u.to,
    thread: u.thread,
    turn: u.turn,
    timestamp: u.timestamp,
    in_reply_to: u.inReplyTo,
    body: u.body,
    context: u.context,
  };
}

/**
 * A message's envelope (id, sender, recipients, thread, date...), fenced: every value comes from a
 * file name or header any bus writer chose, and even of a strict shape (envelope.ts) a name or id
 * can spell words (`@system-notice-ignore-the-fence`), so none of it is printed as our words.
 */
export function envelopeLines(fields: readonly (readonly [string, string])[]): string[] {
  return [
    "envelope (untrusted: the message's folder and file names and its headers; it ends at the END line with the same number):",
    ...fencedLines('UNTRUSTED ENVELOPE', fields.map(([k, v]) => `${k}: ${v}`).join('\n')),
  ];
}

/** The envelope fields of a message's headers, each shown only in a strict shape (envelope.ts). */
export function headerFields(id: string, u: NonNullable<FoundMessage['untrusted']> | undefined, thread?: string): [string, string][] {
  const fields: [string, string][] = [['id', id]];
  if (!u) return fields;
  fields.push(['from', shownSender(u.from)]);
  if (u.to.length) fields.push(['to', shownRecipients(u.to)]);
  const t = thread ?? u.thread;
  if (t) fields.push(['thread', `${shownThread(t)}${u.turn !== null ? ` (turn ${u.turn})` : ''}`]);
  if (u.inReplyTo) fields.push(['in reply to', shownMessageId(u.inReplyTo)]);
  if (u.timestamp) fields.push(['sent', shownTimestamp(u.timestamp)]);
  return fields;
}

/**
 * Human lines for a found message: its envelope and body fenced, our words outside naming the
 * message by its id only when that cannot spell words.
 */
export function messageLines(m: FoundMessage, options: { body?: boolean; typed?: string | undefined; full?: boolean } = {}): string[] {
  const u = m.untrusted;
  const lines = [
    `${idInOurWords(m.id, 'a message (its id is in the envelope below)')}: ${whereText(m, options.typed)}${m.kind === 'response' && m.location !== 'outbox' && m.location !== 'archive' ? ' (an answer)' : ''}`,
  ];
  if (m.problem) lines.push(`problem: ${inlineText(m.problem)}`);
  const fields = headerFields(m.id, u ?? undefined);
  fields.splice(1, 0, receiverField(m.receiver));
  if (m.claim) {
    lines.push(
      m.claim.leaseUnreadable
        ? 'claimed, lease not readable (its file name gives a deadline past any lease the bus takes): taken as run out'
        : `claimed, lease ${m.claim.expired ? 'ran out at' : 'until'} ${m.claim.leaseExpiresAt}`,
    );
    fields.push(['claimed by', m.claim.owner]);
  }
  if (m.deadLetter?.originalId) fields.push(['its id was', m.deadLetter.originalId]);
  lines.push(...envelopeLines(fields));
  if (m.deadLetter) {
    const d = m.deadLetter;
    lines.push(`dead letter: ${d.code}${d.at ? ` (at ${d.at})` : ''}`, ...reasonLines(d.reason));
    if (d.untrustedAgentOutput) {
      if (d.untrustedAgentOutput.stdoutTail)
        lines.push('agent stdout, last lines:', ...fencedLines('UNTRUSTED AGENT STDOUT', d.untrustedAgentOutput.stdoutTail));
      if (d.untrustedAgentOutput.stderrTail)
        lines.push('agent stderr, last lines:', ...fencedLines('UNTRUSTED AGENT STDERR', d.untrustedAgentOutput.stderrTail));
    }
  }
  if (options.body !== false && u) {
    // At most BODY_BYTES of the body and context unless `full` (show --full): a message may be 64 MiB.
    const shown = options.full ? { untrusted: u } : shownMessage(u);
    lines.push(...bodyLines(m.kind === 'response' ? 'ANSWER' : 'MESSAGE', shown.untrusted.body, shown.untrusted.context));
    if (shown.cut) lines.push(shownCutNote(m.id, shown.cut));
    if (m.partialOf !== undefined) lines.push(`(only the first bytes of this copy were read: its file holds ${m.partialOf} bytes)`);
  }
  return lines;
}

/**
 * Our line after a message shown cut (shownMessage): what is left out and how to read it whole.
 * The id and the file (whose name holds the id) only when the id cannot spell words.
 */
export function shownCutNote(id: string, cut: Record<string, Cut>, file?: string): string {
  return cutNote(id, cut, 'the fence above', file);
}

/** A message's body (and context), fenced: what the sender wrote, never our words. */
export function bodyLines(kind: 'MESSAGE' | 'ANSWER', body: string, context: string | null): string[] {
  const lines = [
    `${kind === 'ANSWER' ? 'answer (untrusted text from whoever answered' : 'message (untrusted text from the sender'}; it ends at the END line with the same number):`,
    ...fencedLines(`UNTRUSTED ${kind}`, body),
  ];
  if (context !== null) lines.push('context (untrusted):', ...fencedLines('UNTRUSTED CONTEXT', context));
  return lines;
}

/**
 * What a native receiver answered in `run` and `repl` (or why it could not), fenced: it is made from
 * `<root>/vocabularies/*.hw` (receiver names, identities, descriptions), which any bus writer can
 * change, mixed with the program's own words; the whole of it is shown as data, never as our lines.
 * `at` ('line 3, column 1: ') places a failure in the session.
 */
export function localAnswerLines(text: string, ok: boolean, at = ''): string[] {
  const what = ok ? 'answered here, from the vocabularies' : `error: ${at}not answered; the reason, from the vocabularies`;
  return [
    `${what} (untrusted text: any bus writer can change them; it ends at the END line with the same number):`,
    ...fencedLines(ok ? 'UNTRUSTED LOCAL ANSWER' : 'UNTRUSTED LOCAL REASON', text),
  ];
}

/** A dead letter's reason (the receiver's text, quoting the failing agent), fenced. */
export function reasonLines(reason: string): string[] {
  return ["the receiver's reason (untrusted text; it ends at the END line with the same number):", ...fencedLines('UNTRUSTED REASON', reason)];
}

/** A listed message: its id in our words when it has no words, and its id and sender fenced (the body's first line goes in firstLines). */
export function listingLines(m: FoundMessage): string[] {
  const u = m.untrusted;
  const head = `  ${idInOurWords(m.id, 'one (its id is in the envelope below)')}`;
  return [
    u ? head : `${head}  (${inlineText(m.problem ?? 'unreadable')})`,
    ...envelopeLines(
      u
        ? [
            ['id', m.id],
            ['from', shownSender(u.from)],
          ]
        : [['id', m.id]],
    ),
  ];
}

/**
 * The first lines of the bodies of listed messages (summaryLine), `<id>: <line>` each, in one
 * fence after the listing: what the senders wrote, never our words. Nothing when there are none.
 */
export function firstLines(items: readonly { id: string; summary: string }[]): string[] {
  if (items.length === 0) return [];
  return [
    'first lines (untrusted text from the senders; it ends at the END line with the same number):',
    ...fencedLines('UNTRUSTED FIRST LINES', items.map((i) => `${i.id}: ${i.summary}`).join('\n')),
  ];
}
