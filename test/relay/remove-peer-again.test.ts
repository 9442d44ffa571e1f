/**
 * remove-peer says what it did: a peer with no pinned key (removed already, or added without
 * their relay) is not reported as "unpinned" (found running remove-peer twice, as a user would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('remove-again');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

describe('remove-peer of a name that is not a peer', () => {
  it('names the close peer meant, as push --to does', async () => {
    const r = await run(alice, ['remove-peer', 'bobb', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error).toMatchObject({ code: 'unknown_peer' });
    expect(r.json.error.message).toMatch(/^bobb is not one of your peers; did you mean bob\? Nothing was removed$/);
    const far = await run(alice, ['remove-peer', 'zed', '--json']);
    expect(far.json.error.message).toBe('zed is not one of your peers; nothing to remove');
  });
});

describe('remove-peer of a peer whose key is not pinned', () => {
  it('the second remove-peer says the peer was removed already, not that it unpinned a key', async () => {
    const first = await run(alice, ['remove-peer', 'bob']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Done: unpinned bob's key \(SHA256:/m);
    const again = await run(alice, ['remove-peer', 'bob', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json).toMatchObject({ ok: true, unpinned: null });
    expect(again.json.done.join(' ')).not.toMatch(/unpinned/);
    expect(again.json.done.join(' ')).toMatch(/bob was removed already/);
  });

  it('a peer added without their relay (never pinned) is not said to be unpinned', async () => {
    expect((await run(alice, ['add-peer', 'carol'])).code).toBe(0);
    const rm = await run(alice, ['remove-peer', 'carol']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.stdout).not.toMatch(/unpinned/);
    expect(rm.stdout).toMatch(/^Done: carol had no pinned key; their packages are not accepted/m);
  });
});
