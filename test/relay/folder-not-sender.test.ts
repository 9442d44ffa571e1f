/**
 * A package waits in the relay under inbox/<folder>/, a name whoever writes to the relay chooses;
 * the signature that says who made it is inside the package, which only pull downloads and checks.
 * `relay status` and `relay inbox` once counted and listed packages by folder as if the peer had
 * sent them ("alice: 2", "(pinned)"): they now say whose folder holds them and that each is only
 * said to be from that peer until pull verifies it, as the SessionStart notice does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitToBare, tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('folder-not-sender');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  const pkg = await walnutPackage(alice, 'meadow');
  expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
  // Anyone who can write to bob's relay: a file in alice's folder, and one in a folder of their own.
  commitToBare(bob.url, {
    'inbox/alice/forged-20260101-000000-00000001.walnut': 'not a package',
    'inbox/mallory/junk-20260101-000000-00000002.walnut': 'junk',
  });
});
afterAll(() => base.cleanup());

describe('status and inbox name the folder, not the sender', { shuffle: false }, () => {
  it("status: the Inbox line says the packages are in pinned peer alice's folder, only said to be from her until pull verifies", async () => {
    const human = await run(bob, ['status']);
    expect(human.code).toBe(0);
    const lines = human.stdout.split('\n');
    const inbox = lines.find((l) => l.startsWith('Inbox:'))!;
    expect(inbox).toMatch(
      /^Inbox: {3}3 packages waiting \(in the folder of pinned peer alice: 2, and 1 in 1 folder that is not a pinned peer's, named in the untrusted list below\)/,
    );
    expect(inbox).not.toMatch(/\balice: 2\b(?!.*folder)/);
    expect(human.stdout).toMatch(/only said to be from alice until `alive-p2p relay pull` verifies its signature/);
  });

  it('status --json: an inbox object says what the counts are (by folder, not verified), next to the fields scripts read', async () => {
    const json = (await run(bob, ['status', '--json'])).json;
    expect(json.state.pending_by_sender).toEqual({ alice: 2, mallory: 1 });
    expect(json.untrusted.senders).toEqual({ mallory: 1 });
    expect(json.inbox).toEqual({
      packages: 3,
      in_peer_folders: { alice: 2 },
      in_other_folders: 1,
      verified: false,
      note: expect.stringMatching(/chosen by whoever writes to the relay.*only said to be from that peer until relay pull verifies/),
    });
  });

  it("inbox: each row says a pinned peer's folder, and that nothing is verified before pull", async () => {
    const human = await run(bob, ['inbox']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/alice\s+meadow-.*\.walnut\s+[\d.]+ (B|KiB)\s+\S+Z\s+\(pinned peer's folder, not verified yet\)/);
    expect(human.stdout).not.toMatch(/\(pinned\)/);
    expect(human.stdout).toMatch(/A package in a pinned peer's folder is only said to be from that peer until `alive-p2p relay pull` verifies its signature/);
    const json = (await run(bob, ['inbox', '--json'])).json;
    const mine = json.waiting.filter((w: any) => w.sender === 'alice');
    expect(mine).toHaveLength(2);
    for (const w of mine) expect(w).toMatchObject({ sender: 'alice', pinned: true, peer_status: 'accepted', verified: false });
    expect(json.note).toMatch(/`sender` is the folder.*`pinned`.*only said to be from that peer until relay pull verifies/);
  });
});
