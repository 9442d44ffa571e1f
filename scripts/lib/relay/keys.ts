/**
 * The relay's use of keys: the user's own pair, and peers' public keys pinned by fingerprint.
 *
 * The primitives (load, fingerprint, generate) belong to scripts/lib/crypto/keys.ts on the crypto
 * branch; the small bridge below keeps their names so the switch is one import line.
 */
import { createHash, createPublicKey, createPrivateKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { AliveError, messageOf } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import type { RelayPaths } from './paths.ts';
import { peerKeyPath } from './paths.ts';
import type { Peer } from './config.ts';
import { printable } from './names.ts';

// --- bridge to scripts/lib/crypto/keys.ts (same names and meanings) ---

/** SHA-256 over the DER SubjectPublicKeyInfo: `openssl pkey -pubin -outform DER | sha256sum`. */
export function fingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function formatFingerprint(hex: string): string {
  return `SHA256:${hex.match(/.{1,4}/g)?.join(':') ?? hex}`;
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey({ key: pem, format: 'pem' });
}

export function loadPrivateKey(path: string): KeyObject {
  return createPrivateKey({ key: readFileSync(path), format: 'pem' });
}

const generateKeyPairAsync = promisify(generateKeyPair);

// --- relay use ---

/** A peer's key as published in a relay: must be an RSA public key of at least 2048 bits. */
export function parsePeerPublicKey(pem: string, whose: string): KeyObject {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new AliveError(`${whose}'s relay key is not a PEM public key; ask them to run \`alive-p2p relay setup\` again`, {
      code: 'bad_key',
    });
  }
  let key: KeyObject;
  try {
    key = publicKeyFromPem(pem);
  } catch (err) {
    throw new AliveError(`${whose}'s relay key cannot be read (${messageOf(err)}); ask them to run \`alive-p2p relay setup\` again`, {
      code: 'bad_key',
    });
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new AliveError(`${whose}'s relay key is not an RSA key of 2048 bits or more`, { code: 'bad_key' });
  }
  return key;
}

export interface OwnKeys {
  publicKeyPem: string;
  fingerprint: string;
  generated: boolean;
}

/** Makes the user's RSA-4096 pair under keys/ if it is missing (private key 0600, folder 0700). */
export async function ensureOwnKeyPair(paths: RelayPaths): Promise<OwnKeys> {
  mkdirSync(paths.keysDir, { recursive: true, mode: 0o700 });
  const havePrivate = existsSync(paths.privateKey);
  if (havePrivate) {
    const priv = loadOwnPrivateKey(paths);
    const pem = createPublicKey(priv).export({ type: 'spki', format: 'pem' }).toString();
    if (!existsSync(paths.publicKey) || readFileSync(paths.publicKey, 'utf8') !== pem) writeFileAtomic(paths.publicKey, pem);
    return { publicKeyPem: pem, fingerprint: fingerprint(priv), generated: false };
  }
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileAtomic(paths.privateKey, privateKey, { mode: 0o600 });
  chmodSync(paths.privateKey, 0o600);
  writeFileAtomic(paths.publicKey, publicKey);
  return { publicKeyPem: publicKey, fingerprint: fingerprint(publicKeyFromPem(publicKey)), generated: true };
}

export function loadOwnPrivateKey(paths: RelayPaths): KeyObject {
  if (!existsSync(paths.privateKey)) {
    throw new AliveError(`your relay key ${paths.privateKey} is missing; run \`alive-p2p relay setup\``, { code: 'no_key' });
  }
  const mode = statSync(paths.privateKey).mode & 0o777;
  if (mode & 0o077) {
    throw new AliveError(`your private key ${paths.privateKey} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`, {
      code: 'key_permissions',
    });
  }
  try {
    return loadPrivateKey(paths.privateKey);
  } catch (err) {
    throw new AliveError(`cannot read your private key ${paths.privateKey}: ${messageOf(err)}`, { code: 'no_key' });
  }
}

export function ownPublicKeyPem(paths: RelayPaths): string {
  try {
    return readFileSync(paths.publicKey, 'utf8');
  } catch {
    throw new AliveError(`your public key ${paths.publicKey} is missing; run \`alive-p2p relay setup\``, { code: 'no_key' });
  }
}

/** Thrown when a peer's key no longer matches its pin: the user must verify it out of band. */
export function keyChangedError(peerLogin: string, pinned: string, seen: string): AliveError {
  return new AliveError(
    `${printable(peerLogin)}'s key changed: the relay now has ${formatFingerprint(seen)} but you pinned ${formatFingerprint(pinned)}. ` +
      `Check the new fingerprint with ${printable(peerLogin)} by another channel (phone, in person), then run ` +
      `\`alive-p2p relay accept ${printable(peerLogin)}\` to trust it`,
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
    pem = readFileSync(path, 'utf8');
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

export function savePeerKey(paths: RelayPaths, peerLogin: string, pem: string): void {
  mkdirSync(paths.peersKeyDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(peerKeyPath(paths, peerLogin), pem.endsWith('\n') ? pem : `${pem}\n`);
}
