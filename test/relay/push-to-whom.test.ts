/**
 * `relay push --to` a login that is not a peer: yourself (the advice was `relay add-peer <you>`,
 * which add-peer then refuses) or a typo of a peer's login (the advice was to add the typo as a
 * new peer). Each refusal now says what was meant; nothing is pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, tempDir } from './helpers.ts';
import { relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let pkg = '';
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('push-to-whom');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  expect((await run(alice, ['add-peer', 'bob', '--url', bob.url])).code).toBe(0);
  pkg = await walnutPackage(alice, 'garden');
}, 60_000);
afterAll(() => base.cleanup());

const inboxOf = (user: RelayUser) => [...bareFiles(user.url).keys()].filter((p) => p.startsWith('inbox/'));

describe('relay push --to a login that is not a peer', () => {
  it('yourself: a usage error that says push delivers to a peer, naming them', async () => {
    const r = await run(alice, ['push', pkg, '--to', 'Alice', '--json']);
    expect(r.code).toBe(2);
    expect(r.json.error).toEqual({
      code: 'usage',
      message: "Alice is you (your relay login): push delivers into a peer's relay; pass --to with one of your peers (bob)",
    });
    expect(inboxOf(alice)).toEqual([]);
  });

  it("a typo of a peer's login: names the peer, and still says how to add a new one", async () => {
    const r = await run(alice, ['push', pkg, '--to', 'bobb', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error).toEqual({
      code: 'unknown_peer',
      message: 'bobb is not one of your peers; did you mean --to bob? To add bobb, run `alive-p2p relay add-peer bobb --url THEIR_RELAY_URL` first',
    });
    expect(inboxOf(bob)).toEqual([]);
  });
});
