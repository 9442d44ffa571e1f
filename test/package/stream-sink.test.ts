/**
 * writableSink waits for 'drain' when a stream asks it to; the listeners it adds for that wait go
 * once the wait is over (they piled up, one per full buffer, until Node warned of a leak on the
 * cipher stream of an encrypted package).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writableSink } from '../../scripts/lib/package/stream-sink.ts';

describe('writableSink', () => {
  it('leaves no listeners behind after many waits for drain', async () => {
    let written = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        setImmediate(cb);
      },
    });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const sink = writableSink(slow);
      for (let i = 0; i < 50; i++) await sink(Buffer.alloc(64, i));
      expect(written).toBeGreaterThan(0);
      expect(slow.listenerCount('error')).toBeLessThanOrEqual(1);
      expect(slow.listenerCount('drain')).toBeLessThanOrEqual(1);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('still fails with the stream error while waiting', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, cb) {
        setImmediate(() => cb(new Error('disk gone')));
      },
    });
    broken.on('error', () => {});
    const sink = writableSink(broken);
    await expect(sink(Buffer.alloc(10))).rejects.toThrow('disk gone');
  });
});
