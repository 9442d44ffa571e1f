import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Octokit } from '@octokit/rest';
import { AliveError } from '../errors.ts';
import { MAX_PEM_BYTES } from '../crypto/keys.ts';
import {
  callSignal,
  githubError,
  httpStatus,
  isStatus,
  SERVER_WORDS_FOLLOW,
  serverWords,
  statusWords,
  tokenOf,
  transferWatch,
  withReadRetry,
} from './github-client.ts';
import { readBounded, streamedAnswers } from './github-fetch.ts';
import {
  answerOf,
  commitAnswer,
  contentsWriteAnswer,
  createdAnswer,
  folderAnswer,
  invitationsAnswer,
  refAnswer,
  repositoryAnswer,
  treeAnswer,
  userAnswer,
} from './github-answer.ts';
import { isUsableBranch } from './config.ts';
import { gitBlobShaOf } from './blob-sha.ts';
import { relayReadme, tooLargeError, unwritableDownload } from './git-transport.ts';
import { isSafeDepositName, isValidLogin } from './names.ts';
import { isRegularFileMode } from './tree-mode.ts';
import type { OnProgress } from '../package/progress.ts';
import {
  transferProgress,
  type CallLimits,
  type DeliverResult,
  type InboxEntry,
  type InboxListing,
  type PeerRelay,
  type RelayTransport,
  type SetupResult,
} from './transport.ts';

/**
 * The `github` transport: the private repository `<login>/walnut-relay`, driven through the REST
 * API with Octokit. Small packages go through the Contents API; larger ones through the Git data
 * API (blob, tree, commit, ref), uploaded and downloaded as streams so memory stays flat.
 */

import { RELAY_REPO_NAME } from './constants.ts';
import { inlineText } from '../text/untrusted.ts';
import { isStandardBase64 } from '../text/base64.ts';
import { isPlainName, untrustedDetail } from '../text/fence.ts';
export { RELAY_REPO_NAME };
export { splitRepo } from './repo-name.ts';
import { splitRepo } from './repo-name.ts';
import { TRANSFER_IDLE_MS } from './transfer-idle.ts';
/** Above this, the Contents API needs special media types to read a file back; use the Git data API. */
export const CONTENTS_API_MAX_BYTES = 1024 * 1024;
/** Every call, including a Contents API deposit (at most CONTENTS_API_MAX_BYTES). */
const CALL_TIMEOUT_MS = 30_000;
/** A streamed blob upload or download (up to GitHub's 100 MB a file), in all. */
const TRANSFER_TIMEOUT_MS = 30 * 60_000;
/**
 * The least rate a download of a listed size keeps, past a floor: a server that sends a byte a
 * second never trips the idle time and held pull 30 minutes a package (fifth review of 2026-12-07).
 * 16 KiB/s is a slow mobile link's; a 4 MB package has two minutes plus four.
 */
const TRANSFER_RATE = { floorMs: 2 * 60_000, bytesPerSecond: 16 * 1024 };
const WRITE_ATTEMPTS = 4;
/** Sender folders a truncated inbox listing is walked through, one request each (see listInbox). */
const MAX_WALKED_FOLDERS = 1000;
/**
 * ... and the files gathered in that walk (twice GitHub's 100,000 entries of one recursive listing):
 * folders may share one tree of many files, each listed again, and held until the listing ends.
 */
const MAX_WALKED_FILES = 200_000;

/**
 * The time one inbox listing may take in all (`relay pull`, `relay inbox`: no deadline of their
 * own). Each request has its own 30 s limit, retried on a 5xx: an API server answering each of
 * MAX_WALKED_FOLDERS folders slowly held a command for hours. A walk of them at 0.3 s a request fits.
 */
const LISTING_DEADLINE_MS = 5 * 60_000;
/** The most a file read as text (a key, the README) may hold: no key or relay README is near it. */
const MAX_TEXT_BYTES = MAX_PEM_BYTES;
/** Its Contents API answer: base64 (4/3, a line break every 60 characters, escaped) and some metadata. */
const MAX_TEXT_ANSWER_BYTES = 2 * MAX_TEXT_BYTES + 64 * 1024;
/** Invitations read per page, and pages read at most (1,000 invitations: more is no user's inbox). */
const PER_PAGE = 100;
const INVITATION_PAGES = 10;

export interface GithubTransportOptions {
  octokit: Octokit;
  baseUrl: string;
  login: string;
  branch: string;
  /**
   * A download of a listed size ends after `floorMs` plus that size at `bytesPerSecond` (default
   * TRANSFER_RATE), whichever is first of that and the 30-minute total.
   */
  transferRate?: { floorMs: number; bytesPerSecond: number };
  /** How long a streamed upload or download may go without a byte moving (default TRANSFER_IDLE_MS). */
  transferIdleMs?: number;
  /** The most files a truncated inbox listing gathers folder by folder (default MAX_WALKED_FILES). */
  maxWalkedFiles?: number;
  /** The time a whole inbox listing may take when its caller gives no deadline (default LISTING_DEADLINE_MS). */
  listingDeadlineMs?: number;
}

export interface RelayInvitation {
  id: number;
  repo: string;
  inviter: string;
}

