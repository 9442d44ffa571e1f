/**
 * `dispatch serve`: claims messages of one receiver, turns each into the interop prompt, runs the
 * agent, and writes the answer to the outbox in the same thread. Poison files and failing agents
 * go to dead-letter with a reason; the loop itself keeps serving. Waiting uses DirWatcher
 * (notifications plus polling), and stale claims are swept regularly.
 */
import { agentEnded, agentStarted } from './running-agents.ts';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { aliveHome } from '../home.ts';
import { Registry } from '../helloworld/vocabulary.ts';
import { buildPrompt, runAgent, type AgentSpec } from './agent.ts';
import { agentShownName } from './agent-check.ts';
import { agentEnvironment, DAEMON_ENV, ungrantedEntries } from './agent-env.ts';
import {
  claimNext,
  cleanOrphanedPartials,
  completeClaim,
  deadLetterClaim,
  listInbox,
  LeaseLostError,
  parseClaimFileName,
  processOwner,
  renewClaim,
  type Completion,
  reclaimDeadOwners,
  sweepStaleClaims,
  SWEEP_CLEAN_BATCH,
  type Claim,
  type DeadLetterRecord,
  type BusInboxEntry,
} from './claims.ts';
import {
  DEFAULT_AGENT_TIMEOUT_SECONDS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_FAILURES,
  DEFAULT_TURN_BUDGET,
  loadReceiverConfig,
  type ReceiverConfig,
} from './config.ts';
import {
  busFolderProblemInPlace,
  ensureDir,
  isBusFolderFault,
  listBusDir,
  listBusDirBatch,
  lstatBus,
  readBusJson,
  safeUnlinkBus,
  writeBusFileAtomic,
  writeBusJsonAtomic,
} from './fsutil.ts';
import { isResponse } from './message.ts';
import { takeRateToken } from './ratelimit.ts';
import { processAlive } from '../proc/alive.ts';
import { hostTag } from '../proc/host-tag.ts';
import { archiveDayDir, receiverPaths, runtimesDir, type ReceiverPaths } from './layout.ts';
import { displayName, isValidName, normaliseName } from './names.ts';
import { budgetProblem, recordTurn, undoTurns } from './threads.ts';
import { inboxCopyPlan } from './inbox-copy.ts';
import { isPlainThread } from './deliver.ts';
import { inlineText } from '../text/untrusted.ts';
import { fencedLines, untrustedDetail } from '../text/fence.ts';
import { idFromFileName, idInOurWords, isWordlessId } from './ids.ts';
import { DirWatcher, LookGate } from './wait.ts';
import { vocabularyWarning } from './vocabulary-problems.ts';
import { receiverDaemon, type DaemonRecord } from './serving.ts';
import { counted } from '../text/plural.ts';

export interface ServeOptions {
  root: string;
  receiver: string;
  agent: AgentSpec;
  /** Handle what is waiting, then return instead of waiting for more. */
  once?: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  /**
   * One line per event (answered, dead-lettered, ...), in serve's words only: a message is named
   * by its id only when that cannot spell words. Bus text a line needs (a file name, an error
   * quoting one, a vocabulary problem) comes in `fenced`, lines to print after it as they are.
   */
  log?: Say;
  /** How often stale claims are swept, ms. */
  sweepEveryMs?: number;
  /** Called once the inbox exists, is watched and the daemon is registered: messages sent from now on are served. */
  onReady?: () => void;
  /**
   * The folder the agent command runs in. Unset: a private empty folder made for each message (in
   * agentFoldersBase()) and removed after it. Never the bus root by default: every bus writer can
   * write there, and an agent loads instructions and settings from its folder (CLAUDE.md, .claude/,
   * AGENTS.md, .mcp.json).
   */
  workdir?: string;
  /**
   * Variables (or `PREFIX*` patterns) passed to agents beyond the default allowlist: the operator's
   * grant (serve --agent-env), checked by the caller (agentEnvProblem). config.json's agent_env is
   * not applied: any bus writer can write that file, and a list that left out a granted name made
   * every agent needing it fail, until --max-failures stopped serve.
   */
  agentEnv?: readonly string[];
  /** Turns per thread at most (serve --turn-budget; default DEFAULT_TURN_BUDGET): config.json's turn_budget only lowers it. */
  turnBudget?: number;
  /**
   * Bytes of one message serve takes into an agent's prompt, and of the agent's answer, at most
   * (serve --max-bytes; default DEFAULT_MAX_BYTES). config.json's max_bytes only lowers the first
   * (or a planted 64 MiB would put that much into a paid agent's prompt), and a message above it
   * goes to dead-letter before any agent runs; the answer's limit is serve's alone: a planted 300
   * made every ordinary answer fail after its paid run, and stopped serve after --max-failures.
   */
  maxBytes?: number;
  /**
   * Agent failures in a row after which serve stops (serve --max-failures; default
   * DEFAULT_MAX_FAILURES): config.json's max_consecutive_failures only raises it, or one planted 1
   * and one failing message would stop the operator's daemon.
   */
  maxFailures?: number;
  /**
   * Seconds an agent may run (serve --agent-timeout; default DEFAULT_AGENT_TIMEOUT_SECONDS):
   * config.json's agent_timeout_seconds never changes it (a planted week would keep a paid agent
   * running that long, a planted 1 would fail every message).
   */
  agentTimeoutSeconds?: number;
  /** What the operator should act on (config.json asking for more than serve gives), said once each, as `log`. Default: a log line. */
  warn?: Say;
}

/** A log line of serve's own words, and the fenced lines (fencedLines) that follow it, if any. */
export type Say = (line: string, fenced?: readonly string[]) => void;

export interface ServeSummary {
  answered: number;
  archivedWithoutAnswer: number;
  deadLettered: number;
  /**
   * Messages whose handling threw: an error of serve's, not the agent's (a folder of the bus a
   * writer made unusable, as a link planted as threads/). Each is in dead-letter too (and counted
   * there) when that could be done, else left claimed for its lease. Counted toward --max-failures.
   */
  failed: number;
  /** Set when serve stopped because the agent failed --max-failures (or more, by config.json) times in a row; the code of the last failure. */
  stoppedAfterFailures?: { count: number; lastCode: string };
}

