/**
 * Git talks to a relay at the URL alive was given, whatever `url.<base>.insteadOf` or
 * `pushInsteadOf` the user's git config (or GIT_CONFIG_* variables) holds. alive hardens a fetch or
 * push by the URL it pinned (a folder's receive-pack runs with its hooks off; a server's cannot be
 * told to): a rule that sent a peer's https:// relay into a folder on this machine ran that
 * folder's hooks, as the user.
 */
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { redactUrls, type GitResult, type GitRunOptions } from './git-run.ts';

/**
 * `url.<url>.insteadOf = <url>` and `pushInsteadOf` likewise, added after the user's
 * GIT_CONFIG_KEY_<n> settings (variables: a URL may hold the `=` that ends a `-c` name). Git
 * rewrites a URL by the longest rule that starts it, and none is longer than the URL itself; a rule
 * of the user's naming the whole URL wins the tie, which asGiven refuses.
 */
export function urlAsGiven(url: string): NodeJS.ProcessEnv {
  const count = Number(process.env.GIT_CONFIG_COUNT ?? 0);
  const n = Number.isSafeInteger(count) && count > 0 ? count : 0;
  return {
    GIT_CONFIG_COUNT: String(n + 2),
    [`GIT_CONFIG_KEY_${n}`]: `url.${url}.insteadOf`,
    [`GIT_CONFIG_VALUE_${n}`]: url,
    [`GIT_CONFIG_KEY_${n + 1}`]: `url.${url}.pushInsteadOf`,
    [`GIT_CONFIG_VALUE_${n + 1}`]: url,
  };
}

type Git = (args: string[], opts: GitRunOptions) => Promise<GitResult>;

/**
 * urlAsGiven(url), once git (in the clone) has said that `url` is the one it will use for
 * `target` (a remote, or the URL itself for ls-remote): asked once per command for each. A
 * rewrite it would still apply is refused (`url_rewritten`) before anything is sent.
 */
export async function asGiven(git: Git, checked: Map<string, Promise<void>>, to: { url: string; target: string; push: boolean }): Promise<NodeJS.ProcessEnv> {
  const env = urlAsGiven(to.url);
  const key = `${to.push ? 'push' : 'fetch'}\0${to.target}\0${to.url}`;
  let check = checked.get(key);
  if (!check) {
    check = refuseRewrite(git, to, env);
    checked.set(key, check);
    check.catch(() => checked.delete(key));
  }
  await check;
  return env;
}

async function refuseRewrite(git: Git, { url, target, push }: { url: string; target: string; push: boolean }, env: NodeJS.ProcessEnv): Promise<void> {
  // --all: a remote has as many URLs as the config files name, and a push goes to each of them.
  const ask = target === url ? ['ls-remote', '--get-url', '--', url] : ['remote', 'get-url', '--all', ...(push ? ['--push'] : []), target];
  const used = (await git(ask, { env, maxStdoutBytes: 64 * 1024 })).stdout.replace(/\n$/, '');
  if (used === url) return;
  throw new AliveError(
    `your git configuration rewrites the relay URL ${inlineText(redactUrls(url), 300)} to ${inlineText(redactUrls(used.replaceAll('\n', ' and ')), 300)} ` +
      `(a url.<base>.${push ? 'pushInsteadOf' : 'insteadOf'} naming that whole URL, or a remote.<name>.${push ? 'pushurl' : 'url'} for the ` +
      `clone's remote, in a git config file or GIT_CONFIG_* variables); ` +
      'alive talks to a relay only at the URL it was given, so nothing was sent. Remove that setting ' +
      "(`git config --show-origin --get-regexp '^url\\.'` shows where it is), or set the relay up at the URL you want",
    { code: 'url_rewritten' },
  );
}
