/**
 * Encrypted and signed packages end to end through the real CLI: create (passphrase, RSA,
 * signed) with one ALIVE_HOME, receive with another. Keys come from `alive-p2p keygen`.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBundle, makeWalnut, makeWorld, testEnv, tmp, tree } from './helpers.ts';

let cli = '';
let base = '';
let sender: NodeJS.ProcessEnv;
let walnut = '';
const keys = { alice: '', bob: '', mallory: '' };

function run(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
}

beforeAll(async () => {
  cli = await cliBundle();
  base = tmp('crypto');
  sender = testEnv(join(base, 'alice'));
  mkdirSync(join(sender.ALIVE_HOME!, 'relay'), { recursive: true });
  writeFileSync(join(sender.ALIVE_HOME!, 'relay', 'relay.json'), JSON.stringify({ login: 'alice' }));
  for (const who of Object.keys(keys) as Array<keyof typeof keys>) {
    keys[who] = join(base, 'keys', who);
    const r = run(['keygen', '--out', keys[who]], sender);
    expect(r.status, r.stderr).toBe(0);
  }
  walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2', bundles: { launch: { 'a.md': 'secret a\n' } }, insights: 'i\n' });
}, 120_000);

function receiverEnv(name: string, extra: NodeJS.ProcessEnv = {}) {
  return { ...testEnv(join(base, name)), ...extra };
}

describe('encrypted packages', () => {
  it('passphrase: WALNUT_PASSPHRASE opens it; a wrong one is refused with nothing written', () => {
    const pkg = join(base, 'pass.walnut');
    const c = run(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--encrypt', 'passphrase'], {
      ...sender,
      WALNUT_PASSPHRASE: 'correct horse',
    });
    expect(c.status, c.stderr).toBe(0);
    const world = makeWorld(join(base, 'p-world'), { layout: 'v2' });
    const before = tree(world);
    const wrong = run(['receive', pkg, '--world', world], receiverEnv('p1', { WALNUT_PASSPHRASE: 'battery staple' }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^error: .*wrong passphrase/);
    expect(tree(world)).toEqual(before);
    const none = run(['receive', pkg, '--world', world], receiverEnv('p2'));
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/WALNUT_PASSPHRASE/);
    const ok = run(['receive', pkg, '--world', world, '--json'], receiverEnv('p3', { WALNUT_PASSPHRASE: 'correct horse' }));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, envelope: 'passphrase' });
    expect(readFileSync(join(world, '03_Inbox', 'garden', 'bundles', 'launch', 'a.md'), 'utf8')).toBe('secret a\n');
    expect(readFileSync(join(world, '03_Inbox', 'garden', '_kernel', 'log.md'), 'utf8')).toContain('- Encryption: passphrase');
  });

  it('RSA: --private-key of the recipient opens it; another key is refused with nothing written', () => {
    const out = join(base, 'rsa.walnut');
    const c = run(
      [
        'create',
        '--walnut',
        walnut,
        '--scope',
        'bundle',
        '--bundle',
        'launch',
        '--output',
        out,
        '--encrypt',
        'rsa',
        '--recipient',
        join(keys.bob, 'public.pem'),
        '--json',
      ],
      sender,
    );
    expect(c.status, c.stderr).toBe(0);
    const made = JSON.parse(c.stdout);
    const pkg: string = made.path ?? made.packages?.[0]?.path ?? out;
    expect(existsSync(pkg)).toBe(true);
    const world = makeWorld(join(base, 'r-world'), { layout: 'v3' });
    const before = tree(world);
    const wrong = run(
      ['receive', pkg, '--world', world, '--into', '04_Ventures/existing', '--private-key', join(keys.mallory, 'private.pem')],
      receiverEnv('r1'),
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^error: .*encrypted for someone else/);
    expect(tree(world)).toEqual(before);
    const ok = run(
      ['receive', pkg, '--world', world, '--into', '04_Ventures/existing', '--private-key', join(keys.bob, 'private.pem'), '--json'],
      receiverEnv('r2'),
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, envelope: 'rsa' });
    expect(readFileSync(join(world, '04_Ventures', 'existing', 'launch', 'a.md'), 'utf8')).toBe('secret a\n');
  });
});

describe('signed packages', () => {
  it('verified against the pinned key of the signer; unverified without one; refused when the pinned key disagrees', () => {
    const pkg = join(base, 'signed.walnut');
    const c = run(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg, '--sign', join(keys.alice, 'private.pem')], sender);
    expect(c.status, c.stderr).toBe(0);

    const unpinned = makeWorld(join(base, 's1'), { layout: 'v2' });
    const a = run(['receive', pkg, '--world', unpinned, '--json'], receiverEnv('s1'));
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).signature).toEqual({ present: true, verified: false, signer: 'alice' });
    // An unverified signer name is only a claim: it is not taken as the sender.
    expect(JSON.parse(a.stdout).sender).toBeNull();
    expect(readFileSync(join(unpinned, '03_Inbox', 'garden', '_kernel', 'log.md'), 'utf8')).toContain('signed by `alice`, NOT verified');

    const pinnedEnv = receiverEnv('s2');
    mkdirSync(join(pinnedEnv.ALIVE_HOME!, 'relay', 'keys', 'peers'), { recursive: true });
    copyFileSync(join(keys.alice, 'public.pem'), join(pinnedEnv.ALIVE_HOME!, 'relay', 'keys', 'peers', 'alice.pem'));
    const pinned = makeWorld(join(base, 's2'), { layout: 'v2' });
    const b = run(['receive', pkg, '--world', pinned, '--json'], pinnedEnv);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).signature).toEqual({ present: true, verified: true, signer: 'alice' });
    // A verified signer is the sender when the manifest names none.
    expect(JSON.parse(b.stdout).sender).toBe('alice');
    expect(readFileSync(join(pinned, '03_Inbox', 'garden', '_kernel', 'log.md'), 'utf8')).toContain('- From: sender `alice` (verified signature)');
    expect(JSON.parse(readFileSync(join(pinned, '.alive', 'imports.json'), 'utf8')).imports[0]).toMatchObject({ signer: 'alice', signature_verified: true });

    const forgedEnv = receiverEnv('s3');
    mkdirSync(join(forgedEnv.ALIVE_HOME!, 'relay', 'keys', 'peers'), { recursive: true });
    copyFileSync(join(keys.mallory, 'public.pem'), join(forgedEnv.ALIVE_HOME!, 'relay', 'keys', 'peers', 'alice.pem'));
    const refused = makeWorld(join(base, 's3'), { layout: 'v2' });
    const before = tree(refused);
    const r = run(['receive', pkg, '--world', refused], forgedEnv);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*signature does not verify/);
    expect(tree(refused)).toEqual(before);
  });
});
