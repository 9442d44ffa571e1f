/**
 * Packages pull could not verify are saved under inbox/<sender>/unverified/ and reported once, by
 * that pull. `relay status` once counted only what waits on the relay, so those files were never
 * mentioned again: status now counts them apart from what waits, names a pinned peer's folder and
 * fences any other, and says how to look at one or discard it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitToBare, tempDir } from './helpers.ts';
import { pair, relayUser, run, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('unverified-saved');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  // Someone with write access to bob's relay: one file in alice's folder, one in a folder of their own.
  commitToBare(bob.url, { 'inbox/alice/forged.walnut': 'not a package', 'inbox/mallory/junk.walnut': 'junk, too' });
  const pulled = await run(bob, ['pull', '--json']);
  expect(pulled.code).toBe(1);
});
afterAll(() => base.cleanup());

describe('relay status counts the packages pull saved unverified', () => {
  it('says how many, in whose folder, and what to do with them', async () => {
    const human = await run(bob, ['status']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Inbox: {3}0 packages waiting/);
    expect(human.stdout).toMatch(
      /Pulled: {2}2 packages could not be verified \(in the folder of pinned peer alice: 1, and 1 in 1 folder that is not a pinned peer's, named in the untrusted list below\)/,
    );
    expect(human.stdout).toContain(join(bob.paths.inbox, '<folder>', 'unverified'));
    expect(human.stdout).toMatch(/alive-p2p info PATH/);
    expect(human.stdout).toMatch(/unauthenticated: see one with alive-p2p info PATH; delete its file to discard it/);
    // The folder anyone could name is shown only as data.
    expect(human.stdout).toMatch(/UNTRUSTED SENDER NAMES[\s\S]*mallory: 1/);
    expect(human.stdout.split('\n').find((l) => l.startsWith('Pulled:'))).not.toMatch(/mallory/);
  });

  it('gives them in --json, the folders that are not a pinned peer’s under untrusted', async () => {
    const json = (await run(bob, ['status', '--json'])).json;
    expect(json.unverified_saved).toEqual({ packages: 2, peers: { alice: 1 }, dir: bob.paths.inbox });
    expect(json.untrusted.unverified_senders).toEqual({ mallory: 1 });
  });

  it('counts a file the user put back or removed as it is now', async () => {
    mkdirSync(join(bob.paths.inbox, 'alice', 'unverified'), { recursive: true });
    writeFileSync(join(bob.paths.inbox, 'alice', 'unverified', 'another.walnut'), 'x');
    // A verified package beside it is not counted.
    writeFileSync(join(bob.paths.inbox, 'alice', 'ok.walnut'), 'x');
    const json = (await run(bob, ['status', '--json', '--offline'])).json;
    expect(json.unverified_saved.packages).toBe(3);
  });
});
