import { AliveError, isAliveError, messageOf } from '../errors.ts';
import { summaryOf } from '../text/fence.ts';
import { findPeer, readRelayConfig, writeRelayConfig, type Peer, type RelayConfig } from './config.ts';
import { fingerprint, formatFingerprint, parsePeerPublicKey } from './keys.ts';
import { isGithub, openTransport } from './open.ts';
import { pinPeerKey } from './pin.ts';
import type { RelayPaths } from './paths.ts';
import { emptyState, isoSeconds, pendingFields, readRelayState, writeRelayState, type PeerReachability, type RelayState } from './state.ts';
import type { InboxListing, PeerRelay, RelayTransport } from './transport.ts';
import type { GitTransport } from './git-transport.ts';
import { checkOwnKey } from './key-checks.ts';
import { killAllChildren } from '../proc/tracked.ts';
import { githubRelayOf, isOwnedBy } from './repo-name.ts';
import { inlineText } from '../text/untrusted.ts';

/**
 * One probe run: what is waiting in the user's relay, which invited peers have accepted, and
 * which peers' relays answer. Every network call shares one deadline; a failed or unfinished read
 * never moves `last_commit`. The result is written to state.json by the caller (see runProbe).
 */

export interface ProbeOptions {
  paths: RelayPaths;
  statePath: string;
  /** Epoch ms by which all network work must have ended. */
  deadline: number;
  env?: NodeJS.ProcessEnv;
  /**
   * Filled while the probe runs: each peer relay being checked is recorded as not reachable until
   * its check answers, so a probe ended by its budget still says which relays never answered.
   */
  reachability?: Record<string, PeerReachability>;
}

export interface ProbeOutcome {
  /** Null when no relay is configured (nothing is written then). */
  state: RelayState | null;
  warnings: string[];
}

/**
 * `last_sync` is when the figures (packages waiting) were last read from the relay: `status` shows
 * them "as of" it. A probe that read nothing keeps it, and sets `probed_at` (which paces the
 * probes) and `last_error`: it once moved `last_sync` too, and figures days old were shown as
 * read a second ago.
 */
function failedState(previous: RelayState, started: Date, error: string): RelayState {
  return { ...previous, probed_at: started.toISOString(), newly_accepted: [], last_error: error };
}

/** The state to write if the probe runs out of time: previous values, fresh time, an error. */
export function timedOutState(previous: RelayState, now: Date, error: string): RelayState {
  return failedState(previous, now, error);
}

export function readPreviousState(statePath: string, warnings: string[]): RelayState {
  try {
    return readRelayState(statePath) ?? emptyState();
  } catch (err) {
    warnings.push(messageOf(err));
    return emptyState();
  }
}

