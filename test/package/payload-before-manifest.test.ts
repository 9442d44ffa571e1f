/**
 * Readers must not depend on member order (walnut-package-v2.md §2.1): `tar czf x -C dir .` puts
 * entries in readdir order. A member named payload.enc or payload.key met before manifest.yaml
 * crashed the reader once it kept its manifest lookups by index ("unexpected failure: Cannot read
 * properties of undefined (reading 'files')"): the question "is this name listed?" was asked of a
 * manifest not read yet. Found by a review of the day's memory rewrite.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { tmp, v2Manifest } from '../receive/helpers.ts';

const KEY = { '_kernel/key.md': '---\ntype: venture\n---\n# k\n' };

async function packageOf(entries: Array<[string, string]>): Promise<string> {
  const pkg = join(tmp('payload-first'), 'p.walnut');
  await writeTarGz(pkg, async (tar) => {
    for (const [p, c] of entries) await tar.addFile({ path: p, size: Buffer.byteLength(c), mode: 0o644, mtimeSec: 1_700_000_000 }, Buffer.from(c));
  });
  return pkg;
}

describe('a member named payload.enc before manifest.yaml', () => {
  it('listed in the manifest of a plain package: verified as any file', async () => {
    const files = { 'payload.enc': 'aaa\n', ...KEY };
    const pkg = await packageOf([
      ['payload.enc', 'aaa\n'],
      ['manifest.yaml', v2Manifest('fine', 'full', files)],
      ['_kernel/key.md', KEY['_kernel/key.md']],
    ]);
    const r = await runCaptured(verifyCommand, [pkg, '--json']);
    expect(r.stderr).not.toMatch(/unexpected/);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('not listed: refused as a file the manifest does not list, not an internal error', async () => {
    const pkg = await packageOf([
      ['payload.enc', 'aaa\n'],
      ['manifest.yaml', v2Manifest('fine', 'full', KEY)],
      ['_kernel/key.md', KEY['_kernel/key.md']],
    ]);
    const r = await runCaptured(verifyCommand, [pkg, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).not.toBe('unexpected');
  });

  it('with no manifest at all: missing_manifest', async () => {
    const pkg = await packageOf([['payload.enc', 'abc']]);
    const r = await runCaptured(verifyCommand, [pkg, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('missing_manifest');
  });
});
