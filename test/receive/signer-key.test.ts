/**
 * A signed package from someone who is no relay peer (the file came by mail, the sender's public
 * key by another channel) could not be received verified: receive had no --signer-key, verify did,
 * and the only way in was --allow-unverified, recorded as unverified, while the same package
 * unsigned went straight in (a daily-use review of 2026-12-08). receive --signer-key PEM now checks
 * the signature against that key: verified, it imports; by another key, or unsigned, it is refused.
 */
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp, tree } from './helpers.ts';

let base = '';
let signed = '';
let unsigned = '';
const keyOf = (who: string, f: string) => join(repoRoot, 'test', 'package-crypto', 'keys', who, f);

beforeAll(async () => {
  base = tmp('signer-key');
  const sender = testEnv(join(base, 'dave'));
  const keys = join(base, 'keys');
  mkdirSync(keys, { recursive: true, mode: 0o700 });
  copyFileSync(keyOf('alice', 'private.pem'), join(keys, 'private.pem'));
  chmodSync(join(keys, 'private.pem'), 0o600);
  const walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2' });
  signed = join(base, 'signed.walnut');
  unsigned = join(base, 'unsigned.walnut');
  const s = await aliveInProcess(
    ['create', '--walnut', walnut, '--scope', 'full', '--output', signed, '--sign', join(keys, 'private.pem'), '--signer', 'dave'],
    sender,
  );
  expect(s.status, s.stderr).toBe(0);
  expect((await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', unsigned], sender)).status).toBe(0);
});

describe('receive --signer-key', () => {
  it("imports a package signed by that key, verified, naming the key's fingerprint", async () => {
    const world = makeWorld(join(base, 'w1'), { layout: 'v2' });
    const r = await aliveInProcess(['receive', signed, '--world', world, '--signer-key', keyOf('alice', 'public.pem'), '--json'], testEnv(join(base, 'r1')));
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.signature).toMatchObject({ present: true, verified: true });
    expect(j.signature.signer).toMatch(/^the key SHA256:[0-9a-f:]+ \(--signer-key\)$/i);
  });

  it('refuses one signed by another key (bad_signature), and an unsigned one (unverified), the world as it was', async () => {
    const world = makeWorld(join(base, 'w2'), { layout: 'v2' });
    const before = tree(world);
    const env = testEnv(join(base, 'r2'));
    const other = await aliveInProcess(['receive', signed, '--world', world, '--signer-key', keyOf('bob', 'public.pem'), '--json'], env);
    expect(other.status).toBe(1);
    expect(JSON.parse(other.stdout).error.code).toBe('bad_signature');
    const bare = await aliveInProcess(['receive', unsigned, '--world', world, '--signer-key', keyOf('alice', 'public.pem'), '--json'], env);
    expect(bare.status).toBe(1);
    expect(JSON.parse(bare.stdout).error).toMatchObject({
      code: 'unverified',
      message: expect.stringMatching(/not signed: --signer-key asks for a signature by that key/),
    });
    expect(tree(world)).toEqual(before);
  });

  it('an unsigned snapshot is refused too: shown only, but --signer-key asks for a signature by that key', async () => {
    const walnut = makeWalnut(join(base, 'src', 'glade'), { layout: 'v2' });
    const snap = join(base, 'snap.walnut');
    expect((await aliveInProcess(['create', '--walnut', walnut, '--scope', 'snapshot', '--output', snap], testEnv(join(base, 'dave')))).status).toBe(0);
    const world = makeWorld(join(base, 'w3'), { layout: 'v2' });
    const r = await aliveInProcess(['receive', snap, '--world', world, '--signer-key', keyOf('alice', 'public.pem'), '--json'], testEnv(join(base, 'r3')));
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('unverified');
  });
});