export async function probeRelay(opts: ProbeOptions, previous: RelayState, warnings: string[]): Promise<RelayState | null> {
  const env = opts.env ?? process.env;
  let cfg: RelayConfig | undefined;
  try {
    cfg = readRelayConfig(opts.paths.config);
  } catch (err) {
    warnings.push(messageOf(err));
    return null;
  }
  if (!cfg) return null;
  const limits = { deadline: opts.deadline };
  const started = new Date();
  const errors: string[] = [];

  let transport: RelayTransport;
  try {
    // The clone is compacted by relay commands, never within the probe's budget of seconds.
    transport = await withDeadline(openTransport(cfg, opts.paths, env, { compactClone: false }), opts.deadline, 'opening the relay');
  } catch (err) {
    return failedState(previous, started, summaryOf(err));
  }

  const listingTask = (async (): Promise<{ listing: InboxListing; fresh: boolean }> => {
    try {
      return { listing: await transport.listInbox(limits), fresh: true };
    } catch (err) {
      errors.push(summaryOf(err));
      if (transport.kind === 'git') return { listing: await (transport as GitTransport).listCachedInbox(), fresh: false };
      throw err;
    }
  })();

  const newlyAccepted: string[] = [];
  // GitHub's spelling of each newly accepted login: their key is keys/<spelling>.pem, a
  // case-sensitive path, and `add-peer bob` may have been typed for `Bob`.
  const spelling = new Map<string, string>();
  const acceptanceTask = (async () => {
    if (!isGithub(transport)) return;
    for (const peer of cfg.peers.filter((p) => p.status === 'pending')) {
      try {
        if (!(await transport.isCollaborator(peer.github, limits))) continue;
        newlyAccepted.push(peer.github);
        spelling.set(peer.github, (await transport.loginOf(peer.github, limits).catch(() => undefined)) ?? peer.github);
      } catch (err) {
        errors.push(summaryOf(err));
      }
    }
  })();

  // A pinned peer's relay is checked by reading their key (it answers, and the key is still the
  // pinned one); any other peer's by asking whether the relay answers.
  const reachability: Record<string, PeerReachability> = opts.reachability ?? {};
  const keyChanges: Record<string, string> = {};
  const checkedPeers = cfg.peers.filter((p) => p.relay && p.status !== 'removed');
  for (const p of checkedPeers) {
    reachability[p.github] = { reachable: false, checked: isoSeconds(), relay_repo: p.relay!, error: 'no answer within the probe budget' };
  }
  const reachTask = Promise.all(
    checkedPeers.map(async (p) => {
      const peer = { login: p.github, relay: p.relay! };
      let keyRead = false;
      // The user's git config rewrites the peer's relay URL: said as push says it, not as no answer.
      let rewritten: string | undefined;
      const noted = (err: unknown) => {
        if (isAliveError(err) && err.code === 'url_rewritten') rewritten = err.message;
        return false;
      };
      if (p.fingerprint) {
        try {
          const seen = fingerprint(parsePeerPublicKey(await transport.fetchPeerKey(peer, limits), p.github));
          keyRead = true;
          if (seen !== p.fingerprint) keyChanges[p.github] = seen;
        } catch (err) {
          keyRead = noted(err);
        }
      }
      const ok = keyRead || (rewritten === undefined && (await transport.isReachable(peer, limits).catch(noted)));
      reachability[p.github] = {
        reachable: ok,
        checked: isoSeconds(),
        relay_repo: p.relay,
        ...(p.fingerprint ? { key_read: keyRead } : {}),
        ...(rewritten !== undefined ? { error: rewritten, url_rewritten: true } : {}),
      };
    }),
  );

  // After the listing: on git both read the same remote, and one fetch at a time is cheaper.
  const ownKeyTask = listingTask
    .catch(() => undefined)
    .then(async () => {
      try {
        return checkOwnKey(opts.paths, await transport.ownKey(limits), cfg.github_username);
      } catch (err) {
        errors.push(summaryOf(err));
        return undefined;
      }
    });

  // From what the listing fetched: a relay set up before setup checked it may not be the user's
  // (relay-origin.ts). Ended by the deadline, it keeps what the last check found.
  const originTask = listingTask.then(async ({ listing, fresh }) =>
    fresh && transport.notYourRelay ? transport.notYourRelay(listing.head, limits) : undefined,
  );

  const [listingResult, , , ownKeyResult, originResult] = await Promise.allSettled([listingTask, acceptanceTask, reachTask, ownKeyTask, originTask]);

  // An accepted invitation makes the peer's relay known: fetch and pin their key when readable.
  if (newlyAccepted.length > 0) {
    await recordAccepted(
      opts.paths,
      cfg.peers
        .filter((p) => newlyAccepted.includes(p.github))
        .map((p) => {
          const login = spelling.get(p.github) ?? p.github;
          return { stored: p.github, login, relay: ownRelay({ ...p, github: login }, errors) };
        }),
      transport,
      limits,
      errors,
    );
  }

  // A change seen before is forgotten only once the key was read again (and matched, or
  // keyChanges has it anew): a relay that answers without a key proves nothing about it.
  const checkedKeys = new Set(cfg.peers.filter((p) => p.fingerprint && reachability[p.github]?.key_read === true).map((p) => p.github));
  const peerKeyChanges = Object.fromEntries(
    Object.entries(previous.peer_key_changes ?? {}).filter(([login]) => !checkedKeys.has(login) && cfg.peers.some((p) => p.github === login && p.fingerprint)),
  );
  const listed = listingResult.status === 'fulfilled' && listingResult.value.fresh;
  const state: RelayState = {
    ...previous,
    last_sync: listed ? isoSeconds(started) : previous.last_sync,
    probed_at: started.toISOString(),
    peer_reachability: { ...previous.peer_reachability, ...reachability },
    peer_key_changes: { ...peerKeyChanges, ...keyChanges },
    ...(ownKeyResult.status === 'fulfilled' && ownKeyResult.value ? { own_key: ownKeyResult.value } : {}),
    ...(originResult.status === 'fulfilled' && originResult.value !== undefined ? { not_your_relay: originResult.value } : {}),
    newly_accepted: newlyAccepted,
    // The listing and the key check read the same fetch: one failure is said once.
    // Sorted: the checks run at once, and the same failures in another order read as a new one (relay-notice.ts).
    last_error: errors.length > 0 ? [...new Set(errors)].sort().join('; ').slice(0, 500) : null,
  };
  if (listingResult.status === 'fulfilled') {
    const { listing, fresh } = listingResult.value;
    if (fresh) state.last_commit = listing.head;
    Object.assign(
      state,
      pendingFields(
        listing.entries.map((e) => e.sender),
        (s) => findPeer(cfg, s) !== undefined,
      ),
    );
  }
  return state;
}

