/**
 * What create and the package reader keep per file, measured in a child process (node
 * --expose-gc, test/package/per-file-memory-child.ts): the bytes the heap and the buffers outside
 * it hold after full collections, for a walnut of 8,000 files (paths of 40-odd characters) less one
 * of 20 (what a run keeps whatever its files), per file. create kept an object per file with its
 * walnut and absolute paths as strings of their own, a digest object with its hash in hex, and a
 * manifest entry object: about 600 bytes a file. The reader kept, besides the manifest it returns, a
 * digest per file, a map of the manifest's entries and every name it met as a string in a map:
 * about 420 bytes a file. And a memo of every path segment folded (a file name each) was built
 * three times at the end of an extract. 100,000 files took create and extract 190 MB more memory
 * than a few.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childModules } from '../support/child-modules.ts';
import { makeWalnut, rmrf, tempRoot } from './helpers.ts';

const FILES = 8000;
const FEW = 20;
/** The package's last file, of 6 MiB: the reader is measured once it has read it whole. */
const LAST = 'zz-last.bin';
const bundled = childModules();
let root = '';
let measured: { plan: number; reader: number; memo: number };

/** A walnut of `count` small files, 100 to a folder (`bundles/project-0/raw/batch-12/note-1234.md`), and LAST. */
function walnutOf(dir: string, count: number): string {
  makeWalnut(dir);
  for (let i = 0; i < count; i++) {
    const folder = join(dir, 'bundles', `project-${Math.floor(i / 1000)}`, 'raw', `batch-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `note-${i}.md`), `note ${i}\n`);
  }
  const filler = Buffer.alloc(6 * 1024 * 1024);
  for (let i = 0, x = 7; i < filler.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    filler[i] = x >>> 24;
  }
  writeFileSync(join(dir, LAST), filler);
  return dir;
}

beforeAll(async () => {
  root = tempRoot('per-file-memory');
  const many = walnutOf(join(root, 'many'), FILES);
  const few = walnutOf(join(root, 'few'), FEW);
  const url = await bundled('test/package/per-file-memory-child.ts');
  // key.md and LAST besides the small files.
  const code = `import(${JSON.stringify(url)}).then((m) => m.measure(process.argv[1], process.argv[2], ${FILES + 2}, ${FEW + 2}, ${JSON.stringify(LAST)}, process.argv[3]))`;
  // One thread for the decompressor: how many spare buffers the reader holds then depends on nothing else.
  const r = spawnSync(process.execPath, ['--expose-gc', '--no-flush-bytecode', '--single-threaded-gc', '--input-type=module', '-e', code, many, few, root], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  measured = JSON.parse(r.stdout);
});
afterAll(() => rmrf(root));

describe('what is kept per file', () => {
  it('create: a planned, hashed file takes under 300 bytes (its package path, numbers and SHA-256)', () => {
    expect(measured.plan).toBeGreaterThan(0);
    expect(measured.plan).toBeLessThan(300);
  });

  it('the reader, once it has read the last file: under 320 bytes a file besides the manifest it returns', () => {
    expect(measured.reader).toBeGreaterThan(0);
    expect(measured.reader).toBeLessThan(320);
  });

  it("a package's segment folder keeps a bounded memo: 20,000 names of files folded leave under 1 MB", () => {
    expect(measured.memo).toBeLessThan(1024 * 1024);
  });
});
