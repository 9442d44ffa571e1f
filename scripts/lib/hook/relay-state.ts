/**
 * The parts of the relay's state files that relay-check reads, validated by hand (no zod in a
 * hook). state.json is written by relay-probe (walnut-package-v2.md 6.4 plus `newly_accepted`);
 * relay-check.json is relay-check's own memory of when it last started a probe and which
 * acceptances it has already announced.
 */
import { readRegularFile } from '../fs/small-file.ts';
import { asObject } from './input.ts';

export interface RelayNoticeState {
  /** Epoch ms of the probe's last completed sync, when present and parseable. */
  lastSync: number | undefined;
  /** The raw last_sync text, used to tell one probe's findings from the next. */
  lastSyncText: string | undefined;
  pendingPackages: number;
  /**
   * Waiting packages by sender (`pending_by_sender`, logins lowercased), or undefined in a state
   * file written before that field: the hook then cannot tell a peer's package from anyone's.
   */
  pendingBySender: Map<string, number> | undefined;
  newlyAccepted: string[];
  /** Epoch ms of the last relay command run here (push, pull, accept ...), when present. */
  lastAction: number | undefined;
  /** The probe found that the relay's copy of the user's key is not keys/public.pem. */
  ownKeyChanged: boolean;
  /** The relay was someone else's relay or another repository when the user's key was added to it (relay-origin.ts). */
  notYourRelay: 'relay' | 'repository' | undefined;
  /** The last probe's error (probe.ts last_error), compared, never shown: it may hold a server's words. */
  lastError: string | undefined;
}

export interface CheckMemory {
  lastAttempt: number | undefined;
  announced: { lastSync: string; logins: string[] } | undefined;
  /** The probe error the notice last said the relay could not be read for, as a failure (relay-notice.ts failureKind). */
  errorAnnounced: string | undefined;
}

// GitHub logins, and the names the git transport accepts: nothing that could carry an instruction
// into the model's context.
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_LOGINS = 20;

/**
 * The most of state.json (and relay-check.json) read: far above what a probe writes (its counts by
 * sender included); a larger file is not read, so it cannot hold up the session's start.
 */
export const STATE_MAX_BYTES = 8 * 1024 * 1024;

/** The file's JSON, or undefined: missing, not JSON, larger than STATE_MAX_BYTES, or not a regular file (a FIFO is not waited on). */
function readJson(path: string, maxBytes = STATE_MAX_BYTES): unknown {
  const bytes = readRegularFile(path, maxBytes);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** An ISO time as epoch ms, or undefined when it is not a time at all. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function logins(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === 'string' && LOGIN.test(v) && !out.includes(v)) out.push(v);
    if (out.length >= MAX_LOGINS) break;
  }
  return out;
}

