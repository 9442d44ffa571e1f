import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { gitEnv } from '../../scripts/lib/relay/git-run.ts';
import { gitBlobSha, gitBlobShaOf } from '../../scripts/lib/relay/blob-sha.ts';
import type { AliveError } from '../../scripts/lib/errors.ts';
import { bareFiles, bytesUnder, commitToBare, git, setUpGitUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { isolateProcessGit } from './git-env.ts';
import { startHangingServer } from '../support/hanging-server.ts';

// The tests run at once (each in its own folder, with its own relays): clean up after all of them.
const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The users of a world: a relay folder with fixed test keys, and a transport to remotes/<login>.git. */
function users(dir: string) {
  const mk = (login: string) => {
    const paths = relayPaths(join(dir, login, 'relay'));
    const keys = writeFixtureKeys(paths, login);
    const url = join(dir, 'remotes', `${login}.git`);
    const transport = new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work });
    return { login, paths, keys, url, transport };
  };
  return { alice: mk('alice'), bob: mk('bob'), carol: mk('carol') };
}

/**
 * The relays of alice, bob and carol as `setup` leaves them (README.md and keys/<login>.pem on
 * main), made once for the file, as copies of the transport's setup made once per login in the run
 * (setUpGitUser); a world that asks for them gets a copy. A setup per user and test cost about
 * twenty git processes each, and the setup tests below prove it.
 */
let relaysMadeBySetup: string;
beforeAll(async () => {
  isolateProcessGit();
  const t = tempDir('git-relays');
  cleanups.push(t.cleanup);
  await Promise.all(Object.values(users(t.dir)).map((u) => setUpGitUser(t.dir, { ...u, options: {} })));
  relaysMadeBySetup = join(t.dir, 'remotes');
});

/** A world of its own: with `relays`, each user's relay is already set up (a copy of relaysMadeBySetup). */
function setupWorld(opts: { relays?: boolean } = {}) {
  const t = tempDir('git');
  cleanups.push(t.cleanup);
  if (opts.relays) cpSync(relaysMadeBySetup, join(t.dir, 'remotes'), { recursive: true });
  return { dir: t.dir, ...users(t.dir) };
}

function pkgFile(dir: string, name: string, bytes: number): string {
  const p = join(dir, name);
  writeFileSync(p, randomBytes(bytes));
  return p;
}

