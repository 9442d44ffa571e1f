/**
 * Surreptitious forwarding through the relay (the reviewer's forward.sh), over real bare
 * repositories: bob pushes a package to carol (encrypted to her key, signed by bob); carol unwraps
 * its payload.key with her key, wraps the same key ‖ IV for alice's published key (openssl, as by
 * hand), and commits it into alice's relay as inbox/bob/…, which any peer alice invited can write.
 * alice's pull filed it as verified, from bob, and receive logged "sender bob (verified signature)".
 * The signed manifest now names the key bob sealed it for: alice's pull keeps it apart as
 * unverified and says why, and receive refuses it (wrong_recipient), writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { fingerprint, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { isolateProcessGit } from './git-env.ts';
import { bareFiles, commitToBare, git, tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
let carol: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('forwarding');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  carol = await relayUser(base.dir, 'carol');
  await pair(alice, bob);
  await pair(bob, carol);
});
afterAll(() => base.cleanup());

const OAEP = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256'];

function sh(cmd: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync(cmd, args, { input });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** What carol does by hand: payload.key unwrapped with her key and wrapped for `toPem`; the rest kept as it is. */
function forward(pkg: string, toPem: string): Buffer {
  const dir = join(base.dir, 'rewrap');
  mkdirSync(dir, { recursive: true });
  sh('tar', ['-xzf', pkg, '-C', dir]);
  const keyIv = sh('openssl', ['pkeyutl', '-decrypt', '-inkey', carol.paths.privateKey, ...OAEP], readFileSync(join(dir, 'payload.key')));
  writeFileSync(join(dir, 'alice.pem'), readFileSync(toPem));
  writeFileSync(join(dir, 'payload.key'), sh('openssl', ['pkeyutl', '-encrypt', '-pubin', '-inkey', join(dir, 'alice.pem'), ...OAEP], keyIv));
  const out = join(base.dir, 'forged.walnut');
  sh('tar', ['--format=ustar', '--owner=0', '--group=0', '-czf', out, '-C', dir, 'manifest.yaml', 'payload.key', 'payload.enc']);
  return readFileSync(out);
}

describe('a package bob sent carol, forwarded by carol into alice’s relay under inbox/bob/', () => {
  let saved: string;

  it('pull keeps it apart as unverified and names the problem: it was sealed for another key', async () => {
    const pkg = await walnutPackage(bob, 'for-carol-only');
    expect((await run(bob, ['push', pkg, '--to', 'carol', '--json'])).code).toBe(0);
    const got = await run(carol, ['pull', '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.json.received[0]).toMatchObject({ from: 'bob', verified: true });

    // alice's public key, as her relay publishes it to anyone who can read it.
    const alicePem = join(base.dir, 'alice-published.pem');
    writeFileSync(alicePem, git(['show', 'main:keys/alice.pem'], alice.url));
    const name = 'for-carol-only-20260101-000000-deadbeef.walnut';
    commitToBare(alice.url, { [`inbox/bob/${name}`]: forward(got.json.received[0].path, alicePem) }, 'deposit');

    const pull = await run(alice, ['pull', '--json']);
    expect(pull.code).toBe(1);
    expect(pull.json.error.code).toBe('unverified');
    const r = pull.json.received[0];
    expect(r).toMatchObject({ from: 'bob', verified: false });
    expect(r.path).toBe(join(alice.paths.inbox, 'bob', 'unverified', name));
    expect(r.problems.join('\n')).toMatch(/encrypted to other keys than the one that opened it/);
    expect(r.problems.join('\n')).toMatch(/forwarded/);
    expect(readdirSync(join(alice.paths.inbox, 'bob')).filter((f) => f.endsWith('.walnut'))).toEqual([]);
    expect([...bareFiles(alice.url).keys()].filter((p) => p.startsWith('inbox/'))).toEqual([]);
    saved = r.path;

    const text = await run(alice, ['pull']);
    expect(text.code).toBe(0); // nothing left: the text run is of an empty relay
  });

  // carol's key is the one the signed manifest names, and its payload.key is now wrapped for alice's:
  // extract said "encrypted for someone else: pass the key whose public half the sender used",
  // which sent her looking for another key she does not have.
  it('extract with the key the manifest names says its payload.key was wrapped again (or damaged), not that it is for someone else', async () => {
    const out = join(base.dir, 'carol-extract');
    const r = await run(carol, [saved, '--output', out, '--json'], extractCommand);
    expect(r.code).toBe(1);
    expect(r.json.error.code).toBe('wrong_key');
    expect(r.json.error.message).toMatch(/cannot open it though its manifest names your key/);
    expect(r.json.error.message).toMatch(/wrapped again for another key \(forwarded\), or damaged/);
    expect(r.json.error.message).not.toMatch(/encrypted for someone else/);
    expect(r.json.error.message).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('receive refuses it (wrong_recipient), says what to do, and writes nothing', async () => {
    const world = join(base.dir, 'aworld');
    mkdirSync(join(world, '.alive'), { recursive: true });
    mkdirSync(join(world, '03_Inbox'));
    const r = await run(alice, [saved, '--world', world, '--json'], receiveCommand);
    expect(r.code, r.stdout).toBe(1);
    expect(r.json.error.code).toBe('wrong_recipient');
    expect(r.json.error.message).toMatch(/nothing was written/);
    expect(readdirSync(join(world, '03_Inbox'))).toEqual([]);
    expect(existsSync(join(world, '.alive', 'imports.json'))).toBe(false);
  });
});

describe('push names the peer it seals a package for', () => {
  it("a plain package: the manifest on the peer's relay names the peer's key, under the signature", async () => {
    const pkg = await walnutPackage(bob, 'named');
    const push = await run(bob, ['push', pkg, '--to', 'alice', '--json']);
    expect(push.code, push.stderr).toBe(0);
    const sealed = join(base.dir, 'sealed.walnut');
    writeFileSync(sealed, spawnSync('git', ['show', `main:${push.json.path}`], { cwd: alice.url }).stdout);
    const manifest = sh('tar', ['-xzOf', sealed, 'manifest.yaml']).toString();
    expect(manifest).toContain(`\nrecipients:\n  - ${fingerprint(loadPublicKey(alice.paths.publicKey))}\n\nsignature:\n`);
    const pull = await run(alice, ['pull', '--json']);
    expect(pull.json.received[0], pull.stderr).toMatchObject({ from: 'bob', verified: true });
  });

  it('a package already encrypted to another key is not signed or sent: the peer could not open it', async () => {
    const walnut = join(bob.root, 'world', '04_Ventures', 'named');
    const forCarol = join(base.dir, 'for-carol.walnut');
    const made = await run(
      bob,
      ['--walnut', walnut, '--scope', 'full', '--output', forCarol, '--encrypt', 'rsa', '--recipient', carol.paths.publicKey],
      createCommand,
    );
    expect(made.code, made.stderr).toBe(0);
    const before = git(['rev-parse', 'main'], alice.url);
    const push = await run(bob, ['push', forCarol, '--to', 'alice', '--json']);
    expect(push.code).toBe(1);
    expect(push.json.error.code).toBe('wrong_recipient');
    expect(push.json.error.message).toMatch(/encrypted to other keys than alice's pinned key/);
    expect(git(['rev-parse', 'main'], alice.url)).toBe(before);
  });
});