function bySender(value: unknown): Map<string, number> | undefined {
  const o = asObject(value);
  if (!o) return undefined;
  const out = new Map<string, number>();
  for (const [login, n] of Object.entries(o)) {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) continue;
    const key = login.toLowerCase();
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

/** The most of relay.json read (a config with a few hundred peers is far below). */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * relay.json's pinned peers, lowercased login → the login as relay.json spells it: a fingerprint
 * pinned and not removed (config.ts isPinnedPeer, read by hand: no zod in a hook). Only their
 * packages can be verified, so only theirs are offered for import. Empty when relay.json cannot be
 * read; a spelling that is not a login is left out (it would be shown to the model).
 */
export function readPinnedPeers(path: string): Map<string, string> {
  const peers = asObject(readJson(path, CONFIG_MAX_BYTES))?.peers;
  const out = new Map<string, string>();
  if (!Array.isArray(peers)) return out;
  for (const p of peers) {
    const peer = asObject(p);
    if (!peer || typeof peer.github !== 'string' || !LOGIN.test(peer.github) || peer.status === 'removed') continue;
    if (typeof peer.fingerprint === 'string' && peer.fingerprint !== '') out.set(peer.github.toLowerCase(), peer.github);
  }
  return out;
}

/** What waits, told apart by folder: see splitPending. */
export interface PendingSplit {
  /** Packages in pinned peers' folders. */
  peers: number;
  /** The same, by folder: the peer's login as relay.json spells it, most packages first. */
  byPeer: Array<[string, number]>;
  /** Packages in any other folder. */
  others: number;
}

/**
 * How many waiting packages sit in pinned peers' folders, and how many in any other (a removed
 * peer's, a peer whose key is not pinned, a name no peer has, and folders state.json does not name).
 * A folder is named by whoever wrote to the relay: a package in a peer's folder is only said to be
 * theirs until pull checks its signature. A state file without `pending_by_sender` (older than it)
 * counts all as in peers' folders, as before, with none named.
 */
export function splitPending(state: RelayNoticeState, pinned: ReadonlyMap<string, string>): PendingSplit {
  if (!state.pendingBySender) return { peers: state.pendingPackages, byPeer: [], others: 0 };
  return splitFolders(state.pendingBySender, state.pendingPackages, pinned);
}

/**
 * `total` packages told apart by folder (`counts`: folder → packages, any case): those in pinned
 * peers' folders (named as relay.json spells them, most first) and the rest.
 */
export function splitFolders(counts: ReadonlyMap<string, number>, total: number, pinned: ReadonlyMap<string, string>): PendingSplit {
  let peers = 0;
  const byPeer = new Map<string, number>();
  for (const [folder, n] of counts) {
    const spelling = pinned.get(folder.toLowerCase());
    if (spelling === undefined) continue;
    peers += n;
    byPeer.set(spelling, (byPeer.get(spelling) ?? 0) + n);
  }
  peers = Math.min(peers, total);
  return { peers, byPeer: [...byPeer].sort((a, b) => b[1] - a[1]), others: total - peers };
}

/** The relay state, or undefined when the file is missing or not a JSON object. */
export function readNoticeState(path: string): RelayNoticeState | undefined {
  const o = asObject(readJson(path));
  if (!o) return undefined;
  const pending = o.pending_packages;
  return {
    lastSync: parseTime(o.probed_at) ?? parseTime(o.last_sync),
    lastSyncText: typeof o.last_sync === 'string' ? o.last_sync : undefined,
    pendingPackages: typeof pending === 'number' && Number.isSafeInteger(pending) && pending > 0 ? pending : 0,
    pendingBySender: bySender(o.pending_by_sender),
    newlyAccepted: logins(o.newly_accepted),
    lastAction: parseTime(o.last_action),
    ownKeyChanged: asObject(o.own_key)?.status === 'changed',
    notYourRelay: notYourRelayKind(asObject(o.not_your_relay)?.kind),
    lastError: typeof o.last_error === 'string' && o.last_error !== '' ? o.last_error : undefined,
  };
}

function notYourRelayKind(kind: unknown): RelayNoticeState['notYourRelay'] {
  return kind === 'relay' || kind === 'repository' ? kind : undefined;
}

export function readCheckMemory(path: string): CheckMemory {
  const o = asObject(readJson(path));
  const announced = asObject(o?.announced_accepted);
  return {
    lastAttempt: parseTime(o?.last_attempt),
    announced: announced && typeof announced.last_sync === 'string' ? { lastSync: announced.last_sync, logins: logins(announced.logins) } : undefined,
    errorAnnounced: typeof o?.announced_error === 'string' ? o.announced_error : undefined,
  };
}

export function serializeCheckMemory(memory: CheckMemory): string {
  return `${JSON.stringify(
    {
      last_attempt: memory.lastAttempt === undefined ? null : new Date(memory.lastAttempt).toISOString(),
      announced_accepted: memory.announced ? { last_sync: memory.announced.lastSync, logins: memory.announced.logins } : null,
      announced_error: memory.errorAnnounced ?? null,
    },
    null,
    2,
  )}\n`;
}
