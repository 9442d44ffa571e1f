/**
 * Issue 11, "The relay cannot be poisoned, replayed or hijacked by a peer": two users over bare
 * git repositories, in-process, with a third party (mallory) who has write access to bob's relay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { bareFiles, commitToBare, tempDir, writeTestKeys } from './helpers.ts';
import { fixtureRelayUser, pair, passphrasePackage, relayUser, run, walnutPackage, asUser, type RelayUser } from './in-process.ts';
import { acquirePullLock } from '../../scripts/lib/relay/pull-lock.ts';
import { relayProbeCommand } from '../../scripts/lib/relay/commands/relay-probe.ts';
import { relayPaths } from '../../scripts/lib/relay/paths.ts';
import { pinnedSignerKeyPath, receiveCrypto } from '../../scripts/lib/receive/crypto.ts';
import { relayPinFor } from '../../scripts/lib/receive/relay-pin.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { signManifestText } from '../../scripts/lib/crypto/sign.ts';
import { loadPrivateKey } from '../../scripts/lib/crypto/keys.ts';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { isolateProcessGit } from './git-env.ts';
import { cliAsync } from './cli.ts';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('trust');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

/** Commits `files` (path → bytes) straight into a bare relay, as someone with write access would. */
const commitInto = commitToBare;

function inbox(relay: string): string[] {
  return [...bareFiles(relay).keys()].filter((p) => p.startsWith('inbox/'));
}

