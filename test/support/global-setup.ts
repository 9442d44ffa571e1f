/**
 * Vitest global setup: builds every bundle (scripts/<name>.ts, with the options of tools/build.mjs)
 * once per run into a temporary folder, and hands the folder to the tests (test/support/bundles.ts).
 * The suite tests the source, never the committed dist/ (CI checks dist/ against a fresh build).
 *
 * The folder and all its parents are world-readable and traversable, so a test that runs a bundle
 * as another user (uid 65534) can load it wherever the clone lives (even under a 0700 folder).
 *
 * Every temporary folder of the run (tests' own, and those of the processes they start) is made
 * under one folder, TMPDIR for the workers, removed when the run ends: a test that does not clean
 * up, or a process a kill trial stops before it can, leaves nothing behind in the system's /tmp.
 * It is sticky and open to all, as /tmp is, for the processes that run as another user.
 *
 * That folder goes in memory (/dev/shm) when it is a tmpfs with room, unless ALIVE_TEST_TMPDIR
 * names another place: the suite makes and removes tens of thousands of files (git repositories,
 * worlds, packages), and on the development machine's ext4 (online discard) creating files in the
 * minutes after many were deleted (by the run before, or a removed clone) cost up to a sixth of
 * the run (98 s against 81-86 s in memory).
 */
import { chmodSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundles } from '../../tools/build-options.mjs';
import { processAlive } from '../../scripts/lib/proc/alive.ts';
import { setWorkerMalloc } from './worker-malloc.ts';
import { watchRunForStalls } from './stall-watch.ts';

/** True when every user may traverse `dir` and each folder above it. */
function openToEveryone(dir: string): boolean {
  try {
    for (let d = realpathSync(dir); ; d = dirname(d)) {
      if ((statSync(d).mode & 0o001) === 0) return false;
      if (dirname(d) === d) return true;
    }
  } catch {
    return false;
  }
}

const MEMORY_TMP = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
/** A run uses about 250 MB at its peak (the 160 MiB streaming file is sparse). */
const MEMORY_TMP_MIN_FREE = 1024 ** 3;

/** True when `dir` is a tmpfs (memory) with at least MEMORY_TMP_MIN_FREE bytes free. */
function memoryWithRoom(dir: string): boolean {
  try {
    const fs = statfsSync(dir);
    return fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= MEMORY_TMP_MIN_FREE;
  } catch {
    return false;
  }
}

/**
 * ALIVE_TEST_TMPDIR when set; else /dev/shm when it is memory with room; else the system's
 * temporary folder (or /tmp, /var/tmp). Always one every user can traverse.
 */
export function runTempBase(env: NodeJS.ProcessEnv = process.env, memory = MEMORY_TMP): string {
  const chosen = env.ALIVE_TEST_TMPDIR;
  if (chosen !== undefined && chosen !== '') {
    if (!openToEveryone(chosen)) throw new Error(`ALIVE_TEST_TMPDIR=${chosen} is not a folder every user can traverse (it and each folder above it need o+x)`);
    return chosen;
  }
  const candidates = [...(memoryWithRoom(memory) ? [memory] : []), tmpdir(), '/tmp', '/var/tmp', memory];
  const base = candidates.find(openToEveryone);
  if (!base) throw new Error(`no temporary folder every user can traverse (tried ${candidates.join(', ')}): the bundles must be loadable by uid 65534`);
  return base;
}

/** The folders a run makes in its base: `alive-test-<tmp|bundles>-<pid of the run>-<random>`. */
const RUN_FOLDER = /^alive-test-(?:tmp|bundles)-(\d+)-[^/]+$/;
/** A folder left this long by a process that is gone is a run's that was killed before its teardown. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes from `base` what runs killed before their teardown left (in memory, it would hold RAM
 * until the next boot): this user's run folders whose process is gone and that nothing changed for
 * an hour (a process in another PID namespace sharing the folder may still be running). Returns
 * the names removed.
 */
export function removeAbandonedRuns(base: string, now = Date.now(), gone = (pid: number) => !processAlive(pid)): string[] {
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of readdirSync(base)) {
    const m = RUN_FOLDER.exec(name);
    if (!m || !gone(Number(m[1]))) continue;
    const path = join(base, name);
    try {
      const st = statSync(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || now - st.mtimeMs < ABANDONED_AFTER_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another run removed it first, or it is not ours to remove.
    }
  }
  return removed;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const base = runTempBase();
  removeAbandonedRuns(base);
  const runTmp = mkdtempSync(join(base, `alive-test-tmp-${process.pid}-`));
  chmodSync(runTmp, 0o1777);
  const systemTmp = process.env.TMPDIR;
  process.env.TMPDIR = runTmp;
  // What a test runs in-process without an ALIVE_HOME of its own (dispatch serve makes the agents'
  // private folders there) stays in the run's folder, never in the user's ~/.alive.
  const systemAliveHome = process.env.ALIVE_HOME;
  process.env.ALIVE_HOME = join(runTmp, 'alive-home');
  // No test talks TLS to a server it did not start, and a CA bundle named here is read by every
  // node process at start-up (70 ms each on a machine that names the system's bundle): the workers
  // and the hundreds of bundle runs start without it.
  const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
  delete process.env.NODE_EXTRA_CA_CERTS;
  const undoWorkerMalloc = setWorkerMalloc();
  // A worker whose event loop is blocked is found and unblocked (stall-watch.ts).
  const stopStallWatch = watchRunForStalls(runTmp, process.env, { watchMode: project.config.watch });
  const dir = mkdtempSync(join(base, `alive-test-bundles-${process.pid}-`));
  chmodSync(dir, 0o755);
  await buildBundles(dir, { logLevel: 'warning' });
  project.provide('aliveBundles', dir);
  // In watch mode, a rerun tests the source as it is now.
  project.onTestsRerun(async () => {
    await buildBundles(dir, { logLevel: 'warning' });
  });
  return () => {
    stopStallWatch();
    rmSync(dir, { recursive: true, force: true });
    rmSync(runTmp, { recursive: true, force: true });
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
    if (systemAliveHome === undefined) delete process.env.ALIVE_HOME;
    else process.env.ALIVE_HOME = systemAliveHome;
    if (extraCaCerts !== undefined) process.env.NODE_EXTRA_CA_CERTS = extraCaCerts;
    undoWorkerMalloc();
  };
}
