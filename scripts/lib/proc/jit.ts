/**
 * V8 compiles a function with its optimizing compiler (TurboFan) once the function has run for a
 * while: its interrupt budget, bytecode executed, 67,584 by default in Node 20's V8 (11.3). Reading
 * a package runs a few hot loops (the tar reader, the header parser, the writer thread's piece
 * handler) for a second or two, and dozens of lukewarm functions just long enough to reach that
 * budget once: compiling them on V8's background threads took 170-250 ms of CPU of an extract of
 * 100 MB (0.7 CPU-seconds in all, on 2 cores), CPU that inflating, hashing and writing wanted.
 * With eight times the budget only the hot loops are compiled (issue 16; 2026-12-07, in memory, 15
 * interleaved runs): extract of 100 MB 0.45 -> 0.41 s, verify 0.33 -> 0.29 s, extract of 400 MB
 * unchanged (1.32 / 1.36 s), where `--no-opt` made it 1.58 -> 2.10 s.
 *
 * The flag is V8's, for the whole process and the threads it starts after it is set; a budget is
 * read each time a function's count starts over, so setting it at run time is safe (Node's
 * v8.setFlagsFromString warns of flags that change the heap or the compiled code's shape).
 */
import { setFlagsFromString } from 'node:v8';

const HOT_CODE_BUDGET = 8 * 67_584;

/**
 * Below this much work (bytes to read) the budget stays: little reaches it anyway, and loading
 * node:v8 costs about 2 ms (verify of a tiny package 57.3 -> 59.3 ms, 41 interleaved runs).
 */
export const LONG_RUN_FROM_BYTES = 4 * 1024 * 1024;

let set = false;

/** From now on, only code that runs long is optimized (once per process), when `bytes` make a long run. */
export function optimizeOnlyLongRunningCode(bytes: number): void {
  if (set || bytes < LONG_RUN_FROM_BYTES) return;
  set = true;
  setFlagsFromString(`--interrupt-budget=${HOT_CODE_BUDGET}`);
}
