import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreChildMalloc, setWorkerMalloc } from '../support/worker-malloc.ts';

const OURS = 'glibc.malloc.arena_max=1';

describe('glibc malloc settings for the test workers (test/support/worker-malloc.ts)', () => {
  it('a worker started with them, and its children get the environment as it was', () => {
    if (!existsSync('/proc/self/environ')) {
      console.log('note: no /proc/self/environ here; the start environment cannot be read');
      return;
    }
    const atStart = readFileSync('/proc/self/environ', 'utf8').split('\0');
    expect(atStart.find((e) => e.startsWith('GLIBC_TUNABLES='))).toContain(OURS);
    expect(process.env.GLIBC_TUNABLES ?? '').not.toContain(OURS);
    expect(process.env.ALIVE_TEST_GLIBC_TUNABLES_BEFORE).toBeUndefined();
  });

  it.each([
    ['unset', undefined],
    ['the user set', 'glibc.pthread.rseq=0'],
  ])('round trip when GLIBC_TUNABLES was %s', (_case, before) => {
    const env: NodeJS.ProcessEnv = before === undefined ? {} : { GLIBC_TUNABLES: before };
    const undo = setWorkerMalloc(env);
    expect(env.GLIBC_TUNABLES).toContain(OURS);
    if (before !== undefined) expect(env.GLIBC_TUNABLES?.startsWith(`${before}:`)).toBe(true);
    const worker = { ...env };
    restoreChildMalloc(worker);
    expect(worker).toEqual(before === undefined ? {} : { GLIBC_TUNABLES: before });
    undo();
    expect(env).toEqual(before === undefined ? {} : { GLIBC_TUNABLES: before });
  });
});
