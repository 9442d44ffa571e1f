/**
 * Claims a sweep cannot move (a shared bus whose processing/ has the sticky bit and another user's
 * files in it; a file made immutable) counted against the sweep's 500, in the same order each
 * time: 500 of them ahead of a real expired claim kept it there for every lone `dispatch claim`
 * (a third review of 2026-12-07). Only the claims a sweep moved count; the ones it tried are
 * bounded apart, ten times as many.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

vi.mock('../../scripts/lib/bus/fsutil.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/lib/bus/fsutil.ts')>();
  return {
    ...real,
    // The rename a sweep starts with fails for the planted files, as EPERM does under a sticky bit.
    renameIn: (...args: Parameters<typeof real.renameIn>) => {
      if (args[1].startsWith('msg-unmovable-sweep-test')) throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      return real.renameIn(...args);
    },
  };
});

describe('expired claims no sweep can move', () => {
  it('do not keep a real expired claim behind them: a lone claim hands it back', async () => {
    // Workers share loaded modules between files (vitest.config.ts, isolate: false): loaded afresh
    // here, so that the bus imports the renameIn above.
    vi.resetModules();
    const { dispatch, makeBus } = await import('./helpers.ts');
    const { receiverPaths } = await import('../../scripts/lib/bus/layout.ts');
    const { newMessageId } = await import('../../scripts/lib/bus/ids.ts');
    const { SWEEP_RETURNS_MAX } = await import('../../scripts/lib/bus/claims.ts');
    const { root } = makeBus();
    const paths = receiverPaths(root, 'um');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(paths.processing, { recursive: true });
    // The real one first: a folder in memory (tmpfs) lists the newest names first.
    const id = newMessageId();
    writeFileSync(join(paths.processing, `msg-${id}.hw.claim-1000-hand`), '# HelloWorld Message\n# From: @x\n# To: @um\n\nreal\n');
    for (let i = 0; i < 3 * SWEEP_RETURNS_MAX; i++) writeFileSync(join(paths.processing, `msg-unmovable-sweep-test${i}.hw.claim-1-x`), '');
    const r = await dispatch(root, ['claim', '@um', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ claimed: true, id });
  });
});
