/**
 * Ctrl-C during a receive ended it with exit 130 and no word: leftovers stayed until the next
 * receive cleared them, and nothing said whether the world had changed. An interrupted receive
 * now says which: before its commit point nothing was imported; after it, the next receive
 * finishes the import. (The signal's own ending is mocked here; the process goes on.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { makeWorld, testEnv, tmp, v2Manifest, writePackage, type PackageFiles } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('a receive interrupted before its commit point', () => {
  it('tells the caller nothing was imported', async () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n', 'notes/a.md': 'a\n'.repeat(1000) };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    const told: string[] = [];
    let sent = false;
    await receivePackage({
      packagePath: pkg,
      world,
      maxBytes: 1 << 30,
      env,
      onInterrupted: (stage) => told.push(stage),
      onProgress: () => {
        if (sent) return;
        sent = true;
        process.emit('SIGINT', 'SIGINT');
      },
    });
    expect(sent).toBe(true);
    expect(told).toEqual(['before-commit']);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
  });
});
