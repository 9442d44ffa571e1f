import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../errors.ts';
import { relayDir } from '../home.ts';
import { isValidLogin } from '../relay/names.ts';
import { inlineText } from '../text/untrusted.ts';

/** The user's relay login from relay.json, when a relay is set up and the login is well-formed. */
export function relayLogin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let cfg: Record<string, unknown>;
  try {
    cfg = JSON.parse(readFileSync(join(relayDir(env), 'relay.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const k of ['github_username', 'login']) {
    const v = cfg[k];
    if (typeof v === 'string' && isValidLogin(v)) return v;
  }
  return undefined;
}

/**
 * The name written as `signer:` in a signature, which a receiver uses to pick the pinned key: the
 * relay login when a relay is set up (what peers pin the key under), else `--signer NAME`. Never
 * the OS user name, which says nothing to a peer (the reference wrote the constant "relay",
 * walnut-package-v2.md 11.2.13). No name at all is a refusal that says how to give one.
 */
export function resolveSignerName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const malformed = flag === undefined ? undefined : signerFlagProblem(flag);
  if (malformed) throw new AliveError(malformed, { code: 'bad_signer' });
  const login = relayLogin(env);
  if (login !== undefined) {
    if (flag !== undefined && flag.toLowerCase() !== login.toLowerCase()) {
      throw new AliveError(
        `--signer ${flag} differs from your relay login ${login}, under which peers pinned your key; sign as ${login} (leave out --signer)`,
        { code: 'bad_signer' },
      );
    }
    return login;
  }
  if (flag !== undefined) return flag;
  throw new AliveError(
    'no name to sign as: set up a relay (alive-p2p relay setup), whose login names your signatures, or pass --signer NAME with the login your peers know you by',
    { code: 'bad_signer' },
  );
}

/**
 * Why `--signer NAME` cannot name a signer (a command reports it as a usage error, exit 2), or
 * undefined for a login.
 */
export function signerFlagProblem(flag: string): string | undefined {
  if (isValidLogin(flag)) return undefined;
  return `--signer '${inlineText(flag)}' is not a valid name: use a login (letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters)`;
}
