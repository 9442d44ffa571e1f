/**
 * The refusal of a peer's relay that publishes no `keys/<login>.pem` (git transport). A login
 * mistyped (`accept bbo --url …/bob.git`) said only "ask bbo to run relay setup": when the relay
 * publishes a key under a login close to the one given, it is named. Only a close one: a file name
 * in a relay is whoever can write there's choice, and one close to what the user typed spells
 * nothing of its own. Loaded by the transport only when the key is missing, or has rivals
 * (rivalKeysError).
 */
import { AliveError } from '../errors.ts';
import { closestName } from '../text/closest.ts';
import { redactUrls } from './git-run.ts';
import { isValidLogin } from './names.ts';
import { untrustedDetail } from '../text/fence.ts';
import type { PeerRelay } from './transport.ts';

const SHOWN_OWNERS = 5;
const OWNERS_FOLLOW = '; whose keys it holds is in the untrusted detail that follows';

/** `published`: the paths of the regular files under keys/ in that relay. */
export function noPeerKeyError(peer: PeerRelay, keyPath: string, published: readonly string[]): AliveError {
  const logins = published.map((p) => /^keys\/([^/]+)\.pem$/.exec(p)?.[1] ?? '').filter(isValidLogin);
  const guess = closestName(
    peer.login.toLowerCase(),
    logins.map((l) => l.toLowerCase()),
  );
  const meant = logins.find((l) => l.toLowerCase() === guess);
  const relay = redactUrls(peer.relay);
  if (meant === undefined && logins.length > 0) {
    // Another owner's key, not a typo of the login: most likely the URL of someone else's relay.
    // Whose it names is the relay's text: only in the untrusted detail, a few at most.
    const names = logins.slice(0, SHOWN_OWNERS).join('\n') + (logins.length > SHOWN_OWNERS ? `\n(and ${logins.length - SHOWN_OWNERS} more)` : '');
    return new AliveError(
      `the relay at ${relay} has no ${keyPath} but publishes someone else's key, so the URL looks like someone else's relay, not ${peer.login}'s; ` +
        `check the URL with ${peer.login} and run the command again with theirs (nothing was changed)${OWNERS_FOLLOW}`,
      { code: 'no_peer_key', untrusted: untrustedDetail('relay keys', names, OWNERS_FOLLOW) },
    );
  }
  return new AliveError(
    meant === undefined
      ? `${peer.login}'s relay (${relay}) has no ${keyPath}; ask ${peer.login} to run \`alive-p2p relay setup\``
      : `${peer.login}'s relay (${relay}) has no ${keyPath}, but the relay at ${relay} publishes a key for ${meant} (keys/${meant}.pem): ` +
          `did you mean ${meant}? If so, run the command again with ${meant}; if not, check the URL with ${peer.login}, or ask them to run \`alive-p2p relay setup\``,
    { code: 'no_peer_key' },
  );
}

/**
 * A relay that publishes other keys under other spellings of the login (case only, so the names
 * spell nothing of their own): whoever can write to it may have added one, and which is the peer's
 * cannot be told. Nothing is pinned or sealed to either.
 */
export function rivalKeysError(peer: PeerRelay, keyPath: string, rivals: readonly string[]): AliveError {
  return new AliveError(
    `${peer.login}'s relay (${redactUrls(peer.relay)}) publishes different keys for ${peer.login} under spellings that differ only in case ` +
      `(${[keyPath, ...rivals].join(', ')}): someone with write access to it may have added one, and which is ${peer.login}'s cannot be told. ` +
      `Nothing was pinned or sent; ask ${peer.login} to keep only theirs (\`alive-p2p relay setup\` does), then try again`,
    { code: 'bad_key' },
  );
}
