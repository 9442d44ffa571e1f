/**
 * The tar reader hands each entry's bytes to its visitor as they are pulled, one entry at a time
 * (tar-read.ts): what a visitor leaves unread is passed over, a body cannot be read once its visit
 * has ended, and a damaged archive is refused as such whatever a visitor made of the failed read.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { AliveError } from '../../scripts/lib/errors.ts';
import { type TarEntry, readTarStream } from '../../scripts/lib/package/tar-read.ts';
import { TarWriter } from '../../scripts/lib/package/tar-writer.ts';

const LIMITS = { maxBytes: 1 << 30, maxEntries: 100, label: 'x.tar' };

async function tarOf(files: Record<string, Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const tar = new TarWriter(async (c) => {
    chunks.push(Buffer.from(c));
  });
  for (const [path, body] of Object.entries(files)) await tar.addFile({ path, size: body.length, mode: 0o644, mtimeSec: 1_700_000_000 }, body);
  await tar.finish();
  return Buffer.concat(chunks);
}

/** `buf` in pieces of `size` bytes, so that bodies and headers span chunks. */
function inPieces(buf: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < buf.length; at += size) pieces.push(buf.subarray(at, at + size));
  return Readable.from(pieces, { objectMode: false });
}

async function bytesOf(e: TarEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of e.body) parts.push(c);
  return Buffer.concat(parts);
}

const FILES = {
  'a.bin': Buffer.alloc(300_000, 'a'),
  'b.txt': Buffer.from('the second file\n'),
  'c.bin': Buffer.alloc(70_000, 'c'),
};

