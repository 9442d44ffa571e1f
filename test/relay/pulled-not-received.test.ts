/**
 * What pull saved and checked sits in $ALIVE_HOME/relay/inbox/<peer>/, gone from the relay, until
 * the user receives it: the SessionStart notice spoke only of what waits in the relay, so a pulled
 * package never received was never mentioned again. The notice, `relay status` and `relay inbox`
 * count the verified packages pull saved that receive's record (imported.json in the relay folder,
 * of every import into any world) does not hold (by the package's identity or the path it was
 * received from) and whose file is still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRelayNotice, relayNotice } from '../../scripts/lib/hook/relay-notice.ts';
import { countPulledUnreceived } from '../../scripts/lib/relay/pulled-unreceived.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { asUser, pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let world: string;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pulled-not-received');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  world = join(base.dir, 'bobworld');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(join(world, '03_Inbox'));
  // relay status and inbox take the world the current folder is in, else this one.
  bob.env.ALIVE_WORLD_ROOT = world;
});
afterAll(() => base.cleanup());

function notice(user: RelayUser): Promise<string | undefined> {
  return asUser(user, () =>
    relayNotice({ sessionCwd: async () => world, env: process.env, deadline: Date.now() + 5000, distDir: join(base.dir, 'no-dist'), now: Date.now }),
  );
}

describe('packages pulled and verified but never received', () => {
  it('are counted by the notice, relay status and relay inbox until received into the world; then no more', async () => {
    for (const name of ['meadow', 'orchard']) expect((await run(alice, ['push', await walnutPackage(alice, name), '--to', 'bob'])).code).toBe(0);
    const pulled = await run(bob, ['pull', '--json']);
    expect(pulled.code, pulled.stderr).toBe(0);
    const paths: string[] = pulled.json.received.map((r: { path: string }) => r.path);
    expect(paths).toHaveLength(2);

    const before = (await notice(bob))!;
    expect(before).toMatch(/ALIVE relay: 2 walnut packages that `alive-p2p relay pull` downloaded and verified wait .* to be received\. /);
    expect(before).toMatch(/the folder of their pinned peer alice/);
    expect(before).toContain('/alive:receive');
    // A file's name is the relay writer's: not in the model's context.
    expect(before).not.toMatch(/meadow|orchard/);

    const status = await run(bob, ['status', '--offline', '--json']);
    expect(status.json.pulled).toMatchObject({ packages: 2, in_peer_folders: { alice: 2 }, in_other_folders: 0 });
    const inbox = await run(bob, ['inbox', '--json']);
    expect(inbox.json.pulled).toMatchObject({ packages: 2, in_peer_folders: { alice: 2 } });

    const received = await run(bob, [paths[0]!, '--world', world, '--json'], receiveCommand);
    expect(received.code, received.stderr).toBe(0);
    expect(await notice(bob)).toMatch(/ALIVE relay: 1 walnut package that `alive-p2p relay pull` downloaded and verified waits/);

    // The other one deleted by the user: nothing is left to receive.
    rmSync(paths[1]!);
    const after = await notice(bob);
    expect(after ?? '').not.toMatch(/downloaded and verified/);
  });

  it('a snapshot pulled and shown by receive (display-only: nothing goes into a world) counts as received, not waiting for good', async () => {
    const walnut = join(alice.root, 'world', '04_Ventures', 'glade');
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: glade\n---\n');
    writeFileSync(join(walnut, '_kernel', 'insights.md'), 'insight\n');
    const pkg = join(alice.root, 'glade-snapshot.walnut');
    await createPlainPackage({ walnut, scope: 'snapshot', bundles: [], output: pkg, allowSensitive: false });
    expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
    const pulled = await run(bob, ['pull', '--json']);
    const path: string = pulled.json.received[0].path;
    expect(await notice(bob)).toMatch(/1 walnut package that/);
    const dry = await run(bob, [path, '--world', world, '--dry-run', '--json'], receiveCommand);
    expect(dry.code, dry.stderr).toBe(0);
    expect(await notice(bob)).toMatch(/1 walnut package that/);
    const shown = await run(bob, [path, '--world', world, '--json'], receiveCommand);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json.snapshot).toBeDefined();
    expect((await notice(bob)) ?? '').not.toMatch(/downloaded and verified/);
  });

  it('a package received from a copy elsewhere counts as received (its identity is in imported.json)', async () => {
    expect((await run(alice, ['push', await walnutPackage(alice, 'copse'), '--to', 'bob'])).code).toBe(0);
    const pulled = await run(bob, ['pull', '--json']);
    const path: string = pulled.json.received[0].path;
    expect(await notice(bob)).toMatch(/1 walnut package that/);
    const copy = join(base.dir, 'copse-copy.walnut');
    writeFileSync(copy, readFileSync(path));
    const received = await run(bob, [copy, '--world', world, '--json'], receiveCommand);
    expect(received.code, received.stderr).toBe(0);
    expect((await notice(bob)) ?? '').not.toMatch(/downloaded and verified/);
  });
});

describe('countPulledUnreceived: what it counts from received.json', () => {
  it('only verified entries saved straight into an inbox folder whose file is there, and not received; a record it cannot read tells nothing', () => {
    const t = tempDir('pulled-count');
    try {
      const relay = join(t.dir, 'relay');
      const folder = join(relay, 'inbox', 'bob');
      mkdirSync(join(folder, 'unverified'), { recursive: true });
      const file = (p: string) => {
        writeFileSync(p, 'x');
        return p;
      };
      const log = {
        ['1'.repeat(40)]: { path: file(join(folder, 'a.walnut')), at: 'x', from: 'bob', verified: true, identity: 'c'.repeat(64) },
        ['2'.repeat(40)]: { path: file(join(folder, 'unverified', 'b.walnut')), at: 'x', from: 'bob', verified: true },
        ['3'.repeat(40)]: { path: file(join(t.dir, 'elsewhere.walnut')), at: 'x', from: 'bob', verified: true },
        ['4'.repeat(40)]: { path: file(join(folder, 'd.walnut')), at: 'x', from: 'bob', verified: false },
        ['5'.repeat(40)]: { path: join(folder, 'gone.walnut'), at: 'x', from: 'bob', verified: true },
        ['6'.repeat(40)]: { path: join(folder, 'a.walnut'), at: 'x', from: 'bob', verified: true },
        ['7'.repeat(40)]: { path: file(join(folder, 'e.walnut')), at: 'x', from: 'bob', verified: true },
      };
      writeFileSync(join(relay, 'received.json'), JSON.stringify(log));
      expect(countPulledUnreceived(relay)).toEqual({ packages: 2, byFolder: new Map([['bob', 2]]), complete: true });
      const imported = join(relay, 'imported.json');
      writeFileSync(imported, '{ not json');
      expect(countPulledUnreceived(relay)).toBeUndefined();
      writeFileSync(imported, JSON.stringify({ imports: [] }));
      expect(countPulledUnreceived(relay)).toBeUndefined();
      // Received by identity (a copy received elsewhere), and by the path received from.
      writeFileSync(imported, JSON.stringify([{ identity: 'c'.repeat(64), source: join(t.dir, 'copy.walnut') }]));
      expect(countPulledUnreceived(relay)?.packages).toBe(1);
      writeFileSync(imported, JSON.stringify([{ identity: 'c'.repeat(64) }, { source: join(folder, 'e.walnut') }]));
      expect(countPulledUnreceived(relay)?.packages).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

// After `relay remove-peer alice`, what pull saved from alice is in a folder no pinned peer's:
// receive refuses it (no key pinned for its signer), so the notice must not offer it (review of 2026-12-07).
describe("the notice of pulled packages in a folder that is no longer a pinned peer's", () => {
  const folders = '/relay/inbox';
  it('offers only those of pinned peers, and says not to offer the others', () => {
    const only = formatRelayNotice({ peers: 0, others: 0 }, [], false, undefined, undefined, { peers: 0, others: 2, byPeer: [], folders, complete: true })!;
    expect(only).not.toContain('/alive:receive');
    expect(only).toMatch(/2 walnut packages .* in folders that are no longer a pinned peer's/);
    expect(only).toMatch(/Do not offer to import them/);
    const both = formatRelayNotice({ peers: 0, others: 0 }, [], false, undefined, undefined, {
      peers: 1,
      others: 1,
      byPeer: [['carol', 1]],
      folders,
      complete: true,
    })!;
    expect(both).toMatch(/1 walnut package that `alive-p2p relay pull` downloaded and verified waits under .* \(the folder of their pinned peer carol \(1\)\)/);
    expect(both).toMatch(/offer to run \/alive:receive to review and import it;/);
    expect(both).toMatch(/1 walnut package .* in folders that are no longer a pinned peer's/);
  });
});
