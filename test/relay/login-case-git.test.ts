/**
 * The git transport's side of a login typed in another case: Bob set up his relay as `Bob`
 * (`keys/Bob.pem`), alice adds him as `bob`. Logins compare without case everywhere else, but the
 * key was looked up as `keys/bob.pem` only: "has no keys/bob.pem; ask bob to run setup", after he
 * had. The key file is found under the relay's own spelling of the name.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bareFiles, commitToBare, makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { runAsCli } from './in-process.ts';

describe('a git relay whose key file spells the login in another case', () => {
  it('is read by add-peer under the relay’s spelling', async () => {
    const t = tempDir('login-case-git');
    try {
      const bob = makeUser(t.dir, 'bob');
      writeFixtureKeys(bob.paths, 'bob');
      const bobUrl = join(t.dir, 'bob.git');
      const made = await runAsCli(bob, ['setup', '--transport', 'git', '--login', 'Bob', '--url', bobUrl, '--json']);
      expect(made.status, made.stderr).toBe(0);
      const alice = makeUser(t.dir, 'alice');
      writeFixtureKeys(alice.paths, 'alice');
      const own = await runAsCli(alice, ['setup', '--transport', 'git', '--login', 'alice', '--url', join(t.dir, 'alice.git'), '--json']);
      expect(own.status, own.stderr).toBe(0);
      const added = await runAsCli(alice, ['add-peer', 'bob', '--url', bobUrl, '--json']);
      expect(added.status, added.stderr).toBe(0);
      expect(added.json.fingerprint ?? added.json.peer?.fingerprint).toBe(made.json.fingerprint);
    } finally {
      t.cleanup();
    }
  });
});

describe('a git relay that publishes keys for one login under two spellings', () => {
  // Logins compare without case, and whoever can write to bob's relay can add keys/BOB.pem beside
  // his keys/bob.pem. A peer who typed BOB pinned that key (bob's own check reads keys/bob.pem and
  // saw nothing wrong): their packages to "BOB" were sealed to the writer's key.
  it('is refused when a key is pinned from it, and bob is told his key has a rival', async () => {
    const t = tempDir('login-case-rival');
    try {
      const bob = makeUser(t.dir, 'bob');
      writeFixtureKeys(bob.paths, 'bob');
      const bobUrl = join(t.dir, 'bob.git');
      expect((await runAsCli(bob, ['setup', '--transport', 'git', '--login', 'bob', '--url', bobUrl, '--json'])).status).toBe(0);
      commitToBare(bobUrl, { 'keys/BOB.pem': writeFixtureKeys(relayPaths(join(t.dir, 'mallory')), 'frank').publicKeyPem });

      const carol = makeUser(t.dir, 'carol');
      writeFixtureKeys(carol.paths, 'carol');
      expect((await runAsCli(carol, ['setup', '--transport', 'git', '--login', 'carol', '--url', join(t.dir, 'carol.git'), '--json'])).status).toBe(0);
      for (const typed of ['BOB', 'bob']) {
        const accepted = await runAsCli(carol, ['accept', typed, '--url', bobUrl, '--json']);
        expect(accepted.status, accepted.stdout).toBe(1);
        expect(accepted.json.error).toMatchObject({ code: 'bad_key' });
        expect(accepted.json.error.message).toMatch(/keys\/BOB\.pem.*keys\/bob\.pem|keys\/bob\.pem.*keys\/BOB\.pem/);
      }
      expect(existsSync(join(carol.paths.peersKeyDir, 'BOB.pem'))).toBe(false);
      expect(existsSync(join(carol.paths.peersKeyDir, 'bob.pem'))).toBe(false);

      const status = await runAsCli(bob, ['status', '--json']);
      expect(status.json.own_key).toBe('changed');
      // What the warning tells bob to do mends it: setup keeps only his key.
      expect((await runAsCli(bob, ['setup', '--transport', 'git', '--login', 'bob', '--url', bobUrl, '--json'])).status).toBe(0);
      expect([...bareFiles(bobUrl).keys()].filter((p) => p.startsWith('keys/'))).toEqual(['keys/bob.pem']);
      expect((await runAsCli(bob, ['status', '--json'])).json.own_key).toBe('ok');
      const again = await runAsCli(carol, ['accept', 'BOB', '--url', bobUrl, '--json']);
      expect(again.status, again.stdout).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
