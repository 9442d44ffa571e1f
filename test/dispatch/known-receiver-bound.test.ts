/**
 * Whether a receiver exists (every send, and inbox, claim, status, dead-letter for an empty answer)
 * listed every folder of runtimes/, unbounded, to find the name among them: any bus writer can make
 * any number, and each call made every name (a million of them, every MCP send). A receiver whose
 * folder is there is known by looking it up; only a name that is not there lists runtimes/, for the
 * name like it, within busListMax names. The work is counted (the entries listed), not timed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { unknownReceiver } from '../../scripts/lib/bus/receivers.ts';

const listed = vi.hoisted(() => ({ entries: 0 }));
vi.mock('../../scripts/lib/bus/fsutil.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/lib/bus/fsutil.ts')>();
  return {
    ...real,
    listBusDirentsUpTo: (root: string, dir: string, max: number) => {
      const r = real.listBusDirentsUpTo(root, dir, max);
      listed.entries += r.entries.length;
      return r;
    },
  };
});

const MAX = 50;
beforeEach(() => {
  setBusListMaxForTests(MAX);
  listed.entries = 0;
});
afterEach(() => setBusListMaxForTests(undefined));

async function crowded(): Promise<string> {
  const { root } = makeBusWithRuntimes();
  await sendMessage({ root, to: 'zz', from: 'human', body: 'q' });
  for (let i = 0; i < 300; i++) mkdirSync(join(runtimesDir(root), `r${i}`));
  return root;
}

describe('is there such a receiver, on a runtimes/ crowded with folders', () => {
  it('a receiver whose folder is there: runtimes/ is not listed', async () => {
    const root = await crowded();
    expect(unknownReceiver(root, 'zz')).toBeUndefined();
    expect(listed.entries).toBe(0);
  });

  it('a name that is not there: runtimes/ listed within the bound, and the name like it still found among those', async () => {
    const root = await crowded();
    const r = unknownReceiver(root, 'r1x');
    expect(r?.text).toContain('there is no receiver @r1x');
    expect(listed.entries).toBeLessThanOrEqual(MAX);
  });
});
