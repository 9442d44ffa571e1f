/**
 * A package path that is not a regular file (a FIFO, a folder) is refused at once as unreadable,
 * by every reader: opening a FIFO with no writer blocked verify, extract and info for good.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';

const dir = mkdtempSync(join(tmpdir(), 'alive-not-a-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = join(dir, 'pipe.walnut');
execFileSync('mkfifo', [fifo]);
const folder = join(dir, 'folder.walnut');
mkdirSync(folder);

describe('a package path that is not a regular file', () => {
  for (const [what, path] of [
    ['a FIFO', fifo],
    ['a folder', folder],
  ] as const) {
    it(`${what}: the reader and the head reader refuse it as unreadable, naming it`, { timeout: 5000 }, async () => {
      // A folder is most often a walnut given where its package was meant: say what to give instead.
      const message =
        what === 'a folder'
          ? `${path} is a folder, not a package file; give the .walnut file's path (alive-p2p create packs a walnut folder into one)`
          : `cannot read ${path} (not a regular file); check the path`;
      const refused = { code: 'unreadable', message };
      await expect(readPackage(path, hashOnlySink, { maxBytes: 1 << 20 })).rejects.toMatchObject(refused);
      await expect(readPackageHead(path)).rejects.toMatchObject(refused);
    });
  }
});
