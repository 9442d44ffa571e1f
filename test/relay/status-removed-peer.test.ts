/**
 * A package from a peer the user removed cannot be verified (pull files it under unverified/):
 * `relay status` counts it with the senders who are not peers, not as a peer's package.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('status-removed-peer');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  const pkg = await walnutPackage(alice, 'meadow');
  expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
  expect((await run(bob, ['remove-peer', 'alice'])).code).toBe(0);
});
afterAll(() => base.cleanup());

describe('relay status after remove-peer', () => {
  it('counts the removed peer’s package apart from the peers’', async () => {
    const human = await run(bob, ['status']);
    expect(human.stdout).toMatch(/Inbox: {3}1 package waiting \(1 in 1 folder that is not a pinned peer's, named in the untrusted list below\)/);
    const json = await run(bob, ['status', '--json']);
    expect(json.json.untrusted).toEqual({ senders: { alice: 1 } });
  });
});
