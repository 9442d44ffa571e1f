/**
 * What `relay setup` may take as the user's relay: an empty repository, or one that holds only what
 * a relay holds (README.md, keys/<login>.pem, inbox/; a LICENSE and a .gitignore are let be). One that publishes another login's key is
 * someone else's relay (a peer's URL typed by mistake): setup there published the user's key beside
 * the owner's, and the user's pulls then took what the owner's peers sent the owner. Any other file,
 * or only other branches, is another repository (a code project), into which setup committed the
 * key. Both are refused before anything is written. Loaded by the transports' setup, and by
 * relay-origin.ts (a relay set up before this check: pull, status and the probe).
 */
import { AliveError } from '../errors.ts';
import { untrustedDetail } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import { redactUrls } from './git-run.ts';
import { isValidLogin } from './names.ts';

/** What the relay's branch holds: its top entries (name, git type) and the paths under keys/. */
export interface RepositoryContent {
  top: ReadonlyArray<{ path: string; type: string }>;
  keys: readonly string[];
}

const RELAY_TOP = new Map([
  ['README.md', 'blob'],
  ['keys', 'tree'],
  ['inbox', 'tree'],
  // What a hosting web UI's new repository may start with beside a README: read by nobody here, and
  // nothing is ever checked out of a relay. Not .gitattributes: its filters and drivers run programs
  // wherever the tree is checked out.
  ['LICENSE', 'blob'],
  ['LICENSE.md', 'blob'],
  ['LICENSE.txt', 'blob'],
  ['.gitignore', 'blob'],
]);
/** Names an untrusted detail shows (and state.json keeps: relay-origin.ts). */
export const NAMES_SHOWN = 5;

/**
 * What makes `content` not `login`'s relay, or undefined: another login's key (someone else's
 * relay), else any file a relay does not hold (another repository). Whose keys, or which files.
 */
export function contentProblem(login: string, content: RepositoryContent): ContentProblem | undefined {
  const own = `keys/${login}.pem`.toLowerCase();
  const otherKeys = content.keys.filter((p) => p.toLowerCase() !== own);
  const owners = otherKeys.map((p) => /^keys\/([^/]+)\.pem$/.exec(p)?.[1] ?? '').filter(isValidLogin);
  if (owners.length > 0) return { kind: 'relay', names: owners };
  const others = [...content.top.filter((e) => RELAY_TOP.get(e.path) !== e.type).map((e) => e.path), ...otherKeys];
  return others.length > 0 ? { kind: 'repository', names: others } : undefined;
}

/** Why a repository is not the user's relay: someone else's relay (`names`: whose keys) or another repository (`names`: its files). */
export interface ContentProblem {
  kind: 'relay' | 'repository';
  names: string[];
}

/**
 * The refusal of a repository that is not the user's relay, or undefined. `where`: the relay as
 * the user gave it; `advice`: what to do instead (the transport's words).
 */
function notYourRelay(where: string, login: string, content: RepositoryContent, advice: string): AliveError | undefined {
  const problem = contentProblem(login, content);
  if (problem?.kind === 'relay') {
    const follows = '; whose keys it holds is in the untrusted detail that follows';
    return new AliveError(
      `${where} publishes a key that is not yours (yours is keys/${login}.pem), so it looks like someone else's relay: ` +
        `set up there, your pulls would take what its owner's peers send them. Nothing was changed; ${advice}. ` +
        `If it is your relay, someone with write access to it added that key: remove it from the relay and run setup again${follows}`,
      { code: 'not_your_relay', untrusted: untrustedDetail('relay keys', listed(problem.names), follows) },
    );
  }
  if (problem) {
    const follows = '; their names are in the untrusted detail that follows';
    return new AliveError(
      `${where} holds files a relay does not (a relay holds only README.md, keys/ and inbox/, and may hold a LICENSE and a .gitignore), ` +
        `so it looks like another repository, not a relay: setup would commit your key into it. Nothing was changed; ${advice}. ` +
        `If this is your own new relay, remove those files from it and run setup again${follows}`,
      { code: 'not_your_relay', untrusted: untrustedDetail('repository files', listed(problem.names), follows) },
    );
  }
  return undefined;
}

