import { withoutPassphrase } from '../crypto/passphrase-env.ts';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { runTracked } from '../proc/tracked.ts';

/** Where a token for one API host comes from: gh's variables for that kind of host, and gh's host name. */
export interface TokenSource {
  /** The host as gh names it: `github.com` for https://api.github.com, else the API URL's host. */
  host: string;
  /** True for github.com only. */
  githubCom: boolean;
  /** The variables read, in order: GH_TOKEN, GITHUB_TOKEN for github.com; GH_ENTERPRISE_TOKEN, GITHUB_ENTERPRISE_TOKEN elsewhere. */
  variables: readonly [string, string];
  /** What to run to log in to that host with gh. */
  login: string;
}

/**
 * The token source for an API base URL. gh documents GH_TOKEN and GITHUB_TOKEN for github.com and
 * GH_ENTERPRISE_TOKEN and GITHUB_ENTERPRISE_TOKEN for GitHub Enterprise Server hosts: a github.com
 * token never goes to another host (an enterprise server, or whatever --api-url names). Only
 * https://api.github.com is github.com; a host that merely looks like it is another host.
 */
export function tokenSource(apiUrl: string): TokenSource {
  const url = new URL(apiUrl);
  if (url.protocol === 'https:' && url.host === 'api.github.com') {
    return { host: 'github.com', githubCom: true, variables: ['GH_TOKEN', 'GITHUB_TOKEN'], login: '`gh auth login`' };
  }
  // GitHub Enterprise Cloud with data residency: the API of <name>.ghe.com is api.<name>.ghe.com.
  const host = /^api\.[^.]+\.ghe\.com$/.test(url.host) ? url.host.slice('api.'.length) : url.host;
  return { host, githubCom: false, variables: ['GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN'], login: `\`gh auth login --hostname ${host}\`` };
}

/**
 * A token for the API at `apiUrl` (see tokenSource): the first variable, then the second, then
 * `gh auth token --hostname <host>` (the order gh documents). The token never appears in argv,
 * logs or error messages.
 */
export async function resolveGithubToken(apiUrl: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<string> {
  const src = tokenSource(apiUrl);
  const [first, second] = src.variables;
  for (const name of src.variables) {
    const value = env[name]?.trim();
    if (value) return checkedToken(value, name, `set ${name} to the token alone, on one line`);
  }
  const fromGh = await ghAuthToken(src, env, timeoutMs);
  if (fromGh) return checkedToken(fromGh, ghCommand(src), `run ${src.login} again, or set ${first}`);
  if (src.githubCom) throw new AliveError(`no GitHub token: set ${first} (or ${second}), or run ${src.login}`, { code: 'no_token' });
  throw new AliveError(
    `no GitHub token for ${src.host}: set ${first} (or ${second}), or run ${src.login} ` +
      '(GH_TOKEN and GITHUB_TOKEN are for github.com only and are never sent to another host)',
    { code: 'no_token' },
  );
}

/**
 * A token is visible ASCII only: anything else (an inner line break from a two-line token file, a
 * space, a non-ASCII character) cannot go into an HTTP header, and the HTTP layer's refusal quotes
 * the header value. Refused here, naming where the token came from, never echoing it.
 */
function checkedToken(token: string, source: string, fix: string): string {
  if (/^[\x21-\x7e]+$/.test(token)) return token;
  throw new AliveError(`${source} is not a token: it holds a line break, a space or a character outside visible ASCII (not shown here); ${fix}`, {
    code: 'bad_token',
  });
}

/** A token is a line of at most a few hundred characters: more from gh is not a token, and is not read on. */
const MAX_GH_OUTPUT_BYTES = 64 * 1024;

function ghCommand(src: TokenSource): string {
  return `\`gh auth token --hostname ${src.host}\``;
}

/**
 * What `gh auth token --hostname <host>` prints; undefined when gh is missing or fails (no token
 * there). A gh that does not finish in `timeoutMs`, or prints more than a token, is stopped and
 * refused: it is not "no token", and what to do differs. gh runs tracked like git (proc/tracked.ts):
 * in a process group of its own, ended with whatever it started by its deadline, by a Ctrl-C that
 * ends the command, and by a probe that ends at its budget (a gh waiting on a locked keyring once
 * outlived the session hook by seconds, one per session start).
 */
async function ghAuthToken(src: TokenSource, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | undefined> {
  const r = await runTracked({
    command: 'gh',
    args: ['auth', 'token', '--hostname', src.host],
    env: withoutPassphrase(env),
    timeoutMs,
    maxStdoutBytes: MAX_GH_OUTPUT_BYTES,
    stderrKeep: 1024,
  });
  if (r.outcome === 'timed_out') {
    throw new AliveError(
      `${ghCommand(src)} did not finish within ${timeoutMs / 1000} s; set ${src.variables[0]} instead, or check gh (\`gh auth status --hostname ${src.host}\`)`,
      { code: 'timeout' },
    );
  }
  if (r.outcome === 'output_too_large') {
    throw new AliveError(
      `${ghCommand(src)} printed more than ${MAX_GH_OUTPUT_BYTES / 1024} KiB, which is not a token (not shown here); run ${src.login} again, or set ${src.variables[0]}`,
      { code: 'bad_token' },
    );
  }
  if (r.outcome !== 'exited' || r.code !== 0) return undefined;
  return r.stdout.toString('utf8').trim() || undefined;
}

export const DEFAULT_API_URL = 'https://api.github.com';

/** API base: GITHUB_API_URL, then relay.json's api_url, then github.com. */
export function githubApiUrl(env: NodeJS.ProcessEnv, configured: string | null | undefined): string {
  const url = env.GITHUB_API_URL?.trim() || configured?.trim() || DEFAULT_API_URL;
  const from = env.GITHUB_API_URL?.trim() ? 'GITHUB_API_URL' : "relay.json's api_url (--api-url)";
  // A password or token in the URL would be shown in every message that names the API: never echoed.
  if (/^[a-z][\w+.-]*:\/\/[^/?#\s]*@/i.test(url)) {
    const bare = url.replace(/\/\/[^/?#\s]*@/, '//');
    const variable = URL.canParse(bare) ? tokenSource(bare).variables[0] : 'GH_ENTERPRISE_TOKEN';
    throw new AliveError(`the GitHub API URL in ${from} holds a user name or password (not shown); give it without them, and the token in ${variable}`, {
      code: 'bad_url',
    });
  }
  if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) {
    throw new AliveError(`GitHub API URL '${inlineText(url)}' is not an http(s) URL; fix ${from}`, {
      code: 'bad_url',
    });
  }
  const { protocol, hostname } = new URL(url);
  if (protocol === 'http:' && !isThisMachine(hostname)) {
    throw new AliveError(
      `GitHub API URL '${inlineText(url)}' is plain http: the token would cross the network unencrypted, readable and replaceable by anyone on the way; ` +
        `use https:// (plain http is allowed only for a server on this machine: localhost, 127.0.0.1, ::1); fix ${from}`,
      { code: 'insecure_url' },
    );
  }
  return url.replace(/\/+$/, '');
}

/**
 * A host name that can only be this machine: `localhost`, 127.0.0.0/8, ::1. The URL parser has
 * already turned other spellings of an IPv4 address (`0x7f000001`, `127.1`) into dotted decimal;
 * a name that merely starts like one (`127.0.0.1.example.com`) is looked up like any other.
 */
function isThisMachine(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
