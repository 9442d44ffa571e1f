/**
 * What a relay command learned goes into state.json at once, with the time of the command
 * (`last_action`): `relay status` and the SessionStart hook then know that the last probe is older
 * than what the user just did, and probe again instead of repeating a stale count.
 */
import type { RelayPaths } from './paths.ts';
import { emptyState, readRelayState, writeRelayState, type RelayState } from './state.ts';

export function touchRelayActivity(paths: RelayPaths, update?: (state: RelayState) => void, now: Date = new Date()): void {
  let state: RelayState;
  try {
    state = readRelayState(paths.state) ?? emptyState();
  } catch {
    state = emptyState();
  }
  const next: RelayState = { ...state, peer_reachability: { ...state.peer_reachability }, newly_accepted: [...state.newly_accepted] };
  update?.(next);
  next.last_action = now.toISOString(); // to the millisecond: compared with probed_at
  try {
    writeRelayState(paths.state, next);
  } catch {
    // Only a cache: the next probe rebuilds it.
  }
}
