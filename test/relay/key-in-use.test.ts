/**
 * One key, one login. Mallory's relay published alice's public key as keys/mal.pem; bob pinned it
 * for `mal` without a word (the fingerprint mal read him was alice's, so it matched). A package
 * alice signed, its signer line (outside what is signed) changed to `mal` and dropped into bob's
 * inbox/mal/, was then received as "signed by mal (verified)". A key already pinned for another
 * login, or your own, is refused at pinning.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPeer, readRelayConfig, writeRelayConfig } from '../../scripts/lib/relay/config.ts';
import { receiveCrypto } from '../../scripts/lib/receive/crypto.ts';
import { relayPinFor } from '../../scripts/lib/receive/relay-pin.ts';
import { signManifestText } from '../../scripts/lib/crypto/sign.ts';
import { loadPrivateKey } from '../../scripts/lib/crypto/keys.ts';
import { isolateProcessGit } from './git-env.ts';
import { makeUser, tempDir, writeFixtureKeys } from './helpers.ts';
import { asUser, pair, relayUser, run, runAsCli, walnutPackage } from './in-process.ts';

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
      expect(mal.json.error.message).toMatch(/mal's relay publishes SHA256:\S+, the key pinned for alice: a key is pinned for one login only/);
      expect(mal.json.error.message).toContain('Nothing was pinned');
      // Either relay may hold the copy (the first one pinned as much as the second): the message
      // blames neither, and says what to do in each case.
      expect(mal.json.error.message).toContain('ask mal and alice, not through their relays, which of them the key belongs to');
      expect(mal.json.error.message).toContain("if it is mal's: alive-p2p relay remove-peer alice, then add mal again");
      expect(mal.json.error.message).toContain("if it is alice's, mal's relay must publish a key of its own");
      const eve = await runAsCli(bob, ['add-peer', 'eve', '--url', join(t.dir, 'eve.git'), '--json']);
      expect(eve.status).toBe(1);
      expect(eve.json.error.code).toBe('key_in_use');
      expect(eve.json.error.message).toContain(', your own relay key: ');
      expect(eve.json.error.message).toContain("eve's relay must publish a key of its own");

      expect(readFileSync(bob.paths.config, 'utf8')).toBe(configBefore);
      expect(existsSync(join(bob.paths.peersKeyDir, 'alice.pem'))).toBe(true);
      expect(existsSync(join(bob.paths.peersKeyDir, 'mal.pem'))).toBe(false);
      expect(existsSync(join(bob.paths.peersKeyDir, 'eve.pem'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});

describe('a key pinned for two logins before pinning refused it', () => {
  it('verifies no signature made with it, in receive and in pull: either login could be the signer', async () => {
    isolateProcessGit();
    const t = tempDir('key-shared');
    try {
      const alice = await relayUser(t.dir, 'alice');
      const bob = await relayUser(t.dir, 'bob');
      await pair(alice, bob);
      // What an older version let add-peer write: alice's key pinned for `mal` too.
      const cfg = readRelayConfig(bob.paths.config)!;
      const pinnedAlice = findPeer(cfg, 'alice')!;
      writeRelayConfig(bob.paths.config, { ...cfg, peers: [...cfg.peers, { ...pinnedAlice, github: 'mal', relay: null }] });
      copyFileSync(join(bob.paths.peersKeyDir, 'alice.pem'), join(bob.paths.peersKeyDir, 'mal.pem'));

      const text = 'format_version: 2.0.0\nscope: full\ncreated: 2026-01-01T00:00:00Z\nencrypted: false\nfiles: []\n';
      const key = loadPrivateKey(alice.paths.privateKey);
      await asUser(bob, async () => {
        const crypto = receiveCrypto(undefined, process.env, relayPinFor);
        for (const signer of ['mal', 'alice']) {
          const seen = crypto.verifyManifest!(signManifestText(text, key, signer));
          expect(seen).toMatchObject({ present: true, ok: false });
          expect(seen && 'reason' in seen ? seen.reason : '').toMatch(/is pinned for (alice|mal) too, so this signature could be either's/);
        }
      });

      const push = await run(alice, ['push', await walnutPackage(alice, 'orchard'), '--to', 'bob', '--json']);
      expect(push.code, push.stderr).toBe(0);
      const pull = await run(bob, ['pull', '--json']);
      expect(pull.code).toBe(1);
      expect(pull.json.received[0]).toMatchObject({ from: 'alice', verified: false });
      expect(pull.json.received[0].problems.join('\n')).toMatch(/the key pinned for alice is pinned for mal too/);
    } finally {
      t.cleanup();
    }
  });
});