/** How serve's log names a message it cannot name by its id (the id can spell words). */
const NOT_BUS_MADE = 'a message whose id is not a bus-made id';

/** A message in serve's log, from its file name (`msg-<id>.hw`): `msg-<id>` when the id is wordless. */
function messageNamed(fileName: string): string {
  return idInOurWords(idFromFileName(fileName) ?? '', NOT_BUS_MADE);
}

/**
 * An entry of an inbox or processing/ folder in serve's log: `'msg-<id>.hw'`, or `a claim of
 * msg-<id>`, when the id is wordless (a claim's owner tag is not shown: it can spell words), else
 * in words of ours.
 */
function entryNamed(name: string): string {
  const claim = parseClaimFileName(name);
  const id = idFromFileName(claim?.fileName ?? name);
  if (id === undefined || !isWordlessId(id)) return 'an entry whose name is not a bus-made message name';
  return claim ? `a claim of msg-${id}` : `'msg-${id}.hw'`;
}

/**
 * A fault of a folder of the receiver's in serve's words. Ours (unsafe_bus_folder, no_access) name
 * the folder serve built from the receiver's name, and stay as they are; a system error's message
 * quotes the paths of its call, where an entry's name is any bus writer's: that message becomes
 * the untrusted detail.
 */
function folderFault(err: unknown, paths: ReceiverPaths, receiver: string): AliveError {
  if (err instanceof AliveError) return err;
  const at = (err as { path?: unknown }).path;
  const own = [paths.dir, paths.inbox, paths.processing, paths.outbox, paths.archive, paths.tmp].find((f) => f === at);
  const folder = own === undefined ? `a folder of ${displayName(receiver)}` : inlineText(own, 300);
  return new AliveError(`${folder} cannot be used (${errorCode(err)}; the error, which quotes its paths, in the untrusted detail that follows)`, {
    code: 'io',
    cause: err,
    untrusted: untrustedDetail('folder problem', messageOf(err)),
  });
}

/** What an error was, in words of ours: its errno or typed code. */
function errorCode(err: unknown): string {
  return errnoCode(err) ?? (err instanceof AliveError ? err.code : 'failed');
}

/** What handling one message came to, for the consecutive-failure count: `error` is an error handle() threw. */
type Handled = 'ok' | 'agent_failure' | 'error' | 'other';

/**
 * Where the agents' private folders are made: `<ALIVE_HOME>/dispatch-agents/` (0700), made when
 * missing. Not the system's temporary folder: agents read instruction files from every folder above
 * their own (Claude Code a CLAUDE.md up to /, Gemini CLI a GEMINI.md), and any local user can put
 * one in /tmp. The folders above ALIVE_HOME are the user's own.
 */
export function agentFoldersBase(): string {
  const base = agentFoldersPath();
  mkdirSync(base, { recursive: true, mode: 0o700 });
  return base;
}

/** agentFoldersBase's path, not made: serve warns when it lies inside the bus (ALIVE_HOME under the bus root). */
export function agentFoldersPath(): string {
  return resolve(aliveHome(), 'dispatch-agents');
}

/** `<daemon pid>h<host tag>-`: the start of the name of each private folder this daemon makes. */
function agentFolderPrefix(): string {
  return `${process.pid}h${hostTag()}-`;
}

/**
 * Removes the private folders that daemons of this machine which are gone left (a daemon killed
 * with kill -9 removes nothing; ALIVE_HOME may be shared with other machines, whose pids say nothing
 * here). Returns how many. Never throws.
 */
function removeFoldersOfDeadDaemons(base: string, log: Say): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return 0;
  }
  for (const n of names) {
    const m = /^(\d+)h([a-z0-9]+)-/.exec(n);
    if (!m || m[2] !== hostTag() || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    removeAgentFolder(join(base, n), log);
    removed++;
  }
  return removed;
}

/**
 * Runs `fn` in `workdir`, or in a private empty folder (0700) made for it and removed after. The
 * built-in echo runs no process: it gets no folder ('').
 */
async function inAgentFolder<T>(agent: AgentSpec, workdir: string | undefined, log: Say, fn: (cwd: string) => Promise<T>): Promise<T> {
  if (workdir !== undefined) return fn(workdir);
  if (agent.kind === 'echo') return fn('');
  const dir = mkdtempSync(join(agentFoldersBase(), agentFolderPrefix()));
  try {
    return await fn(dir);
  } finally {
    removeAgentFolder(dir, log);
  }
}

/**
 * Removes an agent's private folder, whatever modes the agent left on what it made there (a
 * read-only module cache, a folder it chmod-ed 000: its owner cannot delete their entries). Never
 * throws: the agent's answer matters more than the folder, which is then left with a warning.
 */
function removeAgentFolder(dir: string, log: Say): void {
  try {
    rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
    // folders without write permission: grant it, then try again
  }
  try {
    grantOwner(dir);
    rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    // The error names what the agent made there (its names are the agent's output): fenced.
    log(
      `warning: could not remove the agent's folder ${inlineText(dir, 300)}: ${errorCode(err)} (the error in the fence below)`,
      fencedLines('UNTRUSTED ERROR', busFolderProblemInPlace(err)),
    );
  }
}

/** Gives the owner full access to `dir` and every folder below it (links are not followed). */
function grantOwner(dir: string): void {
  if (lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) return;
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) grantOwner(join(dir, name));
}

/** The limits serve applies to one message, from its flags and config.json. */
interface Bounds {
  turnBudget: number;
  /** Bytes of a message taken into the prompt: a larger one goes to dead-letter unread, before any run. */
  maxBytes: number;
  /** Where maxBytes comes from, for the dead letter's reason: config.json's max_bytes, or serve's own. */
  maxBytesSource: string;
  /** Bytes of an agent's answer kept: serve's own --max-bytes, whatever config.json says. */
  answerBytes: number;
  agentTimeoutMs: number;
  maxFailures: number;
}

