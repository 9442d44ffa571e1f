import { fingerprint, keyChangedError, parsePeerPublicKey, savePeerKey } from './keys.ts';
import type { Peer } from './config.ts';
import type { RelayPaths } from './paths.ts';

export interface PinResult {
  peer: Peer;
  fingerprint: string;
  /** The fingerprint pinned before, when it differed (a re-accepted key change). */
  replaced: string | null;
  /** First time a key is pinned for this peer. */
  first: boolean;
}

/**
 * Pins a peer's key: saves it under keys/peers/ and records its fingerprint. A key that differs
 * from the pinned one is refused unless `allowChange` (the user named the peer in `accept`).
 */
export function pinPeerKey(paths: RelayPaths, peer: Peer, pem: string, opts: { allowChange: boolean }): PinResult {
  const key = parsePeerPublicKey(pem, peer.github);
  const fp = fingerprint(key);
  const before = peer.fingerprint;
  if (before && before !== fp && !opts.allowChange) throw keyChangedError(peer.github, before, fp);
  savePeerKey(paths, peer.github, pem);
  return {
    peer: { ...peer, fingerprint: fp },
    fingerprint: fp,
    replaced: before && before !== fp ? before : null,
    first: !before,
  };
}
