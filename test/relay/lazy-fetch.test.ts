import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GitTransport } from '../../scripts/lib/relay/git-transport.ts';
import { git, tempDir, writeFixtureKeys } from './helpers.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { isolateProcessGit } from './git-env.ts';
import { startHangingServer } from '../support/hanging-server.ts';

/**
 * The clone is a partial clone with one promisor remote per relay. Git fetches a missing object
 * lazily from every promisor remote in turn, and so does a relay in a folder that is a partial
 * clone itself, with its own config: no git alive runs may fetch lazily.
 */

const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
beforeAll(() => isolateProcessGit());

function user(dir: string, login: string) {
  const paths = relayPaths(join(dir, login, 'relay'));
  const keys = writeFixtureKeys(paths, login);
  const url = join(dir, 'remotes', `${login}.git`);
  const transport = new GitTransport({ login, url, branch: 'main', clonePath: paths.clone, workDir: paths.work });
  return { login, paths, keys, url, transport };
}

function world() {
  const t = tempDir('lazy');
  cleanups.push(t.cleanup);
  return { dir: t.dir, alice: user(t.dir, 'alice'), bob: user(t.dir, 'bob') };
}

describe.concurrent('no lazy fetch', () => {
  it("a push into a relay in a folder that is a partial clone runs no command of that folder's config (its promisor's core.sshCommand)", async () => {
    const { dir, alice, bob } = world();
    await bob.transport.setup(bob.keys.publicKeyPem);
    await alice.transport.fetchPeerKey({ login: 'bob', relay: bob.url });
    // Whoever can write bob's folder: make it a partial clone whose promisor is reached over ssh
    // with a command of theirs, drop the README blob (every delivery's tree names it), and have
    // receive-pack check what it receives (it then looks up the objects the new tree names).
    const readme = git(['rev-parse', 'main:README.md'], bob.url).trim();
    const loose = join(bob.url, 'objects', readme.slice(0, 2), readme.slice(2));
    expect(existsSync(loose)).toBe(true);
    rmSync(loose);
    const ran = join(dir, 'ssh-ran');
    for (const [key, value] of [
      ['core.repositoryformatversion', '1'],
      ['extensions.partialClone', 'evil'],
      ['remote.evil.url', 'ssh://relay.invalid/x.git'],
      ['remote.evil.promisor', 'true'],
      ['core.sshCommand', `echo ssh >> '${ran}'; false`],
      ['receive.fsckObjects', 'true'],
    ]) {
      git(['config', key!, value!], bob.url);
    }
    await alice.transport
      .deliver(
        { login: 'bob', relay: bob.url },
        join(dir, 'alice', 'relay', 'keys', 'public.pem'),
        () => 'p-1.walnut',
        () => {},
      )
      .catch(() => undefined); // refused by that relay: it lacks an object it needs
    expect(existsSync(ran)).toBe(false);
  });

  it("reading a peer's key asks that peer's relay only: another peer's relay that never answers does not hold it up", async () => {
    const { alice, bob } = world();
    await bob.transport.setup(bob.keys.publicKeyPem);
    const hang = await startHangingServer();
    cleanups.push(hang.close);
    // Mallory's relay is known to the clone first (a peer, or one removed since).
    await alice.transport.fetchPeerKey({ login: 'mallory', relay: `${hang.url}/mallory.git` }, { deadline: Date.now() + 1500 }).catch(() => undefined);
    const before = hang.connections();
    const t0 = Date.now();
    const pem = await Promise.race([
      alice.transport.fetchPeerKey({ login: 'bob', relay: bob.url }),
      new Promise<string>((r) => setTimeout(() => r('stalled'), 15_000)),
    ]);
    expect(pem).toBe(bob.keys.publicKeyPem);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(hang.connections()).toBe(before);
  });
});
