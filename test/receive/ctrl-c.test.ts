/**
 * Ctrl-C (or SIGTERM) before the commit point: the receive removes its staging folder (hundreds of
 * MB for a large package) and releases the world's lock before it ends as the signal would (exit
 * 130), so the world is exactly as it was, not waiting for the next receive to clean up. Under
 * --json it prints the one failure object, code `interrupted`. Each run is stalled at an exact
 * file-system call (test/support/stop-at.mjs), so the signal lands while the work is under way.
 */
import { startStopped } from '../support/stopped-child.ts';

import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { cliBundle, makeWorld, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const base = tmp('ctrl-c');
const env = testEnv(base);
let cli = '';
let pkg = '';

beforeAll(async () => {
  cli = await cliBundle();
  const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n' };
  for (let i = 0; i < 24; i++) files[`data/f${String(i).padStart(2, '0')}.bin`] = randomBytes(256 * 1024);
  pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
}, 60_000);

/** Runs a receive stalled after the call `stop` names, sends `signal` there, and returns how it ended. */
async function interruptAt(args: string[], stop: object, signal: NodeJS.Signals = 'SIGINT') {
  const run = await startStopped([cli, 'receive', pkg, ...args], { pauseMs: 400, ...stop }, { env, what: 'the receive' });
  run.child.kill(signal);
  const ended = (await run.closed).signal;
  // The status a shell reports for a process the signal ended: 130 for SIGINT, 143 for SIGTERM.
  return { status: ended ? 128 + constants.signals[ended] : null, stdout: run.stdout(), stderr: run.stderr() };
}

/** The nth file created in staging while the package is unpacked (25 in all). */
const unpacked = (nth: number) => ({ calls: ['openSync', 'open'], arg: 0, pattern: '/\\.alive/receiving/[^/]+/pkg/', nth });
const UNPACKING = unpacked(8);

describe('a receive interrupted before its commit point', () => {
  for (const [name, stop, signal, status] of [
    ['while unpacking, SIGINT', UNPACKING, 'SIGINT', 130],
    ['at the last file, SIGINT', unpacked(25), 'SIGINT', 130],
    ['while unpacking, SIGTERM', UNPACKING, 'SIGTERM', 143],
  ] as const) {
    it(`${name}: leaves the world as it was, lock and staging folder gone`, async () => {
      const world = makeWorld(join(base, name.replace(/\W+/g, '-')), { layout: 'v2' });
      const before = tree(world);
      const r = await interruptAt(['--world', world], stop, signal);
      expect(r.status).toBe(status);
      expect(tree(world)).toEqual(before);
      expect(r.stderr).toMatch(/^error: receive interrupted: nothing was imported/m);
      expect(r.stdout).toBe('');
    }, 30_000);
  }

  it('under --json, prints one failure object with code interrupted', async () => {
    const world = makeWorld(join(base, 'json'), { layout: 'v2' });
    const before = tree(world);
    const r = await interruptAt(['--world', world, '--json'], UNPACKING);
    expect(r.status).toBe(130);
    expect(tree(world)).toEqual(before);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['error', 'ok']);
    expect(out).toMatchObject({ ok: false, error: { code: 'interrupted' } });
    expect(out.error.message).toMatch(/^receive interrupted: nothing was imported/);
    expect(r.stderr).toContain(`\nerror: ${out.error.message}\n`);
  }, 30_000);
});
