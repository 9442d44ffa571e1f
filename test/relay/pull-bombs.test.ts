/**
 * Small packages that expand to a lot (gzip of zeros: 4.3 MB for 4 GiB), left in a relay by anyone
 * who can write to it (the reviewer's gzbomb-pull.sh). pull expanded and hashed each package it
 * took, up to 200 a pull, even one that could never verify: in a folder that is no pinned peer's
 * (no key to check it with), or unsigned under a pinned peer's folder. Now:
 * - a package with no pinned key for its folder is not opened at all: saved as unverified (its
 *   download still size-capped), with a note that it was not read;
 * - under a pinned peer's folder the manifest is read first and checked, and nothing after it is
 *   read unless its signature verifies; what comes before it is bounded (1 MiB: alive writes the
 *   manifest first); a passphrase package's payload is hashed only once its signature verified;
 * - a package whose signed manifest is one already received is a duplicate, known from the
 *   manifest (a replay of a pinned peer's package, re-gzipped, with junk after it, is not read on);
 * - what is expanded is counted against a per-pull budget; past it the rest waits on the relay.
 * The sizes here are small (2 MiB of zeros, past a --max-size of 1 MiB or the 1 MiB read before a
 * manifest: each bomb passes the bound it is refused at, which is all its size has to show); the
 * caps are lowered with setPullLimitsForTests.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { serializeManifest } from '../../scripts/lib/package/manifest.ts';
import { signManifestText } from '../../scripts/lib/crypto/sign.ts';
import { loadPrivateKey } from '../../scripts/lib/crypto/keys.ts';
import { setPullLimitsForTests } from '../../scripts/lib/relay/pull-limits.ts';
import { isolateProcessGit } from './git-env.ts';
import { commitToBare, git, tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';

const MiB = 1024 * 1024;
let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let n = 0;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pull-bombs');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());
afterEach(() => setPullLimitsForTests(undefined));

const HEX = 'ab'.repeat(32);

/** A 2.0 manifest listing one file of `size` bytes (its checksum is not the zeros': nothing gets that far). */
function manifestOf(size: number, extra: { encrypted?: boolean; payloadSha256?: string } = {}): string {
  return serializeManifest({
    walnut: 'bomb',
    scope: 'full',
    created: '2026-01-01T00:00:00Z',
    encrypted: extra.encrypted ?? false,
    files: [{ path: 'notes/zeros.bin', sha256: HEX, size }],
    pluginVersion: '2.0.0',
    ...(extra.payloadSha256 ? { payloadSha256: extra.payloadSha256 } : {}),
  });
}

/** A package of `zeros` bytes of zeros (a few KB gzip'd): `first` decides whether they come before the manifest. */
async function bomb(zeros: number, opts: { first?: boolean; passphrase?: boolean; sign?: (text: string) => string } = {}): Promise<Buffer> {
  const out = join(base.dir, `bomb-${n++}.walnut`);
  const text = opts.passphrase ? manifestOf(zeros, { encrypted: true, payloadSha256: HEX }) : manifestOf(zeros);
  const manifest = Buffer.from(opts.sign ? opts.sign(text) : text);
  const body = Buffer.alloc(zeros);
  const name = opts.passphrase ? 'payload.enc' : opts.first ? 'README.md' : 'notes/zeros.bin';
  await writeTarGz(out, async (tar) => {
    const entry = { path: name, size: body.length, mode: 0o644, mtimeSec: 1_700_000_000 };
    if (opts.first) await tar.addFile(entry, body);
    await tar.addFile({ path: 'manifest.yaml', size: manifest.length, mode: 0o644, mtimeSec: 1_700_000_000 }, manifest);
    if (!opts.first) await tar.addFile(entry, body);
  });
  return readFileSync(out);
}

function received(pull: { json: Record<string, any> }, name: string) {
  return pull.json.received.find((r: { name: string }) => r.name === name);
}

describe('a package in a folder with no pinned key is saved unread', () => {
  it('a plain package that expands past --max-size: not expanded (no too_large problem), a note says it was not opened', async () => {
    const name = 'gift-20260101-000000-00000001.walnut';
    commitToBare(alice.url, { [`inbox/junk00/${name}`]: await bomb(2 * MiB) });
    const pull = await run(alice, ['pull', '--max-size', String(MiB), '--json']);
    expect(pull.code).toBe(1);
    const r = received(pull, name);
    expect(r, JSON.stringify(pull.json)).toMatchObject({ from: 'junk00', verified: false, signer: null });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^the sender is not one of your peers/);
    expect(r.note).toMatch(/not opened/);
    const text = await run(alice, ['pull']);
    expect(text.stdout).toBe('No packages are waiting.\n');
  });

  it('a passphrase package whose payload does not match: not hashed either', async () => {
    const name = 'locked-20260101-000000-00000002.walnut';
    commitToBare(alice.url, { [`inbox/junk01/${name}`]: await bomb(2 * MiB, { passphrase: true }) });
    const pull = await run(alice, ['pull', '--json']);
    const r = received(pull, name);
    expect(r, JSON.stringify(pull.json)).toMatchObject({ verified: false });
    expect(r.problems.join('\n')).not.toMatch(/payload\.enc does not match/);
    expect(r.note).toMatch(/not opened/);
  });
});

