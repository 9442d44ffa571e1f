/**
 * Relays set up before `relay setup` checked the repository (not-your-relay-later.test.ts and
 * not-your-relay-owner.test.ts), and what a writer of a relay can do to its history.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { commitToBare, gitIn } from './helpers.ts';
import { relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';

/**
 * `login` (a user made in `base` by `user`), whose relay.json names `relay` with their key
 * published there: what setup --url did before it checked.
 */
export async function setUpBeforeTheCheck(
  base: string,
  login: string,
  relay: string,
  user: (base: string, login: string) => Promise<RelayUser> = relayUser,
): Promise<RelayUser> {
  const u = await user(base, login);
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
 * Writes `commands` (a git fast-import stream) into the bare repository `repo`: one git process
 * for what hash-object, mktree, commit-tree and update-ref took a dozen of. `force` lets a branch
 * move to a commit that does not contain its tip.
 */
function fastImport(repo: string, commands: string[], force = false): void {
  const r = spawnSync('git', ['--git-dir', repo, 'fast-import', '--quiet', ...(force ? ['--force'] : [])], {
    input: `${commands.join('\n')}\n`,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git fast-import into ${repo} failed: ${r.stderr}`);
}

/** A fast-import `data` command holding `text`. */
const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;

/** A fast-import commit on main by m <m@m> at `seconds`, with `rest` (parents, then changes). */
const commitOnMain = (seconds: number, message: string, rest: string[]) => [
  'commit refs/heads/main',
  `author m <m@m> ${seconds} +0000`,
  `committer m <m@m> ${seconds} +0000`,
  data(message),
  ...rest,
  '',
];

const ZED_KEY = ['blob', 'mark :1', data('a key of zed\n')];

/**
 * What a writer of `repo` can do without rewriting its history: a made-up history (a root holding
 * keys/zed.pem, then a copy of `login`'s key added onto it, dated `year`) merged in as the first
 * parent, the tip's files and keys/zed.pem in the merge.
 */
export function mergeMadeUpHistory(repo: string, login: string, year: number): void {
  const [tipTree, own] = gitIn(repo, ['rev-parse', 'main^{tree}', `main:keys/${login}.pem`]).split('\n');
  const day = (d: number) => Date.UTC(year, 0, d) / 1000;
  fastImport(repo, [
    ...ZED_KEY,
    // The first commit on main in the stream has no `from`: a root. The merge's second parent is
    // the tip on disk (main^0 is no branch of the stream), which the new tip contains.
    ...commitOnMain(day(1), 'relay\n', ['M 100644 :1 keys/zed.pem']),
    ...commitOnMain(day(2), 'relay\n', [`M 100644 ${own} keys/${login}.pem`]),
    ...commitOnMain(day(3), 'relay\n', ['merge refs/heads/main^0', `M 040000 ${tipTree} ""`, 'M 100644 :1 keys/zed.pem']),
  ]);
}

/**
 * What a writer of `repo` can do with a fast-forward push alone: a commit on `main` whose keys/
 * holds `keys` (name to blob) and, with `junkEntries`, a tree of that many entries (what makes the
 * owner's next fetch cut the clone's history at it: clone-compact.ts). Returns the new commit.
 */
export function fastForward(repo: string, keys: Record<string, string>, junkEntries = 0): string {
  const tip = gitIn(repo, ['rev-parse', 'main']);
  const junk: string[] = [];
  for (let i = 0; i < junkEntries; i++) junk.push(`M 100644 :1 zz-junk/${i.toString(36).padStart(12, '0')}-${tip.slice(0, 8)}`);
  fastImport(repo, [
    'blob',
    'mark :1',
    data('x'),
    ...commitOnMain(Math.floor(Date.now() / 1000), 'by a peer\n', [
      `from ${tip}`,
      'D keys',
      'D zz-junk',
      ...Object.entries(keys).map(([name, oid]) => `M 100644 ${oid} keys/${name}.pem`),
      ...junk,
    ]),
  ]);
  return gitIn(repo, ['rev-parse', 'main']);
}

/**
 * What a writer of `repo` who can force-push can do: main replaced by a made-up history (a root
 * holding keys/zed.pem, then `login`'s key added onto it), as though `login` set up on zed's relay.
 */
export function forceMadeUpHistory(repo: string, login: string): void {
  const own = gitIn(repo, ['rev-parse', `main:keys/${login}.pem`]);
  const now = Math.floor(Date.now() / 1000);
  fastImport(
    repo,
    [...ZED_KEY, ...commitOnMain(now, 'relay\n', ['M 100644 :1 keys/zed.pem']), ...commitOnMain(now, 'relay\n', [`M 100644 ${own} keys/${login}.pem`])],
    true,
  );
}
