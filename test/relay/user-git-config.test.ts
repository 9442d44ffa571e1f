/**
 * The user's own git configuration applies to every git the transport runs. A package must reach
 * the relay byte for byte whatever it says: a global attributes file that names a clean filter,
 * or `text` (line-ending conversion), for the package's file made `hash-object` store something
 * else, which the recipient could not read (and the filter, a command, ran on the package).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('user-git-config');
});
afterAll(() => base.cleanup());

it("a push stores the package as it is, whatever filters or line endings the user's git attributes name", async () => {
  const attributes = join(base.dir, 'attributes');
  writeFileSync(attributes, '* filter=mark text\n');
  const userConfig = {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'core.attributesFile',
    GIT_CONFIG_VALUE_0: attributes,
    GIT_CONFIG_KEY_1: 'filter.mark.clean',
    GIT_CONFIG_VALUE_1: 'printf changed; cat',
  };
  const alice = await relayUser(base.dir, 'alice', userConfig);
  const bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
  expect((await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json'])).code).toBe(0);
  const pulled = await run(bob, ['pull', '--json']);
  expect(pulled.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true, problems: [] })]);
}, 60_000);
