/**
 * The user's own git configuration applies to every git the transport runs. A package must reach
 * the relay byte for byte whatever it says: a global attributes file that names a clean filter,
 * or `text` (line-ending conversion), for the package's file made `hash-object` store something
 * else, which the recipient could not read (and the filter, a command, ran on the package). And
 * what whoever writes the relay committed must not reach a program the config names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gitIn, gitUser, tempDir, fixtureGitPeers, deliverTo } from './helpers.ts';
import { fixtureRelayUser, pair, relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('user-git-config');
});
afterAll(() => base.cleanup());

it("a push stores the package as it is, whatever filters or line endings the user's git attributes name", async () => {
  const attributes = join(base.dir, 'attributes');
  writeFileSync(attributes, '* filter=mark text\n');
  const userConfig = {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'core.attributesFile',
    GIT_CONFIG_VALUE_0: attributes,
    GIT_CONFIG_KEY_1: 'filter.mark.clean',
    GIT_CONFIG_VALUE_1: 'printf changed; cat',
  };
  const alice = await relayUser(base.dir, 'alice', userConfig);
  const bob = await fixtureRelayUser(base.dir, 'bob');
  await pair(alice, bob);
  expect((await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json'])).code).toBe(0);
  const pulled = await run(bob, ['pull', '--json']);
  expect(pulled.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true, problems: [] })]);
}, 60_000);

it('listing deposits runs no signature program on the commits whoever writes the relay made, whatever log.showSignature says', async () => {
  const t = tempDir('show-signature');
  const { alice, bob } = await fixtureGitPeers(t.dir);
  const pkg = join(t.dir, 'p.walnut');
  writeFileSync(pkg, randomBytes(2000));
  const deposit = await deliverTo(alice, bob, pkg, 'one-20260101-000000-00000001.walnut');
  // The deposit's commit, rewritten by mallory with a signature block: a user's log.showSignature
  // makes `git log` hand each such block to gpg.program (2,000 commits, as many runs).
  const head = gitIn(bob.url, ['rev-parse', 'main']);
  const tree = gitIn(bob.url, ['rev-parse', `${head}^{tree}`]);
  const parent = gitIn(bob.url, ['rev-parse', `${head}^`]);
  const text =
    `tree ${tree}\nparent ${parent}\nauthor m <m@m> 1767225600 +0000\ncommitter m <m@m> 1767225600 +0000\n` +
    'gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\ndeposit: one from alice (2000 bytes)\n';
  gitIn(bob.url, ['update-ref', 'refs/heads/main', gitIn(bob.url, ['hash-object', '-t', 'commit', '-w', '--stdin'], text)]);

  const ran = join(t.dir, 'gpg-ran');
  const gpg = join(t.dir, 'fake-gpg');
  writeFileSync(gpg, `#!/bin/sh\necho ran >> '${ran}'\nexit 1\n`);
  chmodSync(gpg, 0o755);
  const config = join(t.dir, 'gitconfig');
  writeFileSync(config, `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${gpg}\n`);
  const saved = process.env.GIT_CONFIG_GLOBAL;
  process.env.GIT_CONFIG_GLOBAL = config;
  try {
    const listing = await bob.transport.listInbox();
    const details = await bob.transport.depositDetails(listing.head, new Set([deposit.path]));
    expect(details.get(deposit.path)).toMatchObject({ size: 2000 });
    expect(existsSync(ran)).toBe(false);
  } finally {
    process.env.GIT_CONFIG_GLOBAL = saved;
    t.cleanup();
  }
});

it('a user whose git works only in repositories it is pointed at (safe.bareRepository=explicit) can set up, push and pull', async () => {
  // A hardening git 2.38 added: a bare repository found from the current folder is refused.
  const config = join(base.dir, 'explicit-bare.gitconfig');
  writeFileSync(config, '[safe]\n\tbareRepository = explicit\n');
  const strict = { GIT_CONFIG_GLOBAL: config };
  const carol = await relayUser(base.dir, 'carol', strict);
  const dave = await relayUser(base.dir, 'dave', strict);
  await pair(carol, dave);
  expect((await run(carol, ['push', await walnutPackage(carol, 'orchard'), '--to', 'dave', '--json'])).code).toBe(0);
  const pulled = await run(dave, ['pull', '--json']);
  expect(pulled.json.received).toEqual([expect.objectContaining({ from: 'carol', verified: true })]);
}, 60_000);

it("a user's global uploadpack.packObjectsHook runs on no fetch from a relay in a folder (accept, push, pull)", async () => {
  // Protected config git reads for the upload-pack it starts on this machine for a local relay: the
  // hook ran for every fetch there (accept's fetch of the key failed with it as a network failure).
  const ran = join(base.dir, 'pack-hook-ran');
  const hook = join(base.dir, 'pack-hook');
  writeFileSync(hook, `#!/bin/sh\necho ran >> '${ran}'\nexit 1\n`);
  chmodSync(hook, 0o755);
  const config = join(base.dir, 'pack-hook.gitconfig');
  writeFileSync(config, `[uploadpack]\n\tpackObjectsHook = ${hook}\n`);
  const hooked = { GIT_CONFIG_GLOBAL: config };
  const frank = await relayUser(base.dir, 'frank', hooked);
  const grace = await relayUser(base.dir, 'grace', hooked);
  await pair(frank, grace);
  expect((await run(frank, ['push', await walnutPackage(frank, 'meadow'), '--to', 'grace', '--json'])).code).toBe(0);
  const pulled = await run(grace, ['pull', '--json']);
  expect(pulled.json.received).toEqual([expect.objectContaining({ from: 'frank', verified: true })]);
  expect(existsSync(ran)).toBe(false);
}, 60_000);

it("checking a peer's relay reads no repository's config from the folder the command runs in", async () => {
  // A session started in a folder that holds a repository someone else made (an unpacked archive
  // with its .git): git found it from the working folder and used its core.sshCommand.
  const t = tempDir('cwd-repo');
  const folder = join(t.dir, 'unpacked');
  mkdirSync(folder);
  gitIn(folder, ['init', '--quiet']);
  const ran = join(t.dir, 'ssh-ran');
  const ssh = join(t.dir, 'their-ssh');
  writeFileSync(ssh, `#!/bin/sh\necho ran >> '${ran}'\nexit 1\n`);
  chmodSync(ssh, 0o755);
  gitIn(folder, ['config', 'core.sshCommand', ssh]);
  const erin = gitUser(t.dir, 'erin');
  const before = process.cwd();
  process.chdir(folder);
  try {
    expect(await erin.transport.isReachable({ login: 'zed', relay: 'ssh://relay.invalid/zed.git' })).toBe(false);
    expect(existsSync(ran)).toBe(false);
  } finally {
    process.chdir(before);
    t.cleanup();
  }
});
