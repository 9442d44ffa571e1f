import { AliveError } from '../errors.ts';
import { inlineText, isPrintable } from '../text/untrusted.ts';
import { isValidLogin } from './names.ts';
import { RELAY_REPO_NAME } from './constants.ts';

/** `owner/repo` (or a github.com URL of one) split into its parts; anything else is refused. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const cleaned = repo
    .replace(/^https?:\/\/github\.com\//i, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const [owner, name, extra] = cleaned.split('/');
  // `.` and `..` are no repository: in an API path they reach other endpoints (`/repos/dave/..`).
  if (!owner || !name || extra !== undefined || !isValidLogin(owner) || !/^[A-Za-z0-9._-]{1,100}$/.test(name) || /^\.\.?$/.test(name)) {
    throw new AliveError(`'${inlineText(repo)}' is not a GitHub repository name of the form owner/repo`, { code: 'bad_repo' });
  }
  return { owner, repo: name };
}

/** True when `repo` is a GitHub repository name splitRepo accepts. */
export function isGithubRepo(repo: string): boolean {
  try {
    splitRepo(repo);
    return true;
  } catch {
    return false;
  }
}

/** On GitHub a user's relay is `<login>/walnut-relay`: the only place their key is read from. */
export function githubRelayOf(login: string): string {
  return `${login}/${RELAY_REPO_NAME}`;
}

/**
 * True when `relay` is a repository owned by `login` (GitHub compares logins case-insensitively).
 * Only its owner decides what a relay publishes as their key, so no other relay is read for it.
 */
export function isOwnedBy(relay: string, login: string): boolean {
  return isGithubRepo(relay) && splitRepo(relay).owner.toLowerCase() === login.toLowerCase();
}

/**
 * True when the Git URL `url` carries a secret: a password (`scheme://user:secret@…`), or any user
 * part of an http(s) URL (`https://TOKEN@github.com/…`: GitHub reads a token there). An ssh user
 * (`ssh://git@host/…`, `git@host:path`) is not one. Such a URL would be stored in relay.json and
 * state.json, shown by status and the probe, and given to git on its command line.
 */
export function gitUrlHoldsSecret(url: string): boolean {
  const m = /^([a-z][\w+.-]*):\/\/([^/?#\s]*)@/i.exec(url.trim());
  return m !== null && (m[2]!.includes(':') || /^(?:https?|ftps?)$/i.test(m[1]!));
}

/** Why a relay URL is refused when it holds a secret (the URL itself is never shown). */
export const URL_SECRET_PROBLEM =
  'holds a user name or password (not shown); give it without them: git gets credentials from its credential helper (git config credential.helper) or an SSH key';

/**
 * The `scheme://` forms a relay may take, as git spells them (git reads `HTTPS://` as a remote
 * helper named HTTPS). `git+ssh` and `ssh+git` are git's old names for ssh.
 */
const RELAY_SCHEMES = new Set(['https', 'http', 'ssh', 'git+ssh', 'ssh+git', 'git', 'file']);

/**
 * The protocols git may use for a relay (GIT_ALLOW_PROTOCOL, see gitEnv): those of RELAY_SCHEMES
 * (a local path is `file`), and never a remote helper of another name, `fd` or `ext`.
 */
export const RELAY_PROTOCOLS = ['file', 'git', 'http', 'https', 'ssh'] as const;

/** The forms of a relay's Git URL, for a message that refuses another. */
export const RELAY_URL_FORMS = 'https://…, http://…, ssh://…, git://…, scp-like user@host:path, file://… or a local path';

/**
 * A Git URL or path that may be handed to git: not empty, nothing unprintable, no leading '-' (an
 * option), and one of the forms of RELAY_URL_FORMS. Any other makes git start a program or talk
 * over something else than a network or a folder: `<helper>::address` and an unknown `scheme://`
 * run git-remote-<helper> (whatever program of that name is installed), `fd::0` speaks over the
 * command's own file descriptors (add-peer waited out its 120 s), `ext::` runs a command.
 */
export function isUsableGitUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || !isPrintable(trimmed) || trimmed.startsWith('-')) return false;
  // What git takes for a remote helper's name: a letter, then letters, digits, '+', '-' or '.'.
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(trimmed)) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed);
  return scheme === null || RELAY_SCHEMES.has(scheme[1]!);
}