describe('replay: a package is identified by its signed content', () => {
  it('a delivered package taken from relay history, re-gzipped and put back, is a duplicate, not a second package', async () => {
    const pkg = await walnutPackage(alice, 'orchard');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const original = Buffer.from(spawnSync('git', ['cat-file', 'blob', `main:${push.json.path}`], { cwd: bob.url }).stdout);
    const first = await run(bob, ['pull', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.received).toHaveLength(1);

    // The same bytes, re-compressed: a different file, the same signed content.
    const recompressed = gzipSync(gunzipSync(original), { level: 1 });
    expect(recompressed.equals(original)).toBe(false);
    commitInto(bob.url, { 'inbox/alice/orchard-20990101-000000-aaaaaaaa.walnut': recompressed });
    const second = await run(bob, ['pull', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json.received).toEqual([]);
    expect(second.json.duplicates).toEqual([
      expect.objectContaining({ from: 'alice', name: 'orchard-20990101-000000-aaaaaaaa.walnut', first: first.json.received[0].path }),
    ]);
    expect(inbox(bob.url)).toEqual([]);
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.startsWith('orchard'))).toHaveLength(1);

    // The world's imports.json knows it by the same identity: the re-compressed copy is refused.
    const world = join(base.dir, 'bob-world');
    mkdirSync(join(world, '.alive'), { recursive: true });
    const copy = join(base.dir, 'orchard-recompressed.walnut');
    writeFileSync(copy, recompressed);
    await asUser(bob, async () => {
      const opts = { world, maxBytes: 1 << 30, env: process.env, crypto: receiveCrypto(undefined, process.env, relayPinFor) };
      const got = await receivePackage({ ...opts, packagePath: first.json.received[0].path });
      expect(got.signature).toMatchObject({ verified: true, signer: 'alice' });
      const ledger = JSON.parse(readFileSync(join(world, '.alive', 'imports.json'), 'utf8'));
      expect(ledger.imports[0].identity).toMatch(/^[0-9a-f]{64}$/);
      await expect(receivePackage({ ...opts, packagePath: copy })).rejects.toMatchObject({ code: 'duplicate' });
    });
  });

  it("a copy of a delivery under another sender's folder never hides the delivery: each is checked on its own", async () => {
    const pkg = await walnutPackage(alice, 'copied');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const blob = Buffer.from(spawnSync('git', ['cat-file', 'blob', `main:${push.json.path}`], { cwd: bob.url }).stdout);
    // Someone with write access copies the very same blob under folders sorting before and after alice's.
    commitInto(bob.url, { [`inbox/a/${push.json.name}`]: blob, [`inbox/zz/${push.json.name}`]: blob });
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code).toBe(1);
    expect(pull.json.error.code).toBe('unverified');
    const byFrom = Object.fromEntries(pull.json.received.map((r: any) => [r.from, r]));
    expect(Object.keys(byFrom).sort()).toEqual(['a', 'alice']);
    expect(byFrom.alice).toMatchObject({ verified: true, path: join(bob.paths.inbox, 'alice', push.json.name) });
    expect(byFrom.a).toMatchObject({ verified: false, path: join(bob.paths.inbox, 'a', 'unverified', push.json.name) });
    // zz is not a peer either: the same unverified bytes, saved once (pull-copies.test.ts).
    expect(pull.json.duplicates).toEqual([{ from: 'zz', name: push.json.name, first: byFrom.a.path, verified: false, untrusted: { file: push.json.name } }]);
    expect(inbox(bob.url)).toEqual([]);

    // The same blob put back under alice's folder: already received (verified, from alice), so it is
    // listed as a duplicate, removed from the relay and not saved again.
    commitInto(bob.url, { 'inbox/alice/copied-20990101-000000-cccccccc.walnut': blob });
    const again = await run(bob, ['pull', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.received).toEqual([]);
    const copied = 'copied-20990101-000000-cccccccc.walnut';
    expect(again.json.duplicates).toEqual([{ from: 'alice', name: copied, first: byFrom.alice.path, verified: true, untrusted: { file: copied } }]);
    expect(inbox(bob.url)).toEqual([]);
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.startsWith('copied'))).toEqual([push.json.name]);
    const human = await (async () => {
      commitInto(bob.url, { 'inbox/alice/copied-20990101-000000-dddddddd.walnut': blob });
      return run(bob, ['pull']);
    })();
    expect(human.stdout).toMatch(/^Duplicate from alice: a package you already received; removed from the relay/m);
    expect(human.stdout).not.toContain('copied-');
  });

  it('two packages of the same files made in the same second, of two walnuts or with two descriptions, are two packages', async () => {
    // Identical files in two walnuts, and one walnut packed twice with other descriptions, all with
    // one created stamp: only the walnut's name, or the description, tells them apart.
    const now = new Date('2026-12-06T04:13:09Z');
    const made: string[] = [];
    for (const [name, walnutName, description] of [
      ['twin-a', 'twin-alpha', undefined],
      ['twin-b', 'twin-beta', undefined],
      ['twin-c', 'twin-alpha', 'for the garden club'],
    ] as const) {
      const walnut = join(alice.root, 'twins', name, walnutName);
      mkdirSync(join(walnut, '_kernel'), { recursive: true });
      writeFileSync(join(walnut, '_kernel', 'key.md'), '# new walnut\n');
      const output = join(alice.root, `${name}.walnut`);
      await createPlainPackage({ walnut, scope: 'full', bundles: [], output, allowSensitive: false, now, ...(description ? { description } : {}) });
      const push = await run(alice, ['push', output, '--to', 'bob', '--json']);
      expect(push.code, push.stderr).toBe(0);
      made.push(push.json.name);
    }
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json.duplicates).toEqual([]);
    expect(pull.json.received.map((r: { name: string }) => r.name).sort()).toEqual([...made].sort());
  });

  it('the same package pushed again (re-encrypted and re-signed) is a duplicate too', async () => {
    const pkg = await walnutPackage(alice, 'hedge');
    expect((await run(alice, ['push', pkg, '--to', 'bob'])).code).toBe(0);
    // As from another machine of alice's: without her record of the first push, it is delivered again.
    rmSync(join(alice.paths.dir, 'pushed.json'));
    const again = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.already_waiting).toBe(false);
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json.received).toHaveLength(1);
    expect(pull.json.duplicates).toHaveLength(1);
  });
});

describe("a peer replacing the owner's key in the owner's relay", () => {
  it('probe, status and pull compare the relay copy with keys/public.pem and say so loudly', async () => {
    const carol = await fixtureRelayUser(base.dir, 'carol');
    const mallory = writeTestKeys(relayPaths(join(base.dir, 'mallory-keys')));
    commitInto(carol.url, { 'keys/carol.pem': mallory.publicKeyPem });

    const probe = await run(carol, ['--json'], relayProbeCommand);
    expect(probe.code).toBe(0);
    expect(probe.json.own_key).toMatchObject({ status: 'changed' });
    const human = await run(carol, [], relayProbeCommand);
    expect(human.stderr).toMatch(/WARNING: the key published in your relay .* is NOT your key/);

    const status = await run(carol, ['status', '--json']);
    expect(status.json.own_key).toBe('changed');
    expect(status.json.problems.join('\n')).toMatch(/NOT your key/);
    const pull = await run(carol, ['pull']);
    expect(pull.stderr).toMatch(/NOT your key/);

    // setup publishes the right key again; the warning goes away.
    expect((await run(carol, ['setup', '--json'])).code).toBe(0);
    const again = await run(carol, ['--json'], relayProbeCommand);
    expect(again.json.own_key).toMatchObject({ status: 'ok' });
  });
});