describe.concurrent('git transport', () => {
  it('setup creates a bare relay with README and the owner key, and is idempotent', async () => {
    const { alice } = setupWorld();
    const first = await alice.transport.setup(alice.keys.publicKeyPem);
    expect(first.created).toBe(true);
    expect(first.keyPublished).toBe(true);
    const files = bareFiles(alice.url);
    expect([...files.keys()].sort()).toEqual(['README.md', 'keys/alice.pem']);
    expect(git(['show', 'main:keys/alice.pem'], alice.url)).toBe(alice.keys.publicKeyPem);
    // Commits carry the relay login even though no git identity is configured anywhere.
    expect(git(['log', '-1', '--format=%an <%ae>', 'main'], alice.url).trim()).toBe('alice <alice@alive.invalid>');

    const again = await alice.transport.setup(alice.keys.publicKeyPem);
    expect(again.created).toBe(false);
    expect(again.keyPublished).toBe(false);
    expect(again.head).toBe(first.head);
  });

  it('setup refuses a folder that is neither empty nor a bare repository, and leaves it alone', async () => {
    const { alice } = setupWorld();
    mkdirSync(alice.url, { recursive: true });
    writeFileSync(join(alice.url, 'notes.txt'), 'mine');
    await expect(alice.transport.setup(alice.keys.publicKeyPem)).rejects.toThrow(/neither empty nor a bare Git repository/);
    expect(readFileSync(join(alice.url, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('delivers into the recipient relay under inbox/<sender>/, fetching no package blobs for listings', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const pem = await alice.transport.fetchPeerKey({ login: 'bob', relay: bob.url });
    expect(pem).toBe(bob.keys.publicKeyPem);

    const file = pkgFile(dir, 'a.walnut', 200_000);
    const seenKeys: string[] = [];
    const r = await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      file,
      () => 'a-20260101-000000-00000001.walnut',
      (k) => seenKeys.push(k),
    );
    expect(seenKeys).toEqual([bob.keys.publicKeyPem]);
    expect(r.path).toBe('inbox/alice/a-20260101-000000-00000001.walnut');
    expect(bareFiles(bob.url).get(r.path)).toBe(await gitBlobSha(file));

    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => [e.sender, e.name])).toEqual([['alice', 'a-20260101-000000-00000001.walnut']]);
    // Listing read trees only: the package blob is still missing from bob's blob-less clone.
    const missing = spawnSync('git', ['rev-list', '--objects', '--missing=print', 'refs/remotes/origin/main'], { cwd: bob.paths.clone, encoding: 'utf8' });
    expect(missing.stdout).toContain(`?${listing.entries[0]!.blobSha}`);

    const dest = join(dir, 'out.walnut');
    await bob.transport.download(listing.entries[0]!, dest);
    expect(readFileSync(dest).equals(readFileSync(file))).toBe(true);
  });

  it('a download whose destination cannot be written is unwritable, naming its folder', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      pkgFile(dir, 'a.walnut', 1000),
      () => 'a-1.walnut',
      () => {},
    );
    const [entry] = (await bob.transport.listInbox()).entries;
    const dest = join(dir, 'no-such-folder', 'down.walnut');
    const err = await bob.transport.download(entry!, dest).catch((e: unknown) => e);
    // The folder: the file is named after the package, whose name is the relay writer's.
    expect(err).toMatchObject({ code: 'unwritable', message: expect.stringContaining(`cannot write into ${join(dir, 'no-such-folder')} (`) });
    expect((err as Error).message).toMatch(/ENOENT/);
    expect((err as Error).message).toMatch(/then pull again/);
  });

  it('a push into a relay in a folder runs none of the hooks planted there, a delivery or a clean-up', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const ran = join(dir, 'hooks-ran');
    for (const hook of ['pre-receive', 'update', 'post-receive', 'post-update', 'reference-transaction', 'push-to-checkout']) {
      const path = join(bob.url, 'hooks', hook);
      writeFileSync(path, `#!/bin/sh\necho ${hook} >> '${ran}'\nexit 0\n`);
      chmodSync(path, 0o755);
    }
    const r = await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      pkgFile(dir, 'h.walnut', 100),
      () => 'h-1.walnut',
      () => {},
    );
    expect(bareFiles(bob.url).has(r.path)).toBe(true);
    const listing = await bob.transport.listInbox();
    await bob.transport.remove(listing.entries);
    expect(bareFiles(bob.url).has(r.path)).toBe(false);
    expect(existsSync(ran)).toBe(false);
  });

  it('a push into a relay in a folder runs no command its config names (alternate refs, a work tree update)', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const ran = join(dir, 'config-ran');
    // Whoever can write bob's folder: an alternate object store, and a command to list its refs.
    const other = join(dir, 'other.git');
    git(['init', '-q', '--bare', other]);
    writeFileSync(join(bob.url, 'objects', 'info', 'alternates'), `${join(other, 'objects')}\n`);
    git(['config', 'core.alternateRefsCommand', `echo alternateRefsCommand >> '${ran}'; true`], bob.url);
    git(['config', 'receive.autogc', 'true'], bob.url);
    git(['config', 'gc.auto', '1'], bob.url);
    const r = await alice.transport.deliver(
      { login: 'bob', relay: bob.url },
      pkgFile(dir, 'c.walnut', 100),
      () => 'c-1.walnut',
      () => {},
    );
    expect(bareFiles(bob.url).has(r.path)).toBe(true);
    expect(existsSync(ran)).toBe(false);
  });

  it('refuses the delivery when the key check throws, and writes nothing', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const before = git(['rev-parse', 'main'], bob.url);
    await expect(
      alice.transport.deliver(
        { login: 'bob', relay: bob.url },
        pkgFile(dir, 'x.walnut', 10),
        () => 'x-1.walnut',
        () => {
          throw new Error('key changed');
        },
      ),
    ).rejects.toThrow('key changed');
    expect(git(['rev-parse', 'main'], bob.url)).toBe(before);
  });

  it('two deliveries with the same name never overwrite each other', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const peer = { login: 'bob', relay: bob.url };
    let n = 0;
    const names = () => (n++ === 0 ? 'same.walnut' : `same-${n}.walnut`);
    const f1 = pkgFile(dir, 'one.walnut', 1000);
    const f2 = pkgFile(dir, 'two.walnut', 1000);
    await alice.transport.deliver(
      peer,
      f1,
      () => 'same.walnut',
      () => {},
    );
    const second = await alice.transport.deliver(peer, f2, names, () => {});
    expect(second.name).not.toBe('same.walnut');
    const files = bareFiles(bob.url);
    expect(files.get('inbox/alice/same.walnut')).toBe(await gitBlobSha(f1));
    expect(files.get(second.path)).toBe(await gitBlobSha(f2));
  });

  it('concurrent deliveries from two senders both land (a lost push race is rebuilt and retried)', async () => {
    const { dir, alice, bob, carol } = setupWorld({ relays: true });
    const peer = { login: 'bob', relay: bob.url };
    const jobs = [];
    for (let i = 0; i < 3; i++) {
      jobs.push(
        alice.transport.deliver(
          peer,
          pkgFile(dir, `a${i}.walnut`, 500),
          () => `a${i}-${randomBytes(4).toString('hex')}.walnut`,
          () => {},
        ),
      );
      jobs.push(
        carol.transport.deliver(
          peer,
          pkgFile(dir, `c${i}.walnut`, 500),
          () => `c${i}-${randomBytes(4).toString('hex')}.walnut`,
          () => {},
        ),
      );
    }
    const results = await Promise.all(jobs);
    const files = bareFiles(bob.url);
    for (const r of results) expect(files.has(r.path)).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('inbox/')).length).toBe(6);
  });

  it('lists only inbox/<login>/<safe name>.walnut and reports the rest', async () => {
    const { bob } = setupWorld({ relays: true });
    const paths = [
      'inbox/alice/ok.walnut',
      'inbox/alice/.hidden.walnut',
      'inbox/alice/notes.txt',
      'inbox/alice/deep/x.walnut',
      'inbox/bad name/x.walnut',
      'inbox/top.walnut',
      'inbox/carol/.gitkeep',
    ];
    commitToBare(bob.url, Object.fromEntries(paths.map((p) => [p, 'x'])), 'hostile');
    const listing = await bob.transport.listInbox();
    expect(listing.entries.map((e) => e.path)).toEqual(['inbox/alice/ok.walnut']);
    expect(listing.ignored.sort()).toEqual([
      'inbox/alice/.hidden.walnut',
      'inbox/alice/deep/x.walnut',
      'inbox/alice/notes.txt',
      'inbox/bad name/x.walnut',
      'inbox/top.walnut',
    ]);
  });

  it('remove deletes exactly the listed blobs, and a package replaced meanwhile stays', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const peer = { login: 'bob', relay: bob.url };
    await alice.transport.deliver(
      peer,
      pkgFile(dir, '1.walnut', 100),
      () => 'p1.walnut',
      () => {},
    );
    await alice.transport.deliver(
      peer,
      pkgFile(dir, '2.walnut', 100),
      () => 'p2.walnut',
      () => {},
    );
    const listing = await bob.transport.listInbox();
    // A third package arrives after bob listed: removing the listed two must not touch it.
    await alice.transport.deliver(
      peer,
      pkgFile(dir, '3.walnut', 100),
      () => 'p3.walnut',
      () => {},
    );
    // And p2 is replaced by other content under the same name: what bob read is no longer there.
    commitToBare(bob.url, { 'inbox/alice/p2.walnut': 'replaced' }, 'replace p2');
    const replacedBlob = bareFiles(bob.url).get('inbox/alice/p2.walnut');
    await bob.transport.remove(listing.entries);
    const after = bareFiles(bob.url);
    expect([...after.keys()].filter((p) => p.startsWith('inbox/')).sort()).toEqual(['inbox/alice/p2.walnut', 'inbox/alice/p3.walnut']);
    expect(after.get('inbox/alice/p2.walnut')).toBe(replacedBlob);
    const head = git(['rev-parse', 'main'], bob.url);
    await bob.transport.remove(listing.entries); // already gone or replaced: no error, no commit
    expect(git(['rev-parse', 'main'], bob.url)).toBe(head);
  });

  it("a peer relay's hook output never reaches the message (the agent reads it): it is counted, without control characters", async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const hook = join(bob.url, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\nprintf "\\033]0;owned\\007\\033[2Jcleared\\n" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    // Bob's relay behind a server, as over ssh: the stand-in for ssh runs the server's git command
    // here, so the hook runs on the receiving side as a server's would (a push to a folder runs none).
    const ssh = join(dir, 'fake-ssh');
    writeFileSync(ssh, '#!/bin/sh\nshift\nexec sh -c "$*"\n');
    chmodSync(ssh, 0o755);
    process.env.GIT_SSH_COMMAND = ssh;
    process.env.GIT_SSH_VARIANT = 'simple';
    const err = await alice.transport
      .deliver(
        { login: 'bob', relay: `ssh://relay.invalid${bob.url}` },
        pkgFile(dir, 'x.walnut', 10),
        () => 'x-1.walnut',
        () => {},
      )
      .then(
        () => undefined,
        (e: Error) => e,
      );
    delete process.env.GIT_SSH_COMMAND;
    delete process.env.GIT_SSH_VARIANT;
    expect(err?.message).toMatch(/^could not push .*git push failed with exit code 1; git's last lines are in the untrusted detail that follows$/);
    expect(err?.message).not.toMatch(/cleared|owned/);
    // The detail, which the agent reads too: git's own lines, the server's counted and left out.
    const detail = (err as AliveError).untrusted?.json.git_output;
    expect(detail).toMatch(/the server printed 1 line of its own, not shown$/);
    expect(detail).not.toMatch(/cleared|owned/);
    expect(detail).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('an oversized keys/<peer>.pem in a peer relay is refused without holding it in memory', async () => {
    const { alice, bob } = setupWorld({ relays: true });
    // Random bytes: a pack of them is as large as they are, so a kept copy shows on the disk.
    commitToBare(bob.url, { 'keys/bob.pem': randomBytes(3 * 1024 * 1024) }, 'huge key');
    await expect(alice.transport.fetchPeerKey({ login: 'bob', relay: bob.url })).rejects.toThrow(/keys\/bob\.pem .*too large to be a public key/);
    // Nor on the disk: the blob is not kept in the clone, whole or as a temporary pack.
    expect(bytesUnder(join(alice.paths.clone, 'objects'))).toBeLessThan(1024 * 1024);
  });

  it('a listing removes temporary packs that a killed fetch left an hour ago or more, and no newer one', async () => {
    const { alice } = setupWorld({ relays: true });
    await alice.transport.listInbox(); // makes the clone
    const packDir = join(alice.paths.clone, 'objects', 'pack');
    const old = join(packDir, 'tmp_pack_left');
    const fresh = join(packDir, 'tmp_pack_running');
    writeFileSync(old, randomBytes(1024));
    writeFileSync(fresh, randomBytes(1024));
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    await alice.transport.listInbox();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('a fetch from a server that never answers ends at the deadline', async () => {
    const { alice } = setupWorld();
    const hang = await startHangingServer();
    cleanups.push(hang.close);
    const t = new GitTransport({ login: 'alice', url: `${hang.url}/x.git`, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    // The deadline leaves room for the local set-up (git init and config of the clone) on a loaded
    // machine, so that the fetch does start and meet the server that never answers.
    const t0 = Date.now();
    await expect(t.listInbox({ deadline: Date.now() + 6000 })).rejects.toThrow(/cannot reach the relay/);
    const took = Date.now() - t0;
    expect(took).toBeLessThan(6000 + 10_000); // the deadline (git is killed), with room for a loaded machine
    expect(hang.connections()).toBeGreaterThan(0);
    expect(existsSync(alice.paths.clone)).toBe(true);
  });

  it('a deadline that has passed before the fetch starts is a timeout of the relay, like one that passes during it', async () => {
    const { alice, bob } = setupWorld({ relays: true });
    const t = new GitTransport({ login: 'alice', url: bob.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    // As on a machine so loaded that the local set-up used up the whole budget.
    const err = await t.listInbox({ deadline: Date.now() - 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: expect.stringMatching(/^cannot reach the relay .*no time left/) });
  });
});

describe('git environment', () => {
  it('a GIT_DIR (and friends) inherited from a git hook that started the session never send the relay into that repository', async () => {
    const { alice, bob } = setupWorld({ relays: true });
    const o = tempDir('git-dir-other');
    cleanups.push(o.cleanup);
    const other = o.dir;
    git(['init', '-q', '-b', 'main', other]);
    git(['-C', other, 'remote', 'add', 'origin', 'https://example.invalid/me/my-world.git']);
    const configBefore = readFileSync(join(other, '.git', 'config'), 'utf8');
    const inherited = { GIT_DIR: join(other, '.git'), GIT_WORK_TREE: other, GIT_INDEX_FILE: join(other, '.git', 'index') };
    const saved = Object.fromEntries(Object.keys(inherited).map((k) => [k, process.env[k]]));
    Object.assign(process.env, inherited);
    try {
      const t = new GitTransport({ login: 'alice', url: bob.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
      await t.listInbox();
      for (const k of Object.keys(inherited)) expect(gitEnv()[k]).toBeUndefined();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(readFileSync(join(other, '.git', 'config'), 'utf8')).toBe(configBefore);
    expect(git(['-C', other, 'for-each-ref']).trim()).toBe('');
    expect(existsSync(join(alice.paths.clone, 'config')) || existsSync(join(alice.paths.clone, '.git', 'config'))).toBe(true);
  });

  // Fourth review of 2026-12-07: with GIT_NAMESPACE set, status saw an empty relay and setup made a
  // second one under refs/namespaces/<it>/ inside the first.
  it('a GIT_NAMESPACE in the environment does not move the relay under refs/namespaces/', () => {
    const before = process.env.GIT_NAMESPACE;
    process.env.GIT_NAMESPACE = 'ns';
    try {
      expect(gitEnv().GIT_NAMESPACE).toBeUndefined();
      expect(process.env.GIT_NAMESPACE).toBe('ns');
    } finally {
      if (before === undefined) delete process.env.GIT_NAMESPACE;
      else process.env.GIT_NAMESPACE = before;
    }
  });

  it('never carries the package passphrase to git or what git starts', () => {
    const before = process.env.WALNUT_PASSPHRASE;
    process.env.WALNUT_PASSPHRASE = 'hunter2';
    try {
      const env = gitEnv();
      expect(env.WALNUT_PASSPHRASE).toBeUndefined();
      expect(env.GIT_TERMINAL_PROMPT).toBe('0');
      expect(process.env.WALNUT_PASSPHRASE).toBe('hunter2');
    } finally {
      if (before === undefined) delete process.env.WALNUT_PASSPHRASE;
      else process.env.WALNUT_PASSPHRASE = before;
    }
  });
});

describe("the user's own git configuration", () => {
  it('a global push.gpgSign = true does not stop a delivery (relay pushes are not signed pushes; the packages are signed)', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const global = join(dir, 'gitconfig');
    writeFileSync(global, '[push]\n\tgpgSign = true\n');
    const before = process.env.GIT_CONFIG_GLOBAL;
    // Not concurrent with other tests: every git this process starts meanwhile reads it.
    process.env.GIT_CONFIG_GLOBAL = global;
    try {
      const r = await alice.transport.deliver(
        { login: 'bob', relay: bob.url },
        pkgFile(dir, 'a.walnut', 1000),
        () => 'a-20260101-000000-00000001.walnut',
        () => {},
      );
      expect(r.path).toBe('inbox/alice/a-20260101-000000-00000001.walnut');
    } finally {
      process.env.GIT_CONFIG_GLOBAL = before;
    }
    expect([...bareFiles(bob.url).keys()]).toContain('inbox/alice/a-20260101-000000-00000001.walnut');
  });
});

describe('git processes per command', () => {
  /**
   * The lines GIT_TRACE wrote while `run` ran: every git this process started meanwhile (these
   * tests are not concurrent with others).
   */
  async function gitTrace(dir: string, run: () => Promise<unknown>): Promise<string[]> {
    const trace = join(dir, 'git-trace.txt');
    // Git appends to it: each call reads its own runs alone.
    rmSync(trace, { force: true });
    process.env.GIT_TRACE = trace;
    try {
      await run();
    } finally {
      delete process.env.GIT_TRACE;
    }
    return readFileSync(trace, 'utf8').split('\n');
  }
  /** The `git config` runs among traced lines (their arguments after `config`). */
  const configRuns = (lines: string[]) => lines.map((l) => /built-in: git .*?\bconfig (.*)$/.exec(l)?.[1]).filter((c): c is string => c !== undefined);
  const deliverOne = (transport: GitTransport, dir: string, bobUrl: string) =>
    transport.deliver(
      { login: 'bob', relay: bobUrl },
      pkgFile(dir, 'a.walnut', 1000),
      () => 'a-20260101-000000-00000001.walnut',
      () => {},
    );

  it("a delivery from a fresh clone writes the peer's remote with no git config process, and pushes once", async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const lines = await gitTrace(dir, () => deliverOne(alice.transport, dir, bob.url));
    expect(lines.filter((l) => /built-in: git (?!.*\bget-url\b).*\bpush\b/.test(l))).toHaveLength(1);
    // The parent commit's tree is listed through the commit itself, with no rev-parse of it first.
    expect(lines.filter((l) => /built-in: git .*\brev-parse\b.*\^\{tree\}/.test(l))).toEqual([]);
    expect(configRuns(lines)).toEqual([]);
    const read = (key: string) => git(['config', '--get-all', `remote.peer-bob.${key}`], alice.paths.clone).trim();
    expect(['url', 'fetch', 'promisor', 'partialclonefilter'].map(read)).toEqual([bob.url, '+refs/heads/*:refs/remotes/peer-bob/*', 'true', 'blob:none']);
  });

  it("a delivery from a clone that knows other relays reads the peer remote's URL from the config file, with no git config process, and writes it in one go", async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    await alice.transport.listInbox(); // the clone, with origin
    const again = new GitTransport({ login: 'alice', url: alice.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    const lines = await gitTrace(dir, () => deliverOne(again, dir, bob.url));
    expect(configRuns(lines)).toEqual([]);
    expect(git(['config', '--get-all', 'remote.peer-bob.url'], alice.paths.clone).trim()).toBe(bob.url);
    // The next command finds the remote there, and a config file it does not follow is read by git.
    const third = new GitTransport({ login: 'alice', url: alice.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    expect(configRuns(await gitTrace(dir, () => third.listDeposits({ login: 'bob', relay: bob.url })))).toEqual([]);
    git(['config', 'include.path', 'none-such'], alice.paths.clone);
    const fourth = new GitTransport({ login: 'alice', url: alice.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    expect(configRuns(await gitTrace(dir, () => fourth.listDeposits({ login: 'bob', relay: bob.url })))).toEqual(['--get remote.peer-bob.url']);
  });

  it('setup fetches nothing from a relay it has just made; had one been pushed meanwhile, its push loses the race and the next attempt fetches', async () => {
    const { dir, alice, bob } = setupWorld();
    const lines = await gitTrace(dir, () => alice.transport.setup(alice.keys.publicKeyPem));
    expect(lines.filter((l) => /built-in: git .*\bfetch\b/.test(l))).toEqual([]);
    expect([...bareFiles(alice.url).keys()].sort()).toEqual(['README.md', 'keys/alice.pem']);
    // As if the relay had been pushed to between its init and the first push: carol's key is there already.
    await bob.transport.setup(bob.keys.publicKeyPem);
    commitToBare(bob.url, { 'keys/carol.pem': 'carol' });
    const again = new GitTransport({ login: 'bob', url: bob.url, branch: 'main', clonePath: join(dir, 'bob2', 'clone'), workDir: join(dir, 'bob2', 'work') });
    const published = await (again as unknown as { publishKey(pem: string, created: boolean): Promise<{ keyPublished: boolean }> }).publishKey(
      bob.keys.publicKeyPem,
      true,
    );
    expect(published.keyPublished).toBe(false);
    expect([...bareFiles(bob.url).keys()].sort()).toEqual(['README.md', 'keys/bob.pem', 'keys/carol.pem']);
  });

  it('setup run again lists README.md and keys/ of the relay once in the clone, for its check of the repository and its changes alike', async () => {
    const { dir, alice } = setupWorld({ relays: true });
    const lines = await gitTrace(dir, () => alice.transport.setup(alice.keys.publicKeyPem));
    // The relay in a folder is checked where it is first (its own keys/ listing), then in the clone.
    expect(lines.filter((l) => /built-in: git ls-tree .*-r /.test(l)).map((l) => l.replace(/.* -- /, ''))).toEqual(['keys', 'README.md keys']);
    expect([...bareFiles(alice.url).keys()].sort()).toEqual(['README.md', 'keys/alice.pem']);
  });

  it('setup run again writes no object when its key is published already, and publishes it again when the file holds other bytes', async () => {
    const { dir, alice } = setupWorld({ relays: true });
    const head = git(['rev-parse', 'main'], alice.url).trim();
    const hashes = (lines: string[]) => lines.filter((l) => /built-in: git .*\bhash-object\b/.test(l));
    let again: Awaited<ReturnType<GitTransport['setup']>> | undefined;
    expect(hashes(await gitTrace(dir, async () => void (again = await alice.transport.setup(alice.keys.publicKeyPem))))).toEqual([]);
    expect(again).toMatchObject({ keyPublished: false, head });
    commitToBare(alice.url, { 'keys/alice.pem': `${alice.keys.publicKeyPem}\n` }, 'a line more');
    const lines = await gitTrace(dir, async () => void (again = await alice.transport.setup(alice.keys.publicKeyPem)));
    expect(hashes(lines)).toHaveLength(1);
    expect(again?.keyPublished).toBe(true);
    expect(git(['show', 'main:keys/alice.pem'], alice.url)).toBe(alice.keys.publicKeyPem);
  });

  it("the key's blob id setup compares is git's, in a relay of either object format (sha1, sha256)", () => {
    const { dir, alice } = setupWorld();
    const bytes = Buffer.from(alice.keys.publicKeyPem, 'utf8');
    for (const format of ['sha1', 'sha256']) {
      const repo = join(dir, `${format}.git`);
      git(['init', '--quiet', '--bare', `--object-format=${format}`, repo]);
      const r = spawnSync('git', ['hash-object', '--stdin'], { cwd: repo, input: bytes, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const id = r.stdout.trim();
      expect(gitBlobShaOf(bytes, id.length), format).toBe(id);
    }
  });

  it("a new relay's serving settings are written with its init, not by a git config process each", async () => {
    const { dir, alice } = setupWorld();
    const lines = await gitTrace(dir, () => alice.transport.setup(alice.keys.publicKeyPem));
    const settings = { 'uploadpack.allowfilter': 'true', 'uploadpack.allowanysha1inwant': 'true', 'core.compression': '0', 'pack.window': '0' };
    for (const [key, value] of Object.entries(settings)) expect(git(['config', '--get', key], alice.url).trim(), key).toBe(value);
    expect(lines.filter((l) => /built-in: git .*\bconfig (?:uploadpack|core\.compression|pack\.window)/i.test(l))).toEqual([]);
  });

  it('a delivery lists the trees on its path in one ls-tree and writes the new ones in one mktree; a push needs no update-ref after it', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/old-20260101-000000-00000000.walnut': 'old', 'inbox/carol/c-20260101-000000-00000000.walnut': 'c' });
    const lines = await gitTrace(dir, () => deliverOne(alice.transport, dir, bob.url));
    const runs = (verb: string) => lines.filter((l) => new RegExp(`built-in: git .*\\b${verb}\\b`).test(l));
    expect(runs('ls-tree').filter((l) => / -t /.test(l))).toHaveLength(1);
    expect(runs('mktree')).toHaveLength(1);
    expect(runs('update-ref')).toEqual([]);
    // The peer's key and the folder of its inbox are listed together, once.
    expect(runs('ls-tree').filter((l) => / -r /.test(l))).toEqual([expect.stringMatching(/ -- keys inbox\/alice$/)]);
    // What it built: the other entries carried over, the new one added, and the tracking ref at the tip.
    expect([...bareFiles(bob.url).keys()].sort()).toEqual([
      'README.md',
      'inbox/alice/a-20260101-000000-00000001.walnut',
      'inbox/alice/old-20260101-000000-00000000.walnut',
      'inbox/carol/c-20260101-000000-00000000.walnut',
      'keys/bob.pem',
    ]);
    expect(git(['rev-parse', 'refs/remotes/peer-bob/main'], alice.paths.clone)).toBe(git(['rev-parse', 'main'], bob.url));
  });

  it('a tree git holds in another form than it writes (entries out of order, a mode such as 100664, a name twice) is rebuilt one tree at a time, as git lists it', async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const object = (type: string, content: Buffer) => {
      const r = spawnSync('git', ['hash-object', '-w', '-t', type, '--literally', '--stdin'], { cwd: bob.url, input: content, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    const entry = (mode: string, name: string, oid: string) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]);
    const blob = object('blob', Buffer.from('old'));
    const head = git(['rev-parse', 'main'], bob.url).trim();
    const keys = git(['rev-parse', 'main:keys'], bob.url).trim();
    const oddTrees = [
      Buffer.concat([entry('100644', 'z.walnut', blob), entry('100644', 'b.walnut', blob)]),
      entry('100664', 'b.walnut', blob),
      Buffer.concat([entry('100644', 'b.walnut', blob), entry('100644', 'b.walnut', blob)]),
    ];
    let parent = head;
    for (const [i, odd] of oddTrees.entries()) {
      const inbox = object('tree', entry('40000', 'alice', object('tree', odd)));
      const root = object('tree', Buffer.concat([entry('40000', 'inbox', inbox), entry('40000', 'keys', keys)]));
      const commit = git(['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', root, '-p', parent, '-m', 'odd'], bob.url).trim();
      git(['update-ref', 'refs/heads/main', commit], bob.url);
      parent = commit;
      const before = git(['ls-tree', '-r', 'main:inbox/alice'], bob.url);
      const lines = await gitTrace(dir, () =>
        alice.transport.deliver(
          { login: 'bob', relay: bob.url },
          pkgFile(dir, `p${i}.walnut`, 100),
          () => `a-20260101-000000-0000000${i}.walnut`,
          () => {},
        ),
      );
      expect(lines.filter((l) => /built-in: git .*\bmktree\b/.test(l)).length, `odd tree ${i}`).toBeGreaterThan(1);
      // The entries as git lists them (in git's order, a name once), and the new one.
      const listed = (text: string) => [...new Set(text.split('\n').filter(Boolean))].sort();
      const after = git(['ls-tree', '-r', 'main:inbox/alice'], bob.url);
      expect(listed(after).filter((l) => !l.includes(`a-20260101-000000-0000000${i}`))).toEqual(listed(before));
      expect(after).toContain(`a-20260101-000000-0000000${i}.walnut`);
      parent = git(['rev-parse', 'main'], bob.url).trim();
    }
  });

  it("a pull's clean-up lists inbox/ again only when the relay moved since the pull listed it", async () => {
    const { dir, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'a', 'inbox/alice/b-20260101-000000-00000002.walnut': 'b' });
    const inboxListings = (lines: string[]) => lines.filter((l) => /built-in: git .*\bls-tree -r .* -- inbox$/.test(l));
    const [a, b] = (await bob.transport.listInbox()).entries;
    expect(inboxListings(await gitTrace(dir, () => bob.transport.remove([a!])))).toEqual([]);
    commitToBare(bob.url, { 'inbox/carol/c-20260101-000000-00000003.walnut': 'c' });
    expect(inboxListings(await gitTrace(dir, () => bob.transport.remove([b!])))).toHaveLength(1);
    expect([...bareFiles(bob.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual(['inbox/carol/c-20260101-000000-00000003.walnut']);
  });

  it("a pull's clean-up fetches the relay again only when it moved since the pull listed it (its push was refused as a lost race)", async () => {
    const { dir, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'a', 'inbox/alice/b-20260101-000000-00000002.walnut': 'b' });
    const fetches = (lines: string[]) => lines.filter((l) => /built-in: git .*\bfetch .*\+refs\/heads\//.test(l));
    const pushes = (lines: string[]) => lines.filter((l) => /built-in: git (?!.*\bget-url\b).*\bpush\b/.test(l));
    const [a, b] = (await bob.transport.listInbox()).entries;
    const unmoved = await gitTrace(dir, () => bob.transport.remove([a!]));
    expect(fetches(unmoved)).toEqual([]);
    expect(pushes(unmoved)).toHaveLength(1);
    expect([...bareFiles(bob.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual(['inbox/alice/b-20260101-000000-00000002.walnut']);
    // Listed again (a pull's listing), then moved by someone else before the clean-up.
    expect((await bob.transport.listInbox()).entries).toEqual([b]);
    commitToBare(bob.url, { 'inbox/carol/c-20260101-000000-00000003.walnut': 'c' });
    const moved = await gitTrace(dir, () => bob.transport.remove([b!]));
    expect(fetches(moved)).toHaveLength(1);
    expect(pushes(moved)).toHaveLength(2);
    expect([...bareFiles(bob.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual(['inbox/carol/c-20260101-000000-00000003.walnut']);
  });

  it("a pull's clean-up whose relay stopped answering since the listing says so as a fetch did: it cannot reach the relay", async () => {
    const { dir, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'a' });
    const [a] = (await bob.transport.listInbox()).entries;
    renameSync(bob.url, join(dir, 'gone.git'));
    const err = (await bob.transport.remove([a!]).catch((e: unknown) => e)) as AliveError;
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/^cannot reach the relay /);
  });

  it("a command that reads the user's relay and two peers' at once (status, the probe) asks git for the clone's remotes once", async () => {
    const { dir, alice, bob, carol } = setupWorld({ relays: true });
    const readAll = (t: GitTransport) =>
      Promise.all([t.listInbox(), t.fetchPeerKey({ login: 'bob', relay: bob.url }), t.fetchPeerKey({ login: 'carol', relay: carol.url })]);
    await readAll(alice.transport); // the clone, with its three remotes
    const again = new GitTransport({ login: 'alice', url: alice.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    let read: Awaited<ReturnType<typeof readAll>> | undefined;
    const lines = await gitTrace(dir, async () => {
      read = await readAll(again);
    });
    expect(read?.slice(1)).toEqual([bob.keys.publicKeyPem, carol.keys.publicKeyPem]);
    expect(lines.filter((l) => /built-in: git remote -v$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /built-in: git fetch .*\+refs\/heads\//.test(l))).toHaveLength(3);
  });

  it("a remote the listing of the clone's remotes does not show as given is asked again: a push URL another command added since is refused", async () => {
    const { dir, alice, bob } = setupWorld({ relays: true });
    const open = () => new GitTransport({ login: 'alice', url: alice.url, branch: 'main', clonePath: alice.paths.clone, workDir: alice.paths.work });
    const first = open();
    await first.listInbox(); // its listing of the clone's remotes: origin's alone
    // Another command adds bob's remote, and a push URL of it that is not his relay.
    await open().listDeposits({ login: 'bob', relay: bob.url });
    git(['config', 'remote.peer-bob.pushurl', join(dir, 'elsewhere.git')], alice.paths.clone);
    const lines = await gitTrace(dir, async () => {
      const err = await first.listDeposits({ login: 'bob', relay: bob.url }).catch((e: AliveError) => e);
      expect((err as AliveError).code).toBe('url_rewritten');
    });
    expect(lines.filter((l) => /built-in: git remote -v$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /built-in: git fetch /.test(l))).toEqual([]);
  });

  it("a pull's clean-up resolves the relay's tip again only when its fetch moved it from the tip the pull listed", async () => {
    const { dir, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'a', 'inbox/alice/b-20260101-000000-00000002.walnut': 'b' });
    const tipReads = (lines: string[]) => lines.filter((l) => /built-in: git rev-parse .*refs\/remotes\/origin\/main/.test(l));
    const listed = await gitTrace(dir, () => bob.transport.listInbox());
    expect(tipReads(listed)).toHaveLength(1);
    const [a, b] = (await bob.transport.listInbox()).entries;
    expect(tipReads(await gitTrace(dir, () => bob.transport.remove([a!])))).toEqual([]);
    // Moved by someone else since: its tip is resolved, and the clean-up builds on it.
    commitToBare(bob.url, { 'inbox/carol/c-20260101-000000-00000003.walnut': 'c' });
    const moved = git(['rev-parse', 'main'], bob.url).trim();
    expect(tipReads(await gitTrace(dir, () => bob.transport.remove([b!])))).toHaveLength(1);
    expect(git(['rev-parse', 'main^'], bob.url).trim()).toBe(moved);
    expect([...bareFiles(bob.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual(['inbox/carol/c-20260101-000000-00000003.walnut']);
    // A ref git packed (a gc by hand) is resolved by git.
    git(['pack-refs', '--all'], bob.paths.clone);
    expect(existsSync(join(bob.paths.clone, 'refs', 'remotes', 'origin', 'main'))).toBe(false);
    let head: string | null = null;
    expect(tipReads(await gitTrace(dir, async () => ({ head } = await bob.transport.listInbox())))).toHaveLength(1);
    expect(head).toBe(git(['rev-parse', 'main'], bob.url).trim());
  });

  it("the own key after a pull's clean-up is read at the new tip with the keys/ the pull listed: that commit changed inbox/ alone", async () => {
    const { dir, bob } = setupWorld({ relays: true });
    commitToBare(bob.url, { 'inbox/alice/a-20260101-000000-00000001.walnut': 'a' });
    const [a] = (await bob.transport.listInbox()).entries;
    let key: string | null = null;
    const lines = await gitTrace(dir, async () => {
      await bob.transport.remove([a!]);
      key = await bob.transport.ownKey();
    });
    expect(key).toBe(bob.keys.publicKeyPem);
    expect(lines.filter((l) => /built-in: git ls-tree -r /.test(l))).toEqual([]);
    expect([...bareFiles(bob.url).keys()].sort()).toEqual(['README.md', 'keys/bob.pem']);
  });

  it('a clean-up built one tree at a time (a folder named twice in the tip) has the own key listed again at the new tip', async () => {
    const { dir, bob } = setupWorld({ relays: true });
    // A tip whose root names keys/ twice: the first holds bob's key, the second another file. Git
    // lists both; a tree built one at a time keeps one of them (the second).
    const object = (type: string, content: Buffer) =>
      spawnSync('git', ['hash-object', '-w', '-t', type, '--literally', '--stdin'], { cwd: bob.url, input: content, encoding: 'utf8' }).stdout.trim();
    const entry = (mode: string, name: string, oid: string) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]);
    const keys = git(['rev-parse', 'main:keys'], bob.url).trim();
    const other = object('tree', entry('100644', 'zed.txt', object('blob', Buffer.from('zed'))));
    const inbox = object(
      'tree',
      entry('40000', 'alice', object('tree', entry('100644', 'a-20260101-000000-00000001.walnut', object('blob', Buffer.from('a'))))),
    );
    const root = object('tree', Buffer.concat([entry('40000', 'inbox', inbox), entry('40000', 'keys', keys), entry('40000', 'keys', other)]));
    const head = git(['rev-parse', 'main'], bob.url).trim();
    const commit = git(['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', root, '-p', head, '-m', 'twice'], bob.url).trim();
    git(['update-ref', 'refs/heads/main', commit], bob.url);
    const listing = await bob.transport.listInbox();
    expect(await bob.transport.ownKey()).toBe(bob.keys.publicKeyPem);
    let key: string | null = '';
    const lines = await gitTrace(dir, async () => {
      await bob.transport.remove(listing.entries);
      key = await bob.transport.ownKey();
    });
    expect(lines.filter((l) => /built-in: git mktree -z --missing$/.test(l)).length).toBeGreaterThan(0);
    expect(git(['ls-tree', '-r', '--name-only', 'main'], bob.url).split('\n').filter(Boolean)).toEqual(['keys/zed.txt']);
    expect(key).toBeNull();
  });

  it('the own key after a listing (probe, pull) is read at the tip that listing fetched, not fetched again', async () => {
    const { dir, alice } = setupWorld({ relays: true });
    let key: string | null = null;
    const lines = await gitTrace(dir, async () => {
      await alice.transport.listInbox();
      key = await alice.transport.ownKey();
    });
    expect(key).toBe(alice.keys.publicKeyPem);
    // Fetches of the branch tip (reading the key blob makes git fetch that one blob, by id).
    expect(lines.filter((l) => /built-in: git fetch .*\+refs\/heads\//.test(l))).toHaveLength(1);
    // The inbox and the own key are listed together, once.
    expect(lines.filter((l) => /built-in: git ls-tree -r /.test(l))).toEqual([expect.stringMatching(/ -- inbox keys$/)]);
  });
});

/** A transport of `u`'s own, as a new command makes it. */
const transportOf = (u: { login: string; url: string; paths: ReturnType<typeof relayPaths> }) =>
  new GitTransport({ login: u.login, url: u.url, branch: 'main', clonePath: u.paths.clone, workDir: u.paths.work });
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'passed',
    (e: AliveError) => e.code,
  );

// One `git remote -v` serves the checks a command starts together (status and the probe check the
// user's relay and every peer's at once), and no later one: a listing kept for the command let a
// rule added to the clone's configuration after it (by another process, or the user) through,
// where a fresh check refused it.
describe('a check of a relay URL after the command listed the remotes', () => {
  /** alice, bob and carol with relays, peer-bob already in alice's clone (an earlier command), and a transport that listed them. */
  async function listed() {
    const w = setupWorld({ relays: true });
    await transportOf(w.alice).fetchPeerKey({ login: 'bob', relay: w.bob.url });
    const t = transportOf(w.alice);
    await t.listInbox();
    return { ...w, t };
  }

  it("an insteadOf rule for the peer's URL added since is refused, not followed to another key", async () => {
    const { dir, alice, bob, carol, t } = await listed();
    const elsewhere = join(dir, 'elsewhere.git');
    cpSync(bob.url, elsewhere, { recursive: true });
    commitToBare(elsewhere, { 'keys/bob.pem': carol.keys.publicKeyPem });
    git(['config', `url.${elsewhere}.insteadOf`, bob.url], alice.paths.clone);
    expect(await codeOf(transportOf(alice).fetchPeerKey({ login: 'bob', relay: bob.url }))).toBe('url_rewritten');
    expect(await codeOf(t.fetchPeerKey({ login: 'bob', relay: bob.url }))).toBe('url_rewritten');
  });

  it("a push URL for the peer's remote added since is refused before the deposit", async () => {
    const { dir, alice, bob, t } = await listed();
    const elsewhere = join(dir, 'elsewhere-push.git');
    cpSync(bob.url, elsewhere, { recursive: true });
    git(['config', 'remote.peer-bob.pushurl', elsewhere], alice.paths.clone);
    const file = pkgFile(dir, 'p.walnut', 100);
    expect(
      await codeOf(
        t.deliver(
          { login: 'bob', relay: bob.url },
          file,
          () => 'a-20260101-000000-00000001.walnut',
          () => undefined,
        ),
      ),
    ).toBe('url_rewritten');
    expect([...bareFiles(elsewhere).keys()].filter((p) => p.startsWith('inbox/'))).toEqual([]);
  });
});

// `ls-tree -- <path>` stops at the first entry that sorts after every path asked, as git trees are
// sorted: in a root stored out of order (a tree written by hand, pushed to a relay that does not
// check what it receives), keys/ after zzz.txt was listed as empty. A commit the transport pushed
// carried that listing over from its parent, though mktree had sorted the new root: the user's own
// key read as missing after a clean-up, where a new command found it.
describe('a relay tip whose root tree is out of order', () => {
  it("a clean-up's commit lists again what its parent listed, and finds the user's key", async () => {
    const { bob } = setupWorld({ relays: true });
    const object = (type: string, content: Buffer) =>
      spawnSync('git', ['hash-object', '-w', '-t', type, '--literally', '--stdin'], { cwd: bob.url, input: content, encoding: 'utf8' }).stdout.trim();
    const entry = (mode: string, name: string, oid: string) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]);
    const keys = git(['rev-parse', 'main:keys'], bob.url).trim();
    const readme = git(['rev-parse', 'main:README.md'], bob.url).trim();
    const inbox = object(
      'tree',
      entry('40000', 'alice', object('tree', entry('100644', 'a-20260101-000000-00000001.walnut', object('blob', Buffer.from('a'))))),
    );
    const root = object(
      'tree',
      Buffer.concat([
        entry('100644', 'README.md', readme),
        entry('40000', 'inbox', inbox),
        entry('100644', 'zzz.txt', object('blob', Buffer.from('z'))),
        entry('40000', 'keys', keys),
      ]),
    );
    const head = git(['rev-parse', 'main'], bob.url).trim();
    git(
      ['update-ref', 'refs/heads/main', git(['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', root, '-p', head, '-m', 'unsorted'], bob.url).trim()],
      bob.url,
    );
    const listing = await bob.transport.listInbox();
    await bob.transport.remove(listing.entries);
    expect(await transportOf(bob).ownKey()).toBe(bob.keys.publicKeyPem);
    expect(await bob.transport.ownKey()).toBe(bob.keys.publicKeyPem);
  });
});
