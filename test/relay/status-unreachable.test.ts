/**
 * `relay status` with a peer's relay gone: the row says the relay is unreachable, problems name
 * it, and "key ok" is never printed next to a key that could not be checked or that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renameSync, rmSync } from 'node:fs';
import { gitIn, tempDir, writeTestKeys } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('status-unreachable');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

function bobRow(stdout: string): string {
  return stdout.split('\n').find((l) => /^\s+bob\s/.test(l)) ?? '';
}

describe('relay status lines', () => {
  it('end without trailing spaces (the Peers: line included)', async () => {
    const r = await run(alice, ['status', '--offline']);
    expect(r.stdout).toMatch(/^Peers:$/m);
    for (const line of r.stdout.split('\n')) expect(line).toBe(line.trimEnd());
  });
});

describe('relay status and an unreachable peer relay', { shuffle: false }, () => {
  it('marks the row unreachable, lists a problem, and does not say key ok', async () => {
    const ok = await run(alice, ['status', '--json']);
    expect(ok.json.peers.find((p: any) => p.login === 'bob')).toMatchObject({ key: 'ok', relay_key: 'ok', reachable: true });
    expect(ok.json.problems).toEqual([]);

    renameSync(bob.url, `${bob.url}.away`);
    try {
      // A push to bob fails now, with `network`.
      const pkg = await walnutPackage(alice, 'meadow');
      const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
      expect(push.code).toBe(1);
      // What to do, not only what failed (a daily-use review of 2026-12-08).
      expect(push.json.error).toMatchObject({
        code: 'network',
        message: expect.stringMatching(
          /^nothing was pushed to bob: try again once their relay answers; if it moved, check the address with bob, then `alive-p2p relay accept bob --url URL`: cannot reach the relay /,
        ),
      });
      const status = await run(alice, ['status', '--json']);
      expect(status.json.peers.find((p: any) => p.login === 'bob')).toMatchObject({ key: 'ok', relay_key: 'unchecked', reachable: false });
      expect(status.json.ok).toBe(true); // a problem found is status's result, not its failure
      expect(status.json.problems.join('\n')).toMatch(/bob's relay .*(did not answer|unreachable)/);
      const human = await run(alice, ['status']);
      const row = bobRow(human.stdout);
      expect(row).toMatch(/unreachable/);
      expect(row).not.toMatch(/key ok/);
      expect(row).toMatch(/key pinned, not checked: relay unreachable/);
      expect(human.stdout).toMatch(/problem: bob's relay/);
    } finally {
      renameSync(`${bob.url}.away`, bob.url);
    }
  });

  it('never says key ok next to a key that changed on their relay, reachable or not', async () => {
    rmSync(bob.paths.privateKey);
    rmSync(bob.paths.publicKey);
    writeTestKeys(bob.paths);
    expect((await run(bob, ['setup', '--json'])).code).toBe(0);
    expect((await run(alice, ['add-peer', 'bob', '--name', 'Bob'])).code).toBe(0); // a relay command: state stale
    const changed = await run(alice, ['status']);
    expect(bobRow(changed.stdout)).toMatch(/KEY CHANGED ON THEIR RELAY/);
    expect(bobRow(changed.stdout)).not.toMatch(/key ok/);

    renameSync(bob.url, `${bob.url}.away`);
    try {
      expect((await run(alice, ['add-peer', 'bob', '--name', 'Bob'])).code).toBe(0);
      const status = await run(alice, ['status', '--json']);
      expect(status.json.peers.find((p: any) => p.login === 'bob')).toMatchObject({ relay_key: 'changed', reachable: false });
      const human = await run(alice, ['status']);
      const row = bobRow(human.stdout);
      expect(row).toMatch(/KEY CHANGED ON THEIR RELAY/);
      expect(row).toMatch(/unreachable/);
      expect(row).not.toMatch(/key ok/);
    } finally {
      renameSync(`${bob.url}.away`, bob.url);
    }
  });
});

describe('relay status when your own relay does not answer', () => {
  // cli.md: a --json object with `ok: false` is a failure, with an `error` object and exit 1. Status
  // reports what it found, problems included: that is its result (ok: true, exit 0), in text as in --json.
  it('says so in problems rather than passing the counts from before off as fresh, and still succeeds', async () => {
    const carol = await relayUser(base.dir, 'carol');
    const ok = await run(carol, ['status', '--json']);
    expect(ok.json).toMatchObject({ ok: true, problems: [] });
    renameSync(carol.url, `${carol.url}.away`);
    try {
      expect((await run(carol, ['add-peer', 'bob', '--url', bob.url])).code).toBe(0); // a relay command: state stale
      const r = await run(carol, ['status', '--json']);
      expect(r.code).toBe(0);
      expect(r.json.state.last_error).toBeTruthy();
      expect(r.json.ok).toBe(true);
      expect(r.json.error).toBeUndefined();
      expect(r.json.problems.join('\n')).toMatch(/your relay could not be read.*out of date/);
      const human = await run(carol, ['status', '--offline']);
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/^problem: your relay could not be read/m);
    } finally {
      renameSync(`${carol.url}.away`, carol.url);
    }
    // It said to run status again once the relay answers: that run checks again, whatever the age.
    const again = await run(carol, ['status', '--json']);
    expect(again.json).toMatchObject({ ok: true, probed: true, problems: [] });
    expect(again.json.state.last_error).toBeNull();
  });
});

describe('relay status and a peer relay that answers without a readable key', { shuffle: false }, () => {
  it('does not say key ok, keeps the key change, and names the missing key as a problem', async () => {
    // After the tests above, bob's relay publishes a key other than the one alice pinned.
    const changed = await run(alice, ['status', '--json']);
    expect(changed.json.peers.find((p: any) => p.login === 'bob')).toMatchObject({ relay_key: 'changed' });
    const now = Math.floor(Date.now() / 1000);
    gitIn(
      bob.url,
      ['fast-import', '--quiet'],
      `commit refs/heads/main\ncommitter m <m@m> ${now} +0000\ndata 2\nrm\nfrom refs/heads/main^0\nD keys/bob.pem\n\n`,
    );
    expect((await run(alice, ['add-peer', 'bob', '--name', 'Bob'])).code).toBe(0); // a relay command: state stale
    const status = await run(alice, ['status', '--json']);
    expect(status.json.state.peer_reachability.bob).toMatchObject({ reachable: true, key_read: false });
    // The change seen before is not forgotten because the key could not be read this time.
    expect(status.json.peers.find((p: any) => p.login === 'bob')).toMatchObject({ relay_key: 'changed', reachable: true });
    expect(status.json.ok).toBe(true);
    expect(status.json.problems.join('\n')).toMatch(/bob's relay answers but publishes no readable key \(keys\/bob\.pem\)/);
    const human = await run(alice, ['status', '--offline']);
    expect(bobRow(human.stdout)).not.toMatch(/key ok/);
    expect(human.stdout).toMatch(/^problem: bob's relay answers but publishes no readable key/m);
  });

  it('says unchecked, not ok, when no key change was seen before', async () => {
    const dave = await relayUser(base.dir, 'dave');
    const erin = await relayUser(base.dir, 'erin');
    await pair(dave, erin);
    const now = Math.floor(Date.now() / 1000);
    gitIn(
      erin.url,
      ['fast-import', '--quiet'],
      `commit refs/heads/main\ncommitter m <m@m> ${now} +0000\ndata 2\nrm\nfrom refs/heads/main^0\nD keys/erin.pem\n\n`,
    );
    expect((await run(dave, ['add-peer', 'erin', '--name', 'Erin'])).code).toBe(0);
    const status = await run(dave, ['status', '--json']);
    expect(status.json.peers.find((p: any) => p.login === 'erin')).toMatchObject({ key: 'ok', relay_key: 'unchecked', reachable: true });
    expect(status.json.problems.join('\n')).toMatch(/erin's relay answers but publishes no readable key \(keys\/erin\.pem\).*pushes to erin are refused/);
    const human = await run(dave, ['status', '--offline']);
    const row = human.stdout.split('\n').find((l) => /^\s+erin\s/.test(l)) ?? '';
    expect(row).not.toMatch(/key ok/);
    expect(row).toMatch(/key pinned, not checked/);
    // And push does refuse.
    const push = await run(dave, ['push', await walnutPackage(dave, 'meadow'), '--to', 'erin', '--json']);
    expect(push.code).toBe(1);
  });
});

describe('relay status after a check that failed', () => {
  it('dates the figures to the last check that read them, not to the failed one (as_of, age_seconds)', async () => {
    const carol = await relayUser(base.dir, 'carol');
    await pair(alice, carol);
    const pkg = await walnutPackage(alice, 'heath');
    expect((await run(alice, ['push', pkg, '--to', 'carol'])).code).toBe(0);
    const read = await run(carol, ['status', '--json']);
    expect(read.json.state).toMatchObject({ pending_packages: 1, last_error: null });
    const readAt = read.json.as_of;
    expect(readAt).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 1100)); // as_of counts seconds
    renameSync(carol.url, `${carol.url}.away`);
    try {
      // The SessionStart hook's probe finds the relay gone; status then shows what it wrote.
      await run(carol, ['--json'], relayProbeCommand);
      const failed = await run(carol, ['status', '--offline', '--json']);
      expect(failed.json.state.last_error).toMatch(/./);
      // One package waits, as read at readAt: the failed check read nothing.
      expect(failed.json.state.pending_packages).toBe(1);
      expect(failed.json.as_of).toBe(readAt);
      expect(failed.json.age_seconds).toBeGreaterThanOrEqual(1);
    } finally {
      renameSync(`${carol.url}.away`, carol.url);
    }
  });
});
