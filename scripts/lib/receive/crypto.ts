/**
 * Decryption and signature checks for receive: the team's crypto adapter (WALNUT_PASSPHRASE,
 * --private-key or the relay key), plus the signer's key from the user's own pinned peer keys
 * (`$ALIVE_HOME/relay/keys/peers/<signer>.pem`) — never a key carried inside the package.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageCryptoFrom } from '../package/crypto-adapter.ts';
import type { PackageCrypto } from '../package/read-package.ts';
import { readSignatureBlock, signerProblem, verifyManifestText } from '../crypto/sign.ts';
import { loadPublicKey } from '../crypto/keys.ts';
import { relayDir } from '../home.ts';
import { folderNameProblem } from './names.ts';

/**
 * The pinned key of the login a signature names. Logins compare without case (GitHub's do), so a
 * signature labelled `Alice` is checked against alice's pinned key, and refused if it does not
 * verify, instead of passing as "not verified" for want of a file named `Alice.pem`.
 */
export function pinnedSignerKeyPath(signer: string, env: NodeJS.ProcessEnv): string | undefined {
  if (signer === '' || folderNameProblem(signer)) return undefined;
  const dir = join(relayDir(env), 'keys', 'peers');
  const exact = join(dir, `${signer}.pem`);
  if (existsSync(exact)) return exact;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const wanted = `${signer}.pem`.toLowerCase();
  const found = names.find((n) => n.toLowerCase() === wanted);
  return found ? join(dir, found) : undefined;
}

export function receiveCrypto(privateKeyPath: string | undefined, env: NodeJS.ProcessEnv): PackageCrypto {
  const base = packageCryptoFrom({ ...(privateKeyPath ? { privateKeyPath } : {}), env, askPassphrase: true });
  return {
    ...base,
    verifyManifest(text) {
      const block = readSignatureBlock(text);
      if (!block) return undefined;
      // A name that cannot pick a key is refused, not passed as "not verified": shown after
      // another reading (an escape decoded), it could name a peer whose pinned key was never tried.
      const problem = signerProblem(block.signer);
      if (problem) return { present: true, ok: false, ...(block.signer ? { signer: block.signer } : {}), reason: problem };
      const path = pinnedSignerKeyPath(block.signer, env);
      // No pinned key for this signer: the signature is reported as present but unverified.
      return path ? verifyManifestText(text, loadPublicKey(path)) : undefined;
    },
  };
}
