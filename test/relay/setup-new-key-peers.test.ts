/**
 * `relay setup` that makes a new key pair (the user's keys were lost) while peers are pinned says
 * what that means: each pinned peer must accept the new key before their pushes work, and packages
 * sealed to the old key cannot be opened with the new one. It said only "Your key (new): …".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { MIN_RSA_BITS, setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  setKeygenBitsForTests(MIN_RSA_BITS);
  base = tempDir('setup-new-key');
});
afterAll(() => {
  setKeygenBitsForTests(undefined);
  base.cleanup();
});

describe('setup makes a new key while peers are pinned', () => {
  it('names the peers who must accept it again, and says the old packages cannot be opened', async () => {
    const alice = await relayUser(base.dir, 'alice');
    const bob = await relayUser(base.dir, 'bob');
    const carol = await relayUser(base.dir, 'carol');
    await pair(bob, alice);
    await pair(bob, carol);
    rmSync(bob.paths.privateKey);
    rmSync(bob.paths.publicKey);

    const human = await run(bob, ['setup', '--transport', 'git', '--login', 'bob', '--url', bob.url]);
    expect(human.code, human.stderr).toBe(0);
    const fp = /Your key \(new\): (\S+)/.exec(human.stdout)?.[1];
    expect(fp).toBeDefined();
    const warning = human.stderr;
    expect(warning).toMatch(/^warning: /m);
    expect(warning).toContain('alice, carol');
    expect(warning).toContain(`alive-p2p relay accept bob --fingerprint ${fp}`);
    expect(warning).toMatch(/sealed to your old key cannot be opened/);

    // Run again: the key is not new, nothing to say.
    const again = await run(bob, ['setup', '--transport', 'git', '--login', 'bob', '--url', bob.url, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.warning).toBeUndefined();
  }, 120_000);

  it('--json: the warning is in the object', async () => {
    const dave = await relayUser(base.dir, 'dave');
    const erin = await relayUser(base.dir, 'erin');
    await pair(dave, erin);
    rmSync(dave.paths.privateKey);
    rmSync(dave.paths.publicKey);
    const r = await run(dave, ['setup', '--transport', 'git', '--login', 'dave', '--url', dave.url, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.key_generated).toBe(true);
    expect(r.json.warning).toContain('erin');
    expect(r.json.warning).toContain(`alive-p2p relay accept dave --fingerprint ${r.json.fingerprint}`);
  }, 120_000);
});
