/**
 * What the vector tests share (vectors.test.ts, vectors-unsafe.test.ts): the vector files, a
 * sandbox per case, and the in-process check of one vector against the reader. The vectors are
 * split over two files so that vitest runs them side by side (each extract starts its writer
 * thread, which is most of their time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError } from '../../scripts/lib/errors.ts';
import { inlineText } from '../../scripts/lib/text/untrusted.ts';
import { extractPackage } from '../../scripts/lib/package/extract.ts';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { readPackage, type ReadOptions } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { rmrf, snapshotTree, tempRoot, writeTree } from './helpers.ts';
import { GOOD, VECTORS, VECTOR_DIR, outcomeOf, vectorFile, type Vector } from './vectors/generate.ts';

export const FILES = readdirSync(VECTOR_DIR)
  .filter((f) => f.endsWith('.walnut'))
  .sort();
export const CASES = new Map(VECTORS.map((v) => [vectorFile(v), v]));
/** Raw control characters: an error message shows names escaped. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The vectors vectors-unsafe.test.ts reads (about half); vectors.test.ts reads the rest. */
export const isUnsafeHalf = (file: string): boolean => file.startsWith('fail_unsafe_') || file.startsWith('fail_unlisted_file_');

/** Registers a temporary root for this test file; returns a maker of sandboxes inside it. */
export function sandboxes(tag: string): () => { dir: string; area: string } {
  let root: string;
  let counter = 0;
  beforeAll(() => {
    root = tempRoot(tag);
  });
  afterAll(() => rmrf(root));
  /** A sandbox: area/ is the destination's parent, with a canary, a victim and an empty folder. */
  return () => {
    const dir = join(root, `case-${++counter}`);
    const area = join(dir, 'area');
    writeTree(area, { 'canary.txt': 'canary\n', 'victim.txt': 'victim\n', 'sub/keep.txt': 'keep\n' });
    mkdirSync(join(area, 'empty'));
    return { dir, area };
  };
}

const readOptions = (v: Vector): ReadOptions => ({ maxBytes: v.maxSize ?? DEFAULT_MAX_SIZE, ...(v.maxEntries ? { maxEntries: v.maxEntries } : {}) });

function expectRefusal(v: Vector, code: string, err: unknown, what: string): void {
  expect(err, what).toBeInstanceOf(AliveError);
  const e = err as AliveError;
  expect(e.code, `${what}: ${e.message}`).toBe(code);
  if (v.reason) expect(e.message, what).toMatch(v.reason);
  // A name that is not a plain one (senderText) is not in our words: it follows in a fence.
  const fenced = e.untrusted ? inlineText(Object.values(e.untrusted.json)[0] ?? '', 10_000) : undefined;
  if (v.entry !== undefined) {
    if (fenced === undefined) expect(e.message, what).toContain(`'${v.entry}'`);
    else expect([fenced, e.message], what).toEqual([v.entry, expect.stringContaining("the sender's text, follows: untrusted")]);
  }
  expect(e.message, what).not.toMatch(RAW_CONTROL);
}

/** Every vector whose file name `files` keeps, through the reader in-process. */
export function describeReader(title: string, files: readonly string[], sandbox: () => { dir: string; area: string }): void {
  describe(title, () => {
    for (const file of files) {
      const outcome = outcomeOf(file);
      it(file, async () => {
        const v = CASES.get(file)!;
        const pkg = join(VECTOR_DIR, file);
        const sb = sandbox();
        const opts = readOptions(v);
        const out = join(sb.area, 'out');
        if (outcome === 'good') {
          const read = await readPackage(pkg, hashOnlySink, opts);
          expect(read.files).toBeGreaterThanOrEqual(2);
          await extractPackage(pkg, out, opts);
          expect(readFileSync(join(out, 'notes/n.md'), 'utf8')).toBe(GOOD['notes/n.md']);
          expect(readFileSync(join(out, '_kernel/key.md'), 'utf8')).toBe(GOOD['_kernel/key.md']);
          return;
        }
        const before = snapshotTree(sb.dir);
        expectRefusal(v, outcome, await readPackage(pkg, hashOnlySink, opts).catch((e: unknown) => e), 'verify');
        for (const [what, dest] of [
          ['extract into an absent folder', out],
          ['extract into an empty folder', join(sb.area, 'empty')],
          ['extract below missing folders', join(sb.area, 'new', 'deeper', 'out')],
        ] as const) {
          expectRefusal(v, outcome, await extractPackage(pkg, dest, opts).catch((e: unknown) => e), what);
        }
        // Nothing in the sandbox changed: no destination, no staging, no parents; canary and victim
        // intact; the empty folder still there and empty; nothing at the absolute names either.
        expect(snapshotTree(sb.dir)).toEqual(before);
        expect(readdirSync(join(sb.area, 'empty'))).toEqual([]);
        expect(existsSync('/etc/alive-hostile-test-x')).toBe(false);
        expect(existsSync('/tmp/alive-vector-absolute')).toBe(false);
      });
    }
  });
}
