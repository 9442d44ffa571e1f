/**
 * A snapshot is display-only: it writes nothing, so showing one needs no world. Any other scope
 * still needs one, and says how to give it.
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { AliveError } from '../../scripts/lib/errors.ts';
import { testEnv, tmp, writePackage, v2Manifest, type PackageFiles } from './helpers.ts';

const MAX = 1 << 30;

describe('receive outside any world', () => {
  const base = tmp();
  const { ALIVE_WORLD_ROOT: _unset, ...env } = testEnv(base);
  const away = join(base, 'not-a-world');
  mkdirSync(away);

  it('shows a snapshot and writes nothing', async () => {
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: grow\n---\n', '_kernel/insights.md': '# Insights\n' };
    const pkg = await writePackage(join(base, 'snap.walnut'), v2Manifest('garden', 'snapshot', files), files);
    const r = await receivePackage({ packagePath: pkg, cwd: away, maxBytes: MAX, env });
    expect(r.scope).toBe('snapshot');
    expect(r.snapshot?.untrusted.key_md?.text).toContain('goal: grow');
    expect(readdirSync(away)).toEqual([]);
  });

  it('refuses a full package, naming --world', async () => {
    const files: PackageFiles = { '_kernel/key.md': '---\ngoal: g\n---\n' };
    const pkg = await writePackage(join(base, 'full.walnut'), v2Manifest('garden', 'full', files), files);
    const err = await receivePackage({ packagePath: pkg, cwd: away, maxBytes: MAX, env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AliveError);
    expect((err as AliveError).code).toBe('no_world');
    expect((err as AliveError).message).toContain('pass --world DIR');
    expect(readdirSync(away)).toEqual([]);
  });
});
