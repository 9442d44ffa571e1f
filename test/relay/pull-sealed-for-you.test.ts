/**
 * `relay push` seals every package for the peer's key (an RSA package names it under the
 * signature): a review of 2026-12-07 dropped into bob's relay, under inbox/alice/, a package alice
 * had shared in clear (create --sign, 2.0 and 2.1), and the same 2.1 package wrapped by a third
 * party in an rsa-envelope-v1.json for bob's key. Pull said "Received from alice" (verified) for
 * all three, though its help says each package is checked to be addressed to you. A package that
 * arrives in clear is now kept apart as unverified, saying why; one in a 2.1 envelope the signed
 * manifest does not vouch for (the references' sealed packages name no recipients either) is
 * received, with a note and `envelope_signed: false` saying who sealed it is not covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { fingerprint, loadPublicKey } from '../../scripts/lib/crypto/keys.ts';
import { wrapInRsaEnvelope } from '../support/rsa-envelope.ts';
import { isolateProcessGit } from './git-env.ts';
import { commitToBare, tempDir } from './helpers.ts';
import { pair, passphrasePackage, relayUser, run, type RelayUser } from './in-process.ts';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('pull-sealed');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => base.cleanup());

/** A package alice signs and shares in clear, in `format`. */
async function aliceInClear(format: '2.0' | '2.1'): Promise<Buffer> {
  const walnut = join(alice.root, 'world', '04_Ventures', `open${format}`);
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: shared openly\n---\n');
  const out = join(alice.root, `open-${format}.walnut`);
  const made = await run(
    alice,
    ['--walnut', walnut, '--scope', 'full', '--format', format, '--sign', alice.paths.privateKey, '--output', out, '--json'],
    createCommand,
  );
  expect(made.code, made.stderr).toBe(0);
  return readFileSync(out);
}

describe("a package alice signed but did not seal for bob, put in bob's relay under inbox/alice/", () => {
  it('in clear (2.0 and 2.1): kept apart as unverified, saying it arrived in clear; in a 2.1 envelope anyone made: received, saying who sealed it is not covered', async () => {
    const names = {
      '2.0': 'open-20260101-000000-00000001.walnut',
      '2.1': 'open-20260101-000000-00000002.walnut',
      wrapped: 'open-20260101-000000-00000003.walnut',
    };
    const open21 = await aliceInClear('2.1');
    const wrapped = join(base.dir, 'wrapped.walnut');
    wrapInRsaEnvelope(open21, bob.paths.publicKey, fingerprint(loadPublicKey(bob.paths.publicKey)), wrapped);
    commitToBare(
      bob.url,
      {
        [`inbox/alice/${names['2.0']}`]: await aliceInClear('2.0'),
        [`inbox/alice/${names['2.1']}`]: open21,
        [`inbox/alice/${names.wrapped}`]: readFileSync(wrapped),
      },
      'deposit',
    );
    const pull = await run(bob, ['pull', '--json']);
    expect(pull.code).toBe(1);
    expect(pull.json.error.code).toBe('unverified');
    const byName = new Map<string, { verified: boolean; path: string; problems: string[]; note?: string; envelope_signed?: boolean }>(
      pull.json.received.map((r: any) => [r.name, r]),
    );
    for (const format of ['2.0', '2.1'] as const) {
      const r = byName.get(names[format])!;
      expect(r.verified, format).toBe(false);
      expect(r.path, format).toBe(join(bob.paths.inbox, 'alice', 'unverified', names[format]));
      expect(r.problems.join('\n'), format).toContain(
        "it arrived in clear: relay push never sends a package in clear (it seals one for your key), so this is a copy of a package alice's key signed for another use, put in your relay by whoever can write to it",
      );
    }
    const w = byName.get(names.wrapped)!;
    expect(w.verified).toBe(true);
    expect(w.envelope_signed).toBe(false);
    expect(w.note).toContain("who sealed it for you is outside alice's signature");

    const text = await run(bob, ['pull']);
    expect(text.code).toBe(0); // nothing left: the text run is of an empty relay
  });
});

/**
 * A passphrase package names no one (relay push signs it again as it is): one alice signed for
 * another use and someone else put in bob's relay read exactly as her own push (a second review
 * of 2026-12-07), and with WALNUT_PASSPHRASE set nothing at all was said. Pull cannot tell the
 * two apart, so it says so in a note, with the passphrase or without.
 */
describe('a signed passphrase package alice pushed to bob', () => {
  it('is received with a note that a passphrase package names no one, WALNUT_PASSPHRASE set or not', async () => {
    // Nothing here needs the format's rounds: the test-only knob (both sides in this process).
    setPbkdf2IterationsForTests(1000);
    try {
      for (const [tag, env] of [
        ['without', {}],
        ['with', { WALNUT_PASSPHRASE: 'correct horse' }],
      ] as const) {
        const pkg = await passphrasePackage(alice, `locked-${tag}`, 'correct horse');
        const push = await run(alice, ['push', pkg, '--to', 'bob', '--json']);
        expect(push.code, push.stderr).toBe(0);
        const pull = await run({ ...bob, env: { ...bob.env, ...env } }, ['pull', '--json']);
        expect(pull.code, `${tag}: ${pull.stderr}`).toBe(0);
        expect(pull.json.received[0], tag).toMatchObject({ verified: true });
        expect(pull.json.received[0].note, tag).toContain(
          'a passphrase package names no one: that alice sealed it for you is not shown (anyone alice gave it to could have put it in your relay)',
        );
      }
    } finally {
      setPbkdf2IterationsForTests(undefined);
    }
  });
});
