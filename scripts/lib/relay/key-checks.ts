/**
 * Is the key a relay publishes the one it should be? The user's own `keys/<login>.pem` must be
 * `keys/public.pem` (a peer with write access can replace it, and a new peer would then pin the
 * attacker's key); a pinned peer's must be its pin.
 */
import { readKeyFile } from '../crypto/keys.ts';
import { fingerprint, formatFingerprint, parsePeerPublicKey } from './keys.ts';
import type { RelayPaths } from './paths.ts';
import { isoSeconds, type OwnKeyCheck } from './state.ts';

export function checkOwnKey(paths: RelayPaths, published: string | null, login: string): OwnKeyCheck {
  const checked = isoSeconds();
  let mine: string;
  try {
    mine = fingerprint(parsePeerPublicKey(readKeyFile(paths.publicKey, 'public'), 'your'));
  } catch {
    return { status: 'unknown', checked, seen: null };
  }
  if (published === null) return { status: 'missing', checked, seen: null };
  let seen: string;
  try {
    seen = fingerprint(parsePeerPublicKey(published, login));
  } catch {
    return { status: 'changed', checked, seen: null };
  }
  return { status: seen === mine ? 'ok' : 'changed', checked, seen };
}

/** The loud sentence for a replaced or missing own key; undefined when all is well. */
export function ownKeyProblem(check: OwnKeyCheck | null | undefined, login: string): string | undefined {
  if (!check) return undefined;
  if (check.status === 'changed') {
    return (
      `WARNING: the key published in your relay (keys/${login}.pem, or that name in other letter case${check.seen ? `, ${formatFingerprint(check.seen)}` : ', not a valid key'}) ` +
      `is NOT your key: someone with write access to your relay replaced it, and a peer who pins it now trusts them. ` +
      `Run \`alive-p2p relay setup\` to publish your key again, remove peers you do not trust (\`alive-p2p relay remove-peer LOGIN\`), ` +
      `and tell your peers to check your fingerprint`
    );
  }
  if (check.status === 'missing') return `your relay does not publish your key (keys/${login}.pem); run \`alive-p2p relay setup\` to publish it`;
  return undefined;
}

export function peerKeyProblem(login: string, pinned: string, seen: string): string {
  return (
    `${login}'s relay now publishes the key ${formatFingerprint(seen)}, not the ${formatFingerprint(pinned)} you pinned: ` +
    `check it with ${login} by another channel; if it is theirs, \`alive-p2p relay accept ${login} --fingerprint ${formatFingerprint(seen)}\``
  );
}
