import { createHash } from 'node:crypto';
import { inCodePointOrder, sortByCodePoints } from './safe-path.ts';
import type { ManifestFile } from './manifest.ts';

/**
 * v3's payload_sha256 (walnut-v3-notes.md 1.4): files sorted by path (code points), each
 * contributing UTF-8 path, NUL, hex sha256, NUL, decimal size, LF.
 */
export function filesDigestV3(files: Iterable<ManifestFile>): string {
  // Hashed a batch of lines at a time: one update per file was slow, and the whole text at once
  // (with its lines and a sorted copy of the list) took about 250 bytes a file while it was built.
  const hash = createHash('sha256');
  const batch: string[] = [];
  for (const f of inCodePointOrder(files) ? files : sortByCodePoints([...files])) {
    batch.push(`${f.path}\0${f.sha256}\0${f.size}\n`);
    if (batch.length === DIGEST_BATCH) {
      hash.update(batch.join(''), 'utf8');
      batch.length = 0;
    }
  }
  return hash.update(batch.join(''), 'utf8').digest('hex');
}

const DIGEST_BATCH = 1024;
