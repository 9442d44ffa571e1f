/**
 * A package signed by someone no pinned key vouches for (a removed peer, a sender never accepted:
 * what pull files under inbox/<sender>/unverified/) is refused by receive unless
 * --allow-unverified; the refusal names the claimed signer only as untrusted data, says why the
 * signature could not be checked and what to do, and leaves the world as it was. An unsigned
 * package (a user's own create) imports as before.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp, tree } from './helpers.ts';

let base = '';
let sender: NodeJS.ProcessEnv;
let walnut = '';
let signed = '';
let unsigned = '';

beforeEach(() => setPbkdf2IterationsForTests(1000));
afterAll(() => setPbkdf2IterationsForTests(undefined));

beforeAll(async () => {
  base = tmp('unverified-signer');
  sender = testEnv(join(base, 'dave'));
  const keys = join(base, 'keys');
  mkdirSync(keys, { recursive: true, mode: 0o700 });
  for (const f of ['private.pem', 'public.pem']) copyFileSync(join(repoRoot, 'test', 'package-crypto', 'keys', 'alice', f), join(keys, f));
  chmodSync(join(keys, 'private.pem'), 0o600);
  mkdirSync(join(sender.ALIVE_HOME!, 'relay', 'keys'), { recursive: true });
  writeFileSync(join(sender.ALIVE_HOME!, 'relay', 'relay.json'), JSON.stringify({ login: 'dave' }));
  copyFileSync(join(keys, 'public.pem'), join(sender.ALIVE_HOME!, 'relay', 'keys', 'public.pem'));
  walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2', bundles: { launch: { 'a.md': 'a\n' } } });
  signed = join(base, 'signed.walnut');
  unsigned = join(base, 'unsigned.walnut');
  const s = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', signed, '--sign', join(keys, 'private.pem')], sender);
  expect(s.status, s.stderr).toBe(0);
  const u = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', unsigned], sender);
  expect(u.status, u.stderr).toBe(0);
});

describe('receive of a package whose signer is not a pinned peer', () => {
  it('is refused (code unverified), saying why and what to do, with the world untouched', async () => {
    const world = makeWorld(join(base, 'w1'), { layout: 'v2' });
    const before = tree(world);
    const env = testEnv(join(base, 'r1'));
    const r = await aliveInProcess(['receive', signed, '--world', world, '--as', 'x'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*cannot be verified/);
    expect(r.stderr).toMatch(/no key is pinned/);
    expect(r.stderr).toMatch(/relay accept/);
    expect(r.stderr).toMatch(/--allow-unverified/);
    // The claimed signer is shown only fenced, as data.
    expect(r.stderr.split('\n')[0]).not.toContain('dave');
    expect(r.stderr).toMatch(/UNTRUSTED SIGNER/);
    expect(tree(world)).toEqual(before);
    const j = await aliveInProcess(['receive', signed, '--world', world, '--as', 'x', '--json'], env);
    expect(JSON.parse(j.stdout).error.code).toBe('unverified');
    expect(tree(world)).toEqual(before);
  });

  it('a --dry-run says the same before anything is approved (the receive skill dry-runs first); with --allow-unverified it plans the import and warns', async () => {
    const world = makeWorld(join(base, 'w4'), { layout: 'v2' });
    const before = tree(world);
    const env = testEnv(join(base, 'r4'));
    const r = await aliveInProcess(['receive', signed, '--world', world, '--as', 'x', '--dry-run', '--json'], env);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('unverified');
    const allowed = await aliveInProcess(['receive', signed, '--world', world, '--as', 'x', '--dry-run', '--allow-unverified'], env);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/warning: .*could not be verified.*--allow-unverified/);
    // A dry run imports nothing: it says what the receive would do (a review of 2026-12-08).
    expect(allowed.stderr).toMatch(/warning: would import a signed package whose signature could not be verified/);
    expect(tree(world)).toEqual(before);
  });

  it('is imported with --allow-unverified, with a warning', async () => {
    const world = makeWorld(join(base, 'w2'), { layout: 'v2' });
    const r = await aliveInProcess(['receive', signed, '--world', world, '--as', 'x', '--allow-unverified'], testEnv(join(base, 'r2')));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*could not be verified.*--allow-unverified/);
  });

  // Taking the signature off a package its signer could not be verified for gets it past the gate:
  // an unsigned package is anyone's (a review of 2026-12-07), and the line says so, as the receive
  // skill has the agent say it.
  it('an unsigned package imports as before, saying that nothing in it tells who made it', async () => {
    const world = makeWorld(join(base, 'w3'), { layout: 'v2' });
    const r = await aliveInProcess(['receive', unsigned, '--world', world, '--as', 'x'], testEnv(join(base, 'r3')));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(.*; unsigned: nothing in it says who made it, anyone could have\) into /);
  });
});
