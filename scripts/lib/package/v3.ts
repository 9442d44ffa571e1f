import { createHash } from 'node:crypto';
import { compareCodePoints } from './safe-path.ts';
import type { ManifestFile } from './manifest.ts';

/**
 * v3's payload_sha256 (walnut-v3-notes.md 1.4): files sorted by path (code points), each
 * contributing UTF-8 path, NUL, hex sha256, NUL, decimal size, LF.
 */
export function filesDigestV3(files: ManifestFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => compareCodePoints(a.path, b.path))) {
    h.update(f.path, 'utf8');
    h.update('\0');
    h.update(f.sha256, 'ascii');
    h.update('\0');
    h.update(String(f.size), 'ascii');
    h.update('\n');
  }
  return h.digest('hex');
}
