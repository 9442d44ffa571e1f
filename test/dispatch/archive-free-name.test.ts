/**
 * A message archived under a name the archive's day folder already holds (a foreign slug reused, an
 * id sent again) gets `<name>.1`, `<name>.2`, …: each number was tried in turn, and any bus writer
 * can take them all. 300,000 planted names made every archiving of that id (serve's, a reply's)
 * take 2.4 s of lstat calls, the event loop held; an id sent k times cost k² tries. After the first
 * FREE_NAME_TRIES numbers, one is drawn at random. The lstat calls are counted, not timed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { FREE_NAME_TRIES, freeName } from '../../scripts/lib/bus/fsutil.ts';

/** `fn` run with node:fs's lstatSync counted. */
function lstatsDuring<T>(fn: () => T): { result: T; lstats: number } {
  const real = fs.lstatSync;
  let lstats = 0;
  (fs as { lstatSync: unknown }).lstatSync = (...a: Parameters<typeof fs.lstatSync>) => {
    lstats++;
    return real(...a);
  };
  syncBuiltinESMExports();
  try {
    return { result: fn(), lstats };
  } finally {
    (fs as { lstatSync: unknown }).lstatSync = real;
    syncBuiltinESMExports();
  }
}

describe('a free name in an archive day folder', () => {
  it('is the name itself, then the first numbers, then one drawn at random: the tries do not grow with the names planted', () => {
    const { root } = makeBus();
    const day = join(root, 'runtimes', 'r', 'archive', '2026-12-07');
    mkdirSync(day, { recursive: true });
    const name = 'msg-reused.hw';
    expect(freeName(root, day, name)).toBe(name);
    writeFileSync(join(day, name), '');
    expect(freeName(root, day, name)).toBe(`${name}.1`);
    for (let n = 1; n <= 3000; n++) writeFileSync(join(day, `${name}.${n}`), '');
    const { result, lstats } = lstatsDuring(() => freeName(root, day, name));
    expect(result).toMatch(/^msg-reused\.hw\.\d+$/);
    expect(Number(result.slice(name.length + 1))).toBeGreaterThan(3000);
    expect(lstats).toBeLessThanOrEqual(FREE_NAME_TRIES + 4);
  });
});
