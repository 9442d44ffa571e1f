import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relayNotice } from '../../scripts/lib/hook/relay-notice.ts';

/**
 * The SessionStart notice offers to import only what a pinned peer sent: a package from a peer the
 * user removed (or any sender who is not a pinned peer) cannot be verified, and pull files it under
 * unverified/ saying "do not import them". The hook counts those apart, with no invitation.
 * In-process, with a fresh state (no probe runs).
 */
let base: string;
let world: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'relay-notice-peers-'));
  world = join(base, 'world');
  mkdirSync(join(world, '.alive'), { recursive: true });
});

let n = 0;
const PEERS = [
  { github: 'Bob', status: 'accepted', fingerprint: 'ab'.repeat(32) },
  { github: 'dave', status: 'removed', fingerprint: null },
  { github: 'erin', status: 'pending', fingerprint: null },
];

async function notice(state: Record<string, unknown>, peers: readonly object[] = PEERS): Promise<string | undefined> {
  const home = join(base, `home-${++n}`);
  mkdirSync(join(home, 'relay'), { recursive: true });
  writeFileSync(join(home, 'relay', 'relay.json'), JSON.stringify({ github_username: 'alice', transport: 'git', peers }));
  const now = new Date().toISOString();
  writeFileSync(join(home, 'relay', 'state.json'), JSON.stringify({ last_sync: now, probed_at: now, newly_accepted: [], peer_reachability: {}, ...state }));
  const env = { HOME: base, ALIVE_HOME: home };
  return relayNotice({ sessionCwd: async () => world, env, deadline: Date.now() + 5000, distDir: join(base, 'no-dist'), now: Date.now });
}

describe('relay-check: only pinned peers’ packages are offered for import', () => {
  it('does not invite importing a package from a removed peer; it counts it apart', async () => {
    const text = await notice({ pending_packages: 1, pending_by_sender: { dave: 1 }, pending_senders: 1 });
    expect(text).toBeTypeOf('string');
    expect(text).not.toMatch(/receive/);
    expect(text).not.toMatch(/is waiting in the user's relay inbox/);
    expect(text).toMatch(/1 package waits on the relay in folders that are not a pinned peer's/);
    expect(text).toMatch(/Do not offer to import it/);
    expect(text).toMatch(/alive-p2p relay status/);
    // The sender's name is not carried into the model's context.
    expect(text).not.toMatch(/dave/);
  });

  it('offers a pinned peer’s packages (login case aside) and sets the others apart', async () => {
    const text = (await notice({ pending_packages: 5, pending_by_sender: { bob: 2, erin: 1, stranger: 1 }, pending_senders: 4 }))!;
    expect(text).toMatch(/ALIVE relay: 2 walnut packages are waiting .*offer to run \/alive:receive/);
    // erin (no key pinned), stranger, and one sender state.json does not name.
    expect(text).toMatch(/3 packages wait on the relay in folders that are not a pinned peer's/);
  });

  // A folder name is not a sender: anyone who writes to the relay chooses it, and only pull checks
  // the signature. The notice names the folder and says when it is checked, never "from bob".
  it("says a package is in a pinned peer's folder and only said to be from them until pull checks it", async () => {
    const text = (await notice({ pending_packages: 2, pending_by_sender: { bob: 2 }, pending_senders: 1 }))!;
    expect(text).toMatch(/2 walnut packages are waiting in the user's relay, in the folder of their pinned peer Bob \(2\)/);
    expect(text).toMatch(/only said to be from Bob until .*pull.* checks/);
    expect(text).toMatch(/set aside as unverified/);
  });

  it('names at most three peer folders and counts the rest', async () => {
    const peers = ['Bob', 'carol', 'frank', 'gina', 'hal'].map((github) => ({ github, status: 'accepted', fingerprint: 'ab'.repeat(32) }));
    const text = (await notice({ pending_packages: 5, pending_by_sender: { bob: 1, carol: 1, frank: 1, gina: 1, hal: 1 }, pending_senders: 5 }, peers))!;
    expect(text).toMatch(/in the folders of their pinned peers Bob \(1\), carol \(1\), frank \(1\) and 2 more/);
    expect(text).toMatch(/only said to be from the peer whose folder holds it until/);
  });

  it('keeps the old notice for a state file without pending_by_sender', async () => {
    expect(await notice({ pending_packages: 2 })).toMatch(/2 walnut packages are waiting/);
  });
});

describe('relay-check: packages pull saved unverified', () => {
  /** A home whose earlier pulls saved `files` (paths under relay/inbox/), with nothing waiting on the relay. */
  async function noticeWith(files: string[]): Promise<{ text: string | undefined; home: string }> {
    const home = join(base, `home-${++n}`);
    for (const f of files) {
      mkdirSync(join(home, 'relay', 'inbox', f, '..'), { recursive: true });
      writeFileSync(join(home, 'relay', 'inbox', f), 'package bytes');
    }
    writeFileSync(join(home, 'relay', 'relay.json'), JSON.stringify({ github_username: 'alice', transport: 'git', peers: PEERS }));
    const now = new Date().toISOString();
    writeFileSync(
      join(home, 'relay', 'state.json'),
      JSON.stringify({ last_sync: now, probed_at: now, newly_accepted: [], peer_reachability: {}, pending_packages: 0 }),
    );
    const env = { HOME: base, ALIVE_HOME: home };
    const text = await relayNotice({ sessionCwd: async () => world, env, deadline: Date.now() + 5000, distDir: join(base, 'no-dist'), now: Date.now });
    return { text, home };
  }

  it('reminds the session of them, apart from what waits, with what to do and no offer to import', async () => {
    const { text, home } = await noticeWith(['Bob/unverified/a.walnut', 'Bob/verified.walnut', 'stranger/unverified/b.walnut', 'stranger/unverified/c.walnut']);
    expect(text).toBeTypeOf('string');
    expect(text).toMatch(/3 packages that earlier pulls could not verify are kept under/);
    expect(text).toContain(join(home, 'relay', 'inbox', '<folder>', 'unverified'));
    expect(text).toMatch(/1 in the folder of their pinned peer Bob, 2 in folders that are not a pinned peer's/);
    expect(text).toMatch(/do not offer to import them/i);
    expect(text).toMatch(/alive-p2p info PATH/);
    expect(text).toMatch(/deleting/);
    expect(text).not.toMatch(/receive/);
    // A folder name anyone could choose stays out of the model's context.
    expect(text).not.toMatch(/stranger/);
  });

  it('is silent when the unverified folders are empty', async () => {
    expect((await noticeWith(['Bob/verified.walnut'])).text).toBeUndefined();
  });
});
