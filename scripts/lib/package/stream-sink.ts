import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ByteSink } from './gzip-writer.ts';

/** A ByteSink that writes into a stream and waits when the stream asks it to. */
export function writableSink(stream: Writable): ByteSink {
  return async (chunk) => {
    if (stream.destroyed) throw stream.errored ?? new Error('stream closed');
    if (!stream.write(chunk)) {
      await Promise.race([
        once(stream, 'drain'),
        once(stream, 'error').then(([err]) => {
          throw err;
        }),
      ]);
    }
  };
}
