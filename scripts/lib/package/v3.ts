import { createHash } from 'node:crypto';
import { sortByCodePoints } from './safe-path.ts';
import type { ManifestFile } from './manifest.ts';

/**
 * v3's payload_sha256 (walnut-v3-notes.md 1.4): files sorted by path (code points), each
 * contributing UTF-8 path, NUL, hex sha256, NUL, decimal size, LF.
 */
export function filesDigestV3(files: ManifestFile[]): string {
  // One update of the whole text, not six per file.
  const lines = sortByCodePoints(files).map((f) => `${f.path}\0${f.sha256}\0${f.size}\n`);
  return createHash('sha256').update(lines.join(''), 'utf8').digest('hex');
}
