import { createHash } from 'node:crypto';
import type { FileSink, FileDigest } from './sinks.ts';
import type { TarWriter } from './tar-writer.ts';

/** A FileSink that re-packs what a package reader yields into another tar stream (re-encrypting). */
export function tarSink(tar: TarWriter): FileSink {
  return {
    async writeFile(path, mode, mtimeSec, body, size) {
      const hash = createHash('sha256');
      let n = 0;
      async function* hashed(): AsyncGenerator<Buffer> {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          n += chunk.length;
          yield chunk;
        }
      }
      await tar.addFile({ path, size: size ?? 0, mode: mode & 0o111 ? 0o755 : 0o644, mtimeSec }, hashed());
      return { sha256: hash.digest('hex'), size: n } satisfies FileDigest;
    },
  };
}