/**
 * What serve takes from config.json, which any bus writer can write. Nothing there may make an
 * agent fail after it ran (each run costs the operator, and --max-failures of them stop serve):
 * its turn_budget and max_bytes may lower serve's budget and the size of a message it takes into a
 * prompt (what they refuse goes to dead-letter before any agent runs), never raise them; the size
 * of an answer is serve's --max-bytes alone; its max_consecutive_failures makes serve more
 * tolerant, never less (a planted 1 would stop the daemon at the first failure). Its agent_env and
 * agent_timeout_seconds are not taken at all: a list that leaves out a name serve grants fails
 * every agent that needs it, a longer timeout keeps a paid agent running (up to 7 days) for one
 * message, a shorter one fails every message. What the file asks beyond serve's own is said once
 * per request: serve reads the file again for each message, and a writer editing it must not fill
 * the log.
 */
function operatorBounds(opts: ServeOptions, configPath: string, warn: Say): (config: ReceiverConfig) => Bounds {
  const granted = opts.agentEnv ?? [];
  const ceiling = opts.turnBudget ?? DEFAULT_TURN_BUDGET;
  const bytesCeiling = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeout = opts.agentTimeoutSeconds ?? DEFAULT_AGENT_TIMEOUT_SECONDS;
  const failuresFloor = opts.maxFailures ?? DEFAULT_MAX_FAILURES;
  const said = new Set<string>();
  const floor = (key: string, asked: number | undefined, own: number, flag: string, sooner: string): number => {
    if (asked === undefined) return own;
    if (asked < own && !said.has(`${key} ${asked}`)) {
      said.add(`${key} ${asked}`);
      warn(`${key} ${asked} of ${configPath} is below serve's ${own}; ${own} applies; to ${sooner}, pass ${flag} ${asked} to serve`);
    }
    return Math.max(asked, own);
  };
  const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n) => b.includes(n));
  return (config) => {
    const listed = config.agentEnv;
    if (listed !== undefined && !sameNames([...new Set(listed)], [...new Set(granted)]) && !said.has(`env ${JSON.stringify(listed)}`)) {
      said.add(`env ${JSON.stringify(listed)}`);
      const ungranted = ungrantedEntries(granted, listed);
      const notApplied = `agent_env of ${configPath} is not applied: agents get the variables serve's --agent-env grants, no more and no fewer`;
      // The names are the file's text, which any bus writer chooses: fenced.
      if (ungranted.length) {
        warn(
          `${notApplied}; it asks for ${counted(ungranted.length, 'name')} serve was not given (in the fence below): to pass one, pass --agent-env NAME to serve`,
          fencedLines('UNTRUSTED NAMES', ungranted.join('\n')),
        );
      } else {
        warn(
          `${notApplied} (the file's names in the fence below): to pass fewer, give serve fewer --agent-env`,
          fencedLines('UNTRUSTED NAMES', listed.join('\n')),
        );
      }
    }
    const asked = config.turnBudget;
    if (asked !== undefined && asked > ceiling && !said.has(`turns ${asked}`)) {
      said.add(`turns ${asked}`);
      warn(`turn_budget ${asked} of ${configPath} is above serve's ${ceiling}; ${ceiling} applies; to allow more, pass --turn-budget ${asked} to serve`);
    }
    if (config.maxBytes > bytesCeiling && !said.has(`bytes ${config.maxBytes}`)) {
      said.add(`bytes ${config.maxBytes}`);
      warn(
        `max_bytes ${config.maxBytes} of ${configPath} is above serve's ${bytesCeiling}; ${bytesCeiling} applies; to allow more, pass --max-bytes ${config.maxBytes} to serve`,
      );
    }
    const askedTimeout = config.agentTimeoutMs === undefined ? undefined : config.agentTimeoutMs / 1000;
    if (askedTimeout !== undefined && askedTimeout !== timeout && !said.has(`timeout ${askedTimeout}`)) {
      said.add(`timeout ${askedTimeout}`);
      const [side, to] = askedTimeout > timeout ? ['above', 'let agents run longer'] : ['below', 'end agents sooner'];
      warn(
        `agent_timeout_seconds ${askedTimeout} of ${configPath} is ${side} serve's ${timeout}; ${timeout} applies; to ${to}, pass --agent-timeout ${askedTimeout} to serve`,
      );
    }
    return {
      turnBudget: Math.min(asked ?? ceiling, ceiling),
      maxBytes: Math.min(config.maxBytes, bytesCeiling),
      maxBytesSource: config.maxBytes < bytesCeiling ? `max_bytes of ${configPath}` : opts.maxBytes === undefined ? "serve's default" : 'serve --max-bytes',
      answerBytes: bytesCeiling,
      agentTimeoutMs: timeout * 1000,
      maxFailures: floor('max_consecutive_failures', config.maxConsecutiveFailures, failuresFloor, '--max-failures', 'stop sooner'),
    };
  };
}

/**
 * config.json as serve reads it for each message. A file that cannot be used when serve starts is
 * an error (the operator is there to fix it); once serving, the last good reading stays in force
 * and the problem is said once until the file changes again: any bus writer can write the file,
 * and one stray '{' must not stop the daemon or strand every message it claims.
 */
function configReader(paths: ReceiverPaths, warn: Say): () => Promise<ReceiverConfig> {
  let good: ReceiverConfig | undefined;
  let said: string | undefined;
  return async () => {
    try {
      good = await loadReceiverConfig(paths);
      said = undefined;
    } catch (err) {
      if (good === undefined || !(err instanceof AliveError)) throw err;
      // A folder above config.json (runtimes/<r>/) that cannot be used: the loop says that one.
      if (isBusFolderFault(err)) return good;
      // The message is ours, the file's problems its detail: either changing is a new problem.
      const problem = `${err.message}\n${JSON.stringify(err.untrusted?.json ?? null)}`;
      if (said !== problem) {
        said = problem;
        // The problems quote the file's text (an unknown key, a name, a value): fenced.
        warn(
          `${paths.config} cannot be used (${err.code}; the problem in the fence below); serve goes on with the config.json it read before`,
          err.untrusted?.lines ?? fencedLines('UNTRUSTED CONFIG PROBLEM', err.message),
        );
      }
    }
    return good;
  };
}

/** The inbox listings serve makes at once after a claim or a quiet moment (serve's `listings`). */
export function serveListingBurst(concurrency: number): number {
  return concurrency + 2;
}

