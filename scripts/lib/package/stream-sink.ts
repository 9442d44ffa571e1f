import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ByteSink } from './gzip-writer.ts';

/**
 * A ByteSink that writes into a stream and waits when the stream asks it to. The listeners of
 * each wait are removed when it ends (one per full buffer piled up on long streams otherwise).
 */
export function writableSink(stream: Writable): ByteSink {
  return async (chunk) => {
    if (stream.destroyed) throw stream.errored ?? new Error('stream closed');
    if (!stream.write(chunk)) {
      const done = new AbortController();
      try {
        await Promise.race([
          once(stream, 'drain', { signal: done.signal }),
          once(stream, 'error', { signal: done.signal }).then(([err]) => {
            throw err;
          }),
        ]);
      } finally {
        done.abort();
      }
    }
  };
}