export class GithubTransport implements RelayTransport {
  readonly kind = 'github' as const;
  private readonly gh: Octokit;
  private readonly o: GithubTransportOptions;

  get branch(): string {
    return this.o.branch;
  }

  /** The API base URL this transport talks to. */
  get baseUrl(): string {
    return this.o.baseUrl;
  }

  constructor(opts: GithubTransportOptions) {
    this.gh = opts.octokit;
    this.o = { ...opts };
  }

  get ownRepo(): string {
    return `${this.o.login}/${RELAY_REPO_NAME}`;
  }

  private fail(err: unknown, doing: string): AliveError {
    return githubError(err, doing, this.o.baseUrl, tokenOf(this.gh));
  }

  /**
   * A Git object id the server named (a head, a tree, a blob): it goes into later requests' paths
   * (where `..` would name another resource) and into state and output, so only hex of a SHA-1 or
   * SHA-256 id is taken.
   */
  private objectId(value: unknown, what: string, noun = 'Git object id'): string {
    if (typeof value === 'string' && isObjectId(value)) return value;
    throw new AliveError(`${what} from ${this.o.baseUrl} is not a ${noun}; check the API URL (GITHUB_API_URL or relay.json's api_url)`, {
      code: 'bad_relay',
    });
  }

  /** The watch of one transfer: the idle time, and the total (for `bytes` listed, at least the slow rate allows). */
  private transferWatch(bytes?: number) {
    const rate = this.o.transferRate ?? TRANSFER_RATE;
    const total = bytes === undefined ? TRANSFER_TIMEOUT_MS : Math.min(TRANSFER_TIMEOUT_MS, rate.floorMs + Math.ceil((bytes / rate.bytesPerSecond) * 1000));
    return transferWatch(this.o.transferIdleMs ?? TRANSFER_IDLE_MS, total);
  }

  private req(limits: CallLimits = {}, timeoutMs = CALL_TIMEOUT_MS) {
    return { request: { signal: callSignal(timeoutMs, limits.deadline) } };
  }

  /** The login the token belongs to. */
  async authenticatedLogin(): Promise<string> {
    try {
      const r = await withReadRetry(() => this.gh.rest.users.getAuthenticated(this.req()));
      const { login } = answerOf(userAnswer, r.data);
      if (!isValidLogin(login)) {
        throw new AliveError(
          `the user name GitHub at ${this.o.baseUrl} gave for the token is not a GitHub login; check the API URL (GITHUB_API_URL or relay.json's api_url)`,
          {
            code: 'bad_relay',
          },
        );
      }
      return login;
    } catch (err) {
      throw this.fail(err, 'reading the authenticated user');
    }
  }

  async userExists(login: string): Promise<boolean> {
    try {
      await withReadRetry(() => this.gh.rest.users.getByUsername({ username: login, ...this.req() }));
      return true;
    } catch (err) {
      if (isStatus(err, 404)) return false;
      throw this.fail(err, `looking up the GitHub user ${login}`);
    }
  }

