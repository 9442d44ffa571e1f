import { AliveError, messageOf } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { fingerprint, formatFingerprint, keyChangedError, ownPublicKeyPem, parsePeerPublicKey, savePeerKey } from './keys.ts';
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
 * Who already holds the key `fp` besides `login`: a peer it is pinned for (removed ones aside), or
 * you (your own relay key). One key pinned for two logins would let a package one of them signed
 * pass as the other's (its signer line is outside what is signed).
 */
function keyHolder(paths: RelayPaths, others: readonly Peer[], login: string, fp: string): string | undefined {
  const holder = others.find((p) => p.fingerprint === fp && p.status !== 'removed' && p.github.toLowerCase() !== login.toLowerCase());
  if (holder) return holder.github;
  try {
    if (fingerprint(parsePeerPublicKey(ownPublicKeyPem(paths), 'your')) === fp) return '';
  } catch {
    // No key of your own yet: nothing to compare with.
  }
  return undefined;
}

/**
 * The refusal blames neither login: anyone can copy a public key, and the copy may be the one
 * pinned first (a stranger's relay published a peer's key before the peer's own was added).
 */
function keyInUseError(login: string, holder: string, fp: string): AliveError {
  const [peer, other] = [inlineText(login), inlineText(holder)];
  const next = holder
    ? `One of the two relays holds a copy of the other's public key: ask ${peer} and ${other}, not through their relays, which of them the key belongs to; ` +
      `if it is ${peer}'s: alive-p2p relay remove-peer ${other}, then add ${peer} again; if it is ${other}'s, ${peer}'s relay must publish a key of its own`
    : `It is yours: ${peer}'s relay must publish a key of its own`;
  return new AliveError(
    `${peer}'s relay publishes ${formatFingerprint(fp)}, ${holder ? `the key pinned for ${other}` : 'your own relay key'}: a key is pinned for one login only, ` +
      `or a package one signed could pass as the other's. Nothing was pinned. ${next}`,
    { code: 'key_in_use', fields: { peer: login, fingerprint: formatFingerprint(fp), holder: holder || null } },
  );
}

/**
 * Pins a peer's key: saves it under keys/peers/ and records its fingerprint. A key that differs
 * from the pinned one is refused unless `allowChange` (the user named the peer in `accept`); a key
 * pinned for another of `others`, or your own, is refused always.
 */
export function pinPeerKey(paths: RelayPaths, peer: Peer, pem: string, opts: { allowChange: boolean; others: readonly Peer[] }): PinResult {
  const key = parsePeerPublicKey(pem, peer.github);
  const fp = fingerprint(key);
  const before = peer.fingerprint;
  if (before && before !== fp && !opts.allowChange) throw keyChangedError(peer.github, before, fp);
  const holder = keyHolder(paths, opts.others, peer.github, fp);
  if (holder !== undefined) throw keyInUseError(peer.github, holder, fp);
  // The key alone, as PEM: a relay's file may hold any text around its block (the PEM reader passes
  // over it), and keys/peers/ is read later by the user, or an agent.
  savePeerKey(paths, peer.github, key.export({ type: 'spki', format: 'pem' }) as string);
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
  opts: { allowChange: boolean; others: readonly Peer[]; expected?: string },
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
        // Not the pin changing (key_changed): the key does not match what the user typed.
        { code: 'fingerprint_mismatch', fields: { peer: peer.github, fingerprint: formatFingerprint(seen), expected: formatFingerprint(opts.expected) } },
      );
    }
  }
  return pinPeerKey(paths, peer, pem, { allowChange: opts.allowChange, others: opts.others });
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
