import * as z from '../json/zod.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readJsonFile } from '../json/file.ts';

/** state.json: written by the probe (walnut-package-v2.md 6.4), read by the session-start hook. */

const reachabilitySchema = z.object({
  reachable: z.boolean(),
  checked: z.string(),
  relay_repo: z.nullable(z.string()),
  error: z.optional(z.nullable(z.string())),
  /**
   * For a pinned peer: whether their key (keys/<login>.pem) was read from their relay at this check.
   * A relay can answer without one; absent in files written before this field.
   */
  key_read: z.optional(z.boolean()),
  /** The user's git configuration rewrites the relay's URL (url_rewritten): `error` says to what, and the way on. */
  url_rewritten: z.optional(z.boolean()),
});

const count = z.number().check(z.int(), z.minimum(0));

const ownKeySchema = z.object({
  /** 'ok', 'changed' (someone replaced it), 'missing' (not published) or 'unknown' (not read). */
  status: z.enum(['ok', 'changed', 'missing', 'unknown']),
  checked: z.string(),
  /** Fingerprint (hex) of the key the relay holds, when it could be read. */
  seen: z.nullable(z.string()),
});
export type OwnKeyCheck = z.output<typeof ownKeySchema>;

export const relayStateSchema = z.looseObject({
  last_sync: z.nullable(z.string()),
  last_commit: z.nullable(z.string()),
  pending_packages: count,
  peer_reachability: z.record(z.string(), reachabilitySchema),
  newly_accepted: z.pipe(
    z.optional(z.array(z.string())),
    z.transform((v) => v ?? []),
  ),
  /** What waits, by sender: the MAX_SENDERS_KEPT senders with the most packages (see pendingFields). */
  pending_by_sender: z.optional(z.record(z.string(), count)),
  /** How many senders have packages waiting, those pending_by_sender leaves out included. */
  pending_senders: z.optional(count),
  last_error: z.optional(z.nullable(z.string())),
  /** When a relay command last ran here (push, pull, accept ...): a probe older than this is stale. */
  last_action: z.optional(z.nullable(z.string())),
  /** When the last probe started, to the millisecond (last_sync keeps the reference's seconds). */
  probed_at: z.optional(z.nullable(z.string())),
  /** The relay's copy of the user's own key, compared with keys/public.pem by the probe. */
  own_key: z.optional(z.nullable(ownKeySchema)),
  /** Pinned peers whose published key no longer matches the pin (login → fingerprint seen). */
  peer_key_changes: z.optional(z.record(z.string(), z.string())),
  /**
   * The git relay was someone else's relay or another repository when the user's key was added to it
   * (relay-origin.ts): whose keys or which files (the first few of `total`, the relay's writers'
   * names). Null: it was the user's; absent: not checked (GitHub, or a state file before this field).
   */
  not_your_relay: z.optional(
    z.nullable(
      z.object({
        kind: z.enum(['relay', 'repository']),
        checked: z.string(),
        names: z.array(z.string()),
        total: count,
        /** Found on a relay setup checked: the repository at its URL is no longer that one (relay-origin.ts replacedOrigin). */
        replaced: z.optional(z.boolean()),
      }),
    ),
  ),
});

export type RelayState = z.output<typeof relayStateSchema>;
export type PeerReachability = z.output<typeof reachabilitySchema>;

/**
 * The most senders state.json names. Sender folders are named by whoever can write to the relay, who
 * can make a quarter of a million of them (as many as a listing holds): named all, they made
 * state.json larger than the SessionStart hook reads (STATE_MAX_BYTES), and the hook then said
 * nothing, neither what waits nor that the relay's copy of your key was replaced.
 */
export const MAX_SENDERS_KEPT = 1000;

/**
 * `pending_packages`, `pending_by_sender` (the MAX_SENDERS_KEPT senders with most packages, the
 * folders of `isPeer` first) and `pending_senders`. Peers' folders come first whatever their count:
 * a thousand folders of one package each, sorting before a peer's, left it out, and the session
 * was told its package was in a folder that is no pinned peer's, not to be offered for import.
 */
export function pendingFields(
  senders: Iterable<string>,
  isPeer: (sender: string) => boolean,
): Pick<RelayState, 'pending_packages' | 'pending_by_sender' | 'pending_senders'> {
  const all = new Map<string, number>();
  let total = 0;
  for (const s of senders) {
    all.set(s, (all.get(s) ?? 0) + 1);
    total++;
  }
  const peer = new Map([...all.keys()].map((s) => [s, isPeer(s) ? 0 : 1]));
  const kept = [...all].sort((a, b) => peer.get(a[0])! - peer.get(b[0])! || b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, MAX_SENDERS_KEPT);
  return { pending_packages: total, pending_by_sender: Object.fromEntries(kept), pending_senders: all.size };
}

export function emptyState(): RelayState {
  return { last_sync: null, last_commit: null, pending_packages: 0, peer_reachability: {}, newly_accepted: [] };
}

export function readRelayState(path: string): RelayState | undefined {
  return readJsonFile(path, relayStateSchema, 'relay state', 'delete it and run `relay-probe` to rebuild it');
}

export function writeRelayState(path: string, state: RelayState): void {
  // Peers' relay addresses and counts: the user's own, as relay.json is.
  writeJsonAtomic(path, state, { mode: 0o600 });
}

/** UTC ISO-8601 to the second with an explicit offset, as the reference writes it. */
export function isoSeconds(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