  /**
   * Reads a file of a repository as text; undefined when it does not exist. The answer is read as
   * a stream and no further than MAX_TEXT_ANSWER_BYTES, the text no larger than MAX_TEXT_BYTES:
   * a server (any --api-url) answering with a huge body is refused, not held in memory.
   */
  private async readText(owner: string, repo: string, path: string, limits: CallLimits = {}): Promise<{ text: string; sha: string } | undefined> {
    const tooLarge = () =>
      new AliveError(
        `${path} in ${owner}/${repo} is over ${MAX_TEXT_BYTES / 1024} KiB, and no key or relay README is: it was not read ` +
          `(from ${this.o.baseUrl}); check that repository and the API URL`,
        { code: 'too_large' },
      );
    let answer: Buffer | undefined;
    try {
      const r = await withReadRetry(
        () => this.gh.rest.repos.getContent({ owner, repo, path, request: { ...this.req(limits).request, ...streamedAnswers } }),
        limits.deadline,
      );
      const length = Number(r.headers['content-length']);
      const body = r.data as unknown as ReadableStream<Uint8Array> | null;
      if (Number.isFinite(length) && length > MAX_TEXT_ANSWER_BYTES) {
        await body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const bytes = await readBounded(body, MAX_TEXT_ANSWER_BYTES, 'refuse');
      answer = bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw this.fail(err, `reading ${path} from ${owner}/${repo}`);
    }
    if (!answer) throw tooLarge();
    let data: { type?: string; content?: string; encoding?: string; sha?: string };
    try {
      data = JSON.parse(answer.toString('utf8'));
    } catch {
      throw new AliveError(`${owner}/${repo}: the answer for ${path} is not JSON (from ${this.o.baseUrl}); check the API URL`, { code: 'bad_relay' });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.type !== 'file' || typeof data.sha !== 'string') {
      throw new AliveError(`${owner}/${repo}: ${path} is not a file`, { code: 'bad_relay' });
    }
    // GitHub sends a file of up to 1 MB as base64, and a larger one without content (encoding none).
    if (data.encoding === 'none') throw tooLarge();
    const corrupt = (why: string) =>
      new AliveError(`${owner}/${repo}: the answer for ${path} from ${this.o.baseUrl} ${why}; check the API URL (GITHUB_API_URL or relay.json's api_url)`, {
        code: 'bad_relay',
      });
    const content = typeof data.content === 'string' ? data.content.replace(/\s+/g, '') : undefined;
    if (data.encoding !== 'base64' || content === undefined || !isStandardBase64(content)) {
      throw corrupt('is not base64 content');
    }
    const bytes = Buffer.from(content, 'base64');
    if (bytes.length > MAX_TEXT_BYTES) throw tooLarge();
    // The sha GitHub gives is the Git blob id of the content: a cut or mixed-up answer does not match it.
    if (gitBlobShaOf(bytes) !== data.sha) throw corrupt('does not match its sha (cut short, or another file)');
    return { text: bytes.toString('utf8'), sha: data.sha };
  }

  /** Whether a file exists (however large: an answer past readText's cap is a file that exists). */
  private async fileExists(owner: string, repo: string, path: string): Promise<boolean> {
    try {
      return (await this.readText(owner, repo, path)) !== undefined;
    } catch (err) {
      if (err instanceof AliveError && err.code === 'too_large') return true;
      throw err;
    }
  }

  private async putText(owner: string, repo: string, path: string, text: string, message: string, sha?: string): Promise<void> {
    try {
      await this.gh.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path,
        message,
        content: Buffer.from(text, 'utf8').toString('base64'),
        ...(sha ? { sha } : {}),
        ...this.req(),
      });
    } catch (err) {
      throw this.fail(err, `writing ${path} to ${owner}/${repo}`);
    }
  }

  private async headCommit(owner: string, repo: string, limits: CallLimits = {}, branch = this.o.branch): Promise<string | null> {
    try {
      const r = await withReadRetry(() => this.gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}`, ...this.req(limits) }), limits.deadline);
      // Recorded as state.json's last_commit and used in later requests.
      return this.objectId(answerOf(refAnswer, r.data).object.sha, `${owner}/${repo}: the head of ${branch}`, 'commit id');
    } catch (err) {
      if (err instanceof AliveError) throw err;
      // 409: the repository is empty; 404: no such branch yet.
      if (isStatus(err, 409)) return null;
      if (isStatus(err, 404)) {
        if (await this.repoVisible(owner, repo, limits)) return null;
        throw new AliveError(`the relay ${owner}/${repo} does not exist or this token cannot see it`, { code: 'relay_not_found' });
      }
      throw this.fail(err, `reading the head of ${owner}/${repo}`);
    }
  }

  private async repoVisible(owner: string, repo: string, limits: CallLimits = {}): Promise<boolean> {
    try {
      await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req(limits) }), limits.deadline);
      return true;
    } catch (err) {
      if (isStatus(err, 404)) return false;
      throw this.fail(err, `reading ${owner}/${repo}`);
    }
  }

  async setup(publicKeyPem: string): Promise<SetupResult> {
    const owner = this.o.login;
    const repo = RELAY_REPO_NAME;
    let created = false;
    try {
      const r = await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req() }));
      // setup (its caller) refuses a branch git would not accept, saying how to rename it.
      const answer = answerOf(repositoryAnswer, r.data);
      // Refused before anything is written: a key published here would stay when setup fails.
      if (!isUsableBranch(answer.default_branch)) {
        throw this.unusableBranch(
          owner,
          repo,
          answer.default_branch,
          "rename it on GitHub (the repository's Settings > Branches) to a plain name such as main, then run `alive-p2p relay setup` again",
        );
      }
      this.o.branch = answer.default_branch;
      if (!answer.private) {
        throw new AliveError(`${owner}/${repo} exists and is public; make it private on GitHub (a relay must never be public), then run setup again`, {
          code: 'public_relay',
        });
      }
    } catch (err) {
      if (!isStatus(err, 404)) throw this.fail(err, `reading ${owner}/${repo}`);
      try {
        await this.gh.rest.repos.createForAuthenticatedUser({
          name: repo,
          private: true,
          auto_init: false,
          description: 'walnut relay: a private mailbox for alive packages',
          ...this.req(),
        });
        created = true;
        this.o.branch = 'main';
      } catch (createErr) {
        throw this.fail(createErr, `creating the private repository ${owner}/${repo}`);
      }
    }
    if (!created) await this.refuseNotYourRelay(owner, repo);
    if (!(await this.readText(owner, repo, 'README.md'))) {
      await this.putText(owner, repo, 'README.md', relayReadme(), 'Initialize walnut relay');
    }
    const keyPath = `keys/${owner}.pem`;
    const existing = await this.readText(owner, repo, keyPath);
    let keyPublished = false;
    if (!existing || existing.text !== publicKeyPem) {
      await this.putText(owner, repo, keyPath, publicKeyPem, `Publish key of ${owner}`, existing?.sha);
      keyPublished = true;
    }
    return { repo: `${owner}/${repo}`, url: null, created, keyPublished, head: await this.headCommit(owner, repo), branch: this.o.branch };
  }

  /** A repository of the relay's name that holds something else (not-your-relay.ts): refused before anything is written. */
  private async refuseNotYourRelay(owner: string, repo: string): Promise<void> {
    const head = await this.headCommit(owner, repo);
    if (!head) return;
    let content: import('./not-your-relay.ts').RepositoryContent;
    try {
      const root = await this.rootTree(owner, repo, head, {});
      const keys = root.tree.find((e) => e.path === 'keys' && e.type === 'tree');
      const listed = keys ? (await this.tree(owner, repo, keys.sha, false, {})).tree : [];
      content = { top: root.tree, keys: listed.map((e) => `keys/${e.path}`) };
    } catch (err) {
      throw this.fail(err, `reading what ${owner}/${repo} holds`);
    }
    (await import('./not-your-relay.ts')).refuseGithubRepository(`${owner}/${repo}`, owner, content);
  }

  /**
   * A default branch git refuses (it goes into the ref of every request): bad_relay. The name is
   * the server's text: quoted when it is a plain name, else only the untrusted detail.
   */
  private unusableBranch(owner: string, repo: string, branch: string, advice: string): AliveError {
    const plain = isPlainName(branch);
    const follows = '; the name is in the untrusted detail that follows';
    return new AliveError(
      `${owner}/${repo} has ${plain ? `the default branch '${branch}', which is not a branch name git accepts` : 'a default branch whose name is not one git accepts'} (from ${this.o.baseUrl}); ` +
        `${advice}${plain ? '' : follows}`,
      { code: 'bad_relay', ...(plain ? {} : { untrusted: untrustedDetail('branch name', inlineText(branch, 300), follows) }) },
    );
  }

  /** Invites a peer to push into the user's relay: 'invited' (201) or 'already' a collaborator (204). */
  async invite(peerLogin: string): Promise<'invited' | 'already'> {
    try {
      const r = await this.gh.rest.repos.addCollaborator({
        owner: this.o.login,
        repo: RELAY_REPO_NAME,
        username: peerLogin,
        permission: 'push',
        ...this.req(),
      });
      return r.status === 201 ? 'invited' : 'already';
    } catch (err) {
      if (isStatus(err, 404)) {
        throw new AliveError(`cannot invite ${peerLogin}: ${this.ownRepo} or the user was not found; run \`alive-p2p relay setup\` first`, {
          code: 'not_found',
        });
      }
      throw this.fail(err, `inviting ${peerLogin} to ${this.ownRepo}`);
    }
  }

  /** Removes a peer's access to the user's relay (and any invitation still open). */
  async removeCollaborator(peerLogin: string): Promise<void> {
    try {
      await this.gh.rest.repos.removeCollaborator({ owner: this.o.login, repo: RELAY_REPO_NAME, username: peerLogin, ...this.req() });
    } catch (err) {
      throw this.fail(err, `removing ${peerLogin}'s access to ${this.ownRepo}`);
    }
  }

  async isCollaborator(peerLogin: string, limits: CallLimits = {}): Promise<boolean> {
    try {
      await this.gh.rest.repos.checkCollaborator({ owner: this.o.login, repo: RELAY_REPO_NAME, username: peerLogin, ...this.req(limits) });
      return true;
    } catch (err) {
      if (isStatus(err, 404)) return false;
      throw this.fail(err, `checking whether ${peerLogin} accepted the invitation`);
    }
  }

  /**
   * A login as GitHub spells it (`bob` → `Bob`), undefined when there is no such user. GitHub
   * compares logins without case, but paths in a repository (`keys/Bob.pem`) are case-sensitive.
   */
  async loginOf(login: string, limits: CallLimits = {}): Promise<string | undefined> {
    try {
      const r = await withReadRetry(() => this.gh.rest.users.getByUsername({ username: login, ...this.req(limits) }), limits.deadline);
      const spelled = answerOf(userAnswer, r.data).login;
      return spelled.toLowerCase() === login.toLowerCase() && isValidLogin(spelled) ? spelled : login;
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw this.fail(err, `looking up the GitHub user ${login}`);
    }
  }

  /** Open invitations to relays (repositories named walnut-relay), all pages. */
  async listRelayInvitations(): Promise<RelayInvitation[]> {
    try {
      const out: RelayInvitation[] = [];
      for (const inv of await this.invitationPages()) {
        const repo = inv.repository;
        // A relay is the personal repository <login>/walnut-relay: the peer is its owner, and an
        // invitation sent by anyone else (an organisation's repository, say) is not a peer's relay.
        const owner = repo.owner.login;
        const inviter = inv.inviter?.login ?? owner;
        if (repo.name !== RELAY_REPO_NAME || !isValidLogin(owner) || inviter.toLowerCase() !== owner.toLowerCase()) continue;
        // The id goes into the path of the accepting request; the relay recorded for the peer is
        // the one checked here (the answer's full_name is another field, which could name any repository).
        const id = inv.id;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) continue;
        out.push({ id, repo: `${owner}/${RELAY_REPO_NAME}`, inviter: owner });
      }
      return out;
    } catch (err) {
      throw this.fail(err, 'listing your repository invitations');
    }
  }

  /**
   * The invitations, page by page through `page=N` on the API's own host, under one deadline and at
   * most INVITATION_PAGES pages. Not octokit's paginate: it follows the `Link` header's next URL to
   * whatever host the response names, with the token, and without the call's abort signal. A page
   * with no invitation not seen before ends it (a server that ignores `page` repeats the first).
   */
  private async invitationPages() {
    const deadline = Date.now() + 60_000;
    const all = [];
    const seen = new Set<unknown>();
    for (let page = 1; page <= INVITATION_PAGES; page++) {
      const r = await this.gh.rest.repos.listInvitationsForAuthenticatedUser({ per_page: PER_PAGE, page, ...this.req({ deadline }) });
      const fresh = answerOf(invitationsAnswer, r.data).filter((inv) => !seen.has(inv.id));
      for (const inv of fresh) seen.add(inv.id);
      all.push(...fresh);
      if (r.data.length < PER_PAGE || fresh.length === 0) break;
    }
    return all;
  }

  async acceptInvitation(id: number): Promise<void> {
    try {
      await this.gh.rest.repos.acceptInvitationForAuthenticatedUser({ invitation_id: id, ...this.req() });
    } catch (err) {
      throw this.fail(err, `accepting invitation ${id}`);
    }
  }

  async fetchPeerKey(peer: PeerRelay, limits: CallLimits = {}): Promise<string> {
    const { owner, repo } = splitRepo(peer.relay);
    const file = await this.readText(owner, repo, `keys/${peer.login}.pem`, limits);
    if (!file) {
      throw new AliveError(
        `cannot read ${peer.login}'s key from ${owner}/${repo} (not found, or you have no access yet): ask ${peer.login} to run ` +
          `\`alive-p2p relay add-peer ${this.o.login}\`, then run \`alive-p2p relay accept ${peer.login}\``,
        { code: 'no_peer_key' },
      );
    }
    return file.text;
  }

  async ownKey(limits: CallLimits = {}): Promise<string | null> {
    const file = await this.readText(this.o.login, RELAY_REPO_NAME, `keys/${this.o.login}.pem`, limits);
    return file ? file.text : null;
  }

  async deliver(peer: PeerRelay, localPath: string, nextName: () => string, checkKey: (pem: string) => void, onProgress?: OnProgress): Promise<DeliverResult> {
    const { owner, repo } = splitRepo(peer.relay);
    checkKey(await this.fetchPeerKey(peer));
    const folder = `inbox/${this.o.login}`;
    const size = statSync(localPath).size;
    const progress = transferProgress('uploading', onProgress, size);
    progress.start();
    try {
      return await this.depositWith(peer, owner, repo, folder, localPath, size, nextName, progress);
    } catch (err) {
      progress.abandon();
      throw err;
    }
  }

  private async depositWith(
    peer: PeerRelay,
    owner: string,
    repo: string,
    folder: string,
    localPath: string,
    size: number,
    nextName: () => string,
    progress: ReturnType<typeof transferProgress>,
  ): Promise<DeliverResult> {
    if (size <= CONTENTS_API_MAX_BYTES) {
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync(localPath);
      const blob = gitBlobShaOf(bytes);
      const content = bytes.toString('base64');
      let refusal = '';
      let words: ReturnType<typeof serverWords>;
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const name = nextName();
        const path = `${folder}/${name}`;
        try {
          // No `sha`: GitHub refuses (422) to replace an existing file without it, so nothing is overwritten.
          const r = await this.gh.rest.repos.createOrUpdateFileContents({
            owner,
            repo,
            path,
            message: `deposit: ${name} from ${this.o.login}`,
            content,
            // At most 1 MiB: the per-call timeout, as for any call (not the long one of a streamed upload).
            ...this.req(),
          });
          progress.finish(size);
          // The package is in: a commit id the server spelled otherwise is only not known.
          const written = contentsWriteAnswer.safeParse(r.data);
          const commit = written.success && isObjectId(written.data.commit.sha) ? written.data.commit.sha : null;
          return { path, name, commit, via: 'contents-api', blob };
        } catch (err) {
          if (isStatus(err, 409, 422)) {
            // A file of that name appeared, or the branch moved: new name, try again. A refusal that
            // comes every time (a repository rule, say) is named when the attempts are spent: its
            // status in our words, what the server said only as the untrusted detail.
            refusal = statusWords(httpStatus(err));
            words = serverWords(err, tokenOf(this.gh));
            continue;
          }
          if (isStatus(err, 404)) throw this.noWriteAccess(peer, owner, repo);
          throw this.fail(err, `delivering a package to ${owner}/${repo}`);
        }
      }
      throw new AliveError(
        `${owner}/${repo} kept refusing the deposit (${refusal}); try again, and if it keeps refusing, ask ${peer.login} about the repository's rules${words ? SERVER_WORDS_FOLLOW : ''}`,
        { code: 'conflict', ...(words ? { untrusted: words } : {}) },
      );
    }
    const delivered = await this.deliverLarge(peer, owner, repo, folder, localPath, nextName, (n) => progress.bytes(n));
    progress.finish(size);
    return delivered;
  }

  private noWriteAccess(peer: PeerRelay, owner: string, repo: string): AliveError {
    return new AliveError(
      `cannot write to ${owner}/${repo} (not found or no access): ask ${peer.login} to run \`alive-p2p relay add-peer ${this.o.login}\`, then \`alive-p2p relay accept ${peer.login}\``,
      { code: 'no_access' },
    );
  }

  private async deliverLarge(
    peer: PeerRelay,
    owner: string,
    repo: string,
    folder: string,
    localPath: string,
    nextName: () => string,
    onSent: (bytes: number) => void,
  ): Promise<DeliverResult> {
    let blobSha: string;
    const watch = this.transferWatch();
    try {
      const sent = (bytes: number) => {
        watch.moved();
        onSent(bytes);
      };
      const r = await this.gh.request('POST /repos/{owner}/{repo}/git/blobs', {
        owner,
        repo,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        data: Readable.from(jsonBlobBody(localPath, sent)),
        request: { signal: watch.signal },
      } as never);
      blobSha = this.objectId(answerOf(createdAnswer, r.data).sha, `${owner}/${repo}: the id of the uploaded package`);
    } catch (err) {
      if (isStatus(err, 404)) throw this.noWriteAccess(peer, owner, repo);
      throw this.fail(err, `uploading a package to ${owner}/${repo}`);
    } finally {
      watch.stop();
    }
    let branch: string;
    try {
      branch = answerOf(repositoryAnswer, (await withReadRetry(() => this.gh.rest.repos.get({ owner, repo, ...this.req() }))).data).default_branch;
    } catch (err) {
      throw this.fail(err, `reading ${owner}/${repo}`);
    }
    // It goes into the ref of every request below (`heads/<branch>`).
    if (!isUsableBranch(branch)) {
      throw this.unusableBranch(owner, repo, branch, `ask ${peer.login} to rename it on GitHub (the repository's Settings > Branches)`);
    }
    let refusal = '';
    let words: ReturnType<typeof serverWords>;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const name = nextName();
      const path = `${folder}/${name}`;
      try {
        const head = await this.headCommit(owner, repo, {}, branch);
        if (!head) throw new AliveError(`${owner}/${repo} is empty; ask ${peer.login} to run \`alive-p2p relay setup\``, { code: 'peer_not_set_up' });
        const commit = await this.gh.rest.git.getCommit({ owner, repo, commit_sha: head, ...this.req() });
        if (await this.fileExists(owner, repo, path)) continue;
        const tree = await this.gh.rest.git.createTree({
          owner,
          repo,
          base_tree: this.objectId(answerOf(commitAnswer, commit.data).tree.sha, `${owner}/${repo}: the tree of ${head}`),
          tree: [{ path, mode: '100644', type: 'blob', sha: blobSha }],
          ...this.req(),
        });
        const created = await this.gh.rest.git.createCommit({
          owner,
          repo,
          message: `deposit: ${name} from ${this.o.login}`,
          tree: this.objectId(answerOf(createdAnswer, tree.data).sha, `${owner}/${repo}: the new tree`),
          parents: [head],
          ...this.req(),
        });
        const next = this.objectId(answerOf(createdAnswer, created.data).sha, `${owner}/${repo}: the new commit`);
        try {
          await this.gh.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: next, force: false, ...this.req() });
        } catch (err) {
          if (!isStatus(err, 409, 422)) throw err;
          // Not a fast-forward: someone else wrote first. Or a rule refusing every update, named at the end.
          refusal = ` (${statusWords(httpStatus(err))})`;
          words = serverWords(err, tokenOf(this.gh));
          continue;
        }
        return { path, name, commit: next, via: 'git-data-api', blob: blobSha };
      } catch (err) {
        if (err instanceof AliveError) throw err;
        throw this.fail(err, `delivering a package to ${owner}/${repo}`);
      }
    }
    throw new AliveError(
      `${owner}/${repo} kept changing while delivering${refusal}; try again${refusal ? `, and if it keeps refusing, ask ${peer.login} about the repository's rules` : ''}${words ? SERVER_WORDS_FOLLOW : ''}`,
      { code: 'conflict', ...(words ? { untrusted: words } : {}) },
    );
  }

  /**
   * One request: the Contents API lists the folder on the relay's default branch, where deposits
   * go. Past its 1,000 entries a package is not seen (and is pushed again, as before); a folder
   * that is not there, or a relay this token cannot read, holds nothing of ours.
   */
  async listDeposits(peer: PeerRelay, limits: CallLimits = {}): Promise<InboxEntry[]> {
    const { owner, repo } = splitRepo(peer.relay);
    const folder = `inbox/${this.o.login}`;
    let listed: Array<{ type: string; name: string; sha: string; size?: unknown }>;
    try {
      const { data } = await withReadRetry(() => this.gh.rest.repos.getContent({ owner, repo, path: folder, ...this.req(limits) }), limits.deadline);
      // A file where the folder should be: nothing of ours waits there.
      if (!Array.isArray(data)) return [];
      listed = answerOf(folderAnswer, data);
    } catch (err) {
      if (isStatus(err, 404)) return [];
      throw this.fail(err, `listing ${folder} of ${owner}/${repo}`);
    }
    return listed
      .filter((e) => e.type === 'file' && isSafeDepositName(e.name) && isObjectId(e.sha))
      .map((e) => ({
        sender: this.o.login,
        name: e.name,
        path: `${folder}/${e.name}`,
        blobSha: e.sha,
        ...(typeof e.size === 'number' && Number.isSafeInteger(e.size) && e.size >= 0 ? { size: e.size } : {}),
      }));
  }

  async listInbox(given: CallLimits = {}): Promise<InboxListing> {
    const limits = given.deadline !== undefined ? given : { ...given, deadline: Date.now() + (this.o.listingDeadlineMs ?? LISTING_DEADLINE_MS) };
    const owner = this.o.login;
    const repo = RELAY_REPO_NAME;
    const head = await this.headCommit(owner, repo, limits);
    if (!head) return { head, entries: [], ignored: [] };
    try {
      const root = await this.rootTree(owner, repo, head, limits);
      const inbox = root.tree.find((e) => e.path === 'inbox' && e.type === 'tree');
      if (!inbox) return { head, entries: [], ignored: [] };
      const entries: InboxEntry[] = [];
      const ignored: string[] = [];
      let flat = await this.tree(owner, repo, inbox.sha, true, limits);
      if (flat.truncated) {
        // Too big for one recursive listing: walk one sender folder at a time, a request each. Folders
        // are made by anyone with write access (thousands, sharing one tree, in a small push): past
        // MAX_WALKED_FOLDERS the walk would spend the user's hourly rate limit, so it is refused.
        const items: typeof flat.tree = [];
        const maxWalkedFiles = this.o.maxWalkedFiles ?? MAX_WALKED_FILES;
        const top = (await this.tree(owner, repo, inbox.sha, false, limits)).tree;
        const folders = top.filter((e) => e.type === 'tree').length;
        if (folders > MAX_WALKED_FOLDERS) {
          throw new AliveError(
            `inbox/ of ${owner}/${repo} holds ${folders} folders and too many files for one listing; alive walks at most ${MAX_WALKED_FOLDERS} ` +
              '(a request each): someone with write access may have pushed them. Remove the folders that are not your peers and try again',
            { code: 'too_large' },
          );
        }
        for (const dir of top) {
          if (dir.type !== 'tree') {
            items.push(dir);
            continue;
          }
          for (const f of (await this.tree(owner, repo, dir.sha, false, limits)).tree) items.push({ ...f, path: `${dir.path}/${f.path}` });
          if (items.length > maxWalkedFiles) {
            throw new AliveError(
              `inbox/ of ${owner}/${repo} holds over ${maxWalkedFiles.toLocaleString('en-US')} files in its ${folders} folders, more than alive lists: ` +
                'someone with write access may have pushed them. Remove the folders that are not your peers and try again',
              { code: 'too_large' },
            );
          }
        }
        flat = { tree: items, truncated: false };
      }
      for (const e of flat.tree) {
        if (e.type === 'tree') continue;
        const parts = e.path.split('/');
        if (parts.length === 2 && parts[1] === '.gitkeep') continue;
        const [sender, name] = parts;
        if (parts.length === 2 && e.type === 'blob' && isRegularFileMode(e.mode) && sender && name && isValidLogin(sender) && isSafeDepositName(name)) {
          entries.push({ sender, name, path: `inbox/${e.path}`, blobSha: e.sha, ...(e.size !== undefined ? { size: e.size } : {}) });
        } else ignored.push(inlineText(`inbox/${e.path}`));
      }
      entries.sort((a, b) => a.path.localeCompare(b.path));
      return { head, entries, ignored };
    } catch (err) {
      throw this.fail(err, `listing the inbox of ${owner}/${repo}`);
    }
  }

  /** The top of commit `head`'s tree (not recursive). */
  private async rootTree(owner: string, repo: string, head: string, limits: CallLimits) {
    const commit = await withReadRetry(() => this.gh.rest.git.getCommit({ owner, repo, commit_sha: head, ...this.req(limits) }), limits.deadline);
    return this.tree(owner, repo, this.objectId(answerOf(commitAnswer, commit.data).tree.sha, `${owner}/${repo}: the tree of ${head}`), false, limits);
  }

  private async tree(owner: string, repo: string, sha: string, recursive: boolean, limits: CallLimits) {
    const r = await withReadRetry(
      () => this.gh.rest.git.getTree({ owner, repo, tree_sha: sha, ...(recursive ? { recursive: 'true' } : {}), ...this.req(limits) }),
      limits.deadline,
    );
    const answer = answerOf(treeAnswer, r.data);
    return {
      truncated: answer.truncated === true,
      // The server's claims: a size that is not a whole number of bytes (text, in a hostile answer)
      // would reach relay inbox's output and pull's --max-size check; it is unknown instead.
      tree: answer.tree.map((e) => ({
        path: e.path,
        type: e.type,
        mode: typeof e.mode === 'string' ? e.mode : '',
        sha: this.objectId(e.sha, `${owner}/${repo}: an entry of tree ${sha}`),
        size: typeof e.size === 'number' && Number.isSafeInteger(e.size) && e.size >= 0 ? e.size : undefined,
      })),
    };
  }

  async download(entry: InboxEntry, dest: string, maxBytes?: number, onProgress?: OnProgress, admit?: (size: number) => void): Promise<void> {
    if (maxBytes !== undefined && entry.size !== undefined && entry.size > maxBytes) throw tooLargeError(entry, maxBytes);
    // The size the listing gave (the tree API's `size`): refused before anything is requested.
    let admitted = entry.size;
    if (admitted !== undefined) admit?.(admitted);
    const owner = this.o.login;
    const repo = RELAY_REPO_NAME;
    let progress: ReturnType<typeof transferProgress> | undefined;
    const watch = this.transferWatch(entry.size);
    /** What the local file failed with, if it did: not GitHub's failure. */
    let writeError: unknown;
    try {
      const r = await withReadRetry(() =>
        this.gh.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
          owner,
          repo,
          file_sha: entry.blobSha,
          headers: { accept: 'application/vnd.github.raw+json' },
          request: { signal: watch.signal, ...streamedAnswers },
        }),
      );
      const body = r.data as unknown as ReadableStream<Uint8Array> | null;
      if (!body) throw new AliveError(`GitHub sent an empty body for ${entry.path}`, { code: 'bad_download' });
      const length = Number(r.headers['content-length']);
      const known = Number.isSafeInteger(length) && length >= 0 ? length : undefined;
      // A compressed answer's length is not the package's.
      const encoded = (r.headers['content-encoding'] ?? 'identity') !== 'identity';
      if (admitted === undefined && known !== undefined && !encoded) {
        try {
          admit?.(known);
        } catch (err) {
          await body.cancel().catch(() => {});
          throw err;
        }
        admitted = known;
      }
      const shown = transferProgress('downloading', onProgress, entry.size ?? (known !== undefined && known > 0 ? known : 0));
      progress = shown;
      shown.start();
      let seen = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          watch.moved();
          seen += chunk.length;
          if (maxBytes !== undefined && seen > maxBytes) done(tooLargeError(entry, maxBytes));
          // More than the size admitted: not the listed blob, and not to pass pull's byte cap.
          else if (admit && admitted !== undefined && seen > admitted) {
            done(new AliveError(`the package's download is larger than the ${admitted} bytes listed for it`, { code: 'corrupt_download' }));
          } else {
            shown.bytes(seen);
            done(null, chunk);
          }
        },
      });
      const file = createWriteStream(dest, { flags: 'wx', mode: 0o600 });
      file.on('error', (e) => {
        writeError ??= e;
      });
      await pipeline(Readable.fromWeb(body as never), cap, file);
      // No size was given beforehand: the cap is checked on what came, before pull uses it.
      if (admitted === undefined) admit?.(seen);
      shown.finish(seen);
    } catch (err) {
      progress?.abandon();
      if (err instanceof AliveError) throw err;
      if (writeError !== undefined && err === writeError) throw unwritableDownload(entry, dest, err);
      throw this.fail(err, 'downloading the package');
    } finally {
      watch.stop();
    }
  }

  async remove(entries: InboxEntry[]): Promise<void> {
    const owner = this.o.login;
    const repo = RELAY_REPO_NAME;
    // One at a time: GitHub documents conflicts for parallel writes to one repository.
    for (const e of entries) {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.gh.rest.repos.deleteFile({ owner, repo, path: e.path, message: `received: ${e.name}`, sha: e.blobSha, ...this.req() });
          break;
        } catch (err) {
          if (isStatus(err, 404)) break; // already gone
          if (isStatus(err, 409, 500, 502, 503) && attempt < WRITE_ATTEMPTS - 1) {
            await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
            continue;
          }
          throw this.fail(err, `removing ${e.path} from ${owner}/${repo} (it is safely downloaded; run pull again later to clean up)`);
        }
      }
    }
  }

  async isReachable(peer: PeerRelay, limits: CallLimits = {}): Promise<boolean> {
    try {
      const { owner, repo } = splitRepo(peer.relay);
      return await this.repoVisible(owner, repo, limits);
    } catch {
      return false;
    }
  }
}

/** A SHA-1 or SHA-256 Git object id, in the lowercase hex GitHub writes. */
function isObjectId(text: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text);
}

/** `{"content":"<base64 of the file>","encoding":"base64"}`, produced as a stream. */
async function* jsonBlobBody(path: string, onSent: (fileBytes: number) => void): AsyncGenerator<Buffer> {
  yield Buffer.from('{"encoding":"base64","content":"');
  let carry = Buffer.alloc(0);
  let read = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 3 * 64 * 1024 })) {
    // The body is pulled as the request sends it: what was read is (within a buffer) what was sent.
    if (read > 0) onSent(read);
    read += (chunk as Buffer).length;
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const usable = buf.length - (buf.length % 3);
    if (usable > 0) yield Buffer.from(buf.subarray(0, usable).toString('base64'));
    carry = Buffer.from(buf.subarray(usable));
  }
  if (carry.length) yield Buffer.from(carry.toString('base64'));
  yield Buffer.from('"}');
}