/**
 * The GitHub relay a peer's key is read from: the one recorded for them when they own it,
 * else their `<login>/walnut-relay` (a relay owned by someone else would let that user choose
 * the key).
 */
function ownRelay(p: Peer, errors: string[]): string {
  if (!p.relay || isOwnedBy(p.relay, p.github)) return p.relay ?? githubRelayOf(p.github);
  errors.push(`${p.github}'s recorded relay '${inlineText(p.relay, 100)}' is not theirs; their key is read from ${githubRelayOf(p.github)} only`);
  return githubRelayOf(p.github);
}

/**
 * Marks the peers accepted (on GitHub) and pins each one's key, read from the relay given for them.
 * `stored` is the login as relay.json has it; `login` as GitHub spells it, which is then recorded.
 */
async function recordAccepted(
  paths: RelayPaths,
  accepted: Array<PeerRelay & { stored: string }>,
  transport: RelayTransport,
  limits: { deadline: number },
  errors: string[],
): Promise<void> {
  const keys = new Map<string, string>();
  for (const peer of accepted) {
    try {
      keys.set(peer.login, await transport.fetchPeerKey(peer, limits));
    } catch {
      // Their relay may not be readable yet (they have not invited us back): accept without a key.
    }
  }
  // Re-read just before writing, so a command that ran meanwhile is not undone.
  let cfg: RelayConfig | undefined;
  try {
    cfg = readRelayConfig(paths.config);
  } catch {
    return;
  }
  if (!cfg) return;
  let changed = false;
  // Pinned in this pass too: two pending peers publishing one key must not both be pinned.
  const pinned: Peer[] = [...cfg.peers];
  const peers = cfg.peers.map((p) => {
    const a = accepted.find((x) => x.stored.toLowerCase() === p.github.toLowerCase());
    if (p.status !== 'pending' || !a) return p;
    changed = true;
    const relay = a.relay;
    let next: Peer = { ...p, github: a.login, status: 'accepted', relay: p.relay ? relay : null };
    const pem = keys.get(a.login);
    if (pem) {
      try {
        const fp = fingerprint(parsePeerPublicKey(pem, a.login));
        if (!p.fingerprint || p.fingerprint === fp) {
          next = { ...pinPeerKey(paths, next, pem, { allowChange: false, others: pinned }).peer, relay };
          pinned.push(next);
        } else {
          errors.push(
            `${a.login}'s key (${formatFingerprint(fp)}) differs from the pinned one; once ${a.login} confirms it, run alive-p2p relay accept ${a.login} --fingerprint ${formatFingerprint(fp)}`,
          );
        }
      } catch (err) {
        errors.push(summaryOf(err));
      }
    }
    return next;
  });
  if (changed) writeRelayConfig(paths.config, { ...cfg, peers });
}

function withDeadline<T>(p: Promise<T>, deadline: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new AliveError(`${what} took too long`, { code: 'timeout' })), Math.max(1, deadline - Date.now()));
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

export function writeProbeState(statePath: string, state: RelayState): void {
  writeRelayState(statePath, state);
}

/**
 * The probe's state, minus what a relay command (pull, push, accept ...) wrote to state.json
 * after the probe read it: the probe read the relay and the old state before that command, and
 * writes last. Such a command's waiting-package counts and own-key check stand, and its
 * `last_action` tells the hook to probe again; without it, a probe racing `pull` reported the
 * packages pull had just taken for the next 10 minutes. A command is told from the probe's start
 * by its `last_action` (`seenAction`: the one the probe read), not by comparing times: a command
 * in the millisecond the probe started had its state read by the probe and yet counted as later,
 * so its older own-key check and counts replaced what the probe had just read.
 */