describe('tar reader: bodies are pulled by the visitor', () => {
  for (const piece of [1000, 4096, 1 << 20]) {
    it(`an entry left unread, or read in part, is passed over: the next entry is whole (chunks of ${piece} bytes)`, async () => {
      const seen: Record<string, string> = {};
      await readTarStream(inPieces(await tarOf(FILES), piece), 'none', LIMITS, async (e) => {
        if (e.path === 'a.bin') return; // neither read nor resumed
        if (e.path === 'b.txt') {
          for await (const c of e.body) {
            seen[e.path] = c.subarray(0, 3).toString(); // the first piece only
            break;
          }
          return;
        }
        seen[e.path] = (await bytesOf(e)).toString('latin1');
      });
      expect(seen['b.txt']).toBe('the');
      expect(seen['c.bin']).toBe('c'.repeat(70_000));
    });
  }

  for (const piece of [1000, 4096, 1 << 20]) {
    it(`takeReady hands over what the reader holds without waiting, and with for await reads each byte once, in order (chunks of ${piece} bytes)`, async () => {
      const seen: Record<string, string> = {};
      let ready = 0;
      await readTarStream(inPieces(await tarOf(FILES), piece), 'none', LIMITS, async (e) => {
        const parts: Buffer[] = [];
        const pieces = e.body[Symbol.asyncIterator]();
        for (;;) {
          const now = e.body.takeReady!();
          if (now === null) break;
          if (now !== undefined) {
            ready += now.length;
            parts.push(Buffer.from(now));
            continue;
          }
          const next = await pieces.next();
          if (next.done) break;
          parts.push(Buffer.from(next.value));
        }
        seen[e.path] = Buffer.concat(parts).toString('latin1');
        expect(e.body.takeReady!()).toBeNull();
      });
      for (const [path, body] of Object.entries(FILES)) expect(seen[path], path).toBe(body.toString('latin1'));
      expect(ready).toBeGreaterThan(0);
    });
  }

  it('a body read after its visit ended yields nothing of the entries after it', async () => {
    const kept: TarEntry[] = [];
    const names: string[] = [];
    await readTarStream(inPieces(await tarOf(FILES), 4096), 'none', LIMITS, async (e) => {
      names.push(e.path);
      kept.push(e);
    });
    expect(names).toEqual(Object.keys(FILES));
    for (const e of kept) expect((await bytesOf(e)).length).toBe(0);
    for (const e of kept) expect(e.body.takeReady!()).toBeNull();
  });

  it('a truncated archive is refused as bad_archive, even when the visitor turns the failed read into its own error', async () => {
    const tar = await tarOf(FILES);
    const cut = tar.subarray(0, 200_000); // inside a.bin's body
    const err = await readTarStream(inPieces(cut, 4096), 'none', LIMITS, async (e) => {
      try {
        await bytesOf(e);
      } catch {
        throw new Error('the visitor lost the reason');
      }
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad_archive', message: expect.stringMatching(/x\.tar is not a valid tar archive \(TAR_BAD_ARCHIVE: Truncated input/) });
  });

  it("a visitor's own error ends the read and stops the stream", async () => {
    const source = inPieces(await tarOf(FILES), 4096);
    const err = await readTarStream(source, 'none', LIMITS, async (e) => {
      if (e.path === 'b.txt') throw new Error('enough');
      await bytesOf(e);
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'enough' });
    expect(source.destroyed).toBe(true);
  });
});

/** A seeded xorshift32: the same archives on every run. */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** `b` with one header block changed (type letter, size, name or a base-256 size) and its checksum made right again. */
function withChangedHeader(b: Buffer, rnd: (n: number) => number): void {
  const headers: number[] = [];
  for (let at = 0; at + 512 <= b.length; at += 512) if (b.subarray(at + 257, at + 262).toString('latin1') === 'ustar') headers.push(at);
  const h = headers[rnd(headers.length)]!;
  const what = rnd(4);
  if (what === 0) b[h + 156] = '0xLg52SKVD1'.charCodeAt(rnd(11));
  else if (what === 1) b.write(rnd(2) ? '77777777777' : String(rnd(4000)).padStart(11, '0'), h + 124, 'latin1');
  else if (what === 2) b[h + rnd(100)] = [0x2f, 0x2e, 0x00, 0x5c, 0x41][rnd(5)]!;
  else {
    b[h + 124] = 0x80;
    b[h + 125 + rnd(10)] = rnd(256);
  }
  b.fill(0x20, h + 148, h + 156);
  let sum = 0;
  for (let k = 0; k < 512; k++) sum += b[h + k]!;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, h + 148, 'latin1');
}

describe('tar reader: damaged archives', () => {
  it('ends every one of 1,500 damaged archives with a result or a refusal of its own (no other error, no hang)', async () => {
    const rnd = random(20261205);
    const base = await tarOf({
      'manifest.yaml': Buffer.from('format_version: "2.0.0"\n'),
      'a/b.txt': Buffer.alloc(1500, 'x'),
      [`c/${'l'.repeat(150)}.md`]: Buffer.from('long'),
      'e.txt': Buffer.alloc(0),
    });
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1500; i++) {
      const b = Buffer.from(base);
      let input = b;
      const kind = rnd(4);
      if (kind === 0) for (let k = 0; k <= rnd(4); k++) b[rnd(b.length)] = rnd(256);
      else if (kind === 1) input = b.subarray(0, rnd(b.length));
      // zeros from a point on
      else if (kind === 2) b.fill(0, rnd(b.length));
      else withChangedHeader(b, rnd);
      const visit = rnd(3);
      const outcome = await readTarStream(inPieces(input, 1 + rnd(2000)), 'none', { maxBytes: 1 << 20, maxEntries: 50, label: 'f.tar' }, async (e) => {
        if (visit === 0) return; // left unread
        for await (const _ of e.body) if (visit === 1) break; // read in part, or whole
      }).then(
        () => 'read',
        (err: unknown) => (err instanceof AliveError ? err.code : `not ours: ${String(err)}`),
      );
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()].filter((o) => o.startsWith('not ours'))).toEqual([]);
    // The damage reaches the reader's refusals, not only its happy path.
    expect(outcomes.get('bad_archive')).toBeGreaterThan(100);
    expect(outcomes.get('unsafe_entry')).toBeGreaterThan(10);
    expect(outcomes.get('read')).toBeGreaterThan(100);
  });
});
