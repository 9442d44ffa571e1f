/**
 * The tar reader hands each entry's bytes to its visitor as they are pulled, one entry at a time
 * (tar-read.ts): what a visitor leaves unread is passed over, a body cannot be read once its visit
 * has ended, and a damaged archive is refused as such whatever a visitor made of the failed read.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
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

  it('a body read after its visit ended yields nothing of the entries after it', async () => {
    const kept: TarEntry[] = [];
    const names: string[] = [];
    await readTarStream(inPieces(await tarOf(FILES), 4096), 'none', LIMITS, async (e) => {
      names.push(e.path);
      kept.push(e);
    });
    expect(names).toEqual(Object.keys(FILES));
    for (const e of kept) expect((await bytesOf(e)).length).toBe(0);
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
