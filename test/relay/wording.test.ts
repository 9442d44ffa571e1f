/**
 * Refusals say what applies: the step they name works from where the user stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renameSync, rmSync } from 'node:fs';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('wording');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

describe('pull with private.pem gone and public.pem still there', () => {
  it('says to restore private.pem from a backup (a new key cannot read what waits), and what to do if it is lost; not to run setup, which refuses', async () => {
    const carol = await relayUser(base.dir, 'carol');
    renameSync(carol.paths.privateKey, `${carol.paths.privateKey}.away`);
    try {
      const r = await run(carol, ['pull', '--json']);
      expect(r.code).toBe(1);
      expect(r.json.error.code).toBe('no_key');
      const message: string = r.json.error.message;
      expect(message).toContain(carol.paths.privateKey);
      expect(message).toMatch(/restore it from a backup/);
      expect(message).toMatch(/cannot read/);
      expect(message).toMatch(/If it is lost, move .*public\.pem aside and run `alive-p2p relay setup`/);
      expect(message).toMatch(/relay accept carol/);
      const status = await run(carol, ['status', '--offline', '--json']);
      expect(status.json.problems.join('\n')).toMatch(/restore it from a backup/);
    } finally {
      renameSync(`${carol.paths.privateKey}.away`, carol.paths.privateKey);
    }
  });

  it('with both key files gone, says to restore them if there is a backup, else that setup makes a new pair', async () => {
    const dora = await relayUser(base.dir, 'dora');
    rmSync(dora.paths.privateKey);
    rmSync(dora.paths.publicKey);
    const r = await run(dora, ['pull', '--json']);
    expect(r.json.error.code).toBe('no_key');
    expect(r.json.error.message).toMatch(/restore .* from a backup/);
    expect(r.json.error.message).toMatch(/Otherwise run `alive-p2p relay setup`/);
  });
});

describe('accept with a login the relay publishes no key for (git transport)', () => {
  it('names the key it does publish when it is close to the login given: did you mean bob?', async () => {
    const r = await run(alice, ['accept', 'bbo', '--url', bob.url, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error.code).toBe('no_peer_key');
    expect(r.json.error.message).toContain(`the relay at ${bob.url} publishes a key for bob (keys/bob.pem): did you mean bob?`);
  });

  it('does not name a key far from the login given', async () => {
    const r = await run(alice, ['accept', 'zed', '--url', bob.url, '--json']);
    expect(r.json.error.code).toBe('no_peer_key');
    expect(r.json.error.message).not.toMatch(/did you mean/);
  });
});

describe('remove-peer of a mistyped peer', () => {
  it('names the peer meant (alcie: did you mean alice?), as push --to does', async () => {
    const r = await run(bob, ['remove-peer', 'alcie', '--json']);
    expect(r.json.error).toMatchObject({ code: 'unknown_peer', message: 'alcie is not one of your peers; did you mean alice? Nothing was removed' });
  });
});
