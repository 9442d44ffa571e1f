/**
 * Whether the git relay relay.json names is the user's. A relay set up before setup checked the
 * repository (not-your-relay.ts) may be someone else's relay (a peer's URL typed by mistake: the
 * user's pulls took, and removed, what the owner's peers sent the owner) or another repository (a
 * code project, into which the user's peers commit their packages).
 *
 * Judged by the history, not by what the relay holds now: whoever has write access to it (a peer)
 * can add another login's key or any file, and a refusal on what they add would lock the owner out
 * of their own relay. What they cannot change without rewriting the history is what the repository
 * held when the user's key was added to it. So each commit that added keys/<login>.pem (the user's
 * setup; or a copy of the key in a history a writer made up and merged) is judged by what its first
 * parent held (a root commit by what it holds itself): the relay is not the user's only when every
 * such commit was made onto someone else's relay (then a pull is refused) or onto another repository
 * (a warning). One made onto an empty repository or a relay's own files is the user's setup, and
 * settles it. A history the clone has cut (clone-compact.ts) at or before the tip, more such commits
 * than MAX_ADDED, or one that cannot be read, proves nothing either way: what was found before
 * stands (standingOrigin). One the caller's deadline ends is thrown.
 *
 * Read from the clone (commits and trees the listing fetched), never over the network, and only when
 * the relay's tip holds another login's key or a file a relay does not: otherwise one ls-tree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../errors.ts';
import { untrustedDetail } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import { GitError, historyLog, redactUrls } from './git-run.ts';
import { contentProblem, gitContent, listed, NAMES_SHOWN, type ContentProblem } from './not-your-relay.ts';
import { isoSeconds, readRelayState, type RelayState } from './state.ts';
import { readRelayConfig, writeRelayConfig } from './config.ts';

/** Commits adding the user's key that are looked at: a writer can make up more, which proves nothing. */
const MAX_ADDED = 5;
/** Cuts (one a tip the clone fetched) past which the history counts as cut without looking. */
const MAX_CUTS = 256;

interface OriginRead {
  /** git in the clone, its stdout. */
  git: (args: string[]) => Promise<string>;
  /** The relay branch's tip, as the listing fetched it. */
  head: string;
  login: string;
  /** The clone's shallow file: the commits where its history was cut. */
  shallowFile: string;
}

/**
 * Someone else's relay, or another repository, when the user's key was added to it; null when the
 * relay is the user's; undefined when it cannot be told. The git transport's: `keys` is its listing of
 * keys/ at `head`, when it has one; `git` runs git in its clone.
 */
export async function relayOrigin(
  head: string,
  relay: { login: string; clonePath: string },
  keys: ReadonlyMap<string, unknown> | undefined,
  git: (args: string[]) => Promise<{ stdout: string }>,
): Promise<OriginRecord | null | undefined> {
  const o: OriginRead = { git: async (args) => (await git(args)).stdout, head, login: relay.login, shallowFile: join(relay.clonePath, 'shallow') };
  try {
    const now = contentProblem(o.login, await gitContent(o.git, head, keys && [...keys.keys()]));
    if (!now) return null;
    const found = await whenKeyAdded(o);
    if (!found) return found;
    // Named as the relay holds them now (what the user can act on), when they are of the same kind.
    return originRecord(now.kind === found.kind ? now : found);
  } catch (err) {
    // Out of time (the probe's deadline): not judged, so what was found before stands.
    if (err instanceof GitError && err.timedOut) throw err;
    return undefined;
  }
}

/**
 * For a relay setup checked (relay.json's setup_checked): a finding when the repository at its URL
 * is no longer the one setup checked, else null. No identity of a repository tells that (its root
 * commits are what a writer who can force-push rewrites, and the clone cuts its history), but what
 * setup checked held the user's key from then on: setup committed it, and the owner's own rewrites
 * keep it. A tip that publishes another login's key or holds files a relay does not, in a history
 * (uncut) that never held keys/<login>.pem in any letter case, is a repository made again at the
 * URL by someone else, another one the URL names now, or one a writer rewrote every trace of the
 * user out of. Keys and files a peer adds, or a made-up history keeping the user's key, prove nothing.
 * Null: the one setup checked; undefined: not told (a cut history, a failure).
 */
