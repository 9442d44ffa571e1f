/**
 * After a receive that held agent files back, the warning names a command to take them instead;
 * run as given, that command must work (found following the warning as a user would).
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { makeWalnut, makeWorld, testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

async function asHome<T>(home: string | undefined, fn: () => Promise<T>): Promise<T> {
  const prior = process.env.ALIVE_HOME;
  process.env.ALIVE_HOME = home;
  try {
    return await fn();
  } finally {
    if (prior === undefined) delete process.env.ALIVE_HOME;
    else process.env.ALIVE_HOME = prior;
  }
}

/** The flags the warning suggests ("… or receive again with FLAGS if you trust the sender"), NEWNAME filled in. */
function suggestedFlags(stderr: string): string[] {
  const m = /receive again with (.+?) if you trust the sender/.exec(stderr);
  expect(m, stderr).not.toBeNull();
  return m![1]!.split(' ').map((w) => (w === 'NEWNAME' ? 'garden-2' : w));
}

describe('the held-back warning names a command that works', () => {
  it('full package: taking the agent files is a second walnut beside the first (--as), not a conflict', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    const files: PackageFiles = { '_kernel/key.md': 'k\n', 'CLAUDE.md': 'be nice\n', 'notes.md': 'n\n' };
    const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('garden', 'full', files), files);
    await asHome(env.ALIVE_HOME, async () => {
      const first = await runCaptured(receiveCommand, [pkg, '--world', world]);
      expect(first.code, first.stderr).toBe(0);
      const again = await runCaptured(receiveCommand, [pkg, '--world', world, ...suggestedFlags(first.stderr)]);
      expect(again.code, again.stderr).toBe(0);
      expect(existsSync(join(world, '03_Inbox', 'garden-2', 'CLAUDE.md'))).toBe(true);
    });
  });

  it('bundle package: no command is offered (a second receive would land the bundle again beside the first)', async () => {
    const base = tmp();
    const env = testEnv(base);
    const world = makeWorld(base, { layout: 'v2' });
    makeWalnut(join(world, '04_Ventures', 'home'), { layout: 'v2' });
    const files: PackageFiles = { 'bundles/b/context.manifest.yaml': 'goal: b\n', 'bundles/b/CLAUDE.md': 'x\n' };
    const pkg = await writePackage(join(base, 'b.walnut'), v2Manifest('garden', 'bundle', files, { bundles: ['b'] }), files);
    await asHome(env.ALIVE_HOME, async () => {
      const first = await runCaptured(receiveCommand, [pkg, '--world', world, '--into', '04_Ventures/home']);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/move what you want into place yourself \(a second receive would land a second copy of the bundles\)/);
      expect(first.stderr).not.toContain('--allow-agent-files');
    });
  });
});
