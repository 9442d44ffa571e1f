/**
 * `--into` is taken from the world's root, while the shell completes paths from the current
 * folder: `--into world/04_Ventures/garden` typed from above the world, or a typo like
 * `04_Ventres`, named a folder that does not exist and said only that. The refusal now says which
 * --into the user most likely meant; it still refuses (nothing is guessed into place).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInside, resolveWorld } from '../../scripts/lib/receive/target.ts';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-into-hint-')));
const world = join(base, 'world');
for (const d of ['.alive', '03_Inbox', '04_Ventures/garden/_kernel', '02_Life']) mkdirSync(join(world, d), { recursive: true });
mkdirSync(join(base, 'elsewhere', '04_Ventures'), { recursive: true });
afterAll(() => rmSync(base, { recursive: true, force: true }));

function refusal(path: string, cwd: string): string {
  try {
    resolveInside(world, path, '--into', cwd);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`--into ${path} was accepted`);
}

describe('--into that does not exist in the world', () => {
  it('a path typed from the current folder: names the world-relative --into it means', () => {
    expect(refusal('world/04_Ventures/garden', base)).toBe(
      "--into world/04_Ventures/garden does not exist in the world (ENOENT): relative paths are taken from the world's root; from the current folder it is --into 04_Ventures/garden",
    );
  });

  it('a typo in the last name: names the closest folder there', () => {
    expect(refusal('04_Ventres', base)).toBe(
      "--into 04_Ventres does not exist in the world (ENOENT): relative paths are taken from the world's root; did you mean --into 04_Ventures?",
    );
    expect(refusal('04_Ventures/gardn', base)).toMatch(/; did you mean --into 04_Ventures\/garden\?$/);
  });

  it('no guess for a path outside the world, or nothing close', () => {
    expect(refusal('elsewhere/04_Ventures', base)).toBe(
      "--into elsewhere/04_Ventures does not exist in the world (ENOENT): relative paths are taken from the world's root",
    );
    expect(refusal('zzzzzzzz', base)).toBe("--into zzzzzzzz does not exist in the world (ENOENT): relative paths are taken from the world's root");
  });

  it('a path that exists is taken as before', () => {
    expect(resolveInside(world, '04_Ventures/garden', '--into', base)).toBe(join(world, '04_Ventures', 'garden'));
  });
});

describe('--world that is a folder inside a world', () => {
  it('names the world root above it', () => {
    let message = '';
    try {
      resolveWorld(join(world, '04_Ventures'), { ALIVE_HOME: join(base, 'home') }, base);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      `${join(world, '04_Ventures')} is not an ALIVE world (it has no .alive/ folder, nor both 01_Archive/ and 02_Life/); it is inside the world ${world}: pass --world ${world}`,
    );
  });

  it("a walnut holding .alive/ (its squirrels' sessions) is a walnut, not the world: names the world root above it", () => {
    const walnut = join(world, '04_Ventures', 'sessions');
    mkdirSync(join(walnut, '.alive', '_squirrels'), { recursive: true });
    mkdirSync(join(walnut, '_kernel'), { recursive: true });
    writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n');
    expect(() => resolveWorld(walnut, { ALIVE_HOME: join(base, 'home') }, base)).toThrow(
      `${walnut} is not an ALIVE world (it is a walnut: it holds _kernel/key.md); it is inside the world ${world}: pass --world ${world}`,
    );
    // Found from inside it, the world is the one above.
    expect(resolveWorld(undefined, { ALIVE_HOME: join(base, 'home') }, join(walnut, '_kernel'))).toBe(world);
  });

  it('outside any world: says to pass the root, as before', () => {
    expect(() => resolveWorld(join(base, 'elsewhere'), { ALIVE_HOME: join(base, 'home') }, base)).toThrow(
      `${join(base, 'elsewhere')} is not an ALIVE world (it has no .alive/ folder, nor both 01_Archive/ and 02_Life/); pass the world's root folder`,
    );
  });
});

describe('--into for a full package', () => {
  it('refuses a folder inside a walnut (its _kernel, a bundle), as it refuses a walnut: a new walnut would land in another one', async () => {
    const { resolveTarget } = await import('../../scripts/lib/receive/target.ts');
    const { parseManifest } = await import('../../scripts/lib/package/manifest.ts');
    const m = parseManifest(
      `format_version: "2.0.0"\nsource:\n  walnut: wal\nscope: full\ncreated: "2026-01-01T00:00:00Z"\nencrypted: false\nfiles:\n  - path: _kernel/key.md\n    sha256: ${'a'.repeat(64)}\n    size: 1\n`,
    );
    mkdirSync(join(world, '04_Ventures', 'garden', 'bundles', 'b'), { recursive: true });
    writeFileSync(join(world, '04_Ventures', 'garden', '_kernel', 'key.md'), '# garden\n');
    for (const into of ['04_Ventures/garden', '04_Ventures/garden/_kernel', '04_Ventures/garden/bundles/b']) {
      expect(() => resolveTarget(world, m, { into }), into).toThrow(/is (a walnut|inside the walnut 04_Ventures\/garden)/);
    }
    expect(resolveTarget(world, m, { into: '04_Ventures' })).toMatchObject({ scope: 'full', name: 'wal' });
  });
});

describe('--into written from the current folder (., ./NAME, ../NAME)', () => {
  it('is taken from the current folder, as the shell would take it; other relative paths from the world root', () => {
    const garden = join(world, '04_Ventures', 'garden');
    expect(resolveInside(world, '.', '--into', garden)).toBe(garden);
    expect(resolveInside(world, './garden', '--into', join(world, '04_Ventures'))).toBe(garden);
    expect(resolveInside(world, '../garden', '--into', join(world, '04_Ventures', 'other'))).toBe(garden);
    expect(resolveInside(world, '04_Ventures/garden', '--into', join(world, '02_Life'))).toBe(garden);
    // Still inside the world only.
    expect(refusal('..', world)).toMatch(/is outside the world/);
  });
});
