/**
 * Two (or more) users on the git transport, driven in-process: each command runs with runCaptured
 * while process.env is that user's isolated environment (ALIVE_HOME, HOME, git config), so the
 * commands, git and the relay libraries see exactly what that user's shell would.
 */
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { runCaptured, type Command } from '../../scripts/lib/cli/command.ts';
import { relayGroup } from '../../scripts/lib/relay/cli.ts';
import { createPlainPackage, manifestTextFor, planPackage, writePlannedFiles } from '../../scripts/lib/package/create.ts';
import { writeEncryptedPackage } from '../../scripts/lib/package/encrypt.ts';
import { makeUser, tempDir, writeFixtureKeys, writeTestKeys, type TestUser } from './helpers.ts';
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
 * A user with a fixed test key (no key generation wait) and a git relay set up at remotes/<login>.git.
 *
 * `relay setup` runs once per login and key in a worker, into a template folder; each later user of
 * the same login and key gets a copy of what it made (their relay folder and bare repository), with
 * the template's path replaced by theirs in the two files that hold it (relay.json and the clone's
 * git config). The suite set up ~150 relays a run, 11 git processes each, every one a fork of a
 * worker of 100-250 MB; setup itself is what setup-*.test.ts run for real. A user with `extra`
 * environment (a git config, a fake git on PATH) is set up for real, since that may change setup.
 * The templates are never changed once made, so sharing them across a worker's files is safe.
 */
export async function relayUser(base: string, login: string, extra: NodeJS.ProcessEnv = {}): Promise<RelayUser> {
  const u = makeUser(base, login, extra);
  const keys = writeTestKeys(u.paths);
  const url = join(base, 'remotes', `${login}.git`);
  if (Object.keys(extra).length > 0) {
    await setUp(u, url);
    return { ...u, url };
  }
  const template = await templateOf(login, keys);
  cpSync(join(template, login, 'alive'), u.env.ALIVE_HOME!, { recursive: true, preserveTimestamps: true, filter: (src) => basename(src) !== 'alive-users' });
  cpSync(join(template, 'remotes', `${login}.git`), url, { recursive: true, preserveTimestamps: true });
  for (const file of [u.paths.config, join(u.paths.clone, 'config')]) writeFileSync(file, readFileSync(file, 'utf8').split(template).join(base));
  return { ...u, url };
}

async function setUp(u: TestUser, url: string): Promise<void> {
  const r = await run(u, ['setup', '--transport', 'git', '--login', u.login, '--url', url, '--json']);
  if (r.code !== 0) throw new Error(`setup ${u.login}: ${r.stderr}`);
}

/** Template folders by login and public key; removed when the worker exits. */
const templates = new Map<string, Promise<string>>();
let templatesDir: string | undefined;

function templateOf(login: string, keys: { publicKeyPem: string; privateKeyPem: string }): Promise<string> {
  const id = `${login}\0${keys.publicKeyPem}`;
  let made = templates.get(id);
  if (made === undefined) {
    if (templatesDir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'alive-relay-templates-'));
      templatesDir = dir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const base = mkdtempSync(join(templatesDir, `${login}-`));
    made = (async () => {
      const t = makeUser(base, login);
      mkdirSync(t.paths.keysDir, { recursive: true, mode: 0o700 });
      writeFileSync(t.paths.privateKey, keys.privateKeyPem, { mode: 0o600 });
      writeFileSync(t.paths.publicKey, keys.publicKeyPem);
      await setUp(t, join(base, 'remotes', `${login}.git`));
      return base;
    })();
    templates.set(id, made);
    made.catch(() => templates.delete(id));
  }
  return made;
}

/** Both users pin each other (git transport: add-peer --url on both sides). */
export async function pair(a: RelayUser, b: RelayUser): Promise<void> {
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
