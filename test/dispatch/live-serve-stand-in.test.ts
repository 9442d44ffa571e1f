/**
 * The stand-in for a live `dispatch serve` (helpers.ts liveServePid) ends with the file that
 * started it, whichever file of its worker that is: with the helpers loaded once per worker, only
 * the first file's was killed, and the rest ran on after the suite.
 */
import { describe, expect, it } from 'vitest';
import { liveServePid } from './helpers.ts';
import { runFileCleanups } from '../support/after-file.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 10));
  return !alive(pid);
}

describe('the live serve stand-in', () => {
  it('is killed when the file that started it ends, and a later file gets one of its own', async () => {
    const first = liveServePid();
    expect(alive(first)).toBe(true);
    runFileCleanups(); // what per-file.ts does as this file ends
    expect(await gone(first)).toBe(true);
    const second = liveServePid();
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);
  });
});