export async function serve(opts: ServeOptions): Promise<ServeSummary> {
  const receiver = normaliseName(opts.receiver, 'receiver');
  const paths = receiverPaths(opts.root, receiver);
  const log = opts.log ?? (() => {});
  const warn: Say = opts.warn ?? ((line, fenced) => log(`warning: ${line}`, fenced));
  const bounds = operatorBounds(opts, paths.config, warn);
  const readConfig = configReader(paths, warn);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const sweepEvery = opts.sweepEveryMs ?? 5000;
  const owner = processOwner('p');
  const summary: ServeSummary = { answered: 0, archivedWithoutAnswer: 0, deadLettered: 0, failed: 0 };
  const stop = new AbortController();
  // Made once: each AbortSignal.any() costs 10-15 us and a weak reference, and the loop waits and
  // hands a message to handle() many times a second.
  const stopping = anySignal(opts.signal, stop.signal);
  const stopped = () => stop.signal.aborted || opts.signal?.aborted === true;
  let failuresInARow = 0;
  // Whether every failure of the row was the agent's: the stop line then blames the agent.
  let agentFailuresOnly = true;
  const onHandled = (outcome: Handled, code: string, limit: number) => {
    if (outcome === 'ok') {
      failuresInARow = 0;
      agentFailuresOnly = true;
    }
    if ((outcome !== 'agent_failure' && outcome !== 'error') || stop.signal.aborted) return;
    failuresInARow++;
    if (outcome === 'error') agentFailuresOnly = false;
    if (failuresInARow >= limit) {
      summary.stoppedAfterFailures = { count: failuresInARow, lastCode: code };
      const r = displayName(receiver);
      log(
        agentFailuresOnly
          ? `stopping: the agent failed ${failuresInARow} times in a row (last: ${code}); the messages are in dead-letter ('dispatch dead-letter ${r}'); fix the agent, 'dispatch retry' them and start serve again`
          : `stopping: ${failuresInARow} messages in a row could not be handled (last: ${code}); they are in dead-letter ('dispatch dead-letter ${r}' shows why), or left claimed where the log says so; fix what the log names, 'dispatch retry' them and start serve again`,
      );
      stop.abort();
    }
  };
  // An error handle() threw is a failure too: only logged, its claim came back at the end of its
  // lease and failed again, forever, and no count ever stopped serve (a link planted as threads/).
  const onHandlerError = (claim: Claim, err: unknown, limit: number) => {
    summary.failed++;
    const code = errorCode(err);
    // The error quotes the bus's paths (a folder a writer planted, a file named after a header): fenced.
    const said = `error handling ${messageNamed(claim.fileName)}: ${code} (the error in the fence below)`;
    const fenced = fencedLines('UNTRUSTED ERROR', busFolderProblemInPlace(err));
    const moved = deadLetterOnError(claim, err, code);
    if ('record' in moved) {
      summary.deadLettered++;
      log(said, fenced);
      log(deadLetterLine(moved.record, receiver));
    } else if (moved.err instanceof LeaseLostError) {
      log(`${said}; meanwhile ${whereLostClaimWent(claim)}`, fenced);
    } else {
      const also = moved.err === err ? '' : `, nor could it go to dead-letter (${errorCode(moved.err)}, the second fence)`;
      log(`${said}${also}: it stays claimed until its lease runs out, then it is tried again`, [
        ...fenced,
        ...(moved.err === err ? [] : fencedLines('UNTRUSTED DEAD LETTER ERROR', busFolderProblemInPlace(moved.err))),
      ]);
    }
    onHandled('error', code, limit);
  };
  const onDeadLetter = (r: DeadLetterRecord) => {
    summary.deadLettered++;
    log(deadLetterLine(r, receiver));
  };
  // One entry that cannot be handled (planted by a bus writer, another user's file) never stops serve.
  const onProblem = (name: string, err: unknown) =>
    log(
      `warning: skipped ${entryNamed(name)}: ${errorCode(err)}; it is tried again in a minute (its name and the error in the fence below)`,
      fencedLines('UNTRUSTED ENTRY', `${name}: ${busFolderProblemInPlace(err)}`),
    );
  const registry = Registry.withBuiltins();
  const vocabularies = join(opts.root, 'vocabularies');
  const vocabularyProblems = vocabularyWarning(vocabularies, registry.loadDirectory(opts.root, vocabularies));
  if (vocabularyProblems) log(`warning: ${vocabularyProblems.line}`, vocabularyProblems.fenced);
  // A config.json that cannot be used refuses serve here, before it changes the bus or says it serves.
  await readConfig();

  ensureDir(paths.root, paths.inbox);
  // Made (and what dead daemons left there removed) before serving: a home that cannot hold the
  // folders stops serve here, not each message.
  if (opts.workdir === undefined) {
    const left = removeFoldersOfDeadDaemons(agentFoldersBase(), log);
    if (left) log(`removed ${counted(left, 'agent folder')} left by daemons that died`);
  }
  const ended = endAgentsOfDeadDaemons(paths);
  const reclaimed = reclaimDeadOwners(paths, receiver, undefined, onProblem);
  if (ended || reclaimed)
    log(
      `reclaimed ${counted(reclaimed, 'claim')} of processes that died (daemons, MCP sessions, replies) and ended ${counted(ended, 'agent process group')} they left running`,
    );
  const watcher = new DirWatcher(paths.root, paths.inbox);
  const register = registration(paths, receiver, {
    pid: process.pid,
    started_at: new Date().toISOString(),
    // The program's name only: the command line is the operator's (it can carry a secret, as
    // `KEY=… gemini` does), and any bus writer reads this file (status shows it).
    agent: opts.agent.kind === 'echo' ? 'echo' : agentShownName(opts.agent.command),
    concurrency,
  });
  const other = register();
  if (other) {
    // The record's agent is any bus writer's text: fenced.
    warn(
      `pid ${other.pid} already serves ${displayName(receiver)} with the agent in the fence below; both will take messages in turn (status names pid ${other.pid} until it stops, then this daemon)`,
      fencedLines('UNTRUSTED AGENT', other.agent),
    );
  }
  opts.onReady?.();
  const inflight = new Set<Promise<void>>();
  const skipUntil = new Map<string, number>();
  let entries: BusInboxEntry[] = [];
  // At most one listing of the inbox per WAIT_LOOK_GAP_MS once wake-ups keep coming, as a wait
  // looks: a writer adding a file every few ms (any bus writer can) woke serve at once each time,
  // and each wake listed the whole inbox, a core's worth. After a claim, or a quiet moment, the
  // next listings come at once: those a claim makes itself (a lane free, its own rename in the
  // inbox, a lane's end), and the one that meets the next request (a round trip's).
  const listings = new LookGate(serveListingBurst(concurrency));
  let lastSweep = 0;
  let folderProblem: string | undefined;
  let busGoneSaid = false;
  try {
    for (;;) {
      if (stopped()) break;
      const config = await readConfig();
      const limits = bounds(config); // said at start, and when the file changes, even with no message to answer
      let claimedAny = false;
      try {
        if (Date.now() - lastSweep >= sweepEvery) {
          const endedNow = endAgentsOfDeadDaemons(paths);
          const returned = reclaimDeadOwners(paths, receiver, undefined, onProblem) + sweepStaleClaims(paths, receiver, Date.now(), onProblem);
          if (endedNow) log(`ended ${counted(endedNow, 'agent process group')} left by daemons that died`);
          if (returned) log(`returned ${counted(returned, 'stale claim')} to the inbox`);
          // daemon.json again when the daemon it named stopped (that one removes its own record).
          // Best effort: a record that cannot be written (no space) is tried again next sweep. Not
          // where the bus was removed: written, it made runtimes/ again, a new bus nothing knew.
          if (existsSync(runtimesDir(opts.root))) {
            busGoneSaid = false;
            try {
              register();
            } catch {}
          } else if (!busGoneSaid) {
            busGoneSaid = true;
            warn(
              `the bus is gone: its runtimes/ folder was removed from ${opts.root} while serve ran; serve does not make a new one and waits for it to come back (Ctrl-C stops)`,
            );
          }
          const cleaned = cleanOrphanedPartials(paths);
          if (cleaned) log(`removed ${counted(cleaned, 'partial file')} left by writers that died`);
          lastSweep = Date.now();
          entries = [];
        }
        while (inflight.size < concurrency && !stopped()) {
          // One at a time: oldest first, as the bus orders messages (a backlog was answered shuffled).
          // Several at once: shuffled within small windows, so the lanes rarely race for one file.
          if (entries.length === 0) {
            await listings.ready(stopping);
            if (stopped()) break;
            entries = concurrency > 1 ? shuffleWithinWindows(listInbox(paths), 4) : listInbox(paths);
            listings.ended();
          }
          if (entries.length === 0) break;
          ensureAnswerFolders(paths);
          const claim = await claimNext(opts.root, receiver, {
            owner,
            leaseMs: limits.agentTimeoutMs + 60_000,
            config: { ...config, maxBytes: limits.maxBytes },
            maxBytesSource: limits.maxBytesSource,
            entries,
            skipUntil,
            onDeadLetter,
            onProblem,
          });
          if (!claim) break;
          claimedAny = true;
          listings.found();
          const job: Promise<void> = handle(claim, opts, registry, summary, log, bounds, readConfig, {
            stopping,
            retryMs: sweepEvery,
            warn,
          })
            .then(
              ([outcome, code]) => onHandled(outcome, code, limits.maxFailures),
              (err: unknown) => onHandlerError(claim, err, limits.maxFailures),
            )
            // Whatever the bookkeeping above throws is logged, as before: never an unhandled rejection.
            .catch((err) =>
              log(
                `error after handling ${messageNamed(claim.fileName)}: ${errorCode(err)} (the error in the fence below)`,
                fencedLines('UNTRUSTED ERROR', busFolderProblemInPlace(err)),
              ),
            )
            .finally(() => {
              inflight.delete(job);
              watcher.signal(); // a slot is free
            });
          inflight.add(job);
        }
        folderProblem = undefined;
      } catch (err) {
        // A bus writer (or a sync tool) can swap a folder of the receiver for a link, remove it,
        // or make it unreadable: serve waits for the folder to be usable again rather than stop
        // (--once stops). Any other error is a fault of serve's own and still stops it.
        if (!isBusFolderFault(err)) throw err;
        const fault = folderFault(err, paths, receiver);
        if (opts.once) throw fault;
        const problem = busFolderProblemInPlace(err);
        if (folderProblem !== problem) {
          folderProblem = problem;
          warn(`${fault.message}; serve waits until it is fixed, trying again every ${sweepEvery / 1000} s`, fault.untrusted?.lines);
        }
        entries = [];
        await watcher.wait(sweepEvery, stopping);
        continue;
      }
      if (opts.once && !claimedAny && inflight.size === 0 && entries.length === 0) {
        if (listInbox(paths).every((e) => skipUntil.has(e.name))) break;
      }
      const nextSkip = nextWakeMs(skipUntil, Date.now(), sweepEvery);
      // The cached listing is only refreshed once it is used up (or at a sweep): re-reading a
      // large inbox after every message would make a backlog quadratic. Newer arrivals sort
      // after the cached ones anyway.
      await watcher.wait(Math.max(10, nextSkip), stopping);
    }
    await Promise.allSettled([...inflight]);
  } finally {
    watcher.close();
    if (ownsDaemonFile(paths)) safeUnlinkBus(paths.root, paths.daemon);
  }
  return summary;
}

