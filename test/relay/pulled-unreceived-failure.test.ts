/**
 * Counting what pull verified and no world has received looks at files received.json names:
 * lstat throws for more than a missing file (ENOTDIR when inbox/<folder> is now a file,
 * ENAMETOOLONG, EACCES). That threw out of the SessionStart notice, taking the rest of it (the
 * not-your-relay warning among it) into silence, and out of `relay status` and `relay inbox`. A
 * count that fails is one that cannot be told: the rest is said.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { relayNotice } from '../../scripts/lib/hook/relay-notice.ts';
import { isolateProcessGit } from './git-env.ts';
import { tempDir } from './helpers.ts';
import { asUser, relayUser, run, type RelayUser } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let bob: RelayUser;
let world: string;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pulled-unreceived-failure');
  bob = await relayUser(base.dir, 'bob');
  world = join(base.dir, 'bobworld');
  mkdirSync(join(world, '.alive'), { recursive: true });
  bob.env.ALIVE_WORLD_ROOT = world;
  // A package pull saved and verified under inbox/alice/, whose folder is a file now.
  const inbox = join(bob.paths.dir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, 'alice'), 'not a folder');
  const path = join(inbox, 'alice', 'meadow-20260101-000000-0123abcd.walnut');
  writeFileSync(
    join(bob.paths.dir, 'received.json'),
    JSON.stringify({ ['a'.repeat(40)]: { path, at: '2026-01-01T00:00:00Z', verified: true, from: 'alice' } }),
  );
}, 60_000);
afterAll(() => base.cleanup());

it('the SessionStart notice keeps its other parts: the warning of a relay that is not the user', async () => {
  writeFileSync(
    join(bob.paths.dir, 'state.json'),
    JSON.stringify({ last_sync: new Date().toISOString(), probed_at: new Date().toISOString(), not_your_relay: { kind: 'relay' } }),
  );
  const text = await asUser(bob, () =>
    relayNotice({ sessionCwd: async () => world, env: process.env, deadline: Date.now() + 5000, distDir: join(base.dir, 'no-dist'), now: Date.now }),
  );
  expect(text).toMatch(/WARNING: the user's relay is someone else's relay/);
  expect(text).not.toMatch(/downloaded and verified/);
});

it('relay status and relay inbox still answer, saying that what waits to be received cannot be told', async () => {
  for (const command of ['status', 'inbox']) {
    const json = await run(
      bob,
      [command, '--offline', '--json'].filter((a) => command === 'status' || a !== '--offline'),
    );
    expect(json.code, `${command}: ${json.stderr}`).toBe(0);
    expect(json.json.pulled, command).toBeNull();
    const text = await run(bob, command === 'status' ? [command, '--offline'] : [command]);
    expect(text.code, `${command}: ${text.stderr}`).toBe(0);
    expect(text.stdout, command).toMatch(/Pulled: +cannot tell what pull saved that waits to be received/);
  }
}, 60_000);
