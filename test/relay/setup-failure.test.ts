/**
 * A relay setup that fails (here: a remote that cannot be reached) leaves $ALIVE_HOME/relay as it
 * was: the keys this attempt made and the clone it started are removed, keys that were there
 * before are kept, and no relay.json is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn, makeUser, tempDir, writeTestKeys } from './helpers.ts';
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

describe('relay setup that fails after making a local bare repository', () => {
  // Whatever makes the first push fail (here the user's own receive.maxInputSize, which the
  // receiving side of a push to a folder reads: no pack is small enough): the repository this
  // setup made is no relay yet, and is taken back. (A url.*.pushInsteadOf sending the push to a
  // folder that does not exist did it until such a rewrite came to be refused before the push.)
  function failingPush(tag: string) {
    const config = join(base.dir, `${tag}.gitconfig`);
    const relay = join(base.dir, `${tag}-relays`, 'x.git');
    writeFileSync(config, '[receive]\n\tmaxInputSize = 1\n');
    return { env: { GIT_CONFIG_GLOBAL: config }, relay };
  }

  it('removes the repository it created at a path that did not exist', async () => {
    const { env, relay } = failingPush('ida');
    const ida = makeUser(base.dir, 'ida', env);
    const r = await run(ida, ['setup', '--transport', 'git', '--login', 'ida', '--url', relay, '--json']);
    expect(r.json.error?.code, r.stderr).toBe('push_failed');
    expect(existsSync(join(relay, '..'))).toBe(false);
  });

  it('leaves an empty folder it was given empty', async () => {
    const { env, relay } = failingPush('jon');
    mkdirSync(relay, { recursive: true });
    const jon = makeUser(base.dir, 'jon', env);
    const r = await run(jon, ['setup', '--transport', 'git', '--login', 'jon', '--url', relay, '--json']);
    expect(r.json.error?.code, r.stderr).toBe('push_failed');
    expect(readdirSync(relay)).toEqual([]);
  });

  it('keeps a bare repository that was there before', async () => {
    const { env, relay } = failingPush('kim');
    mkdirSync(relay, { recursive: true });
    gitIn(relay, ['init', '--quiet', '--bare']);
    const kim = makeUser(base.dir, 'kim', env);
    const r = await run(kim, ['setup', '--transport', 'git', '--login', 'kim', '--url', relay, '--json']);
    expect(r.json.error?.code, r.stderr).toBe('push_failed');
    expect(existsSync(join(relay, 'HEAD'))).toBe(true);
  });
});
