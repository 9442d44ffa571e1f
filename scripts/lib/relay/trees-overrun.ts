/**
 * A trees-only fetch (--filter=blob:none) that passed its cap (git-transport.ts
 * TREE_FETCH_MAX_BYTES): a server that ignores the filter and sends every package whole, or a
 * history that holds that much of trees (a writer's junk: 600,000 names in one commit, removed at
 * once, still locked the relay for every pull and push in a review of 2026-12-07). A folder relay's
 * own config tells which; of a server's relay, both are said.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AliveError } from '../errors.ts';
import { redactUrls, type GitResult, type GitRunOptions } from './git-run.ts';

type Git = (args: string[], opts: GitRunOptions) => Promise<GitResult>;

export async function treesOverrun(url: string, limit: number, local: boolean, git: Git, cause: unknown): Promise<AliveError> {
  const shown = redactUrls(url);
  const history =
    'its history holds that much of commits and trees (thousands of packages make a few MiB), which whoever can write to it put there; ' +
    'alive reads no further. Move to a new relay (alive-p2p relay setup --move, and tell your peers), or rewrite its history without those commits';
  const filters = local ? await localFiltersOn(url, git) : undefined;
  if (filters === true) {
    return new AliveError(`the relay ${shown} sent more than ${limit} bytes of commits and trees, and it applies partial-clone filters: ${history}`, {
      code: 'relay_history_too_large',
      cause,
    });
  }
  return new AliveError(
    `the relay ${shown} sent more than ${limit} bytes where only commits and trees were asked for: ` +
      'its server ignores partial-clone filters (--filter=blob:none), so every waiting package would be downloaded whole. ' +
      'Enable them on that server (git config uploadpack.allowFilter true; GitHub and GitLab have them) and try again' +
      (filters === undefined ? `; if they are on, ${history}` : ''),
    { code: 'relay_ignores_filter', cause },
  );
}

/** Whether a folder relay's own config turns partial-clone filters on: read as a file (no include, no command). */
async function localFiltersOn(url: string, git: Git): Promise<boolean> {
  const folder = /^file:\/\//i.test(url) ? fileURLToPath(url) : url;
  const r = await git(['config', '--file', join(folder, 'config'), '--type=bool', '--get', 'uploadpack.allowFilter'], { okCodes: [0, 1, 128] });
  return r.stdout.trim() === 'true';
}
