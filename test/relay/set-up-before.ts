/**
 * Relays set up before `relay setup` checked the repository (not-your-relay-later.test.ts and
 * not-your-relay-owner.test.ts), and what a writer of a relay can do to its history.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commitToBare, git, gitIn } from './helpers.ts';
import { relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';

/**
 * `login` (a user made in `base`), whose relay.json names `relay` with their key published there:
 * what setup --url did before it checked.
 */
export async function setUpBeforeTheCheck(base: string, login: string, relay: string): Promise<RelayUser> {
  const u = await relayUser(base, login);
  commitToBare(relay, { [`keys/${login}.pem`]: readFileSync(u.paths.publicKey, 'utf8') }, `Publish key of ${login}`);
  const cfg = JSON.parse(readFileSync(u.paths.config, 'utf8'));
  writeFileSync(u.paths.config, JSON.stringify({ ...cfg, repo: relay, url: relay }));
  return { ...u, url: relay };
}

/** A package `from` pushes to `to` (a pinned peer). */
export async function pushTo(from: RelayUser, to: string, name: string): Promise<void> {
  const r = await run(from, ['push', await walnutPackage(from, name), '--to', to, '--json']);
  if (r.code !== 0) throw new Error(`push to ${to}: ${r.stderr}`);
}

/**
 * What a writer of `repo` can do without rewriting its history: a made-up history (a root holding
 * keys/zed.pem, then a copy of `login`'s key added onto it, dated `year`) merged in as the first
 * parent, the tip's files and keys/zed.pem in the merge.
 */
export function mergeMadeUpHistory(repo: string, login: string, year: number): void {
  const at = (date: string) => ({
    ...process.env,
    GIT_AUTHOR_NAME: 'm',
    GIT_AUTHOR_EMAIL: 'm@m',
    GIT_COMMITTER_NAME: 'm',
    GIT_COMMITTER_EMAIL: 'm@m',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  const zed = gitIn(repo, ['hash-object', '-w', '--stdin'], 'a key of zed\n');
  const own = gitIn(repo, ['rev-parse', `main:keys/${login}.pem`]);
  const tree = (entries: string[]) => gitIn(repo, ['mktree'], `${entries.join('\n')}\n`);
  const commit = (t: string, parents: string[], date: string) =>
    git(['commit-tree', t, ...parents.flatMap((p) => ['-p', p]), '-m', 'relay'], repo, at(date)).trim();
  const first = commit(tree([`040000 tree ${tree([`100644 blob ${zed}\tzed.pem`])}\tkeys`]), [], `${year}-01-01T00:00:00Z`);
  const second = commit(
    tree([`040000 tree ${tree([`100644 blob ${zed}\tzed.pem`, `100644 blob ${own}\t${login}.pem`])}\tkeys`]),
    [first],
    `${year}-01-02T00:00:00Z`,
  );
  const tip = gitIn(repo, ['rev-parse', 'main']);
  const keys = tree([...gitIn(repo, ['ls-tree', 'main:keys']).split('\n'), `100644 blob ${zed}\tzed.pem`]);
  const top = tree(
    gitIn(repo, ['ls-tree', 'main'])
      .split('\n')
      .map((l) => (l.endsWith('\tkeys') ? `040000 tree ${keys}\tkeys` : l)),
  );
  gitIn(repo, ['update-ref', 'refs/heads/main', commit(top, [second, tip], `${year}-01-03T00:00:00Z`), tip]);
}

/**
 * What a writer of `repo` can do with a fast-forward push alone: a commit on `main` whose keys/
 * holds `keys` (name to blob) and, with `junkEntries`, a tree of that many entries (what makes the
 * owner's next fetch cut the clone's history at it: clone-compact.ts). Returns the new commit.
 */
export function fastForward(repo: string, keys: Record<string, string>, junkEntries = 0): string {
  const tip = gitIn(repo, ['rev-parse', 'main']);
  const blob = (text: string) => gitIn(repo, ['hash-object', '-w', '--stdin'], text);
  const keysTree = gitIn(
    repo,
    ['mktree'],
    `${Object.entries(keys)
      .map(([name, oid]) => `100644 blob ${oid}\t${name}.pem`)
      .join('\n')}\n`,
  );
  const top = gitIn(repo, ['ls-tree', 'main'])
    .split('\n')
    .filter((l) => l && !l.endsWith('\tkeys') && !l.endsWith('\tzz-junk'));
  top.push(`040000 tree ${keysTree}\tkeys`);
  if (junkEntries > 0) {
    const x = blob('x');
    let listing = '';
    for (let i = 0; i < junkEntries; i++) listing += `100644 blob ${x}\t${i.toString(36).padStart(12, '0')}-${tip.slice(0, 8)}\n`;
    top.push(`040000 tree ${gitIn(repo, ['mktree'], listing)}\tzz-junk`);
  }
  const tree = gitIn(repo, ['mktree'], `${top.join('\n')}\n`);
  const commit = gitIn(repo, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', tip, '-m', 'by a peer']);
  gitIn(repo, ['update-ref', 'refs/heads/main', commit, tip]);
  return commit;
}

/**
 * What a writer of `repo` who can force-push can do: main replaced by a made-up history (a root
 * holding keys/zed.pem, then `login`'s key added onto it), as though `login` set up on zed's relay.
 */
export function forceMadeUpHistory(repo: string, login: string): void {
  const zed = gitIn(repo, ['hash-object', '-w', '--stdin'], 'a key of zed\n');
  const own = gitIn(repo, ['rev-parse', `main:keys/${login}.pem`]);
  const tree = (entries: string[]) => gitIn(repo, ['mktree'], `${entries.join('\n')}\n`);
  const commit = (t: string, parents: string[]) =>
    gitIn(repo, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', t, ...parents.flatMap((p) => ['-p', p]), '-m', 'relay']);
  const first = commit(tree([`040000 tree ${tree([`100644 blob ${zed}\tzed.pem`])}\tkeys`]), []);
  const keys = tree([`100644 blob ${zed}\tzed.pem`, `100644 blob ${own}\t${login}.pem`]);
  gitIn(repo, ['update-ref', 'refs/heads/main', commit(tree([`040000 tree ${keys}\tkeys`]), [first])]);
}