export async function replacedOrigin(
  head: string,
  relay: { login: string; clonePath: string },
  keys: ReadonlyMap<string, unknown> | undefined,
  git: (args: string[]) => Promise<{ stdout: string }>,
): Promise<OriginRecord | null | undefined> {
  const o: OriginRead = { git: async (args) => (await git(args)).stdout, head, login: relay.login, shallowFile: join(relay.clonePath, 'shallow') };
  try {
    const now = contentProblem(o.login, await gitContent(o.git, head, keys && [...keys.keys()]));
    if (!now) return null;
    const added = await o.git(historyLog(['--full-history', '--diff-filter=A', '--max-count=1', '--format=%H', head, '--', `:(icase)keys/${o.login}.pem`]));
    if (added.trim() !== '') return null;
    // A cut history may have lost the commit that added it: nothing told, what was found before stands.
    if (await historyCut(o)) return undefined;
    return { ...originRecord(now), replaced: true };
  } catch (err) {
    if (err instanceof GitError && err.timedOut) throw err;
    return undefined;
  }
}

/** What the relay was when the user's key was added to it: null, the user's; undefined, not told. */
async function whenKeyAdded(o: OriginRead): Promise<ContentProblem | null | undefined> {
  const added = (
    await o.git(historyLog(['--full-history', '--diff-filter=A', `--max-count=${MAX_ADDED + 1}`, '--format=%H %P', o.head, '--', `keys/${o.login}.pem`]))
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(' '));
  if (added.length === 0 || added.length > MAX_ADDED) return undefined;
  // A history cut before the tip may have lost the user's own setup, and a writer can fast-forward
  // onto the cut whatever the commit before their copy of the key holds: nothing read proves anything.
  if (await historyCut(o)) return undefined;
  const found: ContentProblem[] = [];
  for (const [commit, parent] of added) {
    if (!commit) return undefined;
    const problem = contentProblem(o.login, await gitContent(o.git, parent ?? commit));
    if (!problem) return null;
    found.push(problem);
  }
  return found.find((p) => p.kind === 'repository') ?? found[0];
}

/** Whether the clone cut its history (clone-compact.ts) at the tip or at a commit before it. */
async function historyCut(o: OriginRead): Promise<boolean> {
  const cuts = shallowCommits(o.shallowFile);
  if (cuts.size === 0) return false;
  if (cuts.has(o.head) || cuts.size > MAX_CUTS) return true;
  // A cut commit has no parents here, so it is left out of this minimal set only when the tip reaches it.
  const apart = new Set((await o.git(['merge-base', '--independent', o.head, ...cuts])).split('\n').filter(Boolean));
  return [...cuts].some((c) => !apart.has(c));
}

