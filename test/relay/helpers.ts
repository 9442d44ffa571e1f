import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relayPaths, type RelayPaths } from '../../scripts/lib/relay/paths.ts';
import { GitTransport, type GitTransportOptions } from '../../scripts/lib/relay/git-transport.ts';
import { nextTestKeyPair, testKeyPairOf } from '../support/test-keys.ts';
import { setupFromTemplate } from './setup-templates.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

export function tempDir(tag: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `alive-relay-${tag}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An environment that no real user configuration (git, gh, ~/.alive) can leak into. */
export function isolatedEnv(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    ALIVE_HOME: join(root, 'alive'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'),
    XDG_CONFIG_HOME: join(home, '.config'),
    GH_CONFIG_DIR: join(home, '.gh'),
    GITHUB_API_URL: 'http://127.0.0.1:9', // never the real GitHub; tests override with their server
    LANG: 'C',
    ...extra,
  };
  return env;
}

export interface TestUser {
  login: string;
  root: string;
  env: NodeJS.ProcessEnv;
  paths: RelayPaths;
}

export function makeUser(base: string, login: string, extra: NodeJS.ProcessEnv = {}): TestUser {
  const root = join(base, login);
  mkdirSync(root, { recursive: true });
  const env = isolatedEnv(root, extra);
  return { login, root, env, paths: relayPaths(join(env.ALIVE_HOME!, 'relay')) };
}

/**
 * A key pair written where `relay setup` would put it, another one on each call within a test file
 * (fixed test keys, test/support/test-keys.ts: no key generation wait).
 */
export function writeTestKeys(paths: RelayPaths): { publicKeyPem: string; privateKeyPem: string } {
  return writeKeys(paths, nextTestKeyPair());
}

/** `pair` written where `relay setup` would find it. */
export function writeKeys<P extends { publicKeyPem: string; privateKeyPem: string }>(paths: RelayPaths, pair: P): P {
  mkdirSync(paths.keysDir, { recursive: true, mode: 0o700 });
  writeFileSync(paths.privateKey, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(paths.publicKey, pair.publicKeyPem);
  return pair;
}

/** A fixed test key pair (test/support/test-keys.ts) written where `relay setup` would find it: no keygen wait. */
export function writeFixtureKeys(paths: RelayPaths, login: string): { publicKeyPem: string; privateKeyPem: string } {
  return writeKeys(paths, testKeyPairOf(login));
}

export function git(args: string[], cwd?: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('git', args, { cwd, env: { ...env, GIT_CONFIG_NOSYSTEM: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Files of a bare repository's branch: path → blob id. */
export function bareFiles(repo: string, branch = 'main'): Map<string, string> {
  const out = new Map<string, string>();
  const r = spawnSync('git', ['ls-tree', '-r', branch], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) return out;
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const [meta, path] = line.split('\t');
    out.set(path!, meta!.split(' ')[2]!);
  }
  return out;
}

/** The transport options a test may give a git user (gitUser): its setup runs with them too. */
export type GitUserOptions = Pick<GitTransportOptions, 'listingMaxBytes' | 'depositLogMaxBytes' | 'compactSlackBytes'>;

/** A user of the git transport in `dir`: test keys, a relay folder, and a bare remote (not created). */
export function gitUser(dir: string, login: string, options: GitUserOptions = {}) {
  return gitUserWithKeys(dir, login, writeTestKeys, options);
}

/**
 * gitUser with the login's fixed test key (testKeyPairOf: alice, bob, carol, dave, erin, frank),
 * not the file's next one: setUpGitUser gives each such user of a login and options a copy of one
 * setup in the run, whichever test or file asks. For tests whose users need no key of their own.
 */
export function fixtureGitUser(dir: string, login: string, options: GitUserOptions = {}) {
  return gitUserWithKeys(dir, login, (paths) => writeFixtureKeys(paths, login), options);
}

function gitUserWithKeys(
  dir: string,
  login: string,
  writeKeysFor: (paths: RelayPaths) => { publicKeyPem: string; privateKeyPem: string },
  options: GitUserOptions,
) {
  const paths = relayPaths(join(dir, login, 'relay'));
  const keys = writeKeysFor(paths);
  const url = join(dir, 'remotes', `${login}.git`);
  return {
    login,
    paths,
    keys,
    url,
    options,
    transport: new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work, ...options }),
  };
}

/** alice and bob on the git transport in `dir`, each with a relay set up (bob's transport, his setup included, takes `bobOptions`). */
export async function gitPeers(dir: string, bobOptions: GitUserOptions = {}) {
  return setUpPeers(dir, gitUser(dir, 'alice'), gitUser(dir, 'bob', bobOptions));
}

/** gitPeers with fixtureGitUser's alice and bob: copies of one setup each in the run. */
export async function fixtureGitPeers(dir: string, bobOptions: GitUserOptions = {}) {
  return setUpPeers(dir, fixtureGitUser(dir, 'alice'), fixtureGitUser(dir, 'bob', bobOptions));
}

async function setUpPeers<U extends ReturnType<typeof gitUser>>(dir: string, alice: U, bob: U) {
  await setUpGitUser(dir, alice);
  await setUpGitUser(dir, bob);
  return { alice, bob };
}

/**
 * `user`'s relay set up by the transport, as a copy of one setup per login, key and transport
 * options in the run (setup-templates.ts): the template's setup runs with the user's options, and
 * a template made with other options (or none) is never copied for them. The transport's own
 * tests of setup call transport.setup themselves.
 */
export async function setUpGitUser(dir: string, user: ReturnType<typeof gitUser>): Promise<void> {
  const options = Object.fromEntries(Object.entries(user.options).sort(([a], [b]) => a.localeCompare(b)));
  await setupFromTemplate(dir, {
    id: `transport\0${user.login}\0${user.keys.publicKeyPem}\0${JSON.stringify(options)}`,
    folders: [`${user.login}/relay`, `remotes/${user.login}.git`],
    pathFiles: [`${user.login}/relay/clone/config`],
    setUp: async (templateBase) => {
      const paths = relayPaths(join(templateBase, user.login, 'relay'));
      writeKeys(paths, user.keys);
      const url = join(templateBase, 'remotes', `${user.login}.git`);
      await new GitTransport({ login: user.login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work, ...options }).setup(user.keys.publicKeyPem);
    },
  });
}

/** `from` delivers the package file `pkg` into `to`'s relay under the name `name`. */
export function deliverTo(from: ReturnType<typeof gitUser>, to: ReturnType<typeof gitUser>, pkg: string, name: string) {
  return from.transport.deliver(
    { login: to.login, relay: to.url },
    pkg,
    () => name,
    () => {},
  );
}

/** git in `repo`, with `input` on stdin; its output trimmed. */
export function gitIn(repo: string, args: string[], input?: string): string {
  const r = spawnSync('git', args, { cwd: repo, input, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A path as git fast-import reads it: quoted when a bare one could not be read back (a line feed, a leading quote). */
function fastImportPath(path: string): string {
  if (!path.includes('\n') && !path.startsWith('"')) return path;
  return `"${path.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

/**
 * Commits `files` (path → bytes) on top of `branch` of the bare repository `repo`, as someone with
 * write access to it would (a clone, a commit and a push end the same way): one `git fast-import`,
 * instead of the dozen git processes of a clone, add, commit and push.
 */
export function commitToBare(repo: string, files: Record<string, Buffer | string>, message = 'by mallory', branch = 'main'): void {
  const now = Math.floor(Date.now() / 1000);
  const parts: Buffer[] = [];
  const text = (s: string) => parts.push(Buffer.from(s, 'utf8'));
  const msg = Buffer.from(message, 'utf8');
  text(`commit refs/heads/${branch}\ncommitter m <m@m> ${now} +0000\ndata ${msg.length}\n`);
  parts.push(msg);
  text(`\nfrom refs/heads/${branch}^0\n`);
  for (const [path, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    text(`M 100644 inline ${fastImportPath(path)}\ndata ${bytes.length}\n`);
    parts.push(bytes);
    text('\n');
  }
  text('\n');
  const r = spawnSync('git', ['--git-dir', repo, 'fast-import', '--quiet'], {
    input: Buffer.concat(parts),
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git fast-import into ${repo} failed: ${r.stderr}`);
}

/** Bytes of the files under `dir`, all levels (links counted as themselves, never followed). */
export function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? bytesUnder(p) : lstatSync(p).size;
  }
  return n;
}

/**
 * A fake ssh for GIT_SSH_COMMAND (with GIT_SSH_VARIANT=simple) at `path`: it runs the server's git
 * here, as an ssh server would, and speaks `words` on stderr without a `remote:` prefix, as a
 * server a peer runs may. When the file `refuse` exists and the server command holds its text, it
 * hangs up first, so its words come after git's own last lines, and exits 128; with `onFailure`,
 * it also speaks when the server's git fails.
 */
export function fakeSsh(path: string, words: string, refuse: string, { onFailure = false } = {}): string {
  const say = `printf '%s\\n' '${words}' >&2`;
  const serve = onFailure ? `sh -c "$*" && exit 0\ncode=$?; ${say}; exit $code` : 'exec sh -c "$*"';
  writeFileSync(
    path,
    `#!/bin/sh\nshift\n[ -f '${refuse}' ] && case "$*" in *"$(cat '${refuse}')"*) exec >&- <&-; sleep 0.2; ${say}; exit 128;; esac\n${serve}\n`,
  );
  chmodSync(path, 0o755);
  return path;
}
