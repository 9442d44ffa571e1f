/**
 * The relay's use of keys: the user's own pair, and peers' public keys pinned by fingerprint.
 * The primitives (load, validate, fingerprint, generate) are scripts/lib/crypto/keys.ts.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError, messageOf } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { fingerprint, formatFingerprint, generateRsaKeyPair, loadPrivateKey, publicKeyFromPem, readKeyFile } from '../crypto/keys.ts';
import type { RelayPaths } from './paths.ts';
import { peerKeyPath } from './paths.ts';
import type { Peer } from './config.ts';
import { inlineText } from '../text/untrusted.ts';

export { fingerprint, formatFingerprint };

// --- relay use ---

/** A peer's key as published in a relay: one PEM RSA public key of at least 2048 bits. */
export function parsePeerPublicKey(pem: string, whose: string): KeyObject {
  try {
    return publicKeyFromPem(pem, `${inlineText(whose)}'s relay key`);
  } catch (err) {
    throw new AliveError(`${messageOf(err)}; ask ${inlineText(whose)} to run \`alive-p2p relay setup\` again`, { code: 'bad_key' });
  }
}

export interface OwnKeys {
  publicKeyPem: string;
  fingerprint: string;
  generated: boolean;
}

/** The PEM at `path`, or '' when it is missing or no key file (then it is written again). */
function readPemOrEmpty(path: string): string {
  try {
    return readKeyFile(path, 'public');
  } catch {
    return '';
  }
}

/** Makes the user's RSA-4096 pair under keys/ if it is missing (private key 0600, folder 0700). */
export async function ensureOwnKeyPair(paths: RelayPaths): Promise<OwnKeys> {
  mkdirSync(paths.keysDir, { recursive: true, mode: 0o700 });
  if (existsSync(paths.privateKey)) {
    const priv = loadPrivateKey(paths.privateKey);
    const pem = createPublicKey(priv).export({ type: 'spki', format: 'pem' }).toString();
    if (!existsSync(paths.publicKey) || readPemOrEmpty(paths.publicKey) !== pem) writeFileAtomic(paths.publicKey, pem);
    return { publicKeyPem: pem, fingerprint: fingerprint(priv), generated: false };
  }
  // Only public.pem can be there (private.pem was checked above): a pair half lost.
  const made = await generateRsaKeyPair(paths.keysDir, {
    existing: (path) =>
      `your relay key pair is incomplete (private.pem missing, ${inlineText(path, 1000)} present): restore ${inlineText(paths.privateKey, 1000)} ` +
      'from a backup, or move public.pem aside and run `alive-p2p relay setup` again to make a new pair; your peers will then have to accept the new key',
  });
  return { publicKeyPem: readKeyFile(made.publicKeyPath, 'public'), fingerprint: made.fingerprint, generated: true };
}

export function ownPublicKeyPem(paths: RelayPaths): string {
  try {
    return readKeyFile(paths.publicKey, 'public');
  } catch {
    throw new AliveError(`your public key ${paths.publicKey} is missing; run \`alive-p2p relay setup\``, { code: 'no_key' });
  }
}

/** Thrown when a peer's key no longer matches its pin: the user must verify it out of band. */
export function keyChangedError(peerLogin: string, pinned: string, seen: string): AliveError {
  return new AliveError(
    `${inlineText(peerLogin)}'s key changed: the relay now has ${formatFingerprint(seen)} but you pinned ${formatFingerprint(pinned)}. ` +
      `Check the new fingerprint with ${inlineText(peerLogin)} by another channel (phone, in person); if it is theirs, run ` +
      `\`alive-p2p relay accept ${inlineText(peerLogin)} --fingerprint ${formatFingerprint(seen)}\` to trust exactly that key`,
    { code: 'key_changed' },
  );
}

/** The pinned key of a peer, read from keys/peers/ and checked against relay.json's fingerprint. */
export function loadPinnedPeerKey(paths: RelayPaths, peer: Peer): KeyObject {
  if (!peer.fingerprint) {
    throw new AliveError(
      `no key is pinned for ${peer.github}; run \`alive-p2p relay accept ${peer.github}\` once ${peer.github} has set up a relay and invited you`,
      { code: 'not_pinned' },
    );
  }
  const path = peerKeyPath(paths, peer.github);
  let pem: string;
  try {
    pem = readKeyFile(path, 'public');
  } catch {
    throw new AliveError(`${peer.github}'s pinned key ${path} is missing; run \`alive-p2p relay accept ${peer.github}\``, {
      code: 'not_pinned',
    });
  }
  const key = parsePeerPublicKey(pem, peer.github);
  const seen = fingerprint(key);
  if (seen !== peer.fingerprint) throw keyChangedError(peer.github, peer.fingerprint, seen);
  return key;
}

/**
 * Saves a peer's pinned key as keys/peers/<login>.pem. A copy under another spelling of the same
 * login (`bob.pem` once GitHub says `Bob`) is removed, so no stale key answers for that signer; on a
 * case-insensitive file system that name is the same file, and it stays.
 */
export function savePeerKey(paths: RelayPaths, peerLogin: string, pem: string): void {
  mkdirSync(paths.peersKeyDir, { recursive: true, mode: 0o700 });
  const path = peerKeyPath(paths, peerLogin);
  writeFileAtomic(path, pem.endsWith('\n') ? pem : `${pem}\n`);
  const saved = statSync(path);
  for (const name of readdirSync(paths.peersKeyDir)) {
    if (name === `${peerLogin}.pem` || name.toLowerCase() !== `${peerLogin}.pem`.toLowerCase()) continue;
    const other = join(paths.peersKeyDir, name);
    const st = statSync(other, { throwIfNoEntry: false });
    if (st && !(st.ino === saved.ino && st.dev === saved.dev)) rmSync(other, { force: true });
  }
}
