/**
 * A format 2.0 package encrypts its files in payload.enc, but its manifest stays readable: the
 * walnut's name, the description, every path, each size and each file's SHA-256 (a short file is
 * guessed from its hash). `create` said only "Encrypted: yes" (a review of 2026-12-07); it says
 * what stays readable, and that --format 2.1 hides it. 2.1 says nothing more.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

let root: string;
let restore: () => void = () => {};
beforeAll(() => {
  root = tempRoot('encrypted-line');
  restore = setProcessEnv({ WALNUT_PASSPHRASE: 'a passphrase long enough here', HOME: join(root, 'home'), ALIVE_HOME: join(root, 'home', '.alive') });
});
afterAll(() => {
  restore();
  rmrf(root);
});

it("create's Encrypted line of a 2.0 package says its manifest (names, sizes, checksums) stays readable; 2.1's does not", async () => {
  const walnut = makeWalnut(join(root, 'w'), { 'notes/pin.txt': 'pin: 4821\n' });
  const v20 = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--output', join(root, 'p20.walnut'), '--encrypt', 'passphrase']);
  expect(v20.code, v20.stderr).toBe(0);
  expect(v20.stdout).toMatch(
    /^Encrypted: yes, with the passphrase .*; its manifest stays readable: the walnut's name, each file's path, size and SHA-256 \(--format 2\.1 hides them\)$/m,
  );
  const v21 = await runCaptured(createCommand, [
    '--walnut',
    walnut,
    '--scope',
    'full',
    '--output',
    join(root, 'p21.walnut'),
    '--encrypt',
    'passphrase',
    '--format',
    '2.1',
  ]);
  expect(v21.code, v21.stderr).toBe(0);
  expect(v21.stdout).toMatch(/^Encrypted: yes, with the passphrase/m);
  expect(v21.stdout).not.toMatch(/manifest stays readable/);
});
