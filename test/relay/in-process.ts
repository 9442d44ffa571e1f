/**
 * Two (or more) users on the git transport, driven in-process: each command runs with runCaptured
 * while process.env is that user's isolated environment (ALIVE_HOME, HOME, git config), so the
 * commands, git and the relay libraries see exactly what that user's shell would.
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { runCaptured, type Command } from '../../scripts/lib/cli/command.ts';
import { relayGroup } from '../../scripts/lib/relay/cli.ts';
import { createPlainPackage, manifestTextFor, planPackage, writePlannedFiles } from '../../scripts/lib/package/create.ts';
import { writeEncryptedPackage } from '../../scripts/lib/package/encrypt.ts';
import { makeUser, tempDir, writeFixtureKeys, writeKeys, writeTestKeys, type TestUser } from './helpers.ts';
import { setupFromTemplate, treeStamp, type TemplateSpec } from './setup-templates.ts';
import { FakeGithub, type FakeGithubOptions } from '../support/fake-github.ts';
import { startEnvRun } from '../support/env-runs.ts';
import type { CliResult } from './cli.ts';

export interface RelayUser extends TestUser {
  url: string;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, any>;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `fn` with process.env replaced by the user's environment (queued: one at a time). */
export function asUser<T>(user: TestUser, fn: () => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const ended = startEnvRun(`as ${user.login}`);
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, user.env);
    try {
      return await fn();
    } finally {
      for (const k of Object.keys(process.env)) delete process.env[k];
      Object.assign(process.env, saved);
      ended();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function run(user: TestUser, argv: string[], command: Command = relayGroup): Promise<Ran> {
  const r = await asUser(user, () => runCaptured(command, argv));
  let json: Record<string, any> = {};
  if (argv.includes('--json') && r.stdout.trim().startsWith('{')) json = JSON.parse(r.stdout);
  return { ...r, json };
}

/** `run`, answered in the shape of cli.ts's CliResult: a test can take either path to a command. */
export async function runAsCli(user: TestUser, argv: string[], command: Command = relayGroup): Promise<CliResult> {
  const t0 = Date.now();
  const r = await run(user, argv, command);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr, json: r.json, ms: Date.now() - t0 };
}

/**
 * A user with a fixed test key (no key generation wait) and a git relay set up at remotes/<login>.git:
 * a copy of one `relay setup` made per login and key in the run (setup-templates.ts). A user with
 * `extra` environment (a git config, a fake git on PATH), which may change setup, is set up for real.
 */
export async function relayUser(base: string, login: string, extra: NodeJS.ProcessEnv = {}): Promise<RelayUser> {
  const u = makeUser(base, login, extra);
  const keys = writeTestKeys(u.paths);
  const url = join(base, 'remotes', `${login}.git`);
  if (Object.keys(extra).length > 0) await setUp(u, url);
  else await copySetUp(base, u, keys);
  return { ...u, url };
}

/**
 * relayUser with the login's fixed test key (testKeyPairOf: alice, bob, carol, dave, erin, frank),
 * not the file's next one: each such user of a login, in any test or file of the run, is a copy of
 * one setup, and two of them paired in one folder a copy of one pairing. For tests whose users
 * need no key of their own: each test's users in a folder of its own.
 */
export async function fixtureRelayUser(base: string, login: string): Promise<RelayUser> {
  const u = makeUser(base, login);
  await copySetUp(base, u, writeFixtureKeys(u.paths, login));
  return { ...u, url: join(base, 'remotes', `${login}.git`) };
}

/** `u`'s relay (key `keys`, at remotes/<login>.git) as a copy of the one setup made per login and key in the run. */
async function copySetUp(base: string, u: TestUser, keys: { publicKeyPem: string; privateKeyPem: string }): Promise<void> {
  const login = u.login;
  const spec: TemplateSpec = {
    id: `cli\0${login}\0${keys.publicKeyPem}`,
    folders: relayFolders(login),
    pathFiles: pathFiles(login),
    setUp: async (templateBase) => {
      const t = makeUser(templateBase, login);
      writeKeys(t.paths, keys);
      await setUp(t, join(templateBase, 'remotes', `${login}.git`));
    },
  };
  await setupFromTemplate(base, spec);
  copies.set(u.root, { base, spec, stamp: copyStamp(base, u) });
}

const relayFolders = (login: string) => [`${login}/alive`, `remotes/${login}.git`];
const pathFiles = (login: string) => [`${login}/alive/relay/relay.json`, `${login}/alive/relay/clone/config`];

/** Users copied from a template (by their root), with the stamp of what they were as copied. */
const copies = new Map<string, { base: string; spec: TemplateSpec; stamp: string }>();