/** A repository without the relay's branch but with others: another repository's, never an empty one. */
function otherBranchesOnly(where: string, branch: string, advice: string): AliveError {
  return new AliveError(
    `${where} has no '${branch}' branch but has other branches, so it looks like another repository, not a relay: ` +
      `setup would add your key to it in a new branch. Nothing was changed; ${advice}`,
    { code: 'not_your_relay' },
  );
}

/** What the git transport advises: the URL given is the user's to check. */
const CHECK_THE_URL = 'check the URL; your relay is a new, empty repository (a local path that does not exist yet is made one) or the one you set up before';

/**
 * The git transport's check of the repository at `relay.url`, read through `git` (in the
 * repository itself, or in the clone that fetched it: `gitDir`) at `tip`, the relay branch's
 * commit; with none, the command `heads` lists the repository's branches. `setUpBefore`: relay.json
 * names this relay (setup runs again on it); `setupChecked`: and a setup found it the user's.
 * `keys`: the listing of keys/ at `tip`, when the caller has one. True when the repository is empty
 * or holds only what a relay does (relay.json's setup_checked).
 */
export async function refuseGitRepository(
  relay: { url: string; login: string; branch: string; setUpBefore?: boolean | undefined; setupChecked?: boolean | undefined },
  tip: string | null,
  heads: string[],
  git: (args: string[]) => Promise<string>,
  gitDir: string,
  keys?: ReadonlyMap<string, unknown>,
): Promise<boolean> {
  const where = `the repository at ${redactUrls(relay.url)}`;
  if (tip === null) {
    // An empty repository, or another's with other branches (more than the bound prints: some).
    const listed = await git(heads).catch((err: unknown) => {
      if (err instanceof AliveError && err.code === 'git_output_too_large') return 'some';
      throw err;
    });
    if (listed.trim() !== '') throw otherBranchesOnly(where, relay.branch, CHECK_THE_URL);
    return true;
  }
  const refusal = notYourRelay(where, relay.login, await gitContent(git, tip, keys && [...keys.keys()]), CHECK_THE_URL);
  if (!refusal) return true;
  // The relay relay.json names, set up again: what a writer (a peer) added to it since refuses
  // nothing, only what it held when the user's key was added to it does (relay-origin.ts), and
  // nothing once a setup found it the user's (a writer who can force-push rewrites history) unless
  // it is no longer the repository setup checked (relay-origin.ts replacedOrigin).
  if (!relay.setUpBefore) throw refusal;
  const { relayOrigin, replacedOrigin, originRefusal } = await import('./relay-origin.ts');
  const judge = relay.setupChecked ? replacedOrigin : relayOrigin;
  const found = await judge(tip, { login: relay.login, clonePath: gitDir }, keys, async (args) => ({ stdout: await git(args) }));
  if (found) throw originRefusal(where, relay.login, found, 'Nothing was changed');
  return false;
}

/**
 * What commit `commit` holds, read through `git` (ls-tree, in a repository that has its trees);
 * `keys`: its paths under keys/, when already listed.
 */
export async function gitContent(git: (args: string[]) => Promise<string>, commit: string, keys?: readonly string[] | undefined): Promise<RepositoryContent> {
  const entries = async (args: string[]) =>
    (await git(['ls-tree', '-z', '--full-tree', ...args]))
      .split('\0')
      .filter(Boolean)
      .map((rec) => ({ path: rec.slice(rec.indexOf('\t') + 1), type: rec.slice(0, rec.indexOf('\t')).split(' ')[1] ?? '' }));
  return { top: await entries([commit]), keys: keys ?? (await entries(['-r', commit, '--', 'keys'])).map((e) => e.path) };
}

/** The GitHub transport's check of `<owner>/walnut-relay`, which setup found there (its name is fixed). */
export function refuseGithubRepository(full: string, owner: string, content: RepositoryContent): void {
  const refusal = notYourRelay(
    `the repository ${full}`,
    owner,
    content,
    `${full} is the name alive gives your relay: if that repository is not your relay, rename it on GitHub ` +
      "(the repository's Settings), then run setup again, which makes a new private one",
  );
  if (refusal) throw refusal;
}

/** Names for an untrusted detail: the first few, escaped, and how many more of `total`. */
export function listed(names: readonly string[], total = names.length): string {
  const shown = names.slice(0, NAMES_SHOWN).map((n) => inlineText(n, 200));
  return shown.join('\n') + (total > shown.length ? `\n(and ${total - shown.length} more)` : '');
}
