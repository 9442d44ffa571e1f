/**
 * create's warning about the agent files a package carries tells the user to add them to
 * .walnutignore, which matches paths in the walnut: it named them by their path in the package
 * (`bundles/launch/CLAUDE.md`), which in a v3 walnut (bundles at its root) is `launch/CLAUDE.md`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { symlinkSync } from 'node:fs';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { makeWalnut, testEnv, tmp } from '../receive/helpers.ts';

let base: string;
let restore: () => void = () => {};
beforeAll(() => {
  base = tmp();
  const env = testEnv(base);
  restore = setProcessEnv({ HOME: env.HOME, ALIVE_HOME: env.ALIVE_HOME, WALNUT_PASSPHRASE: 'a passphrase for the test' });
  // The encrypted cases are about the warning, not the key: 1000 PBKDF2 rounds, not 600000.
  setPbkdf2IterationsForTests(1000);
});
afterAll(() => {
  setPbkdf2IterationsForTests(undefined);
  restore();
});

describe("create's agent-file warning", () => {
  it('names them by their path in the walnut when the walnut is reached through a link', async () => {
    const walnut = makeWalnut(join(base, 'w-real', 'garden'), { layout: 'v3', bundles: { launch: { 'CLAUDE.md': 'rules\n' } } });
    const linked = join(base, 'w-link');
    symlinkSync(join(base, 'w-real'), linked);
    const r = await runCaptured(createCommand, [
      '--walnut',
      join(linked, 'garden'),
      '--scope',
      'full',
      '--format',
      '2.0',
      '--output',
      join(base, 'p-link.walnut'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(walnut).toContain('w-real');
    expect(r.stderr).toMatch(/this package carries 1 agent instruction\/configuration file \(launch\/CLAUDE\.md\)/);
  });

  it('names them by their path in a v2 walnut (bundles/…) in a 2.1 package too, whose bundles sit at its root', async () => {
    const walnut = makeWalnut(join(base, 'w-v2', 'garden'), { layout: 'v2', bundles: { launch: { 'CLAUDE.md': 'rules\n' } } });
    const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--format', '2.1', '--output', join(base, 'p-v2.walnut')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/this package carries 1 agent instruction\/configuration file \(bundles\/launch\/CLAUDE\.md\)/);
  });

  for (const format of ['2.0', '2.1']) {
    for (const encrypt of [[], ['--encrypt', 'passphrase']]) {
      it(`names them by their path in the walnut (format ${format}${encrypt.length ? ', encrypted' : ''})`, async () => {
        const walnut = makeWalnut(join(base, `w-${format}-${encrypt.length}`, 'garden'), { layout: 'v3', bundles: { launch: { 'CLAUDE.md': 'rules\n' } } });
        const out = join(base, `p-${format}-${encrypt.length}.walnut`);
        const r = await runCaptured(createCommand, ['--walnut', walnut, '--scope', 'full', '--format', format, '--output', out, ...encrypt]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/this package carries 1 agent instruction\/configuration file \(launch\/CLAUDE\.md\)/);
      });
    }
  }
});