/** What a pair made from templates depends on: the user's relay folders, home (its git config) and environment. */
function copyStamp(base: string, u: TestUser): string {
  return `${treeStamp(base, [...relayFolders(u.login), `${u.login}/home`])}\n${JSON.stringify(u.env)}`;
}

async function setUp(u: TestUser, url: string): Promise<void> {
  const r = await run(u, ['setup', '--transport', 'git', '--login', u.login, '--url', url, '--json']);
  if (r.code !== 0) throw new Error(`setup ${u.login}: ${r.stderr}`);
}

/**
 * Both users pin each other (git transport: add-peer --url on both sides). Two users copied from
 * templates into one folder and left as they were since (their relay folders, home and
 * environment) get a copy of the same two paired in a template of their own (setup-templates.ts);
 * any others run add-peer.
 */
export async function pair(a: RelayUser, b: RelayUser): Promise<void> {
  const ca = copies.get(a.root);
  const cb = copies.get(b.root);
  copies.delete(a.root);
  copies.delete(b.root);
  const base = ca?.base;
  if (ca && cb && base === cb.base && copyStamp(base, a) === ca.stamp && copyStamp(base, b) === cb.stamp) {
    await setupFromTemplate(base, {
      id: `pair\0${ca.spec.id}\0${cb.spec.id}`,
      folders: [...ca.spec.folders, ...cb.spec.folders],
      pathFiles: [...ca.spec.pathFiles, ...cb.spec.pathFiles],
      setUp: async (templateBase) => {
        await setupFromTemplate(templateBase, ca.spec);
        await setupFromTemplate(templateBase, cb.spec);
        await addPeers(
          { ...a, ...makeUser(templateBase, a.login), url: join(templateBase, 'remotes', `${a.login}.git`) },
          { ...b, ...makeUser(templateBase, b.login), url: join(templateBase, 'remotes', `${b.login}.git`) },
        );
      },
    });
    return;
  }
  await addPeers(a, b);
}

async function addPeers(a: RelayUser, b: RelayUser): Promise<void> {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const r = await run(x, ['add-peer', y.login, '--url', y.url, '--json']);
    if (r.code !== 0) throw new Error(`add-peer ${y.login}: ${r.stderr}`);
  }
}

/** A small walnut packed (plain, unsigned) by the package core; push seals and signs it. */
export async function walnutPackage(user: TestUser, name: string): Promise<string> {
  const walnut = join(user.root, 'world', '04_Ventures', name);
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), `---\ntype: venture\ngoal: ${name}\n---\n# ${name}\n`);
  writeFileSync(join(walnut, 'notes.md'), `Notes for ${name}.\n`);
  const output = join(user.root, `${name}.walnut`);
  await createPlainPackage({ walnut, scope: 'full', bundles: [], output, allowSensitive: false });
  return output;
}

/** The same walnut, passphrase-encrypted by the package core (push only re-signs such a package). */
export async function passphrasePackage(user: TestUser, name: string, passphrase: string): Promise<string> {
  const plain = await walnutPackage(user, name);
  const walnut = join(user.root, 'world', '04_Ventures', name);
  const opts = { walnut, scope: 'full' as const, bundles: [], allowSensitive: false };
  const plan = await planPackage(opts);
  const output = plain.replace(/\.walnut$/, '-locked.walnut');
  await writeEncryptedPackage(
    output,
    { mode: 'passphrase', passphrase },
    (tar) => writePlannedFiles(tar, plan),
    (sha) => manifestTextFor(plan, opts, { encrypted: true, payloadSha256: sha }),
  );
  return output;
}

/**
 * A fake GitHub and bob (token tok-bob, the fixture keys) with his relay set up on it, in-process:
 * the fixture of a file's beforeAll. `close` stops the server and removes bob's folder.
 */
export async function githubBob(tag: string, options: Partial<FakeGithubOptions> = {}): Promise<{ gh: FakeGithub; bob: TestUser; close: () => Promise<void> }> {
  const gh = new FakeGithub({ ...options, tokens: { 'tok-bob': 'bob', ...options.tokens } });
  await gh.start();
  const base = tempDir(tag);
  const bob = makeUser(base.dir, 'bob', { GH_ENTERPRISE_TOKEN: 'tok-bob', GITHUB_API_URL: gh.url });
  writeFixtureKeys(bob.paths, 'bob');
  const r = await run(bob, ['setup', '--json']);
  if (r.code !== 0) throw new Error(`setup bob on the fake GitHub: ${r.stderr}`);
  return {
    gh,
    bob,
    close: async () => {
      await gh.close();
      base.cleanup();
    },
  };
}
