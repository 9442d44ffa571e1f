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
import { outsideFences } from '../support/fences.ts';

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
    expect(human.stdout).toMatch(/^ {2}alice: 2 packages \(pinned peer's folder, not verified yet\)$/m);
    expect(human.stdout).toMatch(/^<<<BEGIN UNTRUSTED FOLDERS AND FILES \S+\n(.*\n)*alice\s+meadow-.*\.walnut\s+[\d.]+ (B|KiB)\s+\S+Z\n/m);
    expect(human.stdout).not.toMatch(/\(pinned\)/);
    expect(human.stdout).toMatch(/A package in a pinned peer's folder is only said to be from that peer until `alive-p2p relay pull` verifies its signature/);
    const json = (await run(bob, ['inbox', '--json'])).json;
    const mine = json.waiting.filter((w: any) => w.sender === 'alice');
    expect(mine).toHaveLength(2);
    for (const w of mine) expect(w).toMatchObject({ sender: 'alice', pinned: true, peer_status: 'accepted', verified: false });
    expect(json.note).toMatch(/`sender` is the folder.*`pinned`.*only said to be from that peer until relay pull verifies/);
  });

  // A folder that is not a peer's is named by whoever wrote it: status and pull show it only
  // fenced (--json: untrusted.senders); inbox printed it as the first word of its row.
  it("inbox shows a folder that is not a peer's only in an untrusted fence, and under untrusted.senders", async () => {
    const human = await run(bob, ['inbox']);
    expect(human.stdout).toMatch(/UNTRUSTED [A-Z ]+[\s\S]*mallory/);
    expect(outsideFences(human.stdout + human.stderr)).not.toMatch(/mallory|junk-/);
    expect(outsideFences(human.stdout)).toMatch(/1 package in a folder that is not one of your peers'/);
    const json = (await run(bob, ['inbox', '--json'])).json;
    expect(json.untrusted.senders).toEqual({ mallory: 1 });
    expect(json.waiting.find((w: any) => w.sender === 'mallory')).toMatchObject({ pinned: false, peer_status: 'unknown', verified: false });
  });
});

describe('pull says "from alice" only of what it verified as hers', { shuffle: false }, () => {
  it("an unverified package in alice's folder is said to be in her folder, not from her; so is a copy of it", async () => {
    // The same junk twice in alice's folder: the second is a duplicate of the first, unverified, copy.
    commitToBare(bob.url, { 'inbox/alice/forged-20260101-000000-00000003.walnut': 'not a package' });
    const human = await run(bob, ['pull']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^Received from alice, saved as \(path follows, its file name untrusted\):\n<<<BEGIN UNTRUSTED PATH \S+\n.*meadow-/m);
    expect(human.stdout).toMatch(
      /^UNVERIFIED, in alice's folder \(not shown to be from alice\), saved as \(path follows, untrusted\):\n<<<BEGIN UNTRUSTED PATH \S+\n.*forged-20260101-000000-0000000[13]\.walnut$/m,
    );
    expect(human.stdout).not.toMatch(/UNVERIFIED from alice/);
    expect(human.stdout).toMatch(/^Duplicate in alice's folder: a copy of a package this pull saved unverified/m);
    expect(human.stdout).not.toMatch(/Duplicate from alice/);
  });

  it('pull --json: a note says what `from` is, and each duplicate says whether its first copy was verified', async () => {
    const pkg = await walnutPackage(alice, 'second');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code).toBe(0);
    commitToBare(bob.url, {
      'inbox/alice/forged-20260101-000000-00000004.walnut': 'junk again',
      'inbox/alice/forged-20260101-000000-00000005.walnut': 'junk again',
    });
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.json.error.code).toBe('unverified');
    expect(pull.json.note).toMatch(/`from` is the inbox folder.*from that peer only where `verified` is true/);
    expect(pull.json.received.find((r: any) => r.verified)).toMatchObject({ from: 'alice', verified: true });
    const name = expect.stringMatching(/^forged-/);
    expect(pull.json.duplicates).toEqual([{ from: 'alice', name, first: expect.any(String), verified: false, untrusted: { file: name } }]);
  });

  // A package that could not be fetched from a folder that is no peer's: the warning named its
  // relay path (folder included) in our words.
  it("a package left on the relay from a folder that is no peer's is warned about with its path fenced", async () => {
    commitToBare(bob.url, { 'inbox/mallory/big-20260101-000000-00000006.walnut': 'x'.repeat(4096) });
    const human = await run(bob, ['pull', '--max-size', '1024']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/UNTRUSTED [A-Z ]+[\s\S]*inbox\/mallory\/big-/);
    expect(outsideFences(human.stdout + human.stderr)).not.toMatch(/mallory/);
    expect(outsideFences(human.stderr)).toMatch(/a package in a folder that is not one of your peers' could not be fetched/);
    const json = await run(bob, ['pull', '--max-size', '1024', '--json']);
    expect(json.json.failed).toEqual([
      expect.objectContaining({ from: 'mallory', code: 'too_large', untrusted: { file: 'big-20260101-000000-00000006.walnut', sender: 'mallory' } }),
    ]);
  });
});
