/**
 * A local stand-in for GitHub's REST API, answering as GitHub documents it, for the relay tests.
 * Real Git object ids (blobs, trees, commits), so what a client computes can be checked against it.
 *
 * Documented behaviour reproduced: 404 for private repositories without access; 401 for a bad
 * token; 403 with x-ratelimit-remaining: 0 when the rate limit is used up, and 403 with retry-after
 * (and requests left) when a secondary rate limit is hit; base64 file content;
 * `sha` required to update or delete a file (422 without, 409 when stale); Contents API size
 * limits (1 MB for JSON reads, raw media type above; 100 MB for writes); 201 (invitation) vs 204
 * (already a collaborator) on PUT collaborators, 204 on DELETE (which also cancels the user's
 * outstanding invitations); repository invitations with Link-header
 * pagination; 409 for an empty repository's refs; 422 for a ref update that is not a fast-forward.
 * Faults on demand: 5xx for chosen requests, and a mode where requests are accepted and never answered.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

interface TreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

export interface Repo {
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  collaborators: Set<string>;
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntry[]>;
  commits: Map<string, { tree: string; parents: string[]; message: string }>;
  refs: Map<string, string>;
}

interface Invitation {
  id: number;
  repo: string;
  invitee: string;
  inviter: string;
}

export interface FakeGithubOptions {
  /** token → login */
  tokens: Record<string, string>;
  /** Extra users that exist but have no token here. */
  users?: string[];
  /** Largest file the Contents API accepts on write (GitHub: 100 MB). */
  contentsWriteMaxBytes?: number;
  /** Largest file the Contents API returns as JSON (GitHub: 1 MB). */
  contentsJsonMaxBytes?: number;
  /** Entries above which a recursive tree listing is truncated (GitHub: 100,000). */
  treeRecursiveLimit?: number;
  /** Hard cap on requests per server, so a looping client fails instead of spinning. */
  maxRequests?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  login: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DOCS = 'https://docs.github.com/rest';

/** A repository with no commits yet, on branch main (private unless told). */
export function emptyRepo(owner: string, name = 'walnut-relay', isPrivate = true): Repo {
  return {
    owner,
    name,
    private: isPrivate,
    defaultBranch: 'main',
    collaborators: new Set(),
    blobs: new Map(),
    trees: new Map(),
    commits: new Map(),
    refs: new Map(),
  };
}

export class FakeGithub {
  url = '';
  readonly requests: RequestRecord[] = [];
  readonly repos = new Map<string, Repo>();
  readonly invitations = new Map<number, Invitation>();
  /** When true, requests are accepted and never answered. */
  hang = false;
  /** A raw (media type .raw) answer sends this many bytes of its body, then nothing more (a stalled download). */
  stallRawBodiesAfter: number | undefined;
  /** A raw answer sends one byte of its body each this many ms (a download that trickles but never stalls). */
  dripRawBodiesEveryMs: number | undefined;
  /** A blob upload (POST …/git/blobs) is read this far, then no further and never answered (a stalled upload). */
  stallBlobUploadsAfter: number | undefined;
  readonly rateLimited = new Set<string>();
  /** Tokens whose requests hit a secondary rate limit: 403, retry-after, x-ratelimit-remaining above 0. */
  readonly secondaryRateLimited = new Set<string>();
  /** Headers added to (or replacing those of) the rate-limited answer, as a hostile server might send. */
  rateLimitHeaders: Record<string, string> = {};
  /** Rewrites each invitation as listed (GitHub never would): a hostile or broken server. */
  tamperInvitation: ((invitation: Record<string, unknown>) => Record<string, unknown>) | undefined;
  private readonly failures: Array<{ method: string; path: RegExp; status: number; remaining: number; body?: Record<string, unknown> }> = [];
  /** Lowercased login → the login as spelled (GitHub answers with its own spelling). */
  private readonly users = new Map<string, string>();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private nextInvitation = 1;
  private readonly opts: Required<Omit<FakeGithubOptions, 'users'>>;