describe('pinned keys and signer labels', () => {
  it('a signature labelled Alice is checked against the pinned key of alice, and a forged one refused', async () => {
    const forger = writeTestKeys(relayPaths(join(base.dir, 'forger')));
    const text = 'format_version: 2.0.0\nscope: full\ncreated: 2026-01-01T00:00:00Z\nencrypted: false\nfiles: []\n';
    const forged = signManifestText(text, loadPrivateKey(relayPaths(join(base.dir, 'forger')).privateKey), 'Alice');
    const genuine = signManifestText(text, loadPrivateKey(alice.paths.privateKey), 'ALICE');
    await asUser(bob, async () => {
      expect(pinnedSignerKeyPath('Alice', process.env)).toBe(join(bob.paths.peersKeyDir, 'alice.pem'));
      const crypto = receiveCrypto(undefined, process.env, relayPinFor);
      expect(crypto.verifyManifest!(forged)).toMatchObject({ present: true, ok: false });
      expect(crypto.verifyManifest!(genuine)).toMatchObject({ present: true, ok: true });
    });
    expect(forger.publicKeyPem).not.toBe('');
  });
});

describe('accept --fingerprint', () => {
  it('refuses a key that does not match and pins nothing; accepts the right one in either notation', async () => {
    const dave = await fixtureRelayUser(base.dir, 'dave');
    const erin = await fixtureRelayUser(base.dir, 'erin');
    const shown = (await run(erin, ['status', '--json', '--offline'])).json.fingerprint as string;
    expect(shown).toMatch(/^SHA256:([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    const wrong = `SHA256:${'0000:'.repeat(15)}0000`;
    const bad = await run(dave, ['accept', 'erin', '--url', erin.url, '--fingerprint', wrong, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'fingerprint_mismatch' }, fingerprint: shown });
    expect(existsSync(join(dave.paths.peersKeyDir, 'erin.pem'))).toBe(false);
    expect(JSON.parse(readFileSync(dave.paths.config, 'utf8')).peers).toEqual([]);

    const plainHex = shown.replace('SHA256:', '').replaceAll(':', '').toUpperCase();
    const good = await run(dave, ['accept', 'erin', '--url', erin.url, '--fingerprint', plainHex, '--json']);
    expect(good.code, good.stderr).toBe(0);
    expect(good.json.accepted[0]).toMatchObject({ peer: 'erin', fingerprint: shown, checked: true });
    const human = await run(dave, ['status', '--offline']);
    expect(human.stdout).toContain(shown);
    expect((await run(dave, ['accept', 'erin', '--fingerprint', 'abc'])).code).toBe(2);
    // Pinned anew with the fingerprint given and matched: no "check this fingerprint" after it (a review of 2026-12-08).
    expect((await run(dave, ['remove-peer', 'erin'])).code).toBe(0);
    const said = await run(dave, ['accept', 'erin', '--url', erin.url, '--fingerprint', plainHex]);
    expect(said.code, said.stderr).toBe(0);
    expect(said.stdout).toContain('It matches the fingerprint you gave.');
    expect(said.stdout).not.toContain('Check this fingerprint');
  });
});

describe('pull', () => {
  it('one pull at a time per ALIVE_HOME; a lock left by a dead process is taken over', async () => {
    const lockPath = join(bob.paths.dir, 'pull.lock');
    const held = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(held.stdout.toString());
    writeFileSync(lockPath, JSON.stringify({ pid: deadPid, started: 'then' }));
    expect((await run(bob, ['pull', '--json'])).code).toBe(0);
    expect(existsSync(lockPath)).toBe(false);

    const child = spawn('sleep', ['30']); // a live holder
    try {
      writeFileSync(lockPath, JSON.stringify({ pid: child.pid, started: 'now' }));
      const busy = await run(bob, ['pull', '--json']);
      expect(busy.code).toBe(1);
      expect(busy.json).toMatchObject({ ok: false, error: { code: 'busy' } });
      expect(readFileSync(lockPath, 'utf8')).toContain(String(child.pid));
    } finally {
      child.kill('SIGKILL');
    }
    writeFileSync(lockPath, JSON.stringify({ pid: 999999999, started: 'gone' }));
    const lock = acquirePullLock(lockPath);
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('two pulls started at once never keep two copies of one delivery', async () => {
    const pkg = await walnutPackage(alice, 'racer');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const [a, b] = await Promise.all([cliAsync(bob, 'alive-p2p', ['relay', 'pull', '--json']), cliAsync(bob, 'alive-p2p', ['relay', 'pull', '--json'])]);
    const outcomes = [a, b].map((r) => (r.status === 0 ? 'ok' : r.json.error?.code));
    expect(
      outcomes.every((o) => o === 'ok' || o === 'busy'),
      JSON.stringify([a.stderr, b.stderr]),
    ).toBe(true);
    const copies = readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.startsWith(push.json.name.replace(/\.walnut$/, '')));
    expect(copies).toEqual([push.json.name]);
    expect(inbox(bob.url)).toEqual([]);
  });

  it('--max-size: a larger package is not downloaded, stays on the relay, and the reason is given', async () => {
    const pkg = await walnutPackage(alice, 'bulky');
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    const capped = await run(bob, ['pull', '--max-size', '100', '--json']);
    expect(capped.code).toBe(1);
    expect(capped.json.failed).toEqual([
      expect.objectContaining({ name: push.json.name, code: 'too_large', error: expect.stringMatching(/larger than 100 bytes \(--max-size\)/) }),
    ]);
    expect(inbox(bob.url)).toEqual([push.json.path]);
    expect(readdirSync(join(bob.paths.inbox, 'alice')).filter((f) => f.includes('bulky') || f.includes('.part'))).toEqual([]);
    const normal = await run(bob, ['pull', '--json']);
    expect(normal.json.received).toEqual([expect.objectContaining({ name: push.json.name, verified: true })]);
    expect((await run(bob, ['pull', '--max-size', 'lots'])).code).toBe(2);
  });

  it('a signed passphrase package pulled without WALNUT_PASSPHRASE is verified (signature and payload hash), not filed as unverified', async () => {
    // Nothing here decrypts the package: it is sealed with a test-only round count (the knob).
    setPbkdf2IterationsForTests(1000);
    const pkg = await passphrasePackage(alice, 'locked', 'correct horse battery staple').finally(() => setPbkdf2IterationsForTests(undefined));
    const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(push.code, push.stderr).toBe(0);
    expect(push.json.re_encrypted).toBe(false);
    // Its passphrase opens it, not bob's key: push says who needs it (a daily-use review of 2026-12-08).
    expect(push.json.note).toBe('sealed with its passphrase only: bob needs the passphrase from you, by another channel, to receive it');

    // Two altered copies, waiting beside it (their names sort first, so pull checks them before it):
    // its payload changed after signing; the signed manifest and payload intact, with an entry added
    // beside them, which receive refuses (only manifest.yaml and payload files belong there).
    const blob = Buffer.from(spawnSync('git', ['cat-file', 'blob', `${push.json.commit}:${push.json.path}`], { cwd: alice.paths.clone }).stdout);
    expect(blob.length).toBeGreaterThan(0);
    const { tamperPayload, addEntry } = await import('./tamper.ts');
    commitInto(bob.url, {
      'inbox/alice/a-locked-20990101-000000-bbbbbbbb.walnut': await tamperPayload(blob, join(base.dir, 'tamper')),
      'inbox/alice/b-locked-20990101-000000-cccccccc.walnut': await addEntry(blob, join(base.dir, 'extra'), 'run.sh', 'echo hi\n'),
    });
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code).toBe(1);
    const byName = (prefix: string) => pull.json.received.find((r: { name: string }) => r.name.startsWith(prefix));
    expect(byName('locked-')).toEqual(
      expect.objectContaining({ name: push.json.name, verified: true, signer: 'alice', problems: [], note: expect.stringMatching(/without decrypting/) }),
    );
    expect(byName('locked-').path).toBe(join(bob.paths.inbox, 'alice', push.json.name));
    const bad = byName('a-locked-');
    expect(bad).toMatchObject({ verified: false });
    expect(bad.problems.join(' ')).toMatch(/payload\.enc does not match/);
    expect(bad.path).toContain(join('alice', 'unverified'));
    const extra = byName('b-locked-');
    expect(extra).toMatchObject({ verified: false });
    expect(extra.problems.join(' ')).toMatch(/run\.sh/);

    // Once it is received, an altered copy of it is known by its signed manifest: a duplicate,
    // not read past that manifest.
    commitInto(bob.url, { 'inbox/alice/c-locked-20990101-000000-dddddddd.walnut': await tamperPayload(blob, join(base.dir, 'tamper2')) });
    const again = await run(bob, ['pull', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.duplicates).toEqual([expect.objectContaining({ from: 'alice', first: byName('locked-').path })]);
  });

  it('without a relay, pull --json prints one failure object', async () => {
    const nobody = { ...bob, env: { ...bob.env, ALIVE_HOME: join(base.dir, 'nobody') } };
    const r = await run(nobody, ['pull', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
  });
});
