/**
 * Run in a child of per-file-memory.test.ts (node --expose-gc, this file bundled by childModules):
 * what planPackage's result, and the package reader at its last file, hold per file.
 */
import { createPlainPackage, planPackage } from '../../scripts/lib/package/create.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink, type FileSink } from '../../scripts/lib/package/sinks.ts';
import { segmentFolder } from '../../scripts/lib/walnut/agent-files.ts';

const gc = (globalThis as { gc?: () => void }).gc!;

/**
 * Bytes held on the heap and in buffers outside it, after full collections (the buffers of dead
 * objects are freed by another thread: given a moment, and a collection again).
 */
async function live(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

const options = (walnut: string) => ({ walnut, scope: 'full' as const, bundles: [], allowSensitive: false });

/** What planPackage's result holds. */
async function planHolds(walnut: string): Promise<number> {
  const before = await live();
  const kept = { plan: await planPackage(options(walnut)) };
  const held = (await live()) - before;
  if (kept.plan.files.length === 0) throw new Error('nothing planned');
  return held;
}

/**
 * What the reader holds, besides the manifest it returns (its text and entries), once it has read
 * `last`, the package's last file, whole (nothing of the package is decompressed ahead any more).
 */
async function readerHolds(pkg: string, last: string): Promise<number> {
  let atLast = Number.NaN;
  const measuring: FileSink = {
    ...hashOnlySink,
    writeFile: async (path, mode, mtime, body, size) => {
      const digest = await hashOnlySink.writeFile(path, mode, mtime, body, size);
      if (path === last) atLast = await live();
      return digest;
    },
  };
  const read = await readPackage(pkg, measuring, { maxBytes: 1 << 30 });
  const returned = await live();
  if (read.manifest.files.length === 0) throw new Error('nothing read');
  return atLast - returned;
}

/** What a package's segment folder holds once it has folded `count` names of files (all different). */
async function memoHolds(count: number): Promise<number> {
  const before = await live();
  const fold = segmentFolder();
  for (let i = 0; i < count; i++) fold(`Note-${i}.MD`);
  const held = (await live()) - before;
  if (fold('Note-1.MD') !== 'note-1.md') throw new Error('not folded');
  return held;
}

/**
 * Bytes a file: for the walnut of `files` files less the one of `few`, each the least of two runs
 * (what code allocates as it first runs, or is optimised, falls in one of them).
 */
export async function measure(walnut: string, fewWalnut: string, files: number, few: number, last: string, out: string): Promise<void> {
  const pkg = (await createPlainPackage({ ...options(walnut), output: `${out}/many.walnut` })).path;
  const fewPkg = (await createPlainPackage({ ...options(fewWalnut), output: `${out}/few.walnut` })).path;
  const least = async (run: () => Promise<number>) => Math.min(await run(), await run());
  const plan = ((await least(() => planHolds(walnut))) - (await least(() => planHolds(fewWalnut)))) / (files - few);
  const reader = ((await least(() => readerHolds(pkg, last))) - (await least(() => readerHolds(fewPkg, last)))) / (files - few);
  const memo = await least(() => memoHolds(20_000));
  process.stdout.write(`${JSON.stringify({ plan, reader, memo })}\n`);
}
