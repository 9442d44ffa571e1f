/**
 * The fingerprint relay.json pins for a signature's signer, apart from receive/crypto.ts: it reads
 * relay.json (zod), which verify loads only when a relay is set up.
 */
import { findPeer, keySharedWith, readRelayConfig } from '../relay/config.ts';
import { relayPaths } from '../relay/paths.ts';
import { relayDir } from '../home.ts';

/**
 * The fingerprint relay.json pins for `signer`, when the relay is set up and names one. A relay.json
 * that cannot be read pins nothing here: the pinned key file alone decides, as without a relay.
 */
export function relayPinFor(signer: string, env: NodeJS.ProcessEnv): string | { sharedWith: string } | undefined {
  let cfg;
  try {
    cfg = readRelayConfig(relayPaths(relayDir(env)).config);
  } catch {
    return undefined;
  }
  const peer = cfg && findPeer(cfg, signer);
  if (!peer) return undefined;
  // A key pinned for two logins (before pinning refused it) does not say which one signed.
  const twin = keySharedWith(cfg!, peer);
  return twin !== undefined ? { sharedWith: twin } : (peer.fingerprint ?? undefined);
}
