/**
 * The test-only knobs (`set…ForTests` and `reset…ForTests` under scripts/: lower PBKDF2 rounds, smaller keys, lower
 * caps, shorter waits) are in no bundle: nothing under scripts/ calls them, each throws unless it
 * runs under vitest, and a bundle that held one would still carry a way to weaken it. One module
 * that a lazily loaded chunk imports as a whole keeps every export (setReadRetryWaitForTests was in
 * github-client's chunk), so a knob lives where bundles only import what they call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleDir } from '../support/bundles.ts';

const SCRIPTS = join(import.meta.dirname, '..', '..', 'scripts');

function knobs(): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(SCRIPTS, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(SCRIPTS, f), 'utf8').matchAll(/export function ((?:re)?set\w+ForTests)\b/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

it('no test-only knob (set…ForTests, reset…ForTests) is in any bundle', () => {
  const found = knobs();
  expect(found).toContain('setPullLimitsForTests');
  expect(found).toContain('resetMessageIdsForTests');
  const bundles = readdirSync(bundleDir(), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mjs'));
  const inBundles = found.flatMap((knob) => bundles.filter((b) => readFileSync(join(bundleDir(), b), 'utf8').includes(knob)).map((b) => `${knob} in ${b}`));
  expect(inBundles).toEqual([]);
});
