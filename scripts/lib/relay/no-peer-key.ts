/**
 * The refusal of a peer's relay that publishes no `keys/<login>.pem` (git transport). A login
 * mistyped (`accept bbo --url …/bob.git`) said only "ask bbo to run relay setup": when the relay
 * publishes a key under a login close to the one given, it is named. Only a close one: a file name
 * in a relay is whoever can write there's choice, and one close to what the user typed spells
 * nothing of its own. Loaded by the transport only when the key is missing.
 */
import { AliveError } from '../errors.ts';
import { closestName } from '../text/closest.ts';
import { redactUrls } from './git-run.ts';
import { isValidLogin } from './names.ts';
import type { PeerRelay } from './transport.ts';

/** `published`: the paths of the regular files under keys/ in that relay. */
export function noPeerKeyError(peer: PeerRelay, keyPath: string, published: readonly string[]): AliveError {
  const logins = published.map((p) => /^keys\/([^/]+)\.pem$/.exec(p)?.[1] ?? '').filter(isValidLogin);
  const guess = closestName(
    peer.login.toLowerCase(),
    logins.map((l) => l.toLowerCase()),
  );
  const meant = logins.find((l) => l.toLowerCase() === guess);
  const relay = redactUrls(peer.relay);
  return new AliveError(
    meant === undefined
      ? `${peer.login}'s relay (${relay}) has no ${keyPath}; ask ${peer.login} to run \`alive-p2p relay setup\``
      : `${peer.login}'s relay (${relay}) has no ${keyPath}, but the relay at ${relay} publishes a key for ${meant} (keys/${meant}.pem): ` +
          `did you mean ${meant}? If so, run the command again with ${meant}; if not, check the URL with ${peer.login}, or ask them to run \`alive-p2p relay setup\``,
    { code: 'no_peer_key' },
  );
}
