/**
 * A package from someone you have not accepted yet (the first delivery of a new peer, who added you
 * before you accepted them) is kept apart as unverified. The problem says how to trust the sender and
 * have the saved file checked, without the folder's name (whoever writes to the relay chooses it):
 * that is `from`, and `untrusted.sender`.
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
    expect(pull.json.received[0]).toMatchObject({ from: 'alice', untrusted: { sender: 'alice' } });
    expect(pull.json.received[0].problems).toEqual([
      'the sender is not one of your peers (the folder name it was sent under is untrusted data, shown apart): if you expect this package from someone, check their login and fingerprint with them by another channel and run `alive-p2p relay accept THEIR_LOGIN --url THEIR_RELAY_URL`; `alive-p2p receive` then checks this file against the key you pinned',
    ]);
  }, 60_000);
});
