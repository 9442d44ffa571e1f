/**
 * Snapshot packages are display-only (cli.md 4): the package is verified, its manifest summary
 * and key.md / insights.md are returned as data, and nothing is written anywhere.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { readPackage, type ReadOptions, type ReadResult } from '../package/read-package.ts';
import type { FileSink } from '../package/sinks.ts';

const SHOWN = new Map<string, 'key_md' | 'insights_md'>([
  ['_kernel/key.md', 'key_md'],
  ['_core/key.md', 'key_md'],
  ['_kernel/insights.md', 'insights_md'],
  ['_core/insights.md', 'insights_md'],
]);
const SHOW_LIMIT = 256 * 1024;

export interface ShownText {
  text: string;
  truncated: boolean;
}

export interface SnapshotView {
  /** The sender's documents: shown fenced, and under `untrusted` in JSON. */
  untrusted: { key_md: ShownText | null; insights_md: ShownText | null };
  files: string[];
}

/** Hashes everything, keeps the first SHOW_LIMIT bytes of the files worth showing. */
function captureSink(view: SnapshotView): FileSink {
  return {
    async writeFile(path, _mode, _mtime, body: Readable) {
      const hash = createHash('sha256');
      const keep = SHOWN.get(path);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of body as AsyncIterable<Buffer>) {
        hash.update(c);
        if (keep && size < SHOW_LIMIT) chunks.push(c);
        size += c.length;
      }
      if (keep) {
        const buf = Buffer.concat(chunks).subarray(0, SHOW_LIMIT);
        view.untrusted[keep] = { text: buf.toString('utf8'), truncated: size > SHOW_LIMIT };
      }
      return { sha256: hash.digest('hex'), size };
    },
  };
}

export async function readSnapshot(pkg: string, opts: ReadOptions): Promise<{ read: ReadResult; view: SnapshotView }> {
  const view: SnapshotView = { untrusted: { key_md: null, insights_md: null }, files: [] };
  const read = await readPackage(pkg, captureSink(view), opts);
  view.files = read.manifest.files.map((f) => f.path);
  return { read, view };
}