/**
 * Makes (or checks) the folders an answer lands in, before a message is claimed: a file or link a
 * bus writer put in their place would otherwise surface only after the agent ran (each run costs
 * the operator), and the message would come back at the end of its lease to run it again. The
 * fault is thrown for the loop to wait out. Write access is not probed: completing the claim says
 * that one.
 */
function ensureAnswerFolders(paths: ReceiverPaths): void {
  for (const dir of [paths.tmp, paths.outbox, archiveDayDir(paths, new Date())]) ensureDir(paths.root, dir);
}

/**
 * How long the loop may sleep: until the earliest skipped file is due, at most `cap`. A loop, not
 * Math.min(...values): a bus writer can make the skipped files many (empty files are skipped while
 * young), and spreading 130,000 of them overflowed the call stack and ended serve.
 */
export function nextWakeMs(skipUntil: ReadonlyMap<string, number>, now: number, cap: number): number {
  let next = cap;
  for (const t of skipUntil.values()) if (t - now < next) next = t - now;
  return next;
}

function anySignal(a: AbortSignal | undefined, b: AbortSignal): AbortSignal {
  return a ? AbortSignal.any([a, b]) : b;
}

/**
 * Registers this daemon in daemon.json, unless that names another daemon which is alive: the
 * record is then left as it is (overwritten, the first daemon's stop would remove it, and status
 * would call the receiver not served while this one serves), and that daemon's record is returned.
 */