describe("a package under a pinned peer's folder is read past its manifest only once its signature verifies", () => {
  it('entries before the manifest are bounded: a bomb first is refused at its header, not expanded', async () => {
    const name = 'early-20260101-000000-00000003.walnut';
    commitToBare(alice.url, { [`inbox/bob/${name}`]: await bomb(2 * MiB, { first: true }) });
    const pull = await run(alice, ['pull', '--json']);
    const r = received(pull, name);
    expect(r, JSON.stringify(pull.json)).toMatchObject({ from: 'bob', verified: false });
    expect(r.problems.join('\n')).toMatch(/before its manifest/);
  });

  it('an unsigned passphrase package: its payload is not hashed', async () => {
    const name = 'locked-20260101-000000-00000004.walnut';
    commitToBare(alice.url, { [`inbox/bob/${name}`]: await bomb(2 * MiB, { passphrase: true }) });
    const pull = await run(alice, ['pull', '--json']);
    const r = received(pull, name);
    expect(r, JSON.stringify(pull.json)).toMatchObject({ from: 'bob', verified: false });
    expect(r.problems).toContain('the package is not signed');
    expect(r.problems.join('\n')).not.toMatch(/payload\.enc does not match/);
  });

  it("signed with bob's key under another name: it cannot verify, so it is not read past its manifest", async () => {
    const name = 'renamed-20260101-000000-00000006.walnut';
    const sign = (text: string) => signManifestText(text, loadPrivateKey(bob.paths.privateKey), 'mallory');
    commitToBare(alice.url, { [`inbox/bob/${name}`]: await bomb(2 * MiB, { sign }) });
    const pull = await run(alice, ['pull', '--max-size', String(MiB), '--json']);
    const r = received(pull, name);
    // The name it gives is not verified: under untrusted, as its problem says.
    expect(r, JSON.stringify(pull.json)).toMatchObject({ from: 'bob', verified: false, signer: null, untrusted: { signer: 'mallory' } });
    expect(r.problems).toEqual(['signed under another name than bob (the name it gives is shown as untrusted data)']);
  });

  it("a replay of bob's package (its signed manifest) with junk after it is a duplicate, known from the manifest", async () => {
    const pkg = await walnutPackage(bob, 'replayed');
    const push = await run(bob, ['push', pkg, '--to', 'alice', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const sealed = join(base.dir, 'sealed');
    mkdirSync(sealed);
    writeFileSync(join(sealed, 'p.walnut'), spawnSync('git', ['show', `main:${push.json.path}`], { cwd: alice.url }).stdout);
    const first = await run(alice, ['pull', '--json']);
    expect(first.json.received[0]).toMatchObject({ from: 'bob', verified: true });

    // The same manifest and payload.key, then 2 MiB of zeros for payload.enc, gzip'd anew.
    spawnSync('tar', ['-xzf', join(sealed, 'p.walnut'), '-C', sealed]);
    writeFileSync(join(sealed, 'payload.enc'), Buffer.alloc(2 * MiB));
    const replay = join(sealed, 'replay.walnut');
    spawnSync('tar', ['-czf', replay, '-C', sealed, 'manifest.yaml', 'payload.key', 'payload.enc']);
    const name = 'replayed-20260101-000000-00000005.walnut';
    commitToBare(alice.url, { [`inbox/bob/${name}`]: readFileSync(replay) });
    const pull = await run(alice, ['pull', '--json']);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.json.received).toEqual([]);
    expect(pull.json.duplicates).toEqual([expect.objectContaining({ from: 'bob', name, first: first.json.received[0].path })]);
    expect(git(['ls-tree', '-r', '--name-only', 'main'], alice.url)).not.toContain(name);
  });
});

describe('one pull expands at most its budget of package contents', () => {
  it("past it, a pinned peer's next package waits on the relay (the first is always taken), and pull says so", async () => {
    // Three packages: each pull takes one; the second, in words, leaves the third and says so.
    for (const name of ['one', 'two', 'three']) {
      expect((await run(bob, ['push', await walnutPackage(bob, `budget-${name}`), '--to', 'alice', '--json'])).code).toBe(0);
    }
    setPullLimitsForTests({ expandedBytes: 10 });
    const first = await run(alice, ['pull', '--json']);
    expect(first.json.received).toEqual([expect.objectContaining({ from: 'bob', verified: true })]);
    expect(first.json.deferred).toBe(2);
    expect(first.json.pull_limits.expanded_bytes).toBe(10);
    const second = await run(alice, ['pull']);
    expect(second.stdout).toMatch(/Received from bob/);
    expect(second.stderr).toMatch(/1 package was left on the relay, untouched: one pull takes at most .* of package contents checked/s);
    const third = await run(alice, ['pull', '--json']);
    expect(third.json.received).toEqual([expect.objectContaining({ from: 'bob', verified: true })]);
    expect(third.json.deferred).toBe(0);
  });
});
