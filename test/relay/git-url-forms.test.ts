/**
 * A relay is reached over https://, http://, ssh://, git://, scp-like `user@host:path`, file:// or a
 * local path. Anything else makes git start a program: `<helper>::address` and an unknown
 * `scheme://` run git-remote-<helper> (any installed one), and `fd::0` talks over file descriptors
 * (add-peer then waited out its whole 120 s). Such a URL is refused before git runs (`bad_url`,
 * naming the forms accepted), and git itself is told which protocols it may use
 * (GIT_ALLOW_PROTOCOL), should any other way lead there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { relayUser, run, type RelayUser } from './in-process.ts';
import { isUsableGitUrl } from '../../scripts/lib/relay/repo-name.ts';
import { gitEnv, runGit } from '../../scripts/lib/relay/git-run.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let ran: string;
let path: string;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('git-url-forms');
  // A remote helper on PATH, as `git-remote-<name>` programs of other tools are: it records that it ran.
  const bin = join(base.dir, 'bin');
  mkdirSync(bin);
  ran = join(base.dir, 'helper-ran');
  for (const name of ['git-remote-evil', 'git-remote-fake']) {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "$0 $*" >> '${ran}'\nexit 1\n`);
    chmodSync(join(bin, name), 0o755);
  }
  path = `${bin}:${process.env.PATH}`;
  alice = await relayUser(base.dir, 'alice', { PATH: path });
  bob = await relayUser(base.dir, 'bob');
});
afterAll(() => base.cleanup());

const REFUSED = ['fd::0', 'fd::3,4', 'evil::whatever', 'evil://host/bob.git', 'fake+x::y', 'HTTPS://host/x.git', 'ftp://host/x.git', 'ext::sh -c true'];

describe('the Git URLs a relay may have', () => {
  for (const url of REFUSED) {
    it(`add-peer --url '${url}' is refused at once, naming the forms accepted, and no helper runs`, async () => {
      rmSync(ran, { force: true });
      const t0 = Date.now();
      const r = await run(alice, ['add-peer', 'bob', '--url', url, '--json']);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(r.code).not.toBe(0);
      expect(r.json.error.code).toBe('bad_url');
      expect(r.json.error.message).toMatch(/https:\/\/.*ssh:\/\/.*user@host:path.*file:\/\/.*local path/);
      expect(existsSync(ran)).toBe(false);
    });
  }

  it('setup refuses one too', async () => {
    const r = await run(alice, ['setup', '--transport', 'git', '--login', 'alice', '--url', 'evil::x', '--json']);
    expect(r.json.error.code).toBe('bad_url');
    expect(existsSync(ran)).toBe(false);
  });

  it('the forms a relay uses are accepted', () => {
    for (const url of [
      'https://example.com/bob/relay.git',
      'http://example.com/relay.git',
      'ssh://git@example.com/bob/relay.git',
      'git+ssh://example.com/relay.git',
      'git://example.com/relay.git',
      'git@example.com:bob/relay.git',
      'example.com:relay.git',
      'file:///srv/relay.git',
      '/srv/relay.git',
      './relay.git',
      'C:\\relays\\bob.git',
    ]) {
      expect([url, isUsableGitUrl(url)]).toEqual([url, true]);
    }
  });

  it('a local relay still works end to end', async () => {
    const r = await run(alice, ['add-peer', 'bob', '--url', bob.url, '--json']);
    expect(r.code).toBe(0);
  });

  it('git itself refuses a remote helper and fd:: (GIT_ALLOW_PROTOCOL), should a URL get past the check', async () => {
    expect(gitEnv().GIT_ALLOW_PROTOCOL).toBe('file:git:http:https:ssh');
    const saved = process.env.PATH;
    process.env.PATH = path;
    try {
      for (const url of ['evil::x', 'fake://host/x', 'fd::0']) {
        rmSync(ran, { force: true });
        const err = await runGit(['ls-remote', '--', url], { timeoutMs: 10_000 }).catch((e: unknown) => e as Error & { stderr: string });
        expect(err).toBeInstanceOf(Error);
        expect((err as { stderr: string }).stderr).toMatch(/transport '(evil|fake|fd)' not allowed/);
        expect(existsSync(ran)).toBe(false);
      }
    } finally {
      process.env.PATH = saved;
    }
  });
});
