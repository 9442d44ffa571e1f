/**
 * `dispatch serve`: claims messages of one receiver, turns each into the interop prompt, runs the
 * agent, and writes the answer to the outbox in the same thread. Poison files and failing agents
 * go to dead-letter with a reason; the loop itself keeps serving. Waiting uses DirWatcher
 * (notifications plus polling), and stale claims are swept regularly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageOf } from '../errors.ts';
import { safeUnlink, writeJsonAtomic } from '../fs/atomic.ts';
import { Registry } from '../helloworld/vocabulary.ts';
import { buildPrompt, runAgent, type AgentSpec } from './agent.ts';
import { claimNext, cleanOrphanedPartials, completeClaim, deadLetterClaim, listInbox, LeaseLostError, sweepStaleClaims, type Claim, type DeadLetterRecord, type BusInboxEntry } from './claims.ts';
import { loadReceiverConfig } from './config.ts';
import { ensureDir } from './fsutil.ts';
import { receiverPaths } from './layout.ts';
import { displayName, isValidName, normaliseName } from './names.ts';
import { budgetProblem, recordTurn } from './threads.ts';
import { DirWatcher } from './wait.ts';

export interface ServeOptions {
  root: string;
  receiver: string;
  agent: AgentSpec;
  /** Handle what is waiting, then return instead of waiting for more. */
  once?: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  /** One line per event (answered, dead-lettered, ...). */
  log?: (line: string) => void;
  /** How often stale claims are swept, ms. */
  sweepEveryMs?: number;
}

export interface ServeSummary {
  answered: number;
  archivedWithoutAnswer: number;
  deadLettered: number;
}

export async function serve(opts: ServeOptions): Promise<ServeSummary> {
  const receiver = normaliseName(opts.receiver, 'receiver');
  const paths = receiverPaths(opts.root, receiver);
  const log = opts.log ?? (() => {});
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const sweepEvery = opts.sweepEveryMs ?? 5000;
  const owner = `p${process.pid}`;
  const summary: ServeSummary = { answered: 0, archivedWithoutAnswer: 0, deadLettered: 0 };
  const onDeadLetter = (r: DeadLetterRecord) => {
    summary.deadLettered++;
    log(`dead-letter ${r.fileName}: ${r.reason}`);
  };
  const registry = Registry.withBuiltins();
  for (const problem of registry.loadDirectory(join(opts.root, 'vocabularies'))) log(`warning: ${problem}`);

  ensureDir(paths.inbox);
  const watcher = new DirWatcher(paths.inbox);
  writeJsonAtomic(paths.daemon, {
    pid: process.pid,
    started_at: new Date().toISOString(),
    agent: opts.agent.kind === 'echo' ? 'echo' : opts.agent.command,
    concurrency,
  });
  const inflight = new Set<Promise<void>>();
  const skipUntil = new Map<string, number>();
  let entries: BusInboxEntry[] = [];
  let lastSweep = 0;
  try {
    for (;;) {
      if (opts.signal?.aborted) break;
      const config = await loadReceiverConfig(paths.config);
      if (Date.now() - lastSweep >= sweepEvery) {
        const returned = sweepStaleClaims(paths, receiver);
        if (returned) log(`returned ${returned} stale claim(s) to the inbox`);
        const cleaned = cleanOrphanedPartials(paths);
        if (cleaned) log(`removed ${cleaned} partial file(s) left by writers that died`);
        lastSweep = Date.now();
        entries = [];
      }
      let claimedAny = false;
      while (inflight.size < concurrency && !opts.signal?.aborted) {
        if (entries.length === 0) entries = shuffleWithinWindows(listInbox(paths), concurrency > 1 ? 4 : 8);
        const claim = await claimNext(opts.root, receiver, {
          owner,
          leaseMs: config.agentTimeoutMs + 60_000,
          entries,
          skipUntil,
          onDeadLetter,
        });
        if (!claim) break;
        claimedAny = true;
        const job: Promise<void> = handle(claim, opts, registry, summary, log)
          .catch((err) => log(`error handling ${claim.fileName}: ${messageOf(err)}`))
          .finally(() => {
            inflight.delete(job);
            watcher.signal(); // a slot is free
          });
        inflight.add(job);
      }
      if (opts.once && !claimedAny && inflight.size === 0 && entries.length === 0) {
        if (listInbox(paths).every((e) => skipUntil.has(e.name))) break;
      }
      const nextSkip = Math.min(...[...skipUntil.values()].map((t) => t - Date.now()), sweepEvery);
      // The cached listing is only refreshed once it is used up (or at a sweep): re-reading a
      // large inbox after every message would make a backlog quadratic. Newer arrivals sort
      // after the cached ones anyway.
      await watcher.wait(Math.max(10, nextSkip), opts.signal);
    }
    await Promise.allSettled([...inflight]);
  } finally {
    watcher.close();
    if (ownsDaemonFile(paths.daemon)) safeUnlink(paths.daemon);
  }
  return summary;
}

