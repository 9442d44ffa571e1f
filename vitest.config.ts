import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { OCTOKIT_JSON } from './tools/build-options.mjs';
import { MemoryPeaksLast } from './test/support/sequencer.ts';

export default defineConfig({
  // Octokit's JSON, as in the bundles (tools/build-options.mjs): @octokit/request goes through
  // vite with the Octokit packages that import it (inlined), so that its import of json-with-bigint
  // resolves here.
  resolve: { alias: { 'json-with-bigint': OCTOKIT_JSON } },
  test: {
    server: { deps: { inline: [/@octokit\//] } },
    include: ['test/**/*.test.ts'],
    // Builds every bundle once per run into a temporary folder (test/support/bundles.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // Each file starts from the worker's environment, umask and PBKDF2 iterations (see isolate below).
    setupFiles: ['test/support/per-file.ts'],
    // Room for a machine whose cores are busy with other work: under a CPU hog the slowest tests
    // (a real RSA-4096 keygen in a relay setup, concurrent git deliveries) took 35-47 s. A test
    // that hangs still ends, later; timing targets live in npm run bench, not here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A young generation of 1 MiB a semi-space and no GC helper threads in the workers: each of the
    // run's ~20,000 child processes is a fork of a worker, and fewer pages freshly written by the
    // scavenger, and no GC threads competing with the test for the 2 cores, cost less CPU around each
    // (test/relay: 103 against 110 CPU-seconds, three interleaved runs each). The children do not
    // inherit these flags.
    execArgv: ['--max-semi-space-size=1', '--single-threaded-gc'],
    // A worker process runs many files, one after another, with the modules they share loaded
    // once: a fresh process and module graph per file cost about 0.3 s of CPU each, 91 times.
    // test/support/per-file.ts gives each file the worker's environment and umask and the format's
    // PBKDF2 iterations, and modules under test/support keep no state from one file to the next (relay fixtures they
    // share are never changed once made). `npx vitest run --sequence.shuffle.files` checks that the
    // order of files does not matter.
    isolate: false,
    // Much of the suite's time is spent waiting (on child processes, deadlines, idle servers), so
    // run three times as many files at once as there are cores: with twice as many, four files on a
    // 2-core machine were all waiting at once often enough to leave the cores a tenth idle (101 s
    // against 93 s). Vitest's default, cores - 1, runs one file at a time on a 2-core machine.
    maxWorkers: Math.min(8, Math.max(2, availableParallelism() * 3)),
    // Vite's transforms of the TypeScript under test, kept in node_modules/.experimental-vitest-cache
    // between runs (keyed by each file's content and this config; npm ci or a new lockfile clears
    // it): a run after the first transforms only the files that changed.
    experimental: { fsModuleCache: true },
    // The files that make a worker large start last (test/support/sequencer.ts).
    sequence: { sequencer: MemoryPeaksLast },
  },
});
