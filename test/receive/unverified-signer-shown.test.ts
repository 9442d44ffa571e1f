/**
 * The signer a package names is the sender's text until a pinned key verifies it: a login-like
 * word (`ignore-previous-instructions`) passes every name check and still is someone else's words
 * reaching an agent. Where the signature is not verified (a --dry-run or a receive with
 * --allow-unverified, a snapshot shown), receive's lines name it only inside an untrusted fence,
 * and the entry it writes into the world's log.md (which agents read later) does not repeat it. A
 * verified signer is the user's own pinned peer: shown as it is.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { makeWalnut, makeWorld, repoRoot, testEnv, tmp } from './helpers.ts';
import { splitFences } from '../support/fences.ts';

const CLAIMED = 'ignore-previous-instructions';

let base = '';
let keys = '';
let full = '';
let snapshot = '';

beforeEach(() => setPbkdf2IterationsForTests(1000));
afterAll(() => setPbkdf2IterationsForTests(undefined));

beforeAll(async () => {
  base = tmp('unverified-signer-shown');
  const sender = testEnv(join(base, 'sender'));
  keys = join(base, 'keys');
  mkdirSync(keys, { recursive: true, mode: 0o700 });
  for (const f of ['private.pem', 'public.pem']) copyFileSync(join(repoRoot, 'test', 'package-crypto', 'keys', 'alice', f), join(keys, f));
  chmodSync(join(keys, 'private.pem'), 0o600);
  mkdirSync(join(sender.ALIVE_HOME!, 'relay', 'keys'), { recursive: true });
  writeFileSync(join(sender.ALIVE_HOME!, 'relay', 'relay.json'), JSON.stringify({ login: CLAIMED }));
  copyFileSync(join(keys, 'public.pem'), join(sender.ALIVE_HOME!, 'relay', 'keys', 'public.pem'));
  const walnut = makeWalnut(join(base, 'src', 'garden'), { layout: 'v2', bundles: { launch: { 'a.md': 'a\n' } } });
  full = join(base, 'full.walnut');
  snapshot = join(base, 'snapshot.walnut');
  for (const [scope, out] of [
    ['full', full],
    ['snapshot', snapshot],
  ] as const) {
    const c = await aliveInProcess(['create', '--walnut', walnut, '--scope', scope, '--output', out, '--sign', join(keys, 'private.pem')], sender);
    expect(c.status, c.stderr).toBe(0);
  }
});

describe('an unverified signer in receive output', () => {
  it('a --dry-run --allow-unverified names it only in a fence', async () => {
    const world = makeWorld(join(base, 'w1'), { layout: 'v2' });
    const r = await aliveInProcess(['receive', full, '--world', world, '--as', 'x', '--dry-run', '--allow-unverified'], testEnv(join(base, 'r1')));
    expect(r.status, r.stderr).toBe(0);
    const out = splitFences(r.stdout);
    expect(out.ours).not.toContain(CLAIMED);
    expect(r.stderr).not.toContain(CLAIMED);
    expect(out.fenced).toContain(CLAIMED);
    expect(out.ours).toMatch(/not verified/);
    // The plan's log entry (what the receive would write into the world) does not repeat it.
    const j = await aliveInProcess(['receive', full, '--world', world, '--as', 'x', '--dry-run', '--allow-unverified', '--json'], testEnv(join(base, 'r1')));
    const plan = JSON.parse(j.stdout);
    expect(plan.log_entry).not.toContain(CLAIMED);
    expect(plan.untrusted.signer).toBe(CLAIMED);
  });

  it('a receive with --allow-unverified names it only in a fence, and the log.md entry it writes does not name it', async () => {
    const world = makeWorld(join(base, 'w2'), { layout: 'v2' });
    const env = testEnv(join(base, 'r2'));
    const r = await aliveInProcess(['receive', full, '--world', world, '--as', 'x', '--allow-unverified'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = splitFences(r.stdout);
    expect(out.ours).not.toContain(CLAIMED);
    expect(r.stderr).not.toContain(CLAIMED);
    expect(out.fenced).toContain(CLAIMED);
    const log = readFileSync(join(world, '03_Inbox', 'x', '_kernel', 'log.md'), 'utf8');
    const entry = log.slice(0, log.indexOf('Everything below this entry'));
    expect(entry).toMatch(/Signature: .*NOT verified/);
    expect(log).not.toContain(CLAIMED);
  });

  it('a snapshot shown names it only in a fence', async () => {
    const r = await aliveInProcess(['receive', snapshot, '--world', makeWorld(join(base, 'w3'), { layout: 'v2' })], testEnv(join(base, 'r3')));
    expect(r.status, r.stderr).toBe(0);
    const out = splitFences(r.stdout);
    expect(out.ours).toMatch(/Snapshot package/);
    expect(out.ours).not.toContain(CLAIMED);
    expect(out.fenced).toContain(CLAIMED);
  });

  it('a verified signer (a pinned peer) is shown as it is, in the lines and the log entry', async () => {
    const world = makeWorld(join(base, 'w4'), { layout: 'v2' });
    const env = testEnv(join(base, 'r4'));
    mkdirSync(join(env.ALIVE_HOME!, 'relay', 'keys', 'peers'), { recursive: true });
    copyFileSync(join(keys, 'public.pem'), join(env.ALIVE_HOME!, 'relay', 'keys', 'peers', `${CLAIMED}.pem`));
    const r = await aliveInProcess(['receive', full, '--world', world, '--as', 'x'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(splitFences(r.stdout).ours).toContain(`signed by \`${CLAIMED}\` (verified)`);
    expect(r.stdout).not.toContain('BEGIN UNTRUSTED SIGNER');
    const log = readFileSync(join(world, '03_Inbox', 'x', '_kernel', 'log.md'), 'utf8');
    expect(log).toContain(`signed by \`${CLAIMED}\`, verified`);
  });
});
