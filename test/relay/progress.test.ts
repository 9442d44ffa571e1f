/**
 * Relay uploads and downloads report progress to a callback (the command shows it on a terminal,
 * as packing does): real git over bare repositories, and the local fake GitHub server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { GithubTransport } from '../../scripts/lib/relay/github-transport.ts';
import { createOctokit } from '../../scripts/lib/relay/github-client.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import type { ByteProgress } from '../../scripts/lib/package/progress.ts';
import { FakeGithub } from '../support/fake-github.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { bundlePath } from '../support/bundles.ts';
import { cli } from './cli.ts';
import { git, setUpGitUser, tempDir, writeFixtureKeys, type TestUser } from './helpers.ts';
import { pair, relayUser } from './in-process.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { isolateProcessGit } from './git-env.ts';

const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** alice's and bob's relays as the transport's setup leaves them (copies of one setup per login in the run: setUpGitUser), made once for the file; each git world copies them. */
let relaysMadeBySetup: string;
beforeAll(async () => {
  isolateProcessGit();
  const t = tempDir('git-progress-relays');
  cleanups.push(t.cleanup);
  const { alice, bob } = gitUsers(t.dir);
  await Promise.all([alice, bob].map((u) => setUpGitUser(t.dir, { ...u, options: {} })));
  relaysMadeBySetup = join(t.dir, 'remotes');
});

// Large enough for git and the fake GitHub to report bytes before the end; small enough to be cheap.
const SIZE = 3 * 1024 * 1024;
/** Above the 4 MB under which a terminal shows no transfer progress (terminalProgress's minBytes). */
const CLI_SIZE = 5 * 1024 * 1024;
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Byte counts that never go back, end at the total, and came in more than one event. `pack`: a git
 * download, whose size is not known before it ends (the git transport lists no sizes: totalBytes 0
 * meanwhile), counts the bytes of git's pack as they come, and the pack holds the package with its
 * framing (pack and object headers, zlib's blocks: a few hundred bytes more here). The pack's size,
 * sampled after its last byte and before git renames it, is then more than the package, and only
 * the finished event is the package's size (seen with a sample every millisecond on a disk, where
 * git's fsync widens that moment; the likely cause of a failure under load with the 250 ms sample).
 */
function expectProgress(events: ByteProgress[], phase: ByteProgress['phase'], total: number, counts: 'package' | 'pack' = 'package'): void {
  const seen = JSON.stringify(events);
  const running = events.slice(0, -1);
  expect(events.length, seen).toBeGreaterThan(1);
  expect(events.every((e) => e.phase === phase)).toBe(true);
  for (let i = 1; i < running.length; i++) expect(running[i]!.doneBytes, seen).toBeGreaterThanOrEqual(running[i - 1]!.doneBytes);
  const most = counts === 'pack' ? total + Math.ceil(total / 100) : total;
  expect(
    running.every((e) => !e.finished && e.doneBytes <= most && e.totalBytes === (counts === 'pack' ? 0 : total)),
    seen,
  ).toBe(true);
  expect(events.at(-1), seen).toEqual({ phase, doneBytes: total, totalBytes: total, finished: true });
  // Bytes the transfer itself counted, before the end: not only a start and an end.
  expect(
    running.some((e) => e.doneBytes > 0),
    seen,
  ).toBe(true);
}

/** alice and bob in `dir`: fixed test keys, and a transport to remotes/<login>.git. */
function gitUsers(dir: string) {
  const mk = (login: string) => {
    const paths = relayPaths(join(dir, login, 'relay'));
    const keys = writeFixtureKeys(paths, login);
    const url = join(dir, 'remotes', `${login}.git`);
    const transport = new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work });
    return { login, paths, keys, url, transport };
  };
  return { alice: mk('alice'), bob: mk('bob') };
}

/** A world of its own whose relays are set up (a copy of relaysMadeBySetup). */
function gitWorld() {
  const t = tempDir('git-progress');
  cleanups.push(t.cleanup);
  cpSync(relaysMadeBySetup, join(t.dir, 'remotes'), { recursive: true });
  return { dir: t.dir, ...gitUsers(t.dir) };
}