function shallowCommits(file: string): Set<string> {
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * The judgement of a relay set up before setup recorded setup_checked found it the user's:
 * recorded as the setup that checks it would, so it is not judged again on every run (a later
 * judgement a peer who can force-push could turn against the owner). relay.json is read again just
 * before writing, so a command that ran meanwhile is not undone; a failure is let be (the next run
 * judges again). A finding of "not yours" is never recorded so.
 */
export function recordJudgedOwn(configPath: string, url: string): void {
  try {
    const cfg = readRelayConfig(configPath);
    if (cfg?.transport !== 'git' || cfg.url !== url || cfg.setup_checked?.url === url) return;
    writeRelayConfig(configPath, { ...cfg, setup_checked: { url, at: isoSeconds() } });
  } catch {
    // Unreadable or unwritable: nothing recorded.
  }
}

/**
 * The finding pull and inbox act on: the transport's judgement, or, when it cannot tell (a history
 * cut since, say), the one state.json keeps: a finding is never forgotten for want of proof, only
 * a judgement of the user's relay (or a setup) ends it.
 */
export function standingOrigin(judged: OriginRecord | null | undefined, statePath: string): OriginRecord | null | undefined {
  if (judged !== undefined) return judged;
  try {
    return readRelayState(statePath)?.not_your_relay ?? undefined;
  } catch {
    return undefined;
  }
}

/** How the messages name the user's relay (relay.json's `repo`). */
export function relayWhere(repo: string): string {
  return `your relay ${inlineText(redactUrls(repo), 300)}`;
}

/** A relay that is not the user's, in words: what it is, and why. `where`: the relay, as shown to the user. */
function originText(where: string, login: string, problem: Pick<OriginRecord, 'kind' | 'replaced'>): string {
  if (problem.replaced) {
    const what =
      problem.kind === 'relay' ? "someone else's relay: it publishes another login's key" : 'another repository, not a relay: it holds files a relay does not';
    return (
      `${where} is no longer the one setup checked: its history holds no trace of your key (keys/${login}.pem) and it is ${what} ` +
      '(the repository was deleted and made again by someone else, the URL names another one now, or someone with write access rewrote its history)' +
      (problem.kind === 'relay' ? ', so what waits in it was sent to its owner' : '')
    );
  }
  const when = `when your key (keys/${login}.pem) was added to it, by a \`relay setup\` made before setup checked what a repository holds`;
  return problem.kind === 'relay'
    ? `${where} is someone else's relay: it already published another login's key ${when}, so what waits in it was sent to its owner`
    : `${where} is another repository, not a relay: it already held files a relay does not ${when}, so your peers' packages are committed into it`;
}

/** The way on: set up the relay on a repository of the user's own, and tell the peers. */
function originWayOn(login: string, problem: Pick<OriginRecord, 'kind' | 'replaced'>): string {
  return (
    'point your relay at your own repository: `alive-p2p relay setup --move --url URL`, URL a new, empty repository ' +
    `(a local path that does not exist yet is made one) or your own relay; then each of your peers runs \`alive-p2p relay accept ${login} --url URL\`` +
    (problem.replaced
      ? ' (if it is your repository, put your key back in it with git, or remove what is not yours, then run `alive-p2p relay setup`)'
      : problem.kind === 'relay'
        ? `, and ask the owner of this one to remove keys/${login}.pem from it`
        : ' (if this repository is your own relay and those files need not be in it, removing them ends this)')
  );
}

/** The fence's label, and the words that point at it. */
function originDetail(problem: Pick<ContentProblem, 'kind'>): { label: string; follows: string } {
  return problem.kind === 'relay'
    ? { label: 'relay keys', follows: '; whose keys it holds is in the untrusted detail that follows' }
    : { label: 'repository files', follows: '; the files a relay does not hold are in the untrusted detail that follows' };
}

/** What state.json keeps of a finding (status and the session hook read it), and what pull is refused with. */
export type OriginRecord = NonNullable<RelayState['not_your_relay']>;

function originRecord(problem: ContentProblem): OriginRecord {
  return { kind: problem.kind, checked: isoSeconds(), names: problem.names.slice(0, NAMES_SHOWN).map((n) => n.slice(0, 200)), total: problem.names.length };
}

/** status's problem for a finding state.json keeps: what is wrong, the way on, and the names (untrusted). */
export function originProblem(repo: string, login: string, record: OriginRecord) {
  const { label, follows } = originDetail(record);
  return {
    text: `${originText(relayWhere(repo), login, record)}: ${originWayOn(login, record)}${follows}`,
    untrusted: untrustedDetail(label, listed(record.names, record.total), follows),
  };
}

/** The refusal of someone else's relay (pull's, setup's run again on it): `done` says what was not done. */
export function originRefusal(where: string, login: string, record: OriginRecord, done: string): AliveError {
  const { label, follows } = originDetail(record);
  return new AliveError(`${originText(where, login, record)}. ${done}; ${originWayOn(login, record)}${follows}`, {
    code: 'not_your_relay',
    untrusted: untrustedDetail(label, listed(record.names, record.total), follows),
  });
}
