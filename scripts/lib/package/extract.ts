import { mkdtemp, rm, rename, rmdir, readdir, stat, mkdir, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { fsyncDir } from '../fs/atomic.ts';
import { readPackage, type ReadOptions, type ReadResult } from './read-package.ts';
import { threadedSink } from './write-thread.ts';

export interface ExtractResult extends ReadResult {
  output: string;
}

async function existingState(path: string): Promise<'absent' | 'empty-dir' | 'occupied'> {
  try {
    const st = await stat(path);
    if (!st.isDirectory()) return 'occupied';
    return (await readdir(path)).length === 0 ? 'empty-dir' : 'occupied';
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 'absent';
    throw err;
  }
}

/** Creates missing parent folders, returning the ones it made (outermost first) so they can be undone. */
async function makeParents(dir: string): Promise<string[]> {
  const made: string[] = [];
  let d = dir;
  const chain: string[] = [];
  for (;;) {
    try {
      await stat(d);
      break;
    } catch {
      chain.unshift(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  for (const c of chain) {
    await mkdir(c);
    made.push(c);
  }
  return made;
}

/**
 * Unpacks into a fresh hidden folder beside the destination and renames it into place only when
 * every check has passed. On any refusal the destination is left absent (or empty, as it was).
 */
export async function extractPackage(pkg: string, outputDir: string, opts: ReadOptions): Promise<ExtractResult> {
  const output = resolve(outputDir);
  const state = await existingState(output);
  if (state === 'occupied') {
    throw new AliveError(`${output} already exists and is not an empty folder; extract into a new folder`, { code: 'exists' });
  }
  const parent = dirname(output);
  const madeParents = await makeParents(parent);
  const staging = await mkdtemp(join(parent, `.${basename(output)}.alive-extract-`));
  try {
    // A package that cannot be read is reported by readPackage, with its own clear error.
    const packageBytes = await stat(pkg).then(
      (st) => st.size,
      () => Number.POSITIVE_INFINITY,
    );
    const sink = threadedSink(staging, packageBytes);
    let result: ReadResult;
    try {
      result = await readPackage(pkg, sink, opts);
    } finally {
      // Every write begun has ended before the staging folder is renamed or removed.
      await sink.close();
    }
    await chmod(staging, 0o755);
    if (state === 'empty-dir') await rmdir(output);
    try {
      await rename(staging, output);
    } catch (err) {
      // Put the user's empty folder back before reporting: the destination stays as it was.
      if (state === 'empty-dir') await mkdir(output).catch(() => {});
      throw err;
    }
    fsyncDir(parent);
    return { ...result, output };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    for (const d of madeParents.reverse()) await rmdir(d).catch(() => {});
    throw err;
  }
}
