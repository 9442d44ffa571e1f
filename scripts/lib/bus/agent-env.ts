/**
 * The environment of an agent started by `dispatch serve`. The agent answers messages anyone can
 * write, so it gets an allowlist, not the daemon's whole environment: no WALNUT_PASSPHRASE,
 * GH_TOKEN, GITHUB_TOKEN, *_API_KEY or other secret the daemon's shell happens to hold.
 *
 * More names are the operator's grant (`serve --agent-env NAME`), never the bus's: config.json
 * sits in the bus folder, where every bus writer can write, so its `agent_env` is not applied.
 * Adding names, a writer could ask for AWS_* and then ask the agent to print its environment into
 * the outbox it reads; leaving names out, a writer made every agent that needs one fail, until
 * serve stopped after --max-failures of them. The credentials alive uses itself (CREDENTIAL_NAMES)
 * are refused in both and never passed.
 *
 * The agent's environment also carries the daemon's mark (DAEMON_ENV): the plugin's SessionStart
 * notice stays silent inside agents, which would otherwise be told to answer the bus themselves.
 */
/**
 * Set by `dispatch serve` in its agents' environment (the daemon's pid). Inside such an agent the
 * SessionStart notice stays silent: the daemon answers the bus, not the agent it started. Here,
 * not in notice.ts: the notice reads message headers, which the dispatch entry bundle does not load.
 */
export const DAEMON_ENV = 'HELLOWORLD_DAEMON_PID';

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
 * settings and keys): never given to an agent, whatever --agent-env or agent_env say; refused in
 * both, exactly or by a pattern that covers them.
 */
export const CREDENTIAL_NAMES: readonly string[] = [
  'WALNUT_PASSPHRASE',
  'GH_TOKEN',
  'GITHUB_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'ALIVE_*',
];

/** A pattern needs this many characters before its `*` (no "A*" … "Z*" sweeps). */
export const MIN_PATTERN_PREFIX = 3;

/** One entry of --agent-env or agent_env: a variable name, or a prefix pattern ending in `*`. */
export const AGENT_ENV_ENTRY = /^[A-Za-z_][A-Za-z0-9_]*\*?$/;

/** What is wrong with a list of entries (`what`: --agent-env, agent_env), or undefined. */
export function agentEnvProblem(entries: readonly string[], what: string): string | undefined {
  const bad = entries.filter((e) => !AGENT_ENV_ENTRY.test(e));
  if (bad.length) return `${what} takes variable names (a trailing * matches a prefix), not ${bad.map((b) => `'${b}'`).join(', ')}`;
  const short = entries.filter((n) => n.endsWith('*') && n.length - 1 < MIN_PATTERN_PREFIX);
  if (short.length) return `${what} pattern ${short.join(', ')} needs at least ${MIN_PATTERN_PREFIX} characters before its *`;
  const covered = [...new Set(entries.flatMap(credentialsCoveredBy))];
  if (covered.length) return `${what} may not pass ${covered.join(', ')} to agents (credentials alive uses)`;
  return undefined;
}

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
 * The entries of config.json's agent_env that serve's grant does not cover (no granted name equals
 * it, no granted pattern covers all it matches): asked for by the bus, not passed (or not all).
 */
export function ungrantedEntries(granted: readonly string[], requested: readonly string[]): string[] {
  return requested.filter((r) => !granted.some((g) => (g.endsWith('*') ? r.startsWith(g.slice(0, -1)) : g === r)));
}

/**
 * The agent's environment: the allowlisted variables of `from` (the default list, plus those the
 * operator `granted`), then the HELLOWORLD_* values of the message being answered and the daemon's
 * mark.
 */
export function agentEnvironment(
  from: NodeJS.ProcessEnv,
  granted: readonly string[],
  helloworld: Record<string, string>,
  daemonPid = process.pid,
): NodeJS.ProcessEnv {
  const extra = (name: string) => granted.some((p) => matches(name, p));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(from)) {
    if (value === undefined || isCredential(name)) continue;
    if (DEFAULT_AGENT_ENV.some((p) => matches(name, p)) || extra(name)) env[name] = value;
  }
  return { ...env, ...helloworld, [DAEMON_ENV]: String(daemonPid) };
}
