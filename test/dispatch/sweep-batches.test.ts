/**
 * serve's sweep (every 5 s) also cleans `.tmp/` of partial files whose writer died and `.agents/`
 * of the records of daemons that died: each listed its folder whole and looked at every name, and
 * any bus writer can fill both. 300,000 planted names made `serve --once` take 5.5 s and a running
 * serve hold its event loop for most of each sweep (round trips of 6-9 s). Each sweep now reads on
 * through the folder SWEEP_CLEAN_BATCH names at a time; a name of pid 0 or 1 (never a writer's, and
 * always "alive") goes once old. The names listed and the files left are counted, not timed.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { SWEEP_CLEAN_BATCH, cleanOrphanedPartials } from '../../scripts/lib/bus/claims.ts';
import { endAgentsOfDeadDaemons } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const PLANTED = 2 * SWEEP_CLEAN_BATCH + 500;
const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: no such process

describe('the sweeps of .tmp/ and .agents/', () => {
  it('.tmp/: each sweep looks at a batch of names and goes on from there; old partials of pid 1 go too', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.tmp, { recursive: true });
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (let i = 0; i < PLANTED; i++) {
      const path = join(paths.tmp, `msg-p${i}.hw.${i % 2 === 0 ? DEAD_PID : 1}.partial`);
      writeFileSync(path, '');
      utimesSync(path, old, old);
    }
    const removed: number[] = [];
    for (let sweep = 0; sweep < 4; sweep++) removed.push(cleanOrphanedPartials(paths));
    expect(Math.max(...removed)).toBeLessThanOrEqual(SWEEP_CLEAN_BATCH);
    expect(removed.reduce((a, b) => a + b, 0)).toBe(PLANTED);
    expect(readdirSync(paths.tmp)).toEqual([]);
  });

  it('.agents/: each sweep looks at a batch of records and goes on from there', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const dir = join(paths.dir, '.agents');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < PLANTED; i++) writeFileSync(join(dir, `${DEAD_PID + i}-${DEAD_PID + i}`), '');
    const left: number[] = [];
    for (let sweep = 0; sweep < 4; sweep++) {
      expect(endAgentsOfDeadDaemons(paths)).toBe(0); // no such agent to end
      left.push(readdirSync(dir).length);
    }
    expect(PLANTED - left[0]!).toBeLessThanOrEqual(SWEEP_CLEAN_BATCH);
    expect(left.at(-1)).toBe(0);
  });
});
