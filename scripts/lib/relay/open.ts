import type { RelayConfig } from './config.ts';
import type { RelayPaths } from './paths.ts';
import type { RelayTransport } from './transport.ts';
import { GitTransport } from './git-transport.ts';
import type { GithubTransport } from './github-transport.ts';
import { AliveError } from '../errors.ts';

/**
 * Builds the transport relay.json asks for. The GitHub one (and Octokit with it) is loaded only
 * when needed, so a probe of a git relay does not pay for it. `compactClone: false` (the probe):
 * the git transport's fetches never compact its clone (clone-compact.ts).
 */
export async function openTransport(
  cfg: Pick<RelayConfig, 'transport' | 'github_username' | 'url' | 'api_url' | 'branch' | 'setup_checked'>,
  paths: RelayPaths,
  env: NodeJS.ProcessEnv = process.env,
  opts: { compactClone?: boolean } = {},
): Promise<RelayTransport> {
  if (cfg.transport === 'git') {
    if (!cfg.url) throw new AliveError('relay.json has no url for the git transport; run `alive-p2p relay setup --transport git --url URL`');
    const setupChecked = cfg.setup_checked?.url === cfg.url;
    return new GitTransport({
      login: cfg.github_username,
      url: cfg.url,
      branch: cfg.branch,
      clonePath: paths.clone,
      workDir: paths.work,
      setupChecked,
      recordCheckedIn: paths.config,
      ...opts,
    });
  }
  return openGithubTransport(cfg.github_username, cfg.api_url, cfg.branch, env);
}

export async function openGithubTransport(
  login: string,
  apiUrl: string | null | undefined,
  branch: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GithubTransport> {
  const [{ GithubTransport: Impl }, { createOctokit }, { resolveGithubToken, githubApiUrl }] = await Promise.all([
    import('./github-transport.ts'),
    import('./github-client.ts'),
    import('./token.ts'),
  ]);
  const baseUrl = githubApiUrl(env, apiUrl);
  const token = await resolveGithubToken(baseUrl, env);
  return new Impl({ octokit: createOctokit(baseUrl, token), baseUrl, login, branch });
}

export function isGithub(t: RelayTransport): t is GithubTransport {
  return t.kind === 'github';
}
