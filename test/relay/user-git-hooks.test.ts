/**
 * The user's global git hooks (core.hooksPath in ~/.gitconfig: a company's pre-push that refuses
 * pushes to main, a reference-transaction logger) are for their own repositories, not for the
 * relay's private clone: a pre-push that rejected refs/heads/main made push fail, pull's clean-up
 * fail for ever (the package announced again and again), and setup fail, leaving the new bare
 * repository behind. No hook runs for any git the transport starts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';

/** Every hook git may run on this side of a fetch, a push, a commit or an update-ref. */
const HOOKS = [
  'pre-push',
  'reference-transaction',
  'pre-auto-gc',
  'post-update',
  'pre-receive',
  'update',
  'post-receive',
  'proc-receive',
  'push-to-checkout',
  'post-index-change',
  'pre-commit',
  'post-commit',
  'post-checkout',
];

let base: ReturnType<typeof tempDir>;
let ran: string;
let hooksConfig: string;
beforeAll(() => {
  isolateProcessGit();
  base = tempDir('user-git-hooks');
  const hooks = join(base.dir, 'global-hooks');
  mkdirSync(hooks);
  ran = join(base.dir, 'hooks-ran');
  for (const name of HOOKS) {
    const path = join(hooks, name);
    // Each one logs that it ran and refuses: a pre-push that rejects main, as many companies install.
    writeFileSync(path, `#!/bin/sh\necho ${name} >> '${ran}'\necho "pushes to main are not allowed" >&2\nexit 1\n`);
    chmodSync(path, 0o755);
  }
  hooksConfig = join(base.dir, 'hooks.gitconfig');
  writeFileSync(hooksConfig, `[core]\n\thooksPath = ${hooks}\n`);
});
afterAll(() => base.cleanup());

const hooksThatRan = () => (existsSync(ran) ? readFileSync(ran, 'utf8').split('\n').filter(Boolean) : []);

it("setup, add-peer, push, inbox, pull and the probe run none of the user's global git hooks", async () => {
  const withHooks = { GIT_CONFIG_GLOBAL: hooksConfig };
  const alice = await relayUser(base.dir, 'alice', withHooks);
  const bob = await relayUser(base.dir, 'bob', withHooks);
  await pair(alice, bob);
  const pushed = await run(alice, ['push', await walnutPackage(alice, 'garden'), '--to', 'bob', '--json']);
  expect(pushed.code, pushed.stderr).toBe(0);
  const probed = await run(bob, ['--json'], relayProbeCommand);
  expect(probed.json).toMatchObject({ configured: true, pending_packages: 1, last_error: null });
  const listed = await run(bob, ['inbox', '--json']);
  expect(listed.json.waiting).toHaveLength(1);
  const pulled = await run(bob, ['pull', '--json']);
  expect(pulled.code, pulled.stderr).toBe(0);
  expect(pulled.json.received).toEqual([expect.objectContaining({ from: 'alice', verified: true })]);
  expect((await run(bob, ['inbox', '--json'])).json.waiting).toEqual([]);
  expect(hooksThatRan()).toEqual([]);
}, 60_000);
