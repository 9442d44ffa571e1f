/**
 * A package from someone you have not accepted yet (the first delivery of a new peer, who added you
 * before you accepted them) is kept apart as unverified. The problem said only "alice is not one of
 * your peers"; it now says how to trust the sender and have the saved file checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('pull-not-a-peer');
});
afterAll(() => base.cleanup());

describe('pull of a package whose sender is not a peer yet', () => {
  it('says to accept the sender (after checking the fingerprint), and that receive then checks the saved file', async () => {
    const alice = await relayUser(base.dir, 'alice');
    const bob = await relayUser(base.dir, 'bob');
    expect((await run(alice, ['add-peer', 'bob', '--url', bob.url])).code).toBe(0);
    const pkg = await walnutPackage(alice, 'garden');
    expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);

    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code).toBe(1);
    expect(pull.json.error.code).toBe('unverified');
    expect(pull.json.received).toHaveLength(1);
    expect(pull.json.received[0].problems).toEqual([
      'alice is not one of your peers: if you expect packages from alice, run `alive-p2p relay accept alice --url THEIR_RELAY_URL` after checking their fingerprint with them; `alive-p2p receive` then checks this file against the key you pinned',
    ]);
  }, 60_000);
});