function registration(paths: ReceiverPaths, receiver: string, record: { pid: number } & Record<string, unknown>): () => DaemonRecord | null {
  return () => {
    const other = receiverDaemon(paths.root, receiver);
    if (other?.alive && other.pid !== record.pid) return other;
    if (other?.pid !== record.pid) writeBusJsonAtomic(paths.root, paths.daemon, record);
    return null;
  };
}

function ownsDaemonFile(paths: ReceiverPaths): boolean {
  let d: unknown;
  try {
    d = readBusJson(paths.root, paths.daemon);
  } catch {
    return false; // a linked folder: not ours
  }
  return d !== null && typeof d === 'object' && (d as { pid?: unknown }).pid === process.pid;
}

/** `.agents/<daemon pid>-<agent pid>`: an agent (process group) a daemon runs right now. */
function agentRecord(paths: ReceiverPaths, agentPid: number): string {
  return join(paths.dir, '.agents', `${process.pid}-${agentPid}`);
}

/**
 * Ends the agent process groups of daemons that are gone (kill -9 leaves them running, answering
 * a message whose claim is about to go back to the inbox). A group is killed only when its leader
 * still carries the dead daemon's mark in its environment (Linux /proc; elsewhere, when its
 * process group still exists). Returns how many groups were ended.
 */
export function endAgentsOfDeadDaemons(paths: ReceiverPaths): number {
  const dir = join(paths.dir, '.agents');
  // A batch a sweep, on from the last (claims.ts SWEEP_CLEAN_BATCH): any bus writer can fill the folder.
  const { names } = listBusDirBatch(paths.root, dir, SWEEP_CLEAN_BATCH);
  let ended = 0;
  for (const n of names) {
    const m = /^(\d+)-(\d+)$/.exec(n);
    if (!m) continue;
    const daemonPid = Number(m[1]);
    const agentPid = Number(m[2]);
    if (daemonPid === process.pid || processAlive(daemonPid)) continue;
    // The name is anyone's to plant: kill(-1) signals every process we may signal, kill(-0) our own group.
    if (agentPid > 1 && Number.isSafeInteger(agentPid) && carriesMark(agentPid, daemonPid)) {
      try {
        process.kill(-agentPid, 'SIGKILL');
        ended++;
      } catch {
        // already gone
      }
    }
    safeUnlinkBus(paths.root, join(dir, n));
  }
  return ended;
}

