/** The one place a passphrase comes from (never argv), and the environments it must not reach. */
export const PASSPHRASE_ENV = 'WALNUT_PASSPHRASE';

/**
 * `env` without the package passphrase: for every program alive starts that needs none of it
 * (git, gh, ssh or a credential helper they start), which would otherwise inherit it.
 */
export function withoutPassphrase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [PASSPHRASE_ENV]: _passphrase, ...rest } = env;
  return rest;
}
