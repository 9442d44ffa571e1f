/**
 * One key, one login. Mallory's relay published alice's public key as keys/mal.pem; bob pinned it
 * for `mal` without a word (the fingerprint mal read him was alice's, so it matched). A package
 * alice signed, its signer line (outside what is signed) changed to `mal` and dropped into bob's
 * inbox/mal/, was then received as "signed by mal (verified)". A key already pinned for another
 * login, or your own, is refused at pinning.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { runAsCli } from './in-process.ts';

describe('a peer whose relay publishes a key pinned for someone else', () => {
  it('is refused by add-peer (key_in_use), naming who holds it, and nothing is pinned', async () => {
    const t = tempDir('key-in-use');
    try {
      const setUp = async (login: string, keysOf: string) => {
        const u = makeUser(t.dir, login);
        writeFixtureKeys(u.paths, keysOf);
        const r = await runAsCli(u, ['setup', '--transport', 'git', '--login', login, '--url', join(t.dir, `${login}.git`), '--json']);
        expect(r.status, r.stderr).toBe(0);
        return u;
      };
      const bob = await setUp('bob', 'bob');
      await setUp('alice', 'alice');
      await setUp('mal', 'alice'); // mal publishes alice's public key
      await setUp('eve', 'bob'); // eve publishes bob's own public key
      expect((await runAsCli(bob, ['add-peer', 'alice', '--url', join(t.dir, 'alice.git'), '--json'])).status).toBe(0);
      const configBefore = readFileSync(bob.paths.config, 'utf8');

      const mal = await runAsCli(bob, ['add-peer', 'mal', '--url', join(t.dir, 'mal.git'), '--json']);
      expect(mal.status).toBe(1);
      expect(mal.json.error.code).toBe('key_in_use');
      expect(mal.json.error.message).toMatch(/mal's relay publishes SHA256:\S+, which is the key you pinned for alice: one key is pinned for one login only/);
      expect(mal.json.error.message).toContain('Nothing was pinned');
      const eve = await runAsCli(bob, ['add-peer', 'eve', '--url', join(t.dir, 'eve.git'), '--json']);
      expect(eve.status).toBe(1);
      expect(eve.json.error.code).toBe('key_in_use');
      expect(eve.json.error.message).toContain('which is your own relay key');

      expect(readFileSync(bob.paths.config, 'utf8')).toBe(configBefore);
      expect(existsSync(join(bob.paths.peersKeyDir, 'alice.pem'))).toBe(true);
      expect(existsSync(join(bob.paths.peersKeyDir, 'mal.pem'))).toBe(false);
      expect(existsSync(join(bob.paths.peersKeyDir, 'eve.pem'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