function ownsDaemonFile(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid === process.pid;
  } catch {
    return false;
  }
}

async function handle(claim: Claim, opts: ServeOptions, registry: Registry, summary: ServeSummary, log: (l: string) => void): Promise<void> {
  const started = Date.now();
  const msg = claim.message;
  const config = await loadReceiverConfig(claim.paths.config);
  const fail = (reason: string, code: string, extra: Record<string, unknown> = {}) => {
    const rec = deadLetterClaim(claim, reason, code, extra);
    summary.deadLettered++;
    log(`dead-letter ${rec.fileName}: ${reason}`);
  };
  try {
    if (msg.kind === 'response' || (msg.inReplyTo !== undefined && msg.inReplyTo !== '')) {
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${claim.fileName}: a response needs no answer`);
      return;
    }
    if (claim.sender === claim.receiver) {
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${claim.fileName}: a message to itself needs no answer`);
      return;
    }
    const thread = msg.thread !== undefined && msg.thread !== '' ? msg.thread : claim.id;
    const turn = msg.turn ?? 1;
    const over = budgetProblem(claim.paths, thread, msg.turn, config.turnBudget);
    if (over) {
      fail(over, 'turn_budget');
      return;
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
            turnBudget: config.turnBudget,
            vocabularies: registry.describeForPrompt([
              ...new Set([claim.receiver, ...(claim.sender ? [claim.sender] : []), ...mentionedReceivers(msg.body, registry)]),
            ]),
          });
    const outcome = await runAgent({
      agent: opts.agent,
      prompt,
      body: msg.body,
      cwd: opts.root,
      timeoutMs: config.agentTimeoutMs,
      maxOutputBytes: config.maxBytes,
      env: {
        ...process.env,
        HELLOWORLD_ROOT: opts.root,
        HELLOWORLD_AS: displayName(claim.receiver),
        HELLOWORLD_THREAD: thread,
        HELLOWORLD_TURN: String(turn),
        HELLOWORLD_MESSAGE_ID: claim.id,
      },
    });
    if (!outcome.ok) {
      fail(outcome.reason, outcome.code, { stderr: outcome.stderr, exit_code: outcome.exitCode ?? null, signal: outcome.signal ?? null });
      return;
    }
    const answer = outcome.answer.replace(/\s+$/, '');
    if (answer.startsWith('NOTHING_FURTHER')) {
      recordTurn(claim.paths, thread, claim.id);
      completeClaim(claim);
      summary.archivedWithoutAnswer++;
      log(`archived ${claim.fileName}: the agent had nothing further`);
      return;
    }
    if (answer === '' && opts.agent.kind !== 'echo') {
      fail('the agent printed no answer', 'agent_empty');
      return;
    }
    recordTurn(claim.paths, thread, claim.id);
    const done = completeClaim(claim, { body: answer });
    summary.answered++;
    log(`answered ${claim.fileName} from ${claim.message.from ?? '(anonymous)'} as ${done.response!.fileName} in ${Date.now() - started} ms`);
  } catch (err) {
    if (err instanceof LeaseLostError) log(`lost the claim on ${claim.fileName}; it will be handled again`);
    else throw err;
  }
}

/**
 * Shuffles a listing inside consecutive windows of `size` entries: several daemons reading the
 * same inbox then rarely race for the same file, and the order stays oldest-first across windows.
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

/** Receivers named in a body (`@name` or a known Capitalized receiver), for the prompt. */
function mentionedReceivers(body: string, registry: Registry): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/@([A-Za-z][A-Za-z0-9_-]{0,63})/g)) if (isValidName(m[1]!)) out.add(m[1]!.toLowerCase());
  for (const m of body.matchAll(/\b([A-Z][A-Za-z0-9]{1,63})\b/g)) if (registry.has(m[1]!)) out.add(m[1]!.toLowerCase());
  return [...out].slice(0, 8);
}
