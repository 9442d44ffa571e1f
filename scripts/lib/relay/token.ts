import { execFile } from 'node:child_process';
import { AliveError } from '../errors.ts';

/**
 * A GitHub token from GH_TOKEN, then GITHUB_TOKEN, then `gh auth token` (the order gh documents).
 * The token never appears in argv, logs or error messages.
 */
export async function resolveGithubToken(env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<string> {
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN'] as const) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  const fromGh = await ghAuthToken(env, timeoutMs);
  if (fromGh) return fromGh;
  throw new AliveError('no GitHub token: set GH_TOKEN (or GITHUB_TOKEN), or run `gh auth login`', { code: 'no_token' });
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
