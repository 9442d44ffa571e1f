/**
 * The environment of an agent started by `dispatch serve`. The agent answers messages anyone can
 * write, so it gets an allowlist, not the daemon's whole environment: no WALNUT_PASSPHRASE,
 * GH_TOKEN, GITHUB_TOKEN, *_API_KEY or other secret the daemon's shell happens to hold. A receiver
 * adds names in `agent_env` of its config.json (e.g. ANTHROPIC_API_KEY for an agent that needs it);
 * the credentials alive uses itself (CREDENTIAL_NAMES) are refused there and never passed.
 *
 * The agent's environment also carries the daemon's mark (DAEMON_ENV): the plugin's SessionStart
 * notice stays silent inside agents, which would otherwise be told to answer the bus themselves.
 */
import { DAEMON_ENV } from './notice.ts';

export { DAEMON_ENV };

/** Passed to every agent when set: what a command needs to run, find its config and reach a network. */
export const DEFAULT_AGENT_ENV: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'LC_*',
  'TERM',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_CACHE_HOME',
  'XDG_STATE_HOME',
  'XDG_RUNTIME_DIR',
  'CLAUDE_CONFIG_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

/**
 * Credentials alive itself uses (the package passphrase, the GitHub tokens, its own ALIVE_*
 * settings and keys): never given to an agent, whatever agent_env says. config.json sits in the bus
 * folder, where every bus writer can write, so its agent_env is a request anyone on the bus makes;
 * these names are refused there, exactly or by a pattern that covers them.
 */
export const CREDENTIAL_NAMES: readonly string[] = [
  'WALNUT_PASSPHRASE',
  'GH_TOKEN',
  'GITHUB_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'ALIVE_*',
];

/** A pattern in agent_env needs this many characters before its `*` (no "A*" … "Z*" sweeps). */
export const MIN_PATTERN_PREFIX = 3;

/** Whether a variable is one of CREDENTIAL_NAMES. */
export function isCredential(name: string): boolean {
  return CREDENTIAL_NAMES.some((c) => matches(name, c));
}

/** The credentials an agent_env entry (a name, or a prefix pattern) would let through. */
export function credentialsCoveredBy(entry: string): string[] {
  if (!entry.endsWith('*')) return isCredential(entry) ? [entry] : [];
  const prefix = entry.slice(0, -1);
  // Two prefixes overlap when one starts with the other ("GITHUB*" covers GITHUB_TOKEN, "ALI*" ALIVE_*).
  return CREDENTIAL_NAMES.filter((c) => {
    const cPrefix = c.replace(/\*$/, '');
    return c.endsWith('*') ? cPrefix.startsWith(prefix) || prefix.startsWith(cPrefix) : c.startsWith(prefix);
  });
}

function matches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * The agent's environment: the allowlisted variables of `from` (default list plus `extra`), then
 * the HELLOWORLD_* values of the message being answered and the daemon's mark.
 */
export function agentEnvironment(
  from: NodeJS.ProcessEnv,
  extra: readonly string[],
  helloworld: Record<string, string>,
  daemonPid = process.pid,
): NodeJS.ProcessEnv {
  const allow = [...DEFAULT_AGENT_ENV, ...extra];
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(from)) {
    if (value === undefined || isCredential(name)) continue;
    if (allow.some((p) => matches(name, p))) env[name] = value;
  }
  return { ...env, ...helloworld, [DAEMON_ENV]: String(daemonPid) };
}
