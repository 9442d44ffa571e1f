import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AliveError } from '../errors.ts';
import { relayDir } from '../home.ts';
import { createPassphraseDecryptStream, obtainPassphrase, passphraseFromEnv } from '../crypto/passphrase.ts';
import { createAesCbcDecryptStream } from '../crypto/aes-cbc.ts';
import { unwrapKeyIv, unwrapEnvelopeKey } from '../crypto/rsa.ts';
import { verifyManifestText } from '../crypto/sign.ts';
import { fingerprint, loadPrivateKey, loadPublicKey } from '../crypto/keys.ts';
import { sealedForKey, sealedForText } from './recipients.ts';
import type { PackageCrypto, SealedFor } from './read-package.ts';
import { inlineText } from '../text/untrusted.ts';

export interface CryptoSources {
  privateKeyPath?: string;
  privateKey?: KeyObject;
  signerKeyPath?: string;
  signerPublicKey?: KeyObject;
  env?: NodeJS.ProcessEnv;
  /** Ask for the passphrase on a terminal when WALNUT_PASSPHRASE is unset (commands, not the relay). */
  askPassphrase?: boolean;
  /** A wrong_key refusal's words for `privateKey` (a key given as an object, whose file is not known here). */
  wrongKey?: WrongKeyWords;
}

/**
 * A wrong_key refusal's own words: the key tried, and what to do (relay pull's differ from
 * receive's: pull keeps the package, and opening it is receive's work).
 */
export interface WrongKeyWords {
  /** The key tried: `your relay key (PATH)`. */
  which: string;
  /** What became of the package: `nothing was written`. */
  outcome: string;
  /** What to do when a previous key of the user's may open it. */
  previous: string;
  /** What to do otherwise. */
  next: string;
}

/** The user's relay key, used when an RSA package arrives and no --private-key was given. */
export function defaultPrivateKeyPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const p = join(relayDir(env), 'keys', 'private.pem');
  return existsSync(p) ? p : undefined;
}

/**
 * Builds the reader's decryption and signature checks from what the user gave. Keys are loaded
 * only when a package needs them; the signer key is loaded at once so a bad file fails early.
 */
export function packageCryptoFrom(src: CryptoSources): PackageCrypto {
  const env = src.env ?? process.env;
  let priv = src.privateKey;
  /** The key file tried, and whether it was the relay key taken by default: named when it does not fit. */
  let tried: { path: string; byDefault: boolean } | undefined;
  const privateKey = (): KeyObject => {
    if (priv) return priv;
    const path = src.privateKeyPath ?? defaultPrivateKeyPath(env);
    if (!path) {
      throw new AliveError("this package is encrypted to a person's key: pass --private-key with your private key (PEM)", {
        code: 'encrypted',
      });
    }
    priv = loadPrivateKey(path);
    tried = { path, byDefault: src.privateKeyPath === undefined };
    return priv;
  };
  /** The words of a wrong_key refusal: the caller's, else those of the key file tried. */
  const words = (): WrongKeyWords | undefined => {
    if (src.wrongKey) return src.wrongKey;
    if (tried === undefined) return undefined;
    return {
      which: tried.byDefault ? `your relay key (${inlineText(tried.path, 1000)})` : `the key given with --private-key (${inlineText(tried.path, 1000)})`,
      outcome: 'nothing was written',
      previous: 'pass --private-key with it',
      next: tried.byDefault
        ? 'pass --private-key PATH with the private key whose public half the sender used'
        : 'use the private key whose public half the sender used',
    };
  };
  /** A wrong_key refusal that says which key was tried, and what to pass instead. */
  const naming = <T>(open: () => T, damaged: string, sealedFor?: SealedFor): T => {
    try {
      return open();
    } catch (err) {
      const w = err instanceof AliveError && err.code === 'wrong_key' ? words() : undefined;
      if (w === undefined) throw err;
      const mine = fingerprint(privateKey());
      // The package names whom it was sealed for, and not this key: a wrong key, not damage.
      const named = sealedFor !== undefined && sealedForKey(sealedFor, mine);
      if (sealedFor !== undefined && !named) {
        throw new AliveError(
          `${w.which} cannot open this package: it was encrypted for someone else: ${sealedForText(sealedFor, mine)}; ${w.outcome}. ` +
            `If that was a previous key of yours, ${w.previous}; otherwise, ${w.next}, or ask the sender to send it to your current key`,
          { code: 'wrong_key', cause: err },
        );
      }
      // Else the manifest names this key (so its payload key was wrapped again: a forwarded copy),
      // or names none.
      throw new AliveError(
        named
          ? `${w.which} cannot open it though its manifest names your key: ${damaged} was wrapped again for another key (forwarded), or damaged; ${w.outcome}`
          : `${w.which} cannot open this package: it was encrypted for someone else. To open it, ${w.next} (if this key is the right one, ${damaged} is damaged)`,
        {
          code: 'wrong_key',
          cause: err,
        },
      );
    }
  };
  const signer = src.signerPublicKey ?? (src.signerKeyPath ? loadPublicKey(src.signerKeyPath) : undefined);
  if (src.privateKeyPath) privateKey();
  return {
    passphraseDecryptStream: async (legacyKdfs) => {
      const passphrase = src.askPassphrase ? await obtainPassphrase({ confirm: false, env }) : passphraseFromEnv(env);
      return createPassphraseDecryptStream(passphrase, { legacyKdfs, expectGzip: true });
    },
    // Each names the key that opened the package: a manifest listing its recipients must list it.
    unwrapPayloadKey: (wrapped, sealedFor) => {
      const opened = naming(() => unwrapKeyIv(privateKey(), wrapped), "the package's payload.key", sealedFor);
      return { ...opened, openedBy: fingerprint(privateKey()) };
    },
    // The envelope's parser brings zod: loaded for this package kind only.
    unwrapV3Envelope: async (json) => {
      const envelope = (await import('../crypto/rsa-envelope.ts')).parseRsaEnvelopeV1(json);
      // Its key ids, which nothing signs (the manifest is inside the payload): the package's claim.
      const sealedFor = { keys: envelope.recipients.map((r) => r.pubkey_id), where: 'envelope' as const, verified: false };
      const opened = naming(() => unwrapEnvelopeKey(privateKey(), envelope), "the package's rsa-envelope-v1.json", sealedFor);
      return { ...opened, openedBy: fingerprint(privateKey()) };
    },
    aesDecryptStream: (key, iv) => createAesCbcDecryptStream(key, iv),
    ...(signer ? { verifyManifest: (text: string) => verifyManifestText(text, signer) } : {}),
  };
}

/**
 * What a reader says of a 2.1 package its passphrase opened under an older derivation than alive's
 * (`ReadResult.legacyKdf`): the sender chose it, and its passphrase is cheaper to guess offline.
 */
export function legacyKdfWarning(kdf: string): string {
  return `this package's passphrase key was derived the old way (${kdf}), not as alive derives it (PBKDF2-SHA256, 600,000 iterations): anyone with the file can try passphrases much faster. Ask the sender to make it again with alive`;
}
