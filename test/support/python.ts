/**
 * The real interpreter behind `python3`, found once per process. A version manager's shim (pyenv
 * here) runs a dozen shell scripts before Python starts: about 100 ms of CPU per call, against
 * 80 ms for Python itself. Plain module: test/package/vectors/generate.ts loads it under tsx.
 */
import { spawnSync } from 'node:child_process';

function realPython(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const exe = String(r.stdout ?? '').trim();
  return r.status === 0 && exe !== '' ? exe : undefined;
}

const found = realPython();

/** The interpreter to spawn: the real one, or `python3` (whose spawn then fails) when there is none. */
export const PYTHON: string = found ?? 'python3';

/** True when a python3 runs here. */
export const HAVE_PYTHON: boolean = found !== undefined;
