/**
 * `create --walnut .` run from inside a walnut (a bundle's folder, a notes folder) said only ". is
 * not a walnut", where the --world check names the world a folder is inside (a daily-use review of
 * 2026-12-08). It names the walnut the folder is inside, as the --walnut to give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { shellQuote } from '../../scripts/lib/text/shell-quote.ts';
import { tmp } from '../receive/helpers.ts';

it('a folder inside a walnut: says which walnut it is inside, and the --walnut to give', async () => {
  const walnut = join(tmp('inside'), 'acme');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n');
  const bundle = join(walnut, 'bundles', 'pitch');
  mkdirSync(bundle, { recursive: true });
  const r = await runCaptured(createCommand, ['--walnut', bundle, '--scope', 'full', '--json']);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).error).toMatchObject({
    code: 'no_walnut',
    message: `${bundle} is not a walnut: it has no _kernel/key.md; it is inside the walnut ${walnut}: pass --walnut ${shellQuote(walnut)}`,
  });
});
