/**
 * The user's git configuration may rewrite URLs (url.<base>.insteadOf, url.<base>.pushInsteadOf),
 * and git applies that to a relay's URL too. alive hardens a push or fetch by the URL it pinned
 * (a folder's receive-pack runs with hooks off; a server's does not need it): a rewrite that led
 * a peer's https:// relay into a folder on this machine ran that folder's hooks, planted by
 * whoever can write there, as the user. Git talks to the URL alive pinned, whatever the config
 * says; a rewrite git would still apply (one naming the URL itself) is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('url-rewrites');
});
afterAll(() => base.cleanup());

const PEER_URL = 'https://relay.invalid/bob.git';

/**
 * alice pins bob's relay as PEER_URL (an https server), while bob's relay is really a folder here
 * with a pre-receive hook that leaves a mark; alice's git config holds `rules`.
 */
async function peersWithRewrite(tag: string, rules: (bobFolder: string) => string): Promise<{ alice: RelayUser; bob: RelayUser; mark: string }> {
  const dir = join(base.dir, tag);
  const alice = await relayUser(dir, 'alice');
  const bob = await relayUser(dir, 'bob');
  await pair(alice, bob);
  const mark = join(dir, 'hook-ran');
  const hook = join(bob.url, 'hooks', 'pre-receive');
  writeFileSync(hook, `#!/bin/sh\necho ran >> '${mark}'\n`);
  chmodSync(hook, 0o755);
  const config = JSON.parse(readFileSync(alice.paths.config, 'utf8'));
  for (const p of config.peers) if (p.github === 'bob') p.relay = PEER_URL;
  writeFileSync(alice.paths.config, JSON.stringify(config));
  writeFileSync(alice.env.GIT_CONFIG_GLOBAL!, rules(bob.url));
  return { alice, bob, mark };
}

it('a rewrite of a prefix of the relay URL does not apply: git talks to the URL alive pinned, and no hook of the folder it named runs', async () => {
  const { alice, mark } = await peersWithRewrite(
    'prefix',
    (folder) => `[url "${join(folder, '..')}/"]\n\tinsteadOf = https://relay.invalid/\n\tpushInsteadOf = https://relay.invalid/\n`,
  );
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.code, r.stdout).toBe(1);
  expect(r.stderr).toContain('relay.invalid');
}, 60_000);

it('a rewrite naming the relay URL itself, which git would still apply, is refused before git talks to anyone', async () => {
  const { alice, mark } = await peersWithRewrite('exact', (folder) => `[url "${folder}"]\n\tpushInsteadOf = ${PEER_URL}\n\tinsteadOf = ${PEER_URL}\n`);
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
  expect(r.json.error.message).toMatch(/insteadOf/);
}, 60_000);

it('the same rewrite given in GIT_CONFIG_* variables is refused the same way', async () => {
  const { alice, bob, mark } = await peersWithRewrite('env', () => '');
  alice.env.GIT_CONFIG_COUNT = '1';
  alice.env.GIT_CONFIG_KEY_0 = `url.${bob.url}.insteadOf`;
  alice.env.GIT_CONFIG_VALUE_0 = PEER_URL;
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
}, 60_000);

it("a push URL the user's git config gives the clone's remote (remote.<name>.pushurl) is refused: the push would go there", async () => {
  const dir = join(base.dir, 'second-url');
  const alice = await relayUser(dir, 'alice');
  const bob = await relayUser(dir, 'bob');
  await pair(alice, bob);
  // bob's relay as a server reached over ssh (a script standing in for ssh runs the command it is given here).
  const ssh = join(dir, 'ssh-here');
  writeFileSync(ssh, '#!/bin/sh\nfor last; do :; done\nexec sh -c "$last"\n');
  chmodSync(ssh, 0o755);
  alice.env.GIT_SSH_COMMAND = ssh;
  alice.env.GIT_SSH_VARIANT = 'ssh';
  const config = JSON.parse(readFileSync(alice.paths.config, 'utf8'));
  for (const p of config.peers) if (p.github === 'bob') p.relay = `ssh://relay.invalid${bob.url}`;
  writeFileSync(alice.paths.config, JSON.stringify(config));
  const other = join(dir, 'other.git');
  git(['init', '-q', '--bare', other]);
  const mark = join(dir, 'hook-ran');
  writeFileSync(join(other, 'hooks', 'pre-receive'), `#!/bin/sh\necho ran >> '${mark}'\n`);
  chmodSync(join(other, 'hooks', 'pre-receive'), 0o755);
  Object.assign(alice.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'remote.peer-bob.pushurl', GIT_CONFIG_VALUE_0: other });
  const r = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(existsSync(mark)).toBe(false);
  expect(r.json.error?.code, r.stderr).toBe('url_rewritten');
}, 60_000);
