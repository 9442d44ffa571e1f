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

/** Each knob's name and its function's text (to its closing brace at the start of a line). */
function knobBodies(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of readdirSync(SCRIPTS, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(SCRIPTS, f), 'utf8').matchAll(/export function ((?:re)?set\w+ForTests)\b[\s\S]*?\n\}/g)) found.set(m[1]!, m[0]);
  }
  return found;
}

function knobs(): string[] {
  return [...knobBodies().keys()].sort();
}

it('no test-only knob (set…ForTests, reset…ForTests) is in any bundle', () => {
  const found = knobs();
  expect(found).toContain('setPullLimitsForTests');
  expect(found).toContain('resetMessageIdsForTests');
  const bundles = readdirSync(bundleDir(), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mjs'));
  const inBundles = found.flatMap((knob) => bundles.filter((b) => readFileSync(join(bundleDir(), b), 'utf8').includes(knob)).map((b) => `${knob} in ${b}`));
  expect(inBundles).toEqual([]);
});

it('test/support/per-file.ts puts every knob back for each file: a file that failed before its own reset leaves none to the next', () => {
  const perFile = readFileSync(join(import.meta.dirname, '..', 'support', 'per-file.ts'), 'utf8');
  const notReset = knobs().filter((knob) => !perFile.includes(knob.startsWith('reset') ? `\n${knob}();` : `\n${knob}(undefined);`));
  expect(notReset).toEqual([]);
});

it('every knob throws unless it runs under vitest', () => {
  const unguarded = [...knobBodies()].filter(([, body]) => !body.includes("if (process.env.VITEST !== 'true') throw")).map(([knob]) => knob);
  expect(unguarded).toEqual([]);
});
