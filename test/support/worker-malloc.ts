/**
 * glibc's malloc settings for the test workers, and only for them.
 *
 * Every child process a test starts (git, the bundles, openssl: about 9,000 a run) is a fork of its
 * worker, and a fork costs the parent about 40 µs of CPU per MB of the worker's private memory
 * (page tables copied, then copy-on-write faults). A worker runs many files (isolate: false) and
 * glibc kept what their buffers had used: freed chunks stayed in the main heap and in the thread
 * arenas, and workers grew to 200-340 MB, 5-13 ms of CPU per child. With one arena and a fixed
 * mmap and trim threshold, freed buffers go back to the system (a 200 MB churn left 24 MB of heap,
 * not 142 MB).
 *
 * glibc reads the tunables when a process starts: global-setup.ts sets them before vitest forks the
 * workers, and per-file.ts gives the workers' own children the environment as it was.
 */
const WORKER_TUNABLES = 'glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072';
const SAVED = 'ALIVE_TEST_GLIBC_TUNABLES_BEFORE';

/** In the main process, before the workers start: returns the undo. */
export function setWorkerMalloc(env: NodeJS.ProcessEnv = process.env): () => void {
  const before = env.GLIBC_TUNABLES;
  env[SAVED] = before === undefined ? '' : `=${before}`;
  env.GLIBC_TUNABLES = before ? `${before}:${WORKER_TUNABLES}` : WORKER_TUNABLES;
  return () => {
    delete env[SAVED];
    if (before === undefined) delete env.GLIBC_TUNABLES;
    else env.GLIBC_TUNABLES = before;
  };
}

/** In a worker, before its first test: what its children inherit is the environment as it was. */
export function restoreChildMalloc(env: NodeJS.ProcessEnv = process.env): void {
  const saved = env[SAVED];
  if (saved === undefined) return;
  delete env[SAVED];
  if (saved === '') delete env.GLIBC_TUNABLES;
  else env.GLIBC_TUNABLES = saved.slice(1);
}
