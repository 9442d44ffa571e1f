/**
 * The stand-in for a live `dispatch serve` (helpers.ts liveServePid) ends with the file that
 * started it, whichever file of its worker that is: with the helpers loaded once per worker, only
 * the first file's was killed, and the rest ran on after the suite.
 */
import { describe, expect, it } from 'vitest';
import { liveServePid, makeBus } from './helpers.ts';
import { runFileCleanups } from '../support/after-file.ts';
import { isGone } from '../support/process-gone.ts';

describe('the live serve stand-in', () => {
  it('is killed when the file that started it ends, and a later file gets one of its own', async () => {
    const root = makeBus().root;
    const first = liveServePid('claude', root);
    process.kill(first, 0); // running (throws if not)
    runFileCleanups(); // what per-file.ts does as this file ends
    expect(await isGone(first)).toBe(true);
    const second = liveServePid('claude', root);
    expect(second).not.toBe(first);
    process.kill(second, 0);
  });
});
