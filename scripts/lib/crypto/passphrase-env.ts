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
 * A passphrase that does not open a payload known to be the one the signer made: it matched the
 * payload_sha256 of a manifest whose signature verified, before a byte was decrypted (a 2.0
 * package). Not "damaged" then; the passphrase is the likely cause (or the signer's own payload).
 */
export function wrongPassphraseForIntactPayload(): AliveError {
  return new AliveError(
    `could not decrypt: wrong passphrase (the payload is the one the signer made: it matches the payload_sha256 of the signed manifest, so it was not damaged on the way); check the passphrase (${PASSPHRASE_ENV}, or the one typed) with the sender`,
    { code: 'wrong_passphrase' },
  );
}
