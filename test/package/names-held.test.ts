/**
 * What the reader keeps of the names it has met is bounded (tar-read.ts, NAMES_HELD_LIMIT): it
 * remembers every entry's name, and every folder above it, to refuse a name used twice or as a file
 * and a folder. Before the manifest nothing else bounds those names but the 100,000-entry limit: a
 * package of 100,000 entries with 3 KB pax names took verify to 537 MB, and 5,000 entries 2,040
 * folders deep (each a new folder: 10 million names) to 1.27 GB and 52 s of CPU, from packages of
 * 2.7 MB and 192 KB. The reader now counts what it keeps and refuses the entry that takes it past
 * the limit (`too_large`), at its header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { runNode } from '../../bench/lib.ts';
import { NAMES_HELD_LIMIT } from '../../scripts/lib/package/limits.ts';
import { readTarStream } from '../../scripts/lib/package/tar-read.ts';
import { CLI, rmrf, sandboxEnv, tempRoot } from './helpers.ts';
import { TAR_END, entriesFor, paxData, paxMember, rawMember, refManifest } from './tar-fixtures.ts';

/** An entry named by a pax path: each in a folder of its own, `depth` folders deep. */
function* deepEntries(count: number, depth: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) {
    yield paxMember(paxData([['path', `d${i}/${'a/'.repeat(depth)}f`]]));
    yield rawMember('placeholder', '');
  }
  yield TAR_END;
}

/** Entries whose pax names are about 3 KB: twelve folders of 250 bytes, each entry in its own. */
function* wideEntries(count: number): Generator<Buffer> {
  const middle = `${'x'.repeat(250)}/`.repeat(11);
  for (let i = 0; i < count; i++) {
    yield paxMember(paxData([['path', `w${i}/${middle}f`]]));
    yield rawMember('placeholder', '');
  }
  yield TAR_END;
}

async function writeGzip(path: string, parts: Iterable<Buffer>): Promise<string> {
  const gz = createGzip({ level: 1 });
  const out = gz.pipe(createWriteStream(path));
  for (const part of parts) if (!gz.write(part)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await finished(out);
  return path;
}

let root: string;
beforeAll(() => {
  root = tempRoot('names-held');
});
afterAll(() => rmrf(root));

const LIMITS = { maxBytes: 1 << 30, maxEntries: 100_000, label: 'x.tar' };
/** In-process, a sixteenth of the limit: the same count, reached with a sixteenth of the work (the child process below meets the real one). */
const SMALL = { ...LIMITS, maxNamesHeld: NAMES_HELD_LIMIT / 16 };

describe('names the reader keeps: bounded', () => {
  it('entries 2,040 folders deep, each in a new folder, are refused once their names pass the limit (too_large), unread after it', async () => {
    let seen = 0;
    const err = await readTarStream(Readable.from(deepEntries(2_000, 2_040)), 'none', SMALL, async () => {
      seen += 1;
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(new RegExp(`^x\\.tar holds more names than a package can \\(keeping them takes more than ${SMALL.maxNamesHeld} bytes`)),
    });
    // 2,041 names an entry: about 128 bytes each kept, the limit is met after some 16 entries.
    expect(seen).toBeGreaterThan(5);
    expect(seen).toBeLessThan(100);
  }, 60_000);

  it('entries with 3 KB pax names, each in twelve folders of its own, are refused the same way, long before the 100,000-entry limit', async () => {
    let seen = 0;
    const err = await readTarStream(Readable.from(wideEntries(100_000)), 'none', SMALL, async () => {
      seen += 1;
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too_large', message: expect.stringMatching(/holds more names than a package can/) });
    // Some 4 KB kept an entry (its names' text, and 128 bytes each): about 950 are read.
    expect(seen).toBeGreaterThan(100);
    expect(seen).toBeLessThan(3_000);
  }, 60_000);

  it('a package whose names stay below the limit is read as before (a manifest, files in deep folders)', async () => {
    const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`n${i}/${'deep/'.repeat(200)}f.md`, `file ${i}\n`]));
    const tar = Buffer.concat([
      rawMember('manifest.yaml', refManifest({ files: entriesFor(files) })),
      ...Object.entries(files).flatMap(([name, data]) => [paxMember(paxData([['path', name]])), rawMember('placeholder', data)]),
      TAR_END,
    ]);
    const names: string[] = [];
    await readTarStream(Readable.from([tar]), 'none', LIMITS, async (e) => {
      names.push(e.path);
    });
    expect(names).toEqual(['manifest.yaml', ...Object.keys(files)]);
  });

  // A child process's peak RSS (a memory bound, not a timing): before the bound, the deep package
  // took verify past 400 MiB (three million names), and 60,000 wide entries past 500 MiB. The wide
  // ones meet the same count (above, in-process): made and read here, they cost 5 s of the suite's CPU.
  it('verify of such a package stays under 220 MiB (child process peak RSS) and refuses it', async () => {
    const env = sandboxEnv(root);
    const deep = await writeGzip(join(root, 'deep.walnut'), deepEntries(1_500, 2_040));
    for (const pkg of [deep]) {
      const r = runNode(CLI, ['verify', pkg], { env, cwd: root });
      expect(r.peakRssMb, 'peak RSS was not measured').toBeGreaterThan(10);
      expect(r.peakRssMb!, `${pkg}: peak RSS ${r.peakRssMb!.toFixed(0)} MiB`).toBeLessThan(220);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/holds more names than a package can/);
    }
  }, 180_000);
});
