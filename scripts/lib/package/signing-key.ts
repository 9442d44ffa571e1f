/**
 * The key `create --sign` signs with, and the name it signs as. Signing as your relay login
 * tells peers to check the signature with the key they pinned for that login: the public half of
 * your relay key pair. Any other key would make a package they cannot verify, so it is refused
 * (`wrong_key`). With no relay set up, the key is yours to choose (`--signer NAME`); the output
 * names it by fingerprint either way.
 */
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AliveError, errnoCode } from '../errors.ts';
import { fingerprint, formatFingerprint, loadPrivateKey, publicKeyFromPem } from '../crypto/keys.ts';
import { relayDir } from '../home.ts';
import { relayPaths } from '../relay/paths.ts';
import { relayLogin, resolveSignerName } from './signer.ts';
import { checkKeyFileArg } from './key-args.ts';

export interface SigningKey {
  privateKey: KeyObject;
  /** The `signer:` name. */
  name: string;
  /** `SHA256:xxxx:…` of the key's public half, as relay and keygen show fingerprints. */
  fingerprint: string;
}

export function loadSigningKey(path: string, signerFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): SigningKey {
  checkKeyFileArg(path, '--sign');
  const privateKey = loadPrivateKey(path);
  const name = resolveSignerName(signerFlag, env);
  const hex = fingerprint(privateKey);
  if (relayLogin(env) !== undefined) {
    const relay = relayPaths(relayDir(env));
    const pinned = relayPublicKey(relay.publicKey);
    const expected = fingerprint(pinned);
    if (hex !== expected) {
      throw new AliveError(
        `${path} is not your relay key: it is ${formatFingerprint(hex)}, and peers check signatures by ${name} with ${formatFingerprint(expected)} (${relay.publicKey}), so none could verify this package; sign with --sign ${relay.privateKey}`,
        { code: 'wrong_key' },
      );
    }
  }
  return { privateKey, name, fingerprint: formatFingerprint(hex) };
}

/** The public half of the relay key pair: what `relay setup` published and peers pinned. */
function relayPublicKey(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AliveError(
      `your relay's public key ${path} cannot be read (${errnoCode(err) ?? 'error'}), so which key peers check your signatures with is unknown; run \`alive-p2p relay setup\` to restore it`,
      { code: 'no_key' },
    );
  }
  return publicKeyFromPem(pem, `your relay's public key ${path}`);
}
