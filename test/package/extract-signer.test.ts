/**
 * extract --json names the signer as verify and info do: a `signer:` line is outside the signed
 * text, so a relay or peer can set it to anything, and the receive skill turns `signer` into
 * `keys/peers/<signer>.pem`. A name that is not a login goes under `untrusted.signer`, never `signer`;
 * so does a login, as extract verifies no signature.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relabelSigner } from '../support/relabel-signer.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { testKeyPair } from '../support/test-keys.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';
import { setProcessEnv } from '../support/process-env.ts';

let root: string;
let restoreEnv: () => void = () => {};

beforeAll(() => {
  root = tempRoot('extract-signer');
  restoreEnv = setProcessEnv({ HOME: root, ALIVE_HOME: join(root, '.alive'), WALNUT_PASSPHRASE: undefined });
});
afterAll(() => {
  restoreEnv();
  rmrf(root);
});

it('extract --json puts a relabelled signer that is not a login under untrusted.signer, not signer', async () => {
  const walnut = makeWalnut(join(root, 'nova'), { 'notes/a.md': 'a\n' });
  const keyDir = join(root, 'keys');
  mkdirSync(keyDir, { mode: 0o700 });
  writeFileSync(join(keyDir, 'private.pem'), testKeyPair(7).privateKeyPem, { mode: 0o600 });
  const signed = join(root, 'signed.walnut');
  const made = await runCaptured(createCommand, [
    '--walnut',
    walnut,
    '--scope',
    'full',
    '--output',
    signed,
    '--sign',
    join(keyDir, 'private.pem'),
    '--signer',
    'alice',
  ]);
  expect(made.code, made.stderr).toBe(0);
  const claimed = '../../../../tmp/x/keys/public';
  const relabelled = join(root, 'relabelled.walnut');
  relabelSigner(signed, relabelled, claimed);
  const r = await runCaptured(extractCommand, [relabelled, '--output', join(root, 'out'), '--json']);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json).toMatchObject({ ok: true, signed: true, signature_ok: null, signer: null, untrusted: { signer: claimed } });
  // extract checks no signature: a login it names is the sender's claim too (signer-unverified-shown.test.ts).
  const plain = await runCaptured(extractCommand, [signed, '--output', join(root, 'out2'), '--json']);
  expect(JSON.parse(plain.stdout)).toMatchObject({ signer: null, untrusted: { signer: 'alice' } });
});
