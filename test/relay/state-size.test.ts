/**
 * state.json is what the SessionStart hook reads, and the hook reads no more than STATE_MAX_BYTES
 * of it. Its waiting count by sender is keyed by folder names whoever can write to the relay
 * chooses: however many of them there are, the state stays readable by the hook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn, tempDir, writeTestKeys } from './helpers.ts';
import { pair, relayUser, run } from './in-process.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { readNoticeState, readPinnedPeers, splitPending, STATE_MAX_BYTES } from '../../scripts/lib/hook/relay-state.ts';
import { formatRelayNotice } from '../../scripts/lib/hook/relay-notice.ts';
import { MAX_SENDERS_KEPT } from '../../scripts/lib/relay/state.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('state-size');
});
afterAll(() => base.cleanup());

/** Replaces inbox/ with `n` sender folders of one package each (one shared tree) and keys/<login>.pem with `pem`. */
function flood(relay: string, login: string, n: number, pem: string): void {
  const blob = gitIn(relay, ['hash-object', '-w', '--stdin'], 'x');
  const mktree = (lines: string[]) => gitIn(relay, ['mktree'], `${lines.join('\n')}\n`);
  const folder = mktree([`100644 blob ${blob}\tp-20260101-000000-00000001.walnut`]);
  const inbox = mktree(Array.from({ length: n }, (_, i) => `040000 tree ${folder}\ts${String(i).padStart(63, '0')}`));
  const key = gitIn(relay, ['hash-object', '-w', '--stdin'], pem);
  const keys = mktree([`100644 blob ${key}\t${login}.pem`]);
  const head = gitIn(relay, ['rev-parse', 'main']);
  const root = gitIn(relay, ['ls-tree', head])
    .split('\n')
    .filter((l) => !l.endsWith('\tinbox') && !l.endsWith('\tkeys'));
  const tree = mktree([...root, `040000 tree ${inbox}\tinbox`, `040000 tree ${keys}\tkeys`]);
  const commit = gitIn(relay, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', head, '-m', 'flood']);
  gitIn(relay, ['update-ref', 'refs/heads/main', commit]);
}

describe('state.json with a relay of many sender folders', () => {
  it('stays within what the hook reads: its waiting count and the warning about a replaced key still reach the session', async () => {
    const carol = await relayUser(base.dir, 'carol');
    const mallory = writeTestKeys(relayPaths(join(base.dir, 'mallory-keys')));
    // More folders than state.json names (MAX_SENDERS_KEPT), with 64-character names: it names the
    // first of them and counts them all, so no number of folders takes it past what the hook
    // reads (120,000 made it 9.0 MB, over STATE_MAX_BYTES, before the cap).
    const senders = 3_000;
    flood(carol.url, 'carol', senders, mallory.publicKeyPem);

    const probe = await run(carol, ['--json', '--budget', '120'], relayProbeCommand);
    expect(probe.code).toBe(0);
    const statePath = join(carol.paths.dir, 'state.json');
    expect(statSync(statePath).size).toBeLessThan(STATE_MAX_BYTES);
    // What the cap allows at most: MAX_SENDERS_KEPT entries of a 64-character name and a count.
    expect(statSync(statePath).size).toBeLessThan(MAX_SENDERS_KEPT * 100 + 64 * 1024);
    const seen = readNoticeState(statePath);
    expect(seen).toMatchObject({ pendingPackages: senders, ownKeyChanged: true });

    const status = await run(carol, ['status', '--offline', '--json']);
    expect(status.json.state.pending_packages).toBe(senders);
    expect(Object.keys(status.json.state.pending_by_sender)).toHaveLength(MAX_SENDERS_KEPT);
    expect(status.json.state.pending_senders).toBe(senders);
    const human = await run(carol, ['status', '--offline']);
    expect(human.stdout).toMatch(new RegExp(`${senders} in ${senders} folders that are not pinned peers', the first 10 named in the untrusted list below`));
  }, 120_000);
});

describe("a pinned peer's folder among more folders than state.json names", () => {
  it('is named in state.json, so the session is told what waits there, however many folders sort before it', async () => {
    const dana = await relayUser(base.dir, 'dana');
    const bob = await relayUser(base.dir, 'bob');
    await pair(dana, bob);
    // Whoever can write to dana's relay: one package in bob's folder, and MAX_SENDERS_KEPT folders
    // of one package each whose names sort before it (all one tree: a push of a few KB).
    const blob = gitIn(dana.url, ['hash-object', '-w', '--stdin'], 'x');
    const mktree = (lines: string[]) => gitIn(dana.url, ['mktree'], `${lines.join('\n')}\n`);
    const folder = mktree([`100644 blob ${blob}\tp-20260101-000000-00000001.walnut`]);
    const junk = Array.from({ length: MAX_SENDERS_KEPT }, (_, i) => `040000 tree ${folder}\t${String(i).padStart(8, '0')}`);
    const inbox = mktree([...junk, `040000 tree ${folder}\tbob`]);
    const head = gitIn(dana.url, ['rev-parse', 'main']);
    const root = gitIn(dana.url, ['ls-tree', head])
      .split('\n')
      .filter((l) => !l.endsWith('\tinbox'));
    const tree = mktree([...root, `040000 tree ${inbox}\tinbox`]);
    const commit = gitIn(dana.url, ['-c', 'user.name=m', '-c', 'user.email=m@m', 'commit-tree', tree, '-p', head, '-m', 'flood']);
    gitIn(dana.url, ['update-ref', 'refs/heads/main', commit]);

    expect((await run(dana, ['--json', '--budget', '120'], relayProbeCommand)).code).toBe(0);
    const state = readNoticeState(join(dana.paths.dir, 'state.json'))!;
    expect(state.pendingPackages).toBe(MAX_SENDERS_KEPT + 1);
    const split = splitPending(state, readPinnedPeers(dana.paths.config));
    expect(split).toMatchObject({ peers: 1, byPeer: [['bob', 1]], others: MAX_SENDERS_KEPT });
    expect(formatRelayNotice(split, [])).toContain("1 walnut package is waiting in the user's relay, in the folder of their pinned peer bob");
  }, 120_000);
});
