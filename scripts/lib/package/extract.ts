import { rm, rename, rmdir, readdir, stat, lstat, mkdir, chmod } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { chmodSync, mkdirSync, rmdirSync } from 'node:fs';
import { fsyncDir } from '../fs/atomic.ts';
import { removeTree } from '../fs/remove-tree.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';
import { readPackage, type ReadOptions, type ReadResult } from './read-package.ts';
import { threadedSink, type ThreadedSink } from './write-thread.ts';
import { hashOnlySink, type FileSink } from './sinks.ts';
import { leftOutOf, type LeftOut, type LeftOutPlan } from './vcs-left-out.ts';
import { makeStaging, removeStaleStaging, stagingPath, TREE_DIR } from './staging.ts';

export interface ExtractResult extends ReadResult {
  output: string;
  /** Version-control folders read and checked but not written. */
  leftOut: LeftOut[];
  /** The package paths of their files. */
  leftOutFiles: ReadonlySet<string>;
}

type Existing = { state: 'absent' } | { state: 'empty-dir'; mode: number } | { state: 'occupied' } | { state: 'link' };

/** The destination as it is (a link is not followed: the folder it names is not the one asked for). */
async function existingState(path: string): Promise<Existing> {
  try {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return { state: 'link' };
    if (!st.isDirectory()) return { state: 'occupied' };
    return (await readdir(path)).length === 0 ? { state: 'empty-dir', mode: st.mode & 0o7777 } : { state: 'occupied' };
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { state: 'absent' };
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

/** `sink`, hashing without writing the files of `leftOut` (known once the manifest is). */
function leavingOut(sink: ThreadedSink, known: () => LeftOutPlan | undefined): FileSink {
  const leftOut = (path: string) => known()?.byPath.has(path) === true;
  return {
    writeFile: (path, mode, mtime, body, size) =>
      leftOut(path) ? hashOnlySink.writeFile(path, mode, mtime, body, size) : sink.writeFile(path, mode, mtime, body, size),
    startFile: async (path, mode, mtime, body, size) => {
      if (!leftOut(path)) return sink.startFile(path, mode, mtime, body, size);
      const digest = await hashOnlySink.writeFile(path, mode, mtime, body, size);
      return { digest: Promise.resolve(digest) };
    },
    close: () => sink.close(),
  };
}

/**
 * Unpacks into a fresh hidden staging folder beside the destination (staging.ts) and renames its
 * tree into place only when every check has passed. On any refusal the destination is left absent
 * (or empty, as it was). Staging folders that killed runs left there are removed first.
 */
export async function extractPackage(pkg: string, outputDir: string, opts: ReadOptions): Promise<ExtractResult> {
  const output = resolve(outputDir);
  const existing = await existingState(output);
  const state = existing.state;
  if (state === 'occupied') {
    throw new AliveError(`${output} already exists and is not an empty folder; extract into a new folder`, { code: 'exists' });
  }
  if (state === 'link') {
    throw new AliveError(`${output} is a link; extract into a real folder (a new one, or the empty folder the link names)`, { code: 'exists' });
  }
  const parent = dirname(output);
  const staging = stagingPath(output);
  const tree = join(staging, TREE_DIR);
  let madeParents: string[] = [];
  /** The user's empty folder, while it is removed for the rename into its place: put back on any failure. */
  let emptyRemoved = false;
  const putBackEmpty = () => {
    if (existing.state !== 'empty-dir' || !emptyRemoved) return;
    try {
      mkdirSync(output, { mode: existing.mode });
      chmodSync(output, existing.mode);
    } catch {
      // something else took the name meanwhile
    }
  };
  // Ctrl-C ends the process before the catch below can run; the writer thread may still be
  // creating files in the staging folder, so its removal is tried again if a file appeared.
  const release = cleanUpIfInterrupted(() => {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        removeTree(staging);
        break;
      } catch {
        // a file created while the folder was being emptied
      }
    }
    putBackEmpty();
    for (const d of [...madeParents].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty (someone else's) or gone
      }
    }
  });
  try {
    madeParents = await makeParents(parent);
    removeStaleStaging(parent);
    await makeStaging(staging);
    // Made with the mode a new folder gets here (0777 less the umask); private while it fills, as
    // the staging folder around it is.
    await mkdir(tree, { mode: 0o777 });
  } catch (err) {
    release();
    throw err;
  }
  try {
    const finalMode = existing.state === 'empty-dir' ? existing.mode : (await stat(tree)).mode & 0o777;
    // A package that cannot be read is reported by readPackage, with its own clear error.
    const packageBytes = await stat(pkg).then(
      (st) => st.size,
      () => Number.POSITIVE_INFINITY,
    );
    const sink = threadedSink(tree, packageBytes);
    let known: LeftOutPlan | undefined;
    let result: ReadResult;
    try {
      result = await readPackage(
        pkg,
        leavingOut(sink, () => known),
        {
          ...opts,
          onManifestAccepted: (m, sig) => {
            opts.onManifestAccepted?.(m, sig);
            known = leftOutOf(m.files.map((f) => f.path));
          },
        },
      );
    } finally {
      // Every write begun has ended before the staging folder is renamed or removed.
      await sink.close();
    }
    // Files met before the manifest were written before they could be told apart: removed here,
    // inside the private staging folder, before it becomes the destination.
    const { list: leftOut, byPath } = leftOutOf(result.manifest.files.map((f) => f.path));
    for (const l of leftOut) await rm(join(tree, l.path), { recursive: true, force: true });
    // The user's empty folder keeps its mode (a private 0700 one stays private); a new one gets the umask's.
    await chmod(tree, finalMode);
    if (state === 'empty-dir') {
      await rmdir(output);
      emptyRemoved = true;
    }
    try {
      await rename(tree, output);
      emptyRemoved = false;
    } catch (err) {
      // Put the user's empty folder back, mode and all, before reporting: the destination stays as it was.
      putBackEmpty();
      throw err;
    }
    // Only the marker is left; should this fail, the next extract here removes it (its owner gone).
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    fsyncDir(parent);
    return { ...result, output, leftOut, leftOutFiles: new Set(byPath.keys()) };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    for (const d of madeParents.reverse()) await rmdir(d).catch(() => {});
    throw err;
  } finally {
    release();
  }
}
