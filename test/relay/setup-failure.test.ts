/**
 * A relay setup that fails (here: a remote that cannot be reached) leaves $ALIVE_HOME/relay as it
 * was: the keys this attempt made and the clone it started are removed, keys that were there
 * before are kept, and no relay.json is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { makeUser, tempDir, writeTestKeys } from './helpers.ts';
import { run } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { MIN_RSA_BITS, setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  setKeygenBitsForTests(MIN_RSA_BITS);
  base = tempDir('setup-failure');
});
afterAll(() => {
  setKeygenBitsForTests(undefined);
  base.cleanup();
});

// An ssh that cannot connect, at once: no network in the test.
const unreachable = { GIT_SSH_COMMAND: 'false', GIT_SSH_VARIANT: 'simple' };
const args = ['setup', '--transport', 'git', '--login', 'gina', '--url', 'ssh://nohost.invalid/x.git', '--json'];

describe('relay setup that fails', () => {
  it('removes the keys it made and the clone: the relay folder is as it was', async () => {
    const gina = makeUser(base.dir, 'gina', unreachable);
    const r = await run(gina, args);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(existsSync(gina.paths.config)).toBe(false);
    expect(existsSync(gina.paths.keysDir)).toBe(false);
    expect(existsSync(gina.paths.clone)).toBe(false);
    expect(existsSync(gina.paths.dir) ? readdirSync(gina.paths.dir) : []).toEqual([]);
  });

  it('keeps keys that were there before', async () => {
    const hana = makeUser(base.dir, 'hana', unreachable);
    const keys = writeTestKeys(hana.paths);
    const r = await run(hana, args);
    expect(r.code).toBe(1);
    expect(readFileSync(hana.paths.privateKey, 'utf8')).toBe(keys.privateKeyPem);
    expect(readFileSync(hana.paths.publicKey, 'utf8')).toBe(keys.publicKeyPem);
    expect(existsSync(hana.paths.clone)).toBe(false);
    expect(existsSync(hana.paths.config)).toBe(false);
  });
});
