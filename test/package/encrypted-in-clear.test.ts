/**
 * A 2.0 manifest that says `encrypted: true` describes a package whose files are sealed in
 * payload.enc. The same manifest over files in clear is a copy someone decrypted and passed on
 * (its signature, if any, still holds: it covers the manifest, not the envelope). It was refused
 * only when the files came after the manifest; before it, the package read as a signed plain one
 * ("Encrypted: no  Signed: yes, valid") and receive imported it. Refused in either order now.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { serializeManifest, utcStamp } from '../../scripts/lib/package/manifest.ts';
import { listing, tmp } from '../receive/helpers.ts';

/** A package of `files` under a 2.0 manifest saying `encrypted: true`, the files before or after it. */
async function inClear(dir: string, filesFirst: boolean): Promise<string> {
  const files = { 'notes/a.md': 'decrypted and passed on\n' };
  const manifest = Buffer.from(
    serializeManifest({
      walnut: 'w',
      scope: 'full',
      created: utcStamp(new Date('2026-03-01T10:00:00Z')),
      encrypted: true,
      files: listing(files),
      pluginVersion: '2.0.0',
    }),
  );
  const path = join(dir, `in-clear-${filesFirst ? 'first' : 'after'}.walnut`);
  await writeTarGz(path, async (tar) => {
    const add = async (p: string, b: Buffer) => tar.addFile({ path: p, size: b.length, mode: 0o644, mtimeSec: 1_700_000_000 }, b);
    if (!filesFirst) await add('manifest.yaml', manifest);
    for (const [p, c] of Object.entries(files)) await add(p, Buffer.from(c));
    if (filesFirst) await add('manifest.yaml', manifest);
  });
  return path;
}

describe('a 2.0 manifest that says encrypted, over files in clear', () => {
  for (const filesFirst of [true, false]) {
    it(`is refused by verify and extract, the files ${filesFirst ? 'before' : 'after'} the manifest`, async () => {
      const dir = tmp();
      const pkg = await inClear(dir, filesFirst);
      const verified = await runCaptured(verifyCommand, [pkg, '--json']);
      expect(verified.code).toBe(1);
      expect(JSON.parse(verified.stdout).error.code).toBe('unlisted_file');
      const out = join(dir, 'out');
      const extracted = await runCaptured(extractCommand, [pkg, '--output', out]);
      expect(extracted.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    });
  }
});
