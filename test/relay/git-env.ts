import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * In-process tests run our git transport with process.env: point HOME and git's config at empty
 * temporary places first, so no user or system git configuration can leak in. No git identity
 * is set, which proves the transport brings its own.
 */
export function isolateProcessGit(): void {
  const home = mkdtempSync(join(tmpdir(), 'alive-relay-home-'));
  process.env.HOME = home;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = join(home, '.gitconfig-none');
  process.env.ALIVE_HOME = join(home, 'alive');
  for (const k of [
    'GIT_AUTHOR_NAME',
    'GIT_AUTHOR_EMAIL',
    'GIT_COMMITTER_NAME',
    'GIT_COMMITTER_EMAIL',
    'EMAIL',
    'GH_TOKEN',
    'GITHUB_TOKEN',
    'GH_ENTERPRISE_TOKEN',
    'GITHUB_ENTERPRISE_TOKEN',
  ]) {
    delete process.env[k];
  }
  process.env.GITHUB_API_URL = 'http://127.0.0.1:9';
}
