import { execFile } from 'node:child_process';
import { AliveError } from '../errors.ts';

/**
 * A GitHub token from GH_TOKEN, then GITHUB_TOKEN, then `gh auth token` (the order gh documents).
 * The token never appears in argv, logs or error messages.
 */
export async function resolveGithubToken(env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<string> {
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN'] as const) {
    const value = env[name]?.trim();
    if (value) return checkedToken(value, name, `set ${name} to the token alone, on one line`);
  }
  const fromGh = await ghAuthToken(env, timeoutMs);
  if (fromGh) return checkedToken(fromGh, '`gh auth token`', 'run `gh auth login` again, or set GH_TOKEN');
  throw new AliveError('no GitHub token: set GH_TOKEN (or GITHUB_TOKEN), or run `gh auth login`', { code: 'no_token' });
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

function ghAuthToken(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('gh', ['auth', 'token'], { env, timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
      if (err) resolve(undefined);
      else resolve(String(stdout).trim() || undefined);
    });
  });
}

export const DEFAULT_API_URL = 'https://api.github.com';

/** API base: GITHUB_API_URL, then relay.json's api_url, then github.com. */
export function githubApiUrl(env: NodeJS.ProcessEnv, configured: string | null | undefined): string {
  const url = env.GITHUB_API_URL?.trim() || configured?.trim() || DEFAULT_API_URL;
  if (!/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new AliveError(`GitHub API URL '${url}' is not an http(s) URL; fix GITHUB_API_URL or relay.json's api_url`, {
      code: 'bad_url',
    });
  }
  return url.replace(/\/+$/, '');
}