describe.concurrent('relay transfer progress', () => {
  for (const filtering of [false, true]) {
    it(`git: push and download report bytes up to the package size${filtering ? ' (a server that serves blob-less clones)' : ''}`, async () => {
      const { dir, alice, bob } = gitWorld();
      if (filtering) {
        // As a hosted Git server: blob-less fetches, so the package comes with the download.
        git(['config', 'uploadpack.allowFilter', 'true'], bob.url);
        git(['config', 'uploadpack.allowAnySHA1InWant', 'true'], bob.url);
      }
      const file = join(dir, 'big.walnut');
      writeFileSync(file, randomBytes(SIZE));
      const up: ByteProgress[] = [];
      await alice.transport.deliver(
        { login: 'bob', relay: bob.url },
        file,
        () => 'big-20260101-000000-00000001.walnut',
        () => {},
        (p) => up.push(p),
      );
      expectProgress(up, 'uploading', SIZE);

      const listing = await bob.transport.listInbox();
      const packKiB = () => Number(/size-pack: (\d+)/.exec(git(['count-objects', '-v'], bob.paths.clone))![1]);
      // Blob-less: the listing fetched no package, so the download's bytes are the network's.
      if (filtering) expect(packKiB()).toBeLessThan(1024);
      const down: ByteProgress[] = [];
      const dest = join(dir, 'got.walnut');
      await bob.transport.download(listing.entries[0]!, dest, undefined, (p) => down.push(p));
      expectProgress(down, 'downloading', SIZE, 'pack');
      expect(readFileSync(dest).equals(readFileSync(file))).toBe(true);
    });
  }

  it('git: a transfer that fails still ends with a finished event (a terminal line is cleared before the error)', async () => {
    const { dir, alice, bob } = gitWorld();
    const file = join(dir, 'mid.walnut');
    writeFileSync(file, randomBytes(1024 * 1024));
    const up: ByteProgress[] = [];
    await expect(
      alice.transport.deliver(
        { login: 'carol', relay: join(dir, 'remotes', 'nobody.git') },
        file,
        () => 'mid-20260101-000000-00000001.walnut',
        () => {},
        (p) => up.push(p),
      ),
    ).rejects.toThrow();
    expect(up.length).toBeGreaterThan(0);
    expect(up.at(-1)!.finished).toBe(true);

    await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      file,
      () => 'mid-20260101-000000-00000002.walnut',
      () => {},
    );
    const listing = await bob.transport.listInbox();
    const down: ByteProgress[] = [];
    await expect(bob.transport.download(listing.entries[0]!, join(dir, 'got.walnut'), 64 * 1024, (p) => down.push(p))).rejects.toThrow(/larger|limit|too/i);
    expect(down.length).toBeGreaterThan(0);
    expect(down.at(-1)!.finished).toBe(true);
  });

  it('github: a large deposit and its download report bytes up to the package size', async () => {
    const gh = new FakeGithub({ tokens: { 'tok-alice': 'alice', 'tok-bob': 'bob' } });
    await gh.start();
    cleanups.push(() => gh.close());
    const t = tempDir('gh-progress');
    cleanups.push(t.cleanup);
    const as = (login: string, token: string) => new GithubTransport({ octokit: createOctokit(gh.url, token), baseUrl: gh.url, login, branch: 'main' });
    const alice = as('alice', 'tok-alice');
    const bob = as('bob', 'tok-bob');
    await alice.setup(testKeyPair(0).publicKeyPem);
    await bob.setup(testKeyPair(1).publicKeyPem);
    await bob.invite('alice');
    const [inv] = await alice.listRelayInvitations();
    await alice.acceptInvitation(inv!.id);

    const file = join(t.dir, 'big.walnut');
    writeFileSync(file, randomBytes(SIZE));
    const up: ByteProgress[] = [];
    await alice.deliver(
      { login: 'bob', relay: 'bob/walnut-relay' },
      file,
      () => 'big-20260101-000000-00000001.walnut',
      () => {},
      (p) => up.push(p),
    );
    expectProgress(up, 'uploading', SIZE);

    const listing = await bob.listInbox();
    const down: ByteProgress[] = [];
    const dest = join(t.dir, 'got.walnut');
    await bob.download(listing.entries[0]!, dest, undefined, (p) => down.push(p));
    expectProgress(down, 'downloading', SIZE);
    expect(readFileSync(dest).equals(readFileSync(file))).toBe(true);
  });
});

describe('relay push and pull show progress on a terminal only', () => {
  it('prints uploading and downloading lines under a pseudo-terminal; nothing under --json or a pipe', async () => {
    const t = tempDir('cli-progress');
    cleanups.push(t.cleanup);
    // Set up in-process (the same commands; exchange-git.test.ts runs them through the bundle):
    // the bundle runs below are the transfers whose terminal output is under test.
    const alice = await relayUser(t.dir, 'alice');
    const bob = await relayUser(t.dir, 'bob');
    await pair(alice, bob);

    const walnut = join(t.dir, 'w');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '# key\n');
    writeFileSync(join(walnut, 'big.bin'), randomBytes(CLI_SIZE));
    const pkg = join(t.dir, 'big.walnut');
    await createPlainPackage({ walnut, scope: 'full', bundles: [], output: pkg, allowSensitive: false });

    const onTerminal = (u: TestUser, args: string[]) => {
      const cmd = [process.execPath, bundlePath('alive-p2p'), ...args].map(shellQuote).join(' ');
      return spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: u.env });
    };
    const json = onTerminal(alice, ['relay', 'push', pkg, '--to', 'bob', '--json']);
    expect(json.status, json.stdout).toBe(0);
    expect(json.stdout).not.toMatch(/uploading/);
    // Pulled while the relay holds that one package: each package pulled is a download, a
    // decryption and a check of 5 MiB in the bundle, and one shows the download's progress.
    const pull = onTerminal(bob, ['relay', 'pull']);
    expect(pull.status, pull.stdout).toBe(0);
    expect(pull.stdout).toMatch(/downloading [\d.]+ (?:[KM]i)?B/);
    expect(pull.stdout).toContain('\r\x1b[K'); // the line is cleared when a download ends

    // Each push here delivers the package again: forget the one before (else it may be already waiting).
    const forget = () => rmSync(join(alice.paths.dir, 'pushed.json'));
    forget();
    const push = onTerminal(alice, ['relay', 'push', pkg, '--to', 'bob']);
    expect(push.status, push.stdout).toBe(0);
    expect(push.stdout).toMatch(/uploading \d+% \([\d.]+ (?:[KM]i)?B of 5\.\d MiB\)/);
    // Sealing (encrypting and signing) comes first and is not silent either: a packing line.
    expect(push.stdout).toMatch(/packing \d+% \([\d.]+ (?:[KM]i)?B of 5\.\d MiB\)[\s\S]*uploading/);
    forget();
    const piped = cli(alice, 'alive-p2p', ['relay', 'push', pkg, '--to', 'bob']);
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
  });
});