function carriesMark(pid: number, daemonPid: number): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    return environ.split('\0').includes(`${DAEMON_ENV}=${daemonPid}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // gone (or no /proc: see below)
    return false;
  }
}

async function handle(
  claim: Claim,
  opts: ServeOptions,
  registry: Registry,
  summary: ServeSummary,
  log: Say,
  bounds: (config: ReceiverConfig) => Bounds,
  readConfig: () => Promise<ReceiverConfig>,
  { stopping, retryMs, warn }: { stopping: AbortSignal; retryMs: number; warn: Say },
): Promise<[Handled, string]> {
  const started = Date.now();
  const msg = claim.message;
  const named = messageNamed(claim.fileName);
  const config = await readConfig();
  const { turnBudget, agentTimeoutMs, answerBytes } = bounds(config);
  const fail = (reason: string, code: string, extra: Record<string, unknown> = {}) => {
    const rec = deadLetterClaim(claim, reason, code, extra);
    summary.deadLettered++;
    log(deadLetterLine(rec, claim.receiver));
  };
  try {
    if (isResponse(msg)) {
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${named}: a response needs no answer`);
      return ['other', ''];
    }
    if (claim.sender === claim.receiver) {
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${named}: a message to itself needs no answer`);
      return ['other', ''];
    }
    // The sender's rate limit, counted again here: a message dropped into the inbox by hand (or by
    // another tool) never passed 'dispatch send'. From is self-declared: this is a label, not a proof.
    if (config.rateLimit) {
      const who = claim.sender ? displayName(claim.sender) : 'an anonymous sender';
      let taken: boolean;
      try {
        taken = await takeRateToken(claim.root, join(claim.paths.dir, '.rate-served'), claim.sender ?? 'anonymous', config.rateLimit);
      } catch (err) {
        // A lock that cannot be taken (a folder planted in its place, a lock held for good): left
        // claimed, the message would wait for its lease to end and fail again, and so would the next.
        const code = err instanceof AliveError ? err.code : 'failed';
        fail(`the rate limit of ${who} could not be counted: ${busFolderProblemInPlace(err)}; then retry the message (dispatch retry)`, code);
        return ['other', ''];
      }
      if (!taken) {
        fail(
          `${who} sent more than ${config.rateLimit.messages} messages in ${config.rateLimit.perSeconds} s (rate_limit of ${claim.paths.config})`,
          'rate_limited',
        );
        return ['other', ''];
      }
    }
    const thread = msg.thread !== undefined && msg.thread !== '' ? msg.thread : claim.id;
    const turn = msg.turn ?? 1;
    const { to: alsoInto, key: inboxKey, withheld: inboxOver } = inboxCopyPlan(config, claim, msg, turnBudget);
    if (inboxOver) {
      log(
        `${named}: its answer goes into the outbox only, not into its sender's inbox too (why, naming the sender, in the fence below)`,
        fencedLines('UNTRUSTED DETAIL', inboxOver),
      );
    }
    // Its reason is a dead letter's, shown as untrusted text: a plain thread id is named in it.
    const over = budgetProblem(claim.paths, thread, msg.turn, turnBudget, isPlainThread);
    if (over) {
      fail(over, 'turn_budget');
      return ['other', ''];
    }
    const prompt =
      opts.agent.kind === 'echo'
        ? '' // echo answers with the body; no prompt to build
        : buildPrompt({
            receiver: claim.receiver,
            messageId: claim.id,
            message: msg,
            thread,
            turn,
            turnBudget,
            vocabularies: registry.describeForPrompt([
              ...new Set([claim.receiver, ...(claim.sender ? [claim.sender] : []), ...mentionedReceivers(msg.body, registry)]),
            ]),
          });
    // Set when the agent's record in .agents/ cannot be written (a file planted there, no space):
    // the agent is stopped before it does anything, for a fault of the bus, not of the agent.
    let notRecorded = false;
    const outcome = await inAgentFolder(opts.agent, opts.workdir, log, (cwd) =>
      runAgent({
        agent: opts.agent,
        prompt,
        body: msg.body,
        cwd,
        timeoutMs: agentTimeoutMs,
        maxOutputBytes: answerBytes,
        // echo runs no process: no environment to build (reading process.env whole costs ~0.2 ms)
        env:
          opts.agent.kind === 'echo'
            ? {}
            : agentEnvironment(process.env, opts.agentEnv ?? [], {
                HELLOWORLD_ROOT: opts.root,
                HELLOWORLD_AS: displayName(claim.receiver),
                HELLOWORLD_THREAD: isPlainThread(thread) ? thread : claim.id,
                HELLOWORLD_TURN: String(turn),
                HELLOWORLD_MESSAGE_ID: claim.id,
              }),
        onStart: (pid) => {
          agentStarted(pid);
          try {
            writeBusFileAtomic(claim.root, agentRecord(claim.paths, pid), ''); // by rename: never opens what is planted there
          } catch (err) {
            notRecorded = true;
            agentEnded(pid); // runBounded kills it now, and calls no onEnd for it
            throw err; // the agent is ended at once (runBounded), as not started
          }
        },
        onEnd: (pid) => {
          agentEnded(pid);
          safeUnlinkBus(claim.root, agentRecord(claim.paths, pid));
        },
      }),
    );
    if (!outcome.ok) {
      fail(outcome.reason, outcome.code, {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
        exit_code: outcome.exitCode ?? null,
        signal: outcome.signal ?? null,
      });
      // Not counted toward --max-failures: any bus writer can plant a file as .agents/, and five
      // messages would then stop serve, with "fix the agent" for a cause that is not the agent.
      return notRecorded ? ['other', ''] : ['agent_failure', outcome.code];
    }
    const answer = outcome.answer.trimEnd();
    if (answer.startsWith('NOTHING_FURTHER')) {
      recordTurn(claim.paths, thread, claim.id);
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${named}: the agent had nothing further`);
      return ['ok', ''];
    }
    if (answer === '' && opts.agent.kind !== 'echo') {
      fail('the agent printed no answer', 'agent_empty');
      return ['agent_failure', 'agent_empty'];
    }
    // The turns are recorded as part of storing the answer (once, however many tries it takes):
    // a ledger that cannot be appended to (no space) fails like the answer's own write.
    // A claim lost meanwhile (the message answered by hand, or returned) takes them back.
    const toRecord = [thread, ...(inboxKey !== undefined && alsoInto !== undefined ? [inboxKey] : [])];
    const recorded: string[] = [];
    const write = () => {
      while (toRecord.length > 0) {
        recordTurn(claim.paths, toRecord[0]!, claim.id);
        recorded.push(toRecord.shift()!);
      }
      try {
        return completeClaim(claim, { body: answer, ...(alsoInto ? { alsoIntoInboxOf: [alsoInto] } : {}) });
      } catch (err) {
        if (err instanceof LeaseLostError) undoTurns(claim.paths, recorded, claim.id);
        throw err;
      }
    };
    const stored = await storeAnswer(claim, answer, write, {
      keepTrying: () => !opts.once && !stopping.aborted,
      stopping,
      retryMs,
      leaseMs: agentTimeoutMs + 60_000,
      warn,
    });
    if ('deadLettered' in stored) {
      summary.deadLettered++;
      log(deadLetterLine(stored.deadLettered, claim.receiver));
      return ['other', ''];
    }
    const done = stored.stored;
    summary.answered++;
    const response = done.response!;
    for (const s of response.skippedCopies) {
      log(
        `warning: no copy of the answer to ${named} into its sender's inbox, a folder that cannot be used (which, and why, in the fence below)`,
        fencedLines('UNTRUSTED DETAIL', `${displayName(s.to)}: ${s.problem}`),
      );
    }
    // The answer's id is always the bus's: it names the request where the request's own id cannot.
    const answerNamed = `msg-${response.id}${named === NOT_BUS_MADE ? ` ('dispatch show ${response.id}' names it)` : ''}`;
    log(`answered ${named} as ${answerNamed}${response.copies.length > 0 && alsoInto ? " (also into its sender's inbox)" : ''} in ${Date.now() - started} ms`);
    return ['ok', ''];
  } catch (err) {
    if (err instanceof LeaseLostError) {
      log(`lost the claim on ${named}: ${whereLostClaimWent(claim)}`);
      return ['other', ''];
    }
    throw err;
  }
}

/**
 * Where a message went when its claim was lost (the rename that proves a claim found it gone):
 * back in the inbox when its lease ran out, else answered or moved by someone else meanwhile
 * (a reply by hand or through the MCP tools archives it), and this daemon's work on it is dropped.
 */
function whereLostClaimWent(claim: Claim): string {
  const { root, paths, fileName } = claim;
  const dropped = "this agent's answer was not stored";
  try {
    if (lstatBus(root, join(paths.inbox, fileName))) return 'its lease ran out and it went back to the inbox; it will be handled again';
    if (lstatBus(root, join(archiveDayDir(paths, new Date()), fileName))) {
      return `someone else answered it meanwhile (a reply by hand or through the MCP tools; it is in the archive): ${dropped}`;
    }
    if (lstatBus(root, join(paths.deadLetter, fileName))) return `it is in dead-letter now (its lease ran out too often): ${dropped}`;
    if (listBusDir(root, paths.processing).some((n) => parseClaimFileName(n)?.fileName === fileName)) {
      return `its lease ran out and another claimed it: ${dropped}`;
    }
  } catch {
    // a folder that cannot be read: said as moved
  }
  return `someone else moved it meanwhile: ${dropped}`;
}

