/**
 * The one place a passphrase comes from (never argv), the environments it must not reach, and the
 * refusal of a wrong one where the payload is known intact (kept here, apart from the ciphers, for
 * the package reader, which needs no cipher to say it).
 */
import { AliveError } from '../errors.ts';

export const PASSPHRASE_ENV = 'WALNUT_PASSPHRASE';

/**
 * `env` without the package passphrase: for every program alive starts that needs none of it
 * (git, gh, ssh or a credential helper they start), which would otherwise inherit it.
 */
export function withoutPassphrase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [PASSPHRASE_ENV]: _passphrase, ...rest } = env;
  return rest;
}

/**
 * A wrong passphrase where the payload cannot be the cause: it matched the manifest's
 * payload_sha256 before a byte was decrypted (a 2.0 package), so it is the bytes the sender made.
 */
export function wrongPassphraseForIntactPayload(): AliveError {
  return new AliveError(
    `could not decrypt: wrong passphrase (the payload matches the payload_sha256 in its manifest, so it is not damaged); check the passphrase (${PASSPHRASE_ENV}, or the one typed) with the sender`,
    { code: 'wrong_passphrase' },
  );
}
