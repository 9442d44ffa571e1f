/**
 * A relay set up before setup recorded `setup_checked` (relay.json without it, or naming another
 * URL) was judged by its history on every pull, inbox and probe: git calls each time, and a
 * judgement that a peer who can force-push could turn against the owner at any later run. The
 * first judgement that finds it the user's now records setup_checked for its URL, as a setup that
 * checked it would; a finding of "not yours" records nothing and stays.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareFiles, commitToBare, tempDir } from './helpers.ts';
import { pair, relayUser, run, type RelayUser } from './in-process.ts';
import { forceMadeUpHistory, pushTo, setUpBeforeTheCheck } from './set-up-before.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('setup-checked-recorded');
  alice = await relayUser(base.dir, 'alice');
}, 60_000);
afterAll(() => base.cleanup());

const config = (u: RelayUser) => JSON.parse(readFileSync(u.paths.config, 'utf8'));

/** relay.json as a setup made before setup_checked existed wrote it. */
function forgetSetupChecked(u: RelayUser): void {
  const { setup_checked: _, ...cfg } = config(u);
  writeFileSync(u.paths.config, JSON.stringify(cfg));
}

describe('a relay set up before setup_checked was recorded', () => {
  it("is recorded as checked the first time its history shows it the user's; a force-push after that locks nobody out", async () => {
    const uma = await relayUser(base.dir, 'uma');
    forgetSetupChecked(uma);
    await pair(uma, alice);
    await pushTo(alice, 'uma', 'first');
    // What a peer with write access can add: the judgement reads the history for it.
    commitToBare(uma.url, { 'keys/zed.pem': 'a key of zed\n', 'index.html': '<p>hi</p>\n' });
    const pulled = await run(uma, ['pull', '--json']);
    expect(pulled.code, pulled.stdout).toBe(0);
    expect(config(uma).setup_checked).toMatchObject({ url: uma.url });

    // Judged again, this made-up history would say someone else's relay: recorded, it is not judged.
    forceMadeUpHistory(uma.url, 'uma');
    await pushTo(alice, 'uma', 'second');
    const after = await run(uma, ['pull', '--json']);
    expect(after.code, after.stdout).toBe(0);
    expect(after.json.received).toMatchObject([{ from: 'alice', verified: true }]);
  }, 60_000);

  it('a relay holding only what a relay holds is recorded by the probe (status) too', async () => {
    const vera = await relayUser(base.dir, 'vera');
    forgetSetupChecked(vera);
    const status = await run(vera, ['status', '--json']);
    expect(status.json.not_your_relay).toBeNull();
    expect(config(vera).setup_checked).toMatchObject({ url: vera.url });
  }, 60_000);

  it("someone else's relay is not recorded: the refusal stays", async () => {
    const bob = await relayUser(base.dir, 'bob');
    const erin = await setUpBeforeTheCheck(base.dir, 'erin', bob.url);
    commitToBare(bob.url, { 'inbox/alice/x-20260101-000000-0123abcd.walnut': 'x' });
    const before = bareFiles(bob.url);
    for (const argv of [
      ['pull', '--json'],
      ['status', '--json'],
      ['pull', '--json'],
    ]) {
      const r = await run(erin, argv);
      expect(r.json.error?.code ?? r.json.not_your_relay, argv.join(' ')).toBe(argv[0] === 'pull' ? 'not_your_relay' : 'relay');
      expect(config(erin).setup_checked?.url, argv.join(' ')).not.toBe(bob.url);
    }
    expect(bareFiles(bob.url)).toEqual(before);
  }, 60_000);
});