/**
 * Puts a message whose handling threw in dead-letter, the error its reason (shown as untrusted
 * text, as every reason). Not when the error says the answer's own dead letter could not be written
 * (storeAnswer): that was tried, and the message stays claimed. What kept it there is returned:
 * that error, or the one of the move (a dead-letter/ folder that is a link too, a claim lost).
 */
function deadLetterOnError(claim: Claim, err: unknown, code: string): { record: DeadLetterRecord } | { err: unknown } {
  if (err instanceof AliveError && err.code === 'answer_not_stored') return { err };
  try {
    return {
      record: deadLetterClaim(
        claim,
        `serve could not handle this message: ${busFolderProblemInPlace(err)}; once that is fixed, retry the message (dispatch retry)`,
        code,
      ),
    };
  } catch (moveErr) {
    return { err: moveErr };
  }
}

/**
 * The log line of a message put in dead-letter: its id when wordless, the reason's code, and where
 * to read the reason, which quotes the message's headers, config.json or the failing agent's output.
 */
function deadLetterLine(r: DeadLetterRecord, receiver: string): string {
  return `dead-letter ${messageNamed(r.fileName)} (code ${r.code}); 'dispatch dead-letter ${displayName(receiver)}' shows why`;
}

/**
 * Stores a paid answer (`write`), trying again every `retryMs` while the file system refuses it
 * (no space, read-only, no write access: faultOfTheBus): left claimed, the request came back at its lease end
 * and the agent ran again, at every lease end. The claim is renewed meanwhile, so nobody runs it
 * again, and this message's slot stays taken, so serve runs no more agents whose answers cannot
 * land either. Said once. With --once, or when serve stops, the request goes to dead-letter with
 * the answer kept in its reason file; so it does at once for a fault of this message's own, which
 * waiting does not mend (a folder planted where its thread's ledger goes, the ledger left
 * read-only): its slot was taken for as long as serve ran.
 */
async function storeAnswer(
  claim: Claim,
  answer: string,
  write: () => Completion,
  o: { keepTrying: () => boolean; stopping: AbortSignal; retryMs: number; leaseMs: number; warn: Say },
): Promise<{ stored: Completion } | { deadLettered: DeadLetterRecord }> {
  let said = false;
  for (;;) {
    let problem: string;
    let code: string;
    let passes: boolean;
    try {
      return { stored: write() };
    } catch (err) {
      if (err instanceof LeaseLostError) throw err;
      problem = busFolderProblemInPlace(err);
      code = errorCode(err);
      passes = faultOfTheBus(err);
    }
    if (!passes || !o.keepTrying()) {
      const id = claim.id;
      const r = displayName(claim.receiver);
      const reason = `the agent answered but its answer could not be stored: ${problem}. The answer is kept in this dead letter's reason file (field "answer"); once the bus can be written, send it without running the agent again: 'dispatch retry ${id}', 'dispatch claim ${r} ${id}', then 'dispatch reply ${id} - --as ${r}' with the answer on stdin ('dispatch retry' alone runs the agent again)`;
      try {
        return { deadLettered: deadLetterClaim(claim, reason, 'answer_not_stored', { answer }) };
      } catch (err) {
        if (err instanceof LeaseLostError) throw err;
        throw new AliveError(
          `the agent's answer to ${messageNamed(claim.fileName)} could not be stored (${problem}), nor the request put in dead-letter (${busFolderProblemInPlace(err)}): it stays claimed and is answered again when its lease ends`,
          { code: 'answer_not_stored', cause: err },
        );
      }
    }
    if (!said) {
      said = true;
      // The problem names files of the bus (a thread's ledger is named after a Thread header): fenced.
      o.warn(
        `the agent's answer to ${messageNamed(claim.fileName)} could not be stored: ${code} (the problem in the fence below); serve keeps it and tries again every ${o.retryMs / 1000} s (the request stays claimed, and its slot of --concurrency takes no other message meanwhile): make the bus writable again (free space, permissions), or stop serve to put the request in dead-letter with the answer kept`,
        fencedLines('UNTRUSTED PROBLEM', problem),
      );
    }
    try {
      await delay(o.retryMs, undefined, { signal: o.stopping });
    } catch {
      // stopping: one more try, then dead-letter
    }
    try {
      if (!renewClaim(claim, o.leaseMs)) throw new LeaseLostError(claim.id);
    } catch (err) {
      if (err instanceof LeaseLostError) throw err;
      // the lease still runs; the next try says whether the bus can be written
    }
  }
}

/** The errors of a file system that refuses every write for now (space, a read-only mount, an I/O error, no descriptors left). */
const PASSING_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE', 'ENOMEM', 'EAGAIN', 'EBUSY']);

/**
 * True when storing an answer failed for a fault of the bus as a whole, which the operator mends
 * (storeAnswer waits for it): one of PASSING_FAULTS, or a folder of the bus this user may not
 * write (no_access). Anything else is this message's own (a folder or link where its files go, a
 * file this user may not write: not_a_file, EISDIR, unsafe_bus_folder), and waiting does not mend it.
 */
function faultOfTheBus(err: unknown): boolean {
  if (err instanceof AliveError) return err.code === 'no_access';
  const code = errnoCode(err);
  return code !== undefined && PASSING_FAULTS.has(code);
}

/**
 * Shuffles a listing inside consecutive windows of `size` entries: the lanes of a daemon with
 * --concurrency then rarely race for the same file, and the order stays oldest-first across windows.
 */
function shuffleWithinWindows<T>(items: T[], size: number): T[] {
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = end - 1; i > start; i--) {
      const j = start + Math.floor(Math.random() * (i - start + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  }
  return items;
}

/**
 * Known receivers named in a body (`@name` or a Capitalized name), for the prompt. Only names with
 * a vocabulary: any other `@word` would put the body's own words in the list of vocabularies
 * ("@system-notice-the-data-has-ended"), outside the body's fence.
 */
function mentionedReceivers(body: string, registry: Registry): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/@([A-Za-z][A-Za-z0-9_-]{0,63})/g)) if (isValidName(m[1]!) && registry.has(m[1]!)) out.add(m[1]!.toLowerCase());
  for (const m of body.matchAll(/\b([A-Z][A-Za-z0-9]{1,63})\b/g)) if (registry.has(m[1]!)) out.add(m[1]!.toLowerCase());
  return [...out].slice(0, 8);
}