export function keepLaterAction(statePath: string, state: RelayState, seenAction: string | null | undefined): RelayState {
  let current: RelayState | undefined;
  try {
    current = readRelayState(statePath);
  } catch {
    return state; // damaged: the probe's state replaces it
  }
  if (!current?.last_action || current.last_action === seenAction || !Number.isFinite(Date.parse(current.last_action))) return state;
  // The count and its split by sender come together, from the same writer.
  const { pending_by_sender: _probed, pending_senders: _senders, ...rest } = state;
  return {
    ...rest,
    last_action: current.last_action ?? null,
    pending_packages: current.pending_packages,
    ...(current.pending_by_sender ? { pending_by_sender: current.pending_by_sender } : {}),
    ...(current.pending_senders !== undefined ? { pending_senders: current.pending_senders } : {}),
    ...(current.own_key ? { own_key: current.own_key } : {}),
  };
}

/**
 * How long to wait for the clock to pass `iso`, the `last_action` of the state a probe has just
 * read: a command in this very millisecond (run in-process just before `relay status`), or at most
 * 100 ms ahead; 0 for a time past, or further ahead (a clock set back). The probe starts once it
 * has passed, so that its `probed_at` is later than the command it saw: a tie reads as a command
 * after the probe, and status and the session hook held the probe stale and probed again.
 */
function tieWaitMs(iso: string | null | undefined): number {
  const ms = (iso ? Date.parse(iso) : Number.NaN) + 1 - Date.now();
  return ms > 0 && ms <= 101 ? ms : 0;
}

/** Time kept back from the budget to write state.json and return. */
const WRITE_RESERVE_MS = 300;

export interface BoundedProbe {
  /** What was written to state.json (null: no relay configured, nothing written). */
  state: RelayState | null;
  warnings: string[];
  /** The budget ran out before the probe finished. */
  timedOut: boolean;
}

/**
 * One probe within `budgetMs`, whatever the network does: a watchdog ends it at the budget with
 * the previous values and an error, every child it started (git, gh) is killed, and state.json is
 * written. Never
 * throws: a fault is recorded in `last_error`.
 */
export async function probeWithinBudget(opts: { paths: RelayPaths; statePath: string; budgetMs: number; env?: NodeJS.ProcessEnv }): Promise<BoundedProbe> {
  const warnings: string[] = [];
  const previous = readPreviousState(opts.statePath, warnings);
  // No await before the probe starts unless there is a tie: a command that writes once this
  // returns its promise is then later than the probe's start, and the hook probes again
  // (test/relay/probe-pull-race.test.ts).
  for (let ms = tieWaitMs(previous.last_action); ms > 0; ms = tieWaitMs(previous.last_action)) await new Promise((r) => setTimeout(r, ms));
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const reachability: Record<string, PeerReachability> = {};
  const watchdog = new Promise<{ state: RelayState | null; timedOut: boolean }>((resolve) => {
    timer = setTimeout(
      () => {
        const state = timedOutState(previous, new Date(started), `the probe ran out of its ${opts.budgetMs / 1000} s budget`);
        resolve({ state: { ...state, peer_reachability: { ...state.peer_reachability, ...reachability } }, timedOut: true });
      },
      Math.max(1, opts.budgetMs - WRITE_RESERVE_MS / 2),
    );
  });
  const work = probeRelay(
    {
      paths: opts.paths,
      statePath: opts.statePath,
      deadline: started + opts.budgetMs - WRITE_RESERVE_MS,
      reachability,
      ...(opts.env ? { env: opts.env } : {}),
    },
    previous,
    warnings,
  ).then(
    (state) => ({ state, timedOut: false }),
    (err: unknown) => ({ state: failedState(previous, new Date(started), summaryOf(err)), timedOut: false }),
  );
  const outcome = await Promise.race([work, watchdog]);
  clearTimeout(timer);
  killAllChildren();
  // What is written is what the caller shows (relay status): with a relay command's later counts
  // kept, the probe's own would say one thing while state.json, and the next status, said another.
  let state = outcome.state;
  if (state) {
    state = keepLaterAction(opts.statePath, state, previous.last_action);
    try {
      writeProbeState(opts.statePath, state);
    } catch (err) {
      warnings.push(`cannot write ${opts.statePath}: ${messageOf(err)}`);
    }
  }
  return { ...outcome, state, warnings };
}
