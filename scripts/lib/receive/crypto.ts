/**
 * Decryption and signature checks for receive: the team's crypto adapter (WALNUT_PASSPHRASE,
 * --private-key or the relay key), plus the signer's key from the user's own pinned peer keys
 * (`$ALIVE_HOME/relay/keys/peers/<signer>.pem`) — never a key carried inside the package.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { relayDir } from '../home.ts';
import { relayPaths } from '../relay/paths.ts';
import { packageCryptoFrom } from '../package/crypto-adapter.ts';
import type { PackageCrypto } from '../package/read-package.ts';
import { readSignatureBlock, signerProblem, verifyManifestText } from '../crypto/sign.ts';
import { fingerprint, formatFingerprint, loadPublicKey } from '../crypto/keys.ts';
import { folderNameProblem } from './names.ts';
import { peerKeyFile } from './pins.ts';

/**
 * The pinned key of the login a signature names. Logins compare without case (GitHub's do), so a
 * signature labelled `Alice` is checked against alice's pinned key, and refused if it does not
 * verify, instead of passing as "not verified" for want of a file named `Alice.pem`.
 */
export function pinnedSignerKeyPath(signer: string, env: NodeJS.ProcessEnv): string | undefined {
  if (signer === '' || folderNameProblem(signer)) return undefined;
  return peerKeyFile(signer, env);
}

/**
 * The fingerprint relay.json pins for a signer, or undefined: receive reads it from relay.json
 * (relay-pin.ts); verify does too when a relay is set up (loaded then only: it needs zod).
 * `{ sharedWith }` when the same key is pinned for another peer too (pinned before that was
 * refused): the signature cannot say which of them signed.
 */
export type RelayPinFor = (signer: string, env: NodeJS.ProcessEnv) => string | { sharedWith: string } | undefined;

/** relay.json's pins when a relay is set up here (relay-pin.ts, with zod, loaded then only), else none: verify's and extract's. */
export async function relayPinsHere(env: NodeJS.ProcessEnv): Promise<RelayPinFor> {
  return existsSync(relayPaths(relayDir(env)).config) ? (await import('./relay-pin.ts')).relayPinFor : () => undefined;
}

/**
 * `badSignerName`: what a signer name that cannot pick a key (not a login) makes of the signature:
 * receive refuses it ('refuse': it would show and record the name); verify reports it as not
 * checked ('unchecked'), its name under `untrusted`.
 */
export function receiveCrypto(
  privateKeyPath: string | undefined,
  env: NodeJS.ProcessEnv,
  relayPinFor: RelayPinFor,
  badSignerName: 'refuse' | 'unchecked' = 'refuse',
  signerKeyPath?: string,
): PackageCrypto {
  const base = packageCryptoFrom({ ...(privateKeyPath ? { privateKeyPath } : {}), env, askPassphrase: true });
  if (signerKeyPath !== undefined) return { ...base, verifyManifest: (text) => checkedWithGivenKey(text, signerKeyPath) };
  return {
    ...base,
    verifyManifest(text) {
      const block = readSignatureBlock(text);
      if (!block) return undefined;
      // A name that cannot pick a key is refused, not passed as "not verified": shown after
      // another reading (an escape decoded), it could name a peer whose pinned key was never tried.
      const problem = signerProblem(block.signer);
      if (problem && badSignerName === 'unchecked') return undefined;
      if (problem) return { present: true, ok: false, ...(block.signer ? { signer: block.signer } : {}), reason: problem };
      const path = pinnedSignerKeyPath(block.signer, env);
      // No pinned key for this signer: the signature is reported as present but unverified.
      if (!path) return undefined;
      const key = loadPublicKey(path);
      // relay.json's pin is checked on every use, as relay pull does: a key file that is not the
      // pinned key (left by another tool, or swapped in) verifies nothing.
      const pinned = relayPinFor(block.signer, env);
      if (typeof pinned === 'object') {
        return {
          present: true,
          ok: false,
          signer: block.signer,
          reason: `the key pinned for ${block.signer} is pinned for ${pinned.sharedWith} too, so this signature could be either's; remove the peer who should not have it (\`alive-p2p relay remove-peer LOGIN\`)`,
        };
      }
      if (pinned !== undefined && fingerprint(key) !== pinned) {
        return {
          present: true,
          ok: false,
          signer: block.signer,
          reason: `${path} is not the key relay.json pins for ${block.signer} (pinned ${formatFingerprint(pinned)}); run \`alive-p2p relay accept ${block.signer}\` to pin their key again`,
        };
      }
      const check = verifyManifestText(text, key);
      // Verified: the signer is the login the key is pinned for, as its file spells it (the
      // signer: line, outside the signed text, found it without regard to case).
      if (check.ok) return { ...check, signer: basename(path, '.pem') };
      if (!check.reason?.startsWith('bad signature:')) return check;
      // Which key was expected: a bare "bad signature" left the user to guess.
      return {
        ...check,
        reason:
          `it was checked with ${block.signer}'s pinned key (${formatFingerprint(fingerprint(key))}), and either another key made it or the manifest was changed after signing. ` +
          `If ${block.signer} has a new key, check the package with 'alive-p2p verify PACKAGE --signer-key THEIR_PUBLIC_PEM', then pin it ('alive-p2p relay accept ${block.signer} --fingerprint THEIR_FINGERPRINT', with the fingerprint they confirm)`,
      };
    },
  };
}

/**
 * receive --signer-key: the signature checked against the key the user gives (had from its owner by
 * another channel), not a pinned one. What it vouches for is that key, named by its fingerprint:
 * the name the package gives its signer is outside what the signature covers.
 */
function checkedWithGivenKey(text: string, signerKeyPath: string): ReturnType<NonNullable<PackageCrypto['verifyManifest']>> {
  if (!readSignatureBlock(text)) return undefined;
  const key = loadPublicKey(signerKeyPath);
  const named = `the key ${formatFingerprint(fingerprint(key))} (--signer-key)`;
  const check = verifyManifestText(text, key);
  if (check.ok) return { ...check, signer: named };
  if (!check.reason?.startsWith('bad signature:')) return check;
  return { ...check, signer: named, reason: `it does not verify with ${named}: another key made it, or the manifest was changed after signing` };
}
