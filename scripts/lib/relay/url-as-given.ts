/**
 * Git talks to a relay at the URL alive was given, whatever `url.<base>.insteadOf` or
 * `pushInsteadOf` the user's git config (or GIT_CONFIG_* variables) holds. alive hardens a fetch or
 * push by the URL it pinned (a folder's receive-pack runs with its hooks off; a server's cannot be
 * told to): a rule that sent a peer's https:// relay into a folder on this machine ran that
 * folder's hooks, as the user. A URL the user's config rewrites at all is refused before anything
 * is sent, naming the URL the rule makes of it: the relay is set up (or the peer recorded) there.
 */
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { redactUrls, type GitResult, type GitRunOptions } from './git-run.ts';

/**
 * `url.<url>.insteadOf = <url>` and `pushInsteadOf` likewise, added after the user's
 * GIT_CONFIG_KEY_<n> settings (variables: a URL may hold the `=` that ends a `-c` name). Git
 * rewrites a URL by the longest rule that starts it, and none is longer than the URL itself (a rule
 * of the user's naming the whole URL wins the tie; asGiven has refused any rule by then). Kept on
 * the fetch or push itself: what git does there is what alive asked, whatever asGiven read.
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
 * A relay's URL and how git reaches it: `target` is a remote of the clone (`origin` for the user's
 * own relay) or the URL itself (ls-remote); `peer` names the peer whose relay it is (none: the
 * user's own).
 */
export interface RelayUrl {
  url: string;
  target: string;
  peer?: string | undefined;
}

/**
 * What a command asked git of its relays' URLs: the checks done or under way (by target and URL),
 * and the clone's remotes as `git remote -v` lists them while that listing is under way, one for
 * the checks that start together (status and the probe check the user's relay and every peer's):
 * the transport forgets it when it changes a remote.
 */
export interface GivenChecks {
  checked: Map<string, Promise<void>>;
  remotes?: Promise<string> | undefined;
}

/**
 * urlAsGiven(url), once git (in the clone) has said that the user's configuration leaves `url`
 * as it is for `target`: asked once per command for each. A rewrite is refused (`url_rewritten`)
 * before anything is sent.
 */
export async function asGiven(git: Git, given: GivenChecks, to: RelayUrl): Promise<NodeJS.ProcessEnv> {
  const { checked } = given;
  const key = `${to.target}\0${to.url}`;
  let check = checked.get(key);
  if (!check) {
    check = refuseRewrite(git, to, given);
    checked.set(key, check);
    check.catch(() => checked.delete(key));
  }
  await check;
  return urlAsGiven(to.url);
}

/**
 * Asked without urlAsGiven, which hides every rule but one naming the whole URL: what the user's
 * configuration makes of the URL is what git would use were the relay's commands run by hand. A
 * remote's push URLs too, whichever way this command goes: every command that fetches a relay
 * may also push to it, and both are refused before either is tried.
 */
async function refuseRewrite(git: Git, to: RelayUrl, given: GivenChecks): Promise<void> {
  const { url, target } = to;
  // Git's own configuration, not a relay's content: no memory limit (no shell to set one).
  const ask = (args: string[]) => git(args, { maxStdoutBytes: 1024 * 1024, maxMemoryBytes: Number.POSITIVE_INFINITY });
  let used: string[];
  if (target === url) used = (await ask(['ls-remote', '--get-url', '--', url])).stdout.split('\n').filter(Boolean);
  else {
    const earlier = given.remotes !== undefined;
    used = remoteUrls(await remotesListed(ask, given), target);
    // A listing asked before (for another remote) that does not show this one as given, which a
    // change to the clone since (another command's) may explain, is asked again before anything is
    // concluded from it.
    if (earlier && (used.length === 0 || used.some((u) => u !== url))) {
      given.remotes = undefined;
      used = remoteUrls(await remotesListed(ask, given), target);
    }
  }
  // A remote the clone lacks: git's own error, as a fetch from it would give.
  if (used.length === 0 && target !== url) await ask(['remote', 'get-url', target]);
  if (used.some((u) => u !== url)) throw rewritten(to, [...new Set(used)]);
}

/**
 * The clone's `git remote -v`: the listing under way, shared by the checks that start while it is
 * asked (status and the probe start theirs together), or a new one. Not kept once it is answered:
 * a rule added to the configuration since (by another process, or the user) would pass a later
 * check on the old answer.
 */
function remotesListed(ask: (args: string[]) => Promise<GitResult>, given: GivenChecks): Promise<string> {
  if (given.remotes === undefined) {
    const listing = ask(['remote', '-v']).then((r) => r.stdout);
    given.remotes = listing;
    const forget = () => {
      if (given.remotes === listing) given.remotes = undefined;
    };
    listing.then(forget, forget);
  }
  return given.remotes;
}

/**
 * The URLs `git remote -v` lists for `remote`: the one a fetch uses and every one a push goes to,
 * as the configuration rewrites them (a fetch uses the first URL only; a push each push URL, or
 * each URL when there is none). One git run where `remote get-url --all` takes two. A URL holding a
 * line break is listed over two lines: a line that is not a remote's whole entry is given as used,
 * whichever remote it belongs to (refused, as not the URL alive was given).
 */
export function remoteUrls(listing: string, remote: string): string[] {
  const urls: string[] = [];
  for (const line of listing.split('\n')) {
    if (line === '') continue;
    const m = /^([^\t]+)\t(.*) \((?:fetch|push)\)(?: \[[^\]]*\])?$/.exec(line);
    if (m === null) urls.push(line.startsWith(`${remote}\t`) ? line.slice(remote.length + 1) : line);
    else if (m[1] === remote) urls.push(m[2]!);
  }
  return urls;
}

function rewritten({ url, peer }: RelayUrl, used: string[]): AliveError {
  const shown = (u: string) => inlineText(redactUrls(u), 300);
  const whose = peer === undefined ? 'your relay' : `${peer}'s relay`;
  const one = used.length === 1 ? shown(used[0]!) : undefined;
  const wayOn =
    one === undefined
      ? `set ${whose} up at the one URL you mean`
      : peer === undefined
        ? `set your relay up at the URL your configuration makes of it: run setup with \`--url ${one}\` (\`alive-p2p relay setup --move --url ${one}\` once a relay is set up)`
        : `record ${peer}'s relay at the URL your configuration makes of it: \`alive-p2p relay accept ${peer} --url ${one}\``;
  return new AliveError(
    `your git configuration rewrites the URL of ${whose}, ${shown(url)}, to ${used.map(shown).join(' and ')} ` +
      "(a url.<base>.insteadOf or pushInsteadOf rule whose <base> starts that URL, or a remote's url or pushurl of the clone, " +
      'in a git config file or GIT_CONFIG_* variables). alive talks to a relay only at the URL it was given, so nothing was sent: ' +
      `${wayOn}; or remove that setting (\`git config --show-origin --get-regexp '^url\\.'\` shows where it is)`,
    { code: 'url_rewritten' },
  );
}
