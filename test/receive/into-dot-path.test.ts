/**
 * `--into ./04_Ventures/acme`, run from beside the world: a path starting with `.` is taken from the
 * current folder (so that `--into .` in a walnut is that walnut), and the refusal said the opposite
 * ("relative paths are taken from the world's root") with no way on (a review of 2026-12-08). It
 * says where such a path is taken from, and the world's folder of that name when there is one.
 */
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resolveInside } from '../../scripts/lib/receive/target.ts';

it('a ./ path that names nothing from the current folder: says so, and names the world-relative folder', () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'into-dot-')));
  const world = join(base, 'world');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(join(world, '04_Ventures', 'acme'), { recursive: true });
  expect(() => resolveInside(world, './04_Ventures/acme', '--into', base)).toThrow(
    "--into ./04_Ventures/acme does not exist (ENOENT): a path starting with . is taken from the current folder; from the world's root it is --into 04_Ventures/acme",
  );
  expect(() => resolveInside(world, '04_Ventures/acm', '--into', base)).toThrow(
    "--into 04_Ventures/acm does not exist in the world (ENOENT): relative paths are taken from the world's root; did you mean --into 04_Ventures/acme?",
  );
  expect(resolveInside(world, '04_Ventures/acme', '--into', base)).toBe(join(world, '04_Ventures', 'acme'));
});
