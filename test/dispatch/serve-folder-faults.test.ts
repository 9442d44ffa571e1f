/**
 * A running serve and a receiver folder a bus writer (or a sync tool) made unusable: chmod 000 on
 * inbox/, a folder removed or replaced between two system calls. Tests run as root here, where
 * chmod denies nothing, so the kernel's answer to opening inbox/ is stood in for (below).
 */
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { makeBus, filesIn, sleep, readyLatch } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

// The kernel's answer to opening one folder, stood in for: node:fs's own openSync is replaced for
// the time of this file (syncBuiltinESMExports updates the named imports the bus code holds).
const fault = { folder: '', code: '' };
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const realOpenSync = fs.openSync;
beforeAll(() => {
  fs.openSync = ((path: string, ...rest: unknown[]) => {
    if (fault.code !== '' && path === fault.folder) {
      throw Object.assign(new Error(`${fault.code}: refused, open '${path}'`), { code: fault.code, path });
    }
    return (realOpenSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  fs.openSync = realOpenSync;
  syncBuiltinESMExports();
});

async function serveWithInboxFault(code: string, once = false) {
  const { root } = makeBus();
  const paths = receiverPaths(root, 'r');
  const stop = new AbortController();
  const warnings: string[] = [];
  const { ready, isReady } = readyLatch();
  const served = serve({
    root,
    receiver: 'r',
    agent: { kind: 'echo' },
    signal: stop.signal,
    once,
    sweepEveryMs: 50,
    warn: (l) => warnings.push(l),
    onReady: () => {
      // Before the loop's first look at the inbox: --once would otherwise end on an empty one.
      fault.folder = paths.inbox;
      fault.code = code;
      ready();
    },
  });
  let outcome: 'running' | 'ended' = 'running';
  const ended = served.finally(() => {
    outcome = 'ended';
  });
  ended.catch(() => {}); // awaited by the caller; a rejection before that is what is tested
  await isReady;
  await sleep(250);
  const during = outcome;
  fault.code = '';
  const mend = async () => {
    await sendMessage({ root, to: 'r', from: 's', body: 'back' });
    for (const t0 = Date.now(); filesIn(paths.outbox).length === 0 && Date.now() - t0 < 3000; ) await sleep(20);
    stop.abort();
    return ended;
  };
  return { during, warnings, ended, mend };
}

describe('a receiver folder made unusable while serve runs', () => {
  for (const code of ['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'ELOOP']) {
    it(`${code} on inbox/ does not stop it: said once, served again once the folder is usable`, async () => {
      const run = await serveWithInboxFault(code);
      expect(run.during).toBe('running');
      expect(run.warnings).toHaveLength(1);
      expect(run.warnings[0]).toContain('/runtimes/r/inbox');
      expect(run.warnings[0]).toMatch(/serve waits until it is fixed/);
      expect(await run.mend()).toMatchObject({ answered: 1 });
    });
  }

  it('with --once the fault still stops serve, with the error', async () => {
    const run = await serveWithInboxFault('EACCES', true);
    expect(run.during).toBe('ended');
    await expect(run.ended).rejects.toThrow(/permission denied: .*\/runtimes\/r\/inbox/);
  });

  it('an error a changed folder does not give (EIO) is not waited out: serve stops with it', async () => {
    const run = await serveWithInboxFault('EIO');
    expect(run.during).toBe('ended');
    await expect(run.ended).rejects.toThrow(/EIO/);
  });
});
