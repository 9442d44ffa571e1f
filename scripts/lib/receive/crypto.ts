/**
 * Decryption and signature checks for receive: the team's crypto adapter (WALNUT_PASSPHRASE,
 * --private-key or the relay key), plus the signer's key from the user's own pinned peer keys
 * (`$ALIVE_HOME/relay/keys/peers/<signer>.pem`) — never a key carried inside the package.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageCryptoFrom } from '../package/crypto-adapter.ts';
import type { PackageCrypto } from '../package/read-package.ts';
import { readSignatureBlock, verifyManifestText } from '../crypto/sign.ts';
import { loadPublicKey } from '../crypto/keys.ts';
import { relayDir } from '../home.ts';
import { folderNameProblem } from './names.ts';

export function pinnedSignerKeyPath(signer: string, env: NodeJS.ProcessEnv): string | undefined {
  if (signer === '' || folderNameProblem(signer)) return undefined;
  const path = join(relayDir(env), 'keys', 'peers', `${signer}.pem`);
  return existsSync(path) ? path : undefined;
}

export function receiveCrypto(privateKeyPath: string | undefined, env: NodeJS.ProcessEnv): PackageCrypto {
  const base = packageCryptoFrom({ ...(privateKeyPath ? { privateKeyPath } : {}), env, askPassphrase: true });
  return {
    ...base,
    verifyManifest(text) {
      const block = readSignatureBlock(text);
      const path = block ? pinnedSignerKeyPath(block.signer, env) : undefined;
      // No pinned key for this signer: the signature is reported as present but unverified.
      return path ? verifyManifestText(text, loadPublicKey(path)) : undefined;
    },
  };
}
