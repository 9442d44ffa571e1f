/**
 * A preload (`node --import <this file> <bundle> ...`) that freezes the process at an exact
 * moment, so a test can SIGKILL it in a known state instead of racing a timer or a poller.
 *
 * ALIVE_TEST_STOP_AT is JSON: { "calls": ["renameSync" | "openSync" | "open", ...], "arg": 0 | 1,
 * "pattern": "<regular expression>", "nth": 1 }. After the nth call of those file-system functions
 * (fs.renameSync, fs.openSync, fs/promises open; counted together) whose argument `arg` (a path)
 * matches `pattern` has completed, the process writes "ALIVE_TEST_STOPPED\n" to stderr and blocks forever (the
 * main thread sleeps; nothing else of the program runs). The bundle's own `import { renameSync }
 * from 'node:fs'` sees the wrapper through syncBuiltinESMExports.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const spec = JSON.parse(process.env.ALIVE_TEST_STOP_AT ?? 'null');
if (spec) {
  delete process.env.ALIVE_TEST_STOP_AT; // not inherited by what the program starts
  const pattern = new RegExp(spec.pattern);
  let seen = 0;
  const stop = () => {
    fs.writeSync(2, 'ALIVE_TEST_STOPPED\n');
    const cell = new Int32Array(new SharedArrayBuffer(4));
    if (spec.pauseMs !== undefined) Atomics.wait(cell, 0, 0, spec.pauseMs);
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
