/**
 * The packs a download's fetch wrote, removed once the package is out of the clone (git-transport.ts
 * download). A chunk of its own: status, inbox and the probe download nothing.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A pack index (version 2, SHA-1) naming one object is this long: 8 + 1024 + 20 + 4 + 4 + 2 × 20. */
const ONE_OBJECT_IDX_BYTES = 1100;

/**
 * Removes the packs that hold nothing but blob `oid`: what a download's fetch writes. The clone is
 * blob-less, yet it kept every package pulled, whole, for good (twice on the disk, and a peer's
 * junk still there after the user deleted it from unverified/). Nothing else needs the blob: the
 * listing reads trees, and a deletion commit only names it. Best effort: a pack left is only disk.
 */
export function dropBlobPacks(packDir: string, oid: string): void {
  let names: string[];
  try {
    names = readdirSync(packDir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^(pack-[0-9a-f]+)\.idx$/.exec(name);
    if (!m || names.includes(`${m[1]}.keep`)) continue;
    try {
      const path = join(packDir, name);
      if (statSync(path).size !== ONE_OBJECT_IDX_BYTES) continue;
      const idx = readFileSync(path);
      const soleObject = idx.readUInt32BE(0) === 0xff744f63 && idx.readUInt32BE(4) === 2 && idx.readUInt32BE(8 + 255 * 4) === 1;
      if (!soleObject || idx.subarray(1032, 1052).toString('hex') !== oid) continue;
      // The index first: git finds packs by their index, so no reader is left with half a pack.
      for (const ext of ['idx', 'pack', 'rev', 'promisor']) rmSync(join(packDir, `${m[1]}.${ext}`), { force: true });
    } catch {
      // gone already, or unreadable: left as it is
    }
  }
}
