import { AliveError, messageOf } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { fingerprint, formatFingerprint, keyChangedError, parsePeerPublicKey, savePeerKey } from './keys.ts';
import type { Peer, RelayConfig } from './config.ts';
import type { RelayPaths } from './paths.ts';
import type { RelayTransport } from './transport.ts';
import { normaliseGitUrl } from './git-transport.ts';
import { splitRepo } from './repo-name.ts';

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

/** Fetches a peer's published key from their relay and pins it (see pinPeerKey). */
export async function fetchAndPin(
  transport: RelayTransport,
  paths: RelayPaths,
  peer: Peer & { relay: string },
  opts: { allowChange: boolean; expected?: string },
): Promise<PinResult> {
  let pem: string;
  try {
    pem = await transport.fetchPeerKey({ login: peer.github, relay: peer.relay });
  } catch (err) {
    if (err instanceof AliveError) throw err;
    throw new AliveError(`cannot fetch ${peer.github}'s key: ${messageOf(err)}`);
  }
  if (opts.expected !== undefined) {
    const seen = fingerprint(parsePeerPublicKey(pem, peer.github));
    if (seen !== opts.expected) {
      throw new AliveError(
        `${inlineText(peer.github)}'s relay holds the key ${formatFingerprint(seen)}, not the ${formatFingerprint(opts.expected)} you gave with --fingerprint; ` +
          `nothing was pinned. Check the fingerprint with ${inlineText(peer.github)} again`,
        { code: 'key_changed', fields: { peer: peer.github, fingerprint: formatFingerprint(seen), expected: formatFingerprint(opts.expected) } },
      );
    }
  }
  return pinPeerKey(paths, peer, pem, { allowChange: opts.allowChange });
}

/**
 * A fingerprint typed by a user: 64 hex digits, in any case, with or without `SHA256:` and the
 * colons or spaces of the displayed form. Undefined when it is not one.
 */
export function parseFingerprintArg(text: string): string | undefined {
  const hex = text
    .trim()
    .replace(/^sha256:/i, '')
    .replace(/[\s:]/g, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** A peer's relay address as stored: normalised Git URL, or owner/repo on GitHub. */
export function peerRelayAddress(cfg: RelayConfig, url: string): string {
  if (cfg.transport === 'git') return normaliseGitUrl(url);
  const { owner, repo } = splitRepo(url);
  return `${owner}/${repo}`;
}
