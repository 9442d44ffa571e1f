/**
 * A preload (`node --import <this file> <bundle> ...`) that freezes the process at an exact
 * moment, so a test can SIGKILL it in a known state instead of racing a timer or a poller.
 *
 * ALIVE_TEST_STOP_AT is JSON: { "calls": ["renameSync" | "openSync" | "open" | "rename", ...], "arg": 0 | 1,
 * "pattern": "<regular expression>", "nth": 1 }. After the nth call of those file-system functions
 * (fs.renameSync, fs.openSync, fs/promises open; counted together; fs/promises rename: before it, see below) whose argument `arg` (a path)
 * matches `pattern` has completed, the process writes "ALIVE_TEST_STOPPED\n" to stderr and blocks forever (the
 * thread that made the call sleeps; a thread that waits for it goes no further). The bundle's own `import { renameSync }
 * from 'node:fs'` sees the wrapper through syncBuiltinESMExports. With "pauseMs" it goes on after that
 * many milliseconds instead; with "resumeWhen": "<path>", once the test has made a file at that path
 * (after changing what it wants changed while the process stands still).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import workerThreads from 'node:worker_threads';

const raw = process.env.ALIVE_TEST_STOP_AT;
const spec = JSON.parse(raw ?? 'null');
if (spec) {
  delete process.env.ALIVE_TEST_STOP_AT; // not inherited by what the program starts
  // Worker threads do not run --import preloads: each worker the program starts loads this file
  // first, with the same spec, and counts its own calls (the extraction writer thread is the one
  // that creates a package's files). A worker's own code then runs as it would.
  if (workerThreads.isMainThread) {
    const self = fileURLToPath(import.meta.url);
    const RealWorker = workerThreads.Worker;
    workerThreads.Worker = class extends RealWorker {
      constructor(code, options = {}) {
        if (!options.eval) {
          super(code, options);
          return;
        }
        const boot = `import(${JSON.stringify(self)}).then(() => { ${String(code)}\n });`;
        super(boot, { ...options, env: { ...(options.env ?? process.env), ALIVE_TEST_STOP_AT: raw } });
      }
    };
  }
  const pattern = new RegExp(spec.pattern);
  let seen = 0;
  const stop = () => {
    fs.writeSync(2, 'ALIVE_TEST_STOPPED\n');
    const cell = new Int32Array(new SharedArrayBuffer(4));
    if (spec.resumeWhen !== undefined) {
      while (!fs.existsSync(spec.resumeWhen)) Atomics.wait(cell, 0, 0, 10);
    } else if (spec.pauseMs !== undefined) Atomics.wait(cell, 0, 0, spec.pauseMs);
    else Atomics.wait(cell, 0, 0); // until SIGKILL
  };
  const hit = (args) => {
    const p = args[spec.arg ?? 0];
    return typeof p === 'string' && pattern.test(p) && ++seen === (spec.nth ?? 1);
  };
  for (const call of spec.calls) {
    if (call === 'open') {
      const real = fsp.open;
      fsp.open = async (...args) => {
        const handle = await real(...args);
        if (hit(args)) stop();
        return handle;
      };
    } else if (call === 'rename') {
      // Stops before the call, and without blocking the event loop: a signal sent then is handled
      // there, with the rename not yet made (a blocked thread would handle it only once the
      // rename is under way).
      const real = fsp.rename;
      fsp.rename = async (...args) => {
        if (hit(args)) {
          fs.writeSync(2, 'ALIVE_TEST_STOPPED\n');
          await new Promise((res) => setTimeout(res, spec.pauseMs ?? 2 ** 31 - 1));
        }
        return real(...args);
      };
    } else if (call === 'renameSync' || call === 'openSync') {
      const real = fs[call];
      fs[call] = (...args) => {
        const out = real(...args);
        if (hit(args)) stop();
        return out;
      };
    } else throw new Error(`stop-at: unknown call ${call}`);
  }
  syncBuiltinESMExports();
}
