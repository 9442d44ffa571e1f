/**
 * The git transport's side of a login typed in another case: Bob set up his relay as `Bob`
 * (`keys/Bob.pem`), alice adds him as `bob`. Logins compare without case everywhere else, but the
 * key was looked up as `keys/bob.pem` only: "has no keys/bob.pem; ask bob to run setup", after he
 * had. The key file is found under the relay's own spelling of the name.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
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
