/**
 * A package delivered again is a duplicate only when the copy saved before is still there and
 * would open the same way (sealed to the same keys). Otherwise pull saves it: deleting the relay's
 * copy as a "duplicate" of a file that is gone, or of one sealed to a key the user no longer has,
 * lost the only copy the user could open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tempDir, writeTestKeys } from './helpers.ts';
import { pair, relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('dup-copy');
});
afterAll(() => base.cleanup());

describe('a package pushed again', () => {
  it('after the earlier copy was deleted from the inbox: saved again, not deleted as a duplicate', async () => {
    const alice = await relayUser(base.dir, 'alice');
    const bob = await relayUser(base.dir, 'bob');
    await pair(alice, bob);
    const pkg = await walnutPackage(alice, 'launch');
    const kept = `${pkg}.kept`;
    copyFileSync(pkg, kept);
    expect((await run(alice, ['push', pkg, '--to', 'bob', '--json'])).code).toBe(0);
    const first = await run(bob, ['pull', '--json']);
    expect(first.json.received).toHaveLength(1);
    rmSync(first.json.received[0].path);

    copyFileSync(kept, pkg);
    expect((await run(alice, ['push', pkg, '--to', 'bob', '--json'])).code).toBe(0);
    const again = await run(bob, ['pull', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.duplicates).toEqual([]);
    expect(again.json.received).toHaveLength(1);
    expect(existsSync(again.json.received[0].path)).toBe(true);
    expect(again.json.received[0].verified).toBe(true);
  }, 120_000);

  it('sealed to a new key of the receiver: saved, since the earlier copy cannot be opened with it', async () => {
    const carol = await relayUser(base.dir, 'carol');
    const dave = await relayUser(base.dir, 'dave');
    await pair(carol, dave);
    const pkg = await walnutPackage(carol, 'launch2');
    const kept = `${pkg}.kept`;
    copyFileSync(pkg, kept);
    expect((await run(carol, ['push', pkg, '--to', 'dave', '--json'])).code).toBe(0);
    const first = await run(dave, ['pull', '--json']);
    expect(first.json.received).toHaveLength(1);

    // dave's keys are gone; setup makes (here: takes) a new pair and publishes it; carol accepts it.
    rmSync(dave.paths.privateKey);
    rmSync(dave.paths.publicKey);
    writeTestKeys(dave.paths);
    const setup = await run(dave, ['setup', '--transport', 'git', '--login', 'dave', '--url', dave.url, '--json']);
    expect(setup.code, setup.stderr).toBe(0);
    const acc = await run(carol, ['accept', 'dave', '--json']);
    expect(acc.code, acc.stderr).toBe(0);

    copyFileSync(kept, pkg);
    const push = await run(carol, ['push', pkg, '--to', 'dave', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const again = await run(dave, ['pull', '--json']);
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json.duplicates).toEqual([]);
    expect(again.json.received).toHaveLength(1);
    expect(again.json.received[0].path).not.toBe(first.json.received[0].path);
    expect(existsSync(first.json.received[0].path)).toBe(true);
  }, 120_000);
});
