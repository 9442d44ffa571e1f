/**
 * Manifests list files, and the v3 files digest hashes them, in UTF-8 byte order (code-point
 * order). sortByCodePoints compares plain strings when no path holds a surrogate: checked here
 * against the bytes, for paths with and without characters above U+FFFF.
 */
import { describe, expect, it } from 'vitest';
import { sortByCodePoints } from '../../scripts/lib/package/safe-path.ts';

const byBytes = (paths: string[]) => [...paths].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
const sorted = (paths: string[]) => sortByCodePoints(paths.map((path) => ({ path }))).map((e) => e.path);

/** Deterministic pseudo-random paths drawn from `alphabet`. */
function paths(alphabet: string[], n: number, seed: number): string[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x;
  };
  return Array.from({ length: n }, () => Array.from({ length: 1 + (next() % 6) }, () => alphabet[next() % alphabet.length]).join(''));
}

describe('sortByCodePoints', () => {
  const bmp = ['a', 'B', '/', '.', '-', '_', '0', 'é', 'ß', '\u00ff', '\u0100', '\u4e2d', '\ue000', '\uffef', '\uffff'];
  const astral = ['\u{1f600}', '\u{10000}', '\u{10ffff}', '\u{1d11e}'];

  it('orders paths without characters above U+FFFF as their UTF-8 bytes do', () => {
    const list = paths(bmp, 500, 7);
    expect(sorted(list)).toEqual(byBytes(list));
  });

  it('orders paths with characters above U+FFFF as their UTF-8 bytes do (U+E000-U+FFFF before them)', () => {
    const list = paths([...bmp, ...astral], 500, 11);
    expect(list.some((p) => /[\uD800-\uDFFF]/.test(p))).toBe(true);
    expect(sorted(list)).toEqual(byBytes(list));
    // UTF-16 code units would put the astral character first.
    expect(sorted(['\uffff', '\u{1f600}'])).toEqual(['\uffff', '\u{1f600}']);
  });

  it('returns a copy and keeps the items themselves', () => {
    const items = [
      { path: 'b', n: 1 },
      { path: 'a', n: 2 },
    ];
    const out = sortByCodePoints(items);
    expect(out.map((i) => i.n)).toEqual([2, 1]);
    expect(items.map((i) => i.n)).toEqual([1, 2]);
    expect(out[0]).toBe(items[1]);
  });
});
