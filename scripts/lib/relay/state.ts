import * as z from '../json/zod.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readJsonFile } from '../json/file.ts';

/** state.json: written by the probe (walnut-package-v2.md 6.4), read by the session-start hook. */

const reachabilitySchema = z.object({
  reachable: z.boolean(),
  checked: z.string(),
  relay_repo: z.nullable(z.string()),
  error: z.optional(z.nullable(z.string())),
});

const count = z.number().check(z.int(), z.minimum(0));

export const relayStateSchema = z.looseObject({
  last_sync: z.nullable(z.string()),
  last_commit: z.nullable(z.string()),
  pending_packages: count,
  peer_reachability: z.record(z.string(), reachabilitySchema),
  newly_accepted: z.pipe(z.optional(z.array(z.string())), z.transform((v) => v ?? [])),
  pending_by_sender: z.optional(z.record(z.string(), count)),
  last_error: z.optional(z.nullable(z.string())),
});

export type RelayState = z.output<typeof relayStateSchema>;
export type PeerReachability = z.output<typeof reachabilitySchema>;

export function emptyState(): RelayState {
  return { last_sync: null, last_commit: null, pending_packages: 0, peer_reachability: {}, newly_accepted: [] };
}

export function readRelayState(path: string): RelayState | undefined {
  return readJsonFile(path, relayStateSchema, 'relay state', 'delete it and run `relay-probe` to rebuild it');
}

export function writeRelayState(path: string, state: RelayState): void {
  writeJsonAtomic(path, state);
}

/** UTC ISO-8601 to the second with an explicit offset, as the reference writes it. */
export function isoSeconds(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
