/**
 * `.alive/held-back/` is where receive keeps a package's agent files (a CLAUDE.md in a bundle, say),
 * renamed there after the journal's commit point. Preflight checked only that it was a writable
 * folder, following links: a link there (planted through a synced folder, as the README's threat
 * model has it for journals) made receive write the sender's files outside the world, and one to
 * another file system failed that rename with EXDEV after the bundle was in the walnut: no log
 * entry, no ledger record, and a journal recovery refuses (it confines held-back to the real
 * .alive). Like `.alive/receiving/`, it must be a real folder inside `.alive/`, checked before
 * anything is written; `.alive/` itself may still be a link.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWalnut, makeWorld, testEnv, tmp, tree, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;
const agentBundle: PackageFiles = { 'bundles/nb/context.manifest.yaml': 'goal: nb\n', 'bundles/nb/CLAUDE.md': 'the sender’s instructions\n' };

async function setUp(linkTo: (base: string) => string) {
  const base = tmp();
  const env = testEnv(base);
  const world = makeWorld(base, { layout: 'v2' });
  makeWalnut(join(world, '04_Ventures', 'garden'), { layout: 'v2' });
  const outside = linkTo(base);
  symlinkSync(outside, join(world, '.alive', 'held-back'));
  const pkg = await writePackage(join(base, 'nb.walnut'), v2Manifest('garden', 'bundle', agentBundle, { bundles: ['nb'] }), agentBundle);
  return { env, world, outside, pkg };
}

/** A writable folder on another file system than the suite's temporary folders, where the machine has one. */
function otherFileSystem(): string | undefined {
  const here = statSync(tmp('dev')).dev;
  for (const d of ['/dev/shm', '/var/tmp', '/tmp', tmpdir()]) {
    try {
      accessSync(d, constants.W_OK);
      if (statSync(d).dev !== here) return d;
    } catch {
      // not there, or not ours to write
    }
  }
  return undefined;
}
const other = otherFileSystem();

describe('a link at .alive/held-back', () => {
  const places = {
    'a folder outside the world': (base: string) => {
      const d = join(base, 'outside');
      mkdirSync(d);
      return d;
    },
    'a folder on another file system': () => mkdtempSync(join(other!, 'alive-held-')),
  };
  for (const [name, linkTo] of Object.entries(places)) {
    // The second case needs two file systems (this machine and CI have /dev/shm and /tmp apart).
    it.skipIf(name.includes('another') && other === undefined)(`to ${name} is refused before anything is written, and nothing lands there`, async () => {
      const { env, world, outside, pkg } = await setUp(linkTo);
      const before = tree(world);
      await expect(receivePackage({ packagePath: pkg, world, into: '04_Ventures/garden', maxBytes: MAX, env })).rejects.toThrow(
        /held-back is a link; receive keeps a package's agent files there/,
      );
      expect(readdirSync(outside)).toEqual([]);
      expect(tree(world)).toEqual(before);
      rmSync(outside, { recursive: true });
    });
  }
});