  constructor(options: FakeGithubOptions) {
    this.opts = {
      tokens: options.tokens,
      contentsWriteMaxBytes: options.contentsWriteMaxBytes ?? 100 * 1024 * 1024,
      contentsJsonMaxBytes: options.contentsJsonMaxBytes ?? 1024 * 1024,
      treeRecursiveLimit: options.treeRecursiveLimit ?? 100_000,
      maxRequests: options.maxRequests ?? 5000,
    };
    for (const login of [...Object.values(options.tokens), ...(options.users ?? [])]) this.users.set(login.toLowerCase(), login);
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${addr.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The next `count` requests matching method and path answer `status`, with `body` as the error
   * answer when given (a hostile server's own `message`, say), else GitHub's usual one.
   */
  failNext(method: string, path: RegExp, status: number, count = 1, body?: Record<string, unknown>): void {
    this.failures.push({ method, path, status, remaining: count, ...(body ? { body } : {}) });
  }

  /** No injected failure is left (failNext's). */
  clearFailures(): void {
    this.failures.length = 0;
  }

  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  // --- repository content helpers for tests ---

  repo(full: string): Repo {
    const r = this.repos.get(full.toLowerCase());
    if (!r) throw new Error(`no repo ${full}`);
    return r;
  }

  /** Files of a branch: path → content. */
  files(full: string, branch?: string): Map<string, Buffer> {
    const repo = this.repo(full);
    const head = repo.refs.get(`heads/${branch ?? repo.defaultBranch}`);
    const out = new Map<string, Buffer>();
    if (!head) return out;
    const walk = (treeSha: string, prefix: string) => {
      for (const e of repo.trees.get(treeSha) ?? []) {
        const p = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.type === 'tree') walk(e.sha, p);
        else out.set(p, repo.blobs.get(e.sha)!);
      }
    };
    walk(repo.commits.get(head)!.tree, '');
    return out;
  }

  /** Writes files straight into a repository (as another client would). */
  commitFiles(full: string, changes: Record<string, Buffer | string | null>, message = 'test commit'): string {
    const repo = this.repo(full);
    const head = repo.refs.get(`heads/${repo.defaultBranch}`) ?? null;
    const base = head ? repo.commits.get(head)!.tree : null;
    const list = Object.entries(changes).map(([path, content]) => ({
      path,
      sha: content === null ? null : this.putBlob(repo, Buffer.from(content)),
    }));
    const tree = this.writePaths(repo, base, list);
    const commit = this.putCommit(repo, tree, head ? [head] : [], message);
    repo.refs.set(`heads/${repo.defaultBranch}`, commit);
    return commit;
  }

  /**
   * Places the tree at `source` (a folder of the branch) at each of `targets` too, in one commit:
   * one tree object shared by many folders, as a small git push can make it.
   */
  commitTreeCopies(full: string, source: string, targets: string[], message = 'test commit'): string {
    const repo = this.repo(full);
    const head = repo.refs.get(`heads/${repo.defaultBranch}`);
    const base = head ? repo.commits.get(head)!.tree : null;
    const entry = base ? this.lookup(repo, base, source) : undefined;
    if (!head || entry?.type !== 'tree') throw new Error(`no folder ${source} in ${full}`);
    const tree = this.writePaths(
      repo,
      base,
      targets.map((path) => ({ path, sha: entry.sha, mode: '40000' })),
    );
    const commit = this.putCommit(repo, tree, [head], message);
    repo.refs.set(`heads/${repo.defaultBranch}`, commit);
    return commit;
  }

  // --- git objects ---

  private putBlob(repo: Repo, content: Buffer): string {
    const sha = gitHash('blob', content);
    repo.blobs.set(sha, content);
    return sha;
  }

  private putTree(repo: Repo, entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => (treeKey(a) < treeKey(b) ? -1 : treeKey(a) > treeKey(b) ? 1 : 0));
    const body = Buffer.concat(sorted.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])));
    const sha = gitHash('tree', body);
    repo.trees.set(sha, sorted);
    return sha;
  }

  private putCommit(repo: Repo, tree: string, parents: string[], message: string): string {
    const text = `tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}author fake <f@x> 1700000000 +0000\ncommitter fake <f@x> 1700000000 +0000\n\n${message}\n`;
    const sha = gitHash('commit', Buffer.from(text));
    repo.commits.set(sha, { tree, parents, message });
    return sha;
  }

  /** Applies path → blob (null deletes) on top of a tree; returns the new root tree. */
  private writePaths(repo: Repo, baseTree: string | null, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    const entries = new Map<string, TreeEntry>((baseTree ? (repo.trees.get(baseTree) ?? []) : []).map((e) => [e.name, e]));
    const groups = new Map<string, Array<{ path: string; sha: string | null; mode?: string }>>();
    for (const c of changes) {
      const slash = c.path.indexOf('/');
      if (slash === -1) {
        if (c.sha === null) entries.delete(c.path);
        else entries.set(c.path, { name: c.path, mode: c.mode ?? '100644', type: c.mode === '40000' ? 'tree' : 'blob', sha: c.sha });
      } else {
        const dir = c.path.slice(0, slash);
        const list = groups.get(dir) ?? [];
        list.push({ ...c, path: c.path.slice(slash + 1) });
        groups.set(dir, list);
      }
    }
    for (const [dir, list] of groups) {
      const existing = entries.get(dir);
      const sub = this.writePaths(repo, existing?.type === 'tree' ? existing.sha : null, list);
      if ((repo.trees.get(sub) ?? []).length === 0) entries.delete(dir);
      else entries.set(dir, { name: dir, mode: '40000', type: 'tree', sha: sub });
    }
    return this.putTree(repo, [...entries.values()]);
  }

  private lookup(repo: Repo, treeSha: string, path: string): TreeEntry | { type: 'tree'; sha: string; name: string; mode: string } | undefined {
    if (path === '') return { type: 'tree', sha: treeSha, name: '', mode: '40000' };
    let current: TreeEntry | undefined;
    let tree = treeSha;
    for (const part of path.split('/')) {
      current = (repo.trees.get(tree) ?? []).find((e) => e.name === part);
      if (!current) return undefined;
      tree = current.sha;
    }
    return current;
  }

  private isAncestor(repo: Repo, ancestor: string, commit: string): boolean {
    const stack = [commit];
    const seen = new Set<string>();
    while (stack.length) {
      const c = stack.pop()!;
      if (c === ancestor) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(repo.commits.get(c)?.parents ?? []));
    }
    return false;
  }

  // --- HTTP ---

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const record: RequestRecord = { method, path: safeDecode(url.pathname), status: 0, login: null };
    this.requests.push(record);
    if (this.hang) return; // accept, read nothing, never answer
    if (this.stallBlobUploadsAfter !== undefined && method === 'POST' && /\/git\/blobs$/.test(url.pathname)) {
      await readThenStall(req, this.stallBlobUploadsAfter);
      return;
    }
    const body = await readBody(req);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const h: Record<string, string> = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', ...headers };
      if (Buffer.isBuffer(data)) {
        res.writeHead(status, { 'content-type': 'application/vnd.github.raw', 'content-length': String(data.length), ...h });
        if (this.stallRawBodiesAfter !== undefined) res.write(data.subarray(0, this.stallRawBodiesAfter));
        else if (this.dripRawBodiesEveryMs !== undefined) drip(res, data, this.dripRawBodiesEveryMs);
        else res.end(data);
      } else if (data === undefined) {
        res.writeHead(status, h);
        res.end();
      } else {
        const text = JSON.stringify(data);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...h });
        res.end(text);
      }
    };
    try {
      if (this.requests.length > this.opts.maxRequests) throw new HttpError(500, 'fake server request budget exceeded');
      const auth = req.headers.authorization ?? '';
      const token = auth.replace(/^(token|bearer)\s+/i, '');
      const login = this.opts.tokens[token];
      if (!login) throw new HttpError(401, 'Bad credentials');
      record.login = login;
      if (this.rateLimited.has(token)) {
        const reset = String(Math.floor(Date.now() / 1000) + 3600);
        send(
          403,
          { message: 'API rate limit exceeded for user.', documentation_url: DOCS },
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': reset,
            ...this.rateLimitHeaders,
          },
        );
        return;
      }
      if (this.secondaryRateLimited.has(token)) {
        send(
          403,
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS },
          { 'retry-after': '60' },
        );
        return;
      }
      const failure = this.failures.find((f) => f.remaining > 0 && f.method === method && f.path.test(record.path));
      if (failure) {
        failure.remaining--;
        if (failure.body) return send(failure.status, failure.body);
        throw new HttpError(failure.status, failure.status >= 500 ? 'Server Error' : 'Injected failure');
      }
      const accept = String(req.headers.accept ?? '');
      const raw = /\.raw/.test(accept);
      const result = this.route(method, url, body, login, raw);
      send(result.status, result.data, result.headers);
    } catch (err) {
      if (err instanceof HttpError) send(err.status, { message: err.message, documentation_url: DOCS, ...err.extra });
      else send(500, { message: `fake server bug: ${(err as Error).message}` });
    }
  }

  private route(method: string, url: URL, body: Buffer, login: string, raw: boolean): { status: number; data?: unknown; headers?: Record<string, string> } {
    // Clients may percent-encode path parameters (Octokit sends `heads%2Fmain`); GitHub accepts both.
    const p = safeDecode(url.pathname).replace(/\/+$/, '');
    const json = () => {
      try {
        return JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new HttpError(400, 'Problems parsing JSON');
      }
    };
    let m: RegExpMatchArray | null;
    if (method === 'GET' && p === '/user') return { status: 200, data: { login, id: 1, type: 'User' } };
    if ((m = p.match(/^\/users\/([^/]+)$/)) && method === 'GET') {
      const spelled = this.users.get(m[1]!.toLowerCase());
      if (!spelled) throw new HttpError(404, 'Not Found');
      return { status: 200, data: { login: spelled, type: 'User' } };
    }
    if (method === 'POST' && p === '/user/repos') return this.createRepo(login, json());
    if (method === 'GET' && p === '/user/repository_invitations') return this.listInvitations(login, url);
    if ((m = p.match(/^\/user\/repository_invitations\/(\d+)$/)) && method === 'PATCH') {
      const inv = this.invitations.get(Number(m[1]));
      if (!inv || inv.invitee.toLowerCase() !== login.toLowerCase()) throw new HttpError(404, 'Not Found');
      this.repo(inv.repo).collaborators.add(login.toLowerCase());
      this.invitations.delete(inv.id);
      return { status: 204 };
    }
    if (!(m = p.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) throw new HttpError(404, 'Not Found');
    const repo = this.repos.get(`${m[1]}/${m[2]}`.toLowerCase());
    const rest = m[3] ?? '';
    // Private repositories are invisible (404) to users without access, exactly like missing ones.
    if (!repo || !this.canAccess(repo, login)) throw new HttpError(404, 'Not Found');
    const full = `${repo.owner}/${repo.name}`;
    if (rest === '' && method === 'GET') {
      return {
        status: 200,
        data: { full_name: full, name: repo.name, owner: { login: repo.owner }, private: repo.private, default_branch: repo.defaultBranch },
      };
    }
    if ((m = rest.match(/^\/collaborators\/([^/]+)$/))) return this.collaborator(repo, method, m[1]!, login);
    if ((m = rest.match(/^\/contents(?:\/(.*))?$/))) return this.contents(repo, method, m[1] ?? '', url, json, raw);
    if ((m = rest.match(/^\/git\/ref\/heads\/(.+)$/)) && method === 'GET') {
      if (repo.refs.size === 0) throw new HttpError(409, 'Git Repository is empty.');
      const sha = repo.refs.get(`heads/${m[1]}`);
      if (!sha) throw new HttpError(404, 'Not Found');
      return { status: 200, data: { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } } };
    }
    if ((m = rest.match(/^\/git\/refs\/heads\/(.+)$/)) && method === 'PATCH') {
      const b = json();
      const current = repo.refs.get(`heads/${m[1]}`);
      if (!current) throw new HttpError(422, 'Reference does not exist');
      const sha = String(b.sha ?? '');
      if (!repo.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      if (!b.force && !this.isAncestor(repo, current, sha)) throw new HttpError(422, 'Update is not a fast forward');
      repo.refs.set(`heads/${m[1]}`, sha);
      return { status: 200, data: { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } } };
    }
    if ((m = rest.match(/^\/git\/commits\/([0-9a-f]{40})$/)) && method === 'GET') {
      const c = repo.commits.get(m[1]!);
      if (!c) throw new HttpError(404, 'Not Found');
      return { status: 200, data: { sha: m[1], tree: { sha: c.tree }, parents: c.parents.map((s) => ({ sha: s })), message: c.message } };
    }
    if (rest === '/git/commits' && method === 'POST') {
      const b = json();
      const tree = String(b.tree ?? '');
      const parents = Array.isArray(b.parents) ? b.parents.map(String) : [];
      if (!repo.trees.has(tree) || parents.some((s) => !repo.commits.has(s))) throw new HttpError(422, 'Tree SHA does not exist');
      const sha = this.putCommit(repo, tree, parents, String(b.message ?? ''));
      return { status: 201, data: { sha, tree: { sha: tree }, parents: parents.map((s) => ({ sha: s })) } };
    }
    if ((m = rest.match(/^\/git\/trees\/([0-9a-f]{40})$/)) && method === 'GET') return this.getTree(repo, m[1]!, url.searchParams.has('recursive'));
    if (rest === '/git/trees' && method === 'POST') {
      const b = json();
      const base = b.base_tree ? String(b.base_tree) : null;
      if (base && !repo.trees.has(base)) throw new HttpError(422, 'base_tree is not a valid tree');
      const items = Array.isArray(b.tree) ? (b.tree as Array<Record<string, unknown>>) : [];
      const changes = items.map((i) => {
        const sha = i.sha === null ? null : String(i.sha ?? '');
        if (sha !== null && !repo.blobs.has(sha)) throw new HttpError(422, `tree.sha ${sha} is not a valid blob`);
        return { path: String(i.path ?? ''), sha, mode: String(i.mode ?? '100644') };
      });
      const sha = this.writePaths(repo, base, changes);
      return { status: 201, data: { sha, truncated: false } };
    }
    if (rest === '/git/blobs' && method === 'POST') {
      const b = json();
      const content = typeof b.content === 'string' ? b.content : null;
      if (content === null) throw new HttpError(422, 'content is missing');
      const buf = b.encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      if (buf.length > this.opts.contentsWriteMaxBytes) throw new HttpError(422, 'blob is too large');
      const sha = this.putBlob(repo, buf);
      return { status: 201, data: { sha, url: `${this.url}/repos/${full}/git/blobs/${sha}` } };
    }
    if ((m = rest.match(/^\/git\/blobs\/([0-9a-f]{40})$/)) && method === 'GET') {
      const buf = repo.blobs.get(m[1]!);
      if (!buf) throw new HttpError(404, 'Not Found');
      if (raw) return { status: 200, data: buf };
      return { status: 200, data: { sha: m[1], size: buf.length, encoding: 'base64', content: wrap64(buf) } };
    }
    throw new HttpError(404, 'Not Found');
  }

  private canAccess(repo: Repo, login: string): boolean {
    return !repo.private || repo.owner.toLowerCase() === login.toLowerCase() || repo.collaborators.has(login.toLowerCase());
  }

  private createRepo(login: string, b: Record<string, unknown>) {
    const name = String(b.name ?? '');
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new HttpError(422, 'Repository creation failed.', { errors: [{ field: 'name', code: 'invalid' }] });
    const key = `${login}/${name}`.toLowerCase();
    if (this.repos.has(key)) {
      throw new HttpError(422, 'Repository creation failed.', {
        errors: [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }],
      });
    }
    const repo = emptyRepo(login, name, b.private === true);
    this.repos.set(key, repo);
    if (b.auto_init === true) this.commitFiles(`${login}/${name}`, { 'README.md': `# ${name}\n` }, 'Initial commit');
    return { status: 201, data: { full_name: `${login}/${name}`, name, private: repo.private, owner: { login }, default_branch: 'main' } };
  }

  private collaborator(repo: Repo, method: string, user: string, login: string) {
    const isOwner = repo.owner.toLowerCase() === login.toLowerCase();
    const u = user.toLowerCase();
    if (method === 'GET') {
      if (u === repo.owner.toLowerCase() || repo.collaborators.has(u)) return { status: 204 };
      throw new HttpError(404, 'Not Found');
    }
    if (method === 'PUT') {
      if (!isOwner) throw new HttpError(403, 'Must have admin rights to Repository.');
      if (!this.users.has(u)) throw new HttpError(404, 'Not Found');
      if (u === repo.owner.toLowerCase()) throw new HttpError(422, 'Repository owner cannot be a collaborator');
      if (repo.collaborators.has(u)) return { status: 204 };
      const full = `${repo.owner}/${repo.name}`;
      let inv = [...this.invitations.values()].find((i) => i.repo === full && i.invitee.toLowerCase() === u);
      if (!inv) {
        inv = { id: this.nextInvitation++, repo: full, invitee: user, inviter: repo.owner };
        this.invitations.set(inv.id, inv);
      }
      return { status: 201, data: this.invitationJson(inv) };
    }
    if (method === 'DELETE') {
      // GitHub: an admin of the repository, or the collaborator themselves; also cancels any
      // outstanding invitation; 204 No Content.
      if (!isOwner && u !== login.toLowerCase()) throw new HttpError(403, 'Must have admin rights to Repository.');
      repo.collaborators.delete(u);
      const full = `${repo.owner}/${repo.name}`;
      for (const inv of [...this.invitations.values()]) if (inv.repo === full && inv.invitee.toLowerCase() === u) this.invitations.delete(inv.id);
      return { status: 204 };
    }
    throw new HttpError(404, 'Not Found');
  }

  private invitationJson(inv: Invitation) {
    const [owner, name] = inv.repo.split('/');
    return {
      id: inv.id,
      repository: { full_name: inv.repo, name, owner: { login: owner }, private: true },
      invitee: { login: inv.invitee },
      inviter: { login: inv.inviter },
      permissions: 'write',
    };
  }

  private listInvitations(login: string, url: URL) {
    const mine = [...this.invitations.values()].filter((i) => i.invitee.toLowerCase() === login.toLowerCase()).sort((a, b) => a.id - b.id);
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(mine.length / perPage));
    const items = mine.slice((page - 1) * perPage, page * perPage).map((i) => this.tamperInvitation?.(this.invitationJson(i)) ?? this.invitationJson(i));
    const link = (n: number) => `<${this.url}/user/repository_invitations?per_page=${perPage}&page=${n}>`;
    const links: string[] = [];
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
    const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
    return { status: 200, data: items, headers };
  }

  private getTree(repo: Repo, sha: string, recursive: boolean) {
    if (!repo.trees.has(sha)) throw new HttpError(404, 'Not Found');
    const out: Array<{ path: string; mode: string; type: string; sha: string; size?: number }> = [];
    const walk = (t: string, prefix: string) => {
      for (const e of repo.trees.get(t) ?? []) {
        const path = prefix ? `${prefix}/${e.name}` : e.name;
        out.push({ path, mode: e.mode, type: e.type, sha: e.sha, ...(e.type === 'blob' ? { size: repo.blobs.get(e.sha)?.length ?? 0 } : {}) });
        if (recursive && e.type === 'tree') walk(e.sha, path);
      }
    };
    walk(sha, '');
    const truncated = recursive && out.length > this.opts.treeRecursiveLimit;
    return { status: 200, data: { sha, tree: truncated ? out.slice(0, this.opts.treeRecursiveLimit) : out, truncated } };
  }

  private contents(repo: Repo, method: string, path: string, url: URL, json: () => Record<string, unknown>, raw: boolean) {
    const branch = url.searchParams.get('ref') ?? repo.defaultBranch;
    const head = repo.refs.get(`heads/${branch}`);
    if (method === 'GET') {
      if (!head) throw new HttpError(404, repo.refs.size === 0 ? 'This repository is empty.' : 'No commit found for the ref');
      const entry = this.lookup(repo, repo.commits.get(head)!.tree, path);
      if (!entry) throw new HttpError(404, 'Not Found');
      if (entry.type === 'tree') {
        return {
          status: 200,
          data: (repo.trees.get(entry.sha) ?? []).map((e) => ({
            type: e.type === 'tree' ? 'dir' : 'file',
            name: e.name,
            path: path ? `${path}/${e.name}` : e.name,
            sha: e.sha,
            size: e.type === 'blob' ? (repo.blobs.get(e.sha)?.length ?? 0) : 0,
          })),
        };
      }
      const buf = repo.blobs.get(entry.sha)!;
      if (raw) return { status: 200, data: buf };
      if (buf.length > this.opts.contentsJsonMaxBytes) {
        throw new HttpError(
          403,
          'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the raw media type.',
          {
            errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
          },
        );
      }
      return {
        status: 200,
        data: { type: 'file', encoding: 'base64', size: buf.length, name: path.split('/').pop(), path, sha: entry.sha, content: wrap64(buf) },
      };
    }
    if (method === 'PUT' || method === 'DELETE') {
      const b = json();
      if (typeof b.message !== 'string' || b.message === '') throw new HttpError(422, 'Invalid request.\n\n"message" wasn\'t supplied.');
      const tree = head ? repo.commits.get(head)!.tree : null;
      const existing = tree ? this.lookup(repo, tree, path) : undefined;
      if (existing?.type === 'tree') throw new HttpError(422, 'path is a directory');
      const sha = typeof b.sha === 'string' ? b.sha : undefined;
      if (method === 'DELETE') {
        if (!sha) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
        if (!existing) throw new HttpError(404, 'Not Found');
        if (existing.sha !== sha) throw new HttpError(409, `${path} does not match ${sha}`);
        const newTree = this.writePaths(repo, tree, [{ path, sha: null }]);
        const commit = this.putCommit(repo, newTree, [head!], b.message);
        repo.refs.set(`heads/${branch}`, commit);
        return { status: 200, data: { content: null, commit: { sha: commit } } };
      }
      if (typeof b.content !== 'string') throw new HttpError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      if (!/^[A-Za-z0-9+/=\s]*$/.test(b.content)) throw new HttpError(422, 'content is not valid Base64');
      const buf = Buffer.from(b.content, 'base64');
      if (buf.length > this.opts.contentsWriteMaxBytes) throw new HttpError(422, 'File is too large (this API accepts files up to 100 MB)');
      if (existing && !sha) throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
      if (existing && existing.sha !== sha) throw new HttpError(409, `${path} does not match ${sha}`);
      if (!existing && sha) throw new HttpError(409, `${path} does not match ${sha}`);
      if (!head && repo.refs.size > 0) throw new HttpError(404, `Branch ${branch} not found`);
      const blob = this.putBlob(repo, buf);
      const newTree = this.writePaths(repo, tree, [{ path, sha: blob }]);
      const commit = this.putCommit(repo, newTree, head ? [head] : [], b.message);
      repo.refs.set(`heads/${branch}`, commit);
      return { status: existing ? 200 : 201, data: { content: { name: path.split('/').pop(), path, sha: blob, size: buf.length }, commit: { sha: commit } } };
    }
    throw new HttpError(404, 'Not Found');
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function gitHash(type: string, content: Buffer): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex');
}

function treeKey(e: TreeEntry): string {
  return e.type === 'tree' ? `${e.name}/` : e.name;
}

/** Base64 with a newline every 60 characters, as GitHub returns file content. */
function wrap64(buf: Buffer): string {
  return `${(buf.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`;
}

/**
 * Reads `bytes` of the request body (or all of a shorter one), then stops reading it and keeps
 * the connection open: the client's writes back up, as against a server that stalled.
 */
function readThenStall(req: IncomingMessage, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (c: Buffer) => {
      seen += c.length;
      if (seen < bytes) return;
      req.pause();
      req.off('data', onData);
      resolve();
    };
    req.on('data', onData);
    req.on('end', () => resolve());
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Writes `data` one byte each `everyMs` (stops when the client goes away). */
function drip(res: ServerResponse, data: Buffer, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= data.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(data.subarray(i, i + 1));
    i++;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}
