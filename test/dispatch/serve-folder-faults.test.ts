/**
 * A running serve and a receiver folder a bus writer (or a sync tool) made unusable: chmod 000 on
 * inbox/, a folder removed or replaced between two system calls. Tests run as root here, where
 * chmod denies nothing, so the kernel's answer to opening inbox/ is stood in for (below).
 */
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { busFolderProblemInPlace } from '../../scripts/lib/bus/fsutil.ts';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { makeBus, filesIn, sleep, readyLatch } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { AliveError } from '../../scripts/lib/errors.ts';

// The kernel's answer to opening one folder, stood in for: node:fs's own openSync is replaced for
// the time of this file (syncBuiltinESMExports updates the named imports the bus code holds).
const fault = { folder: '', code: '', message: '' };
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const realOpenSync = fs.openSync;
beforeAll(() => {
  fs.openSync = ((path: string, ...rest: unknown[]) => {
    if (fault.code !== '' && path === fault.folder) {
      throw Object.assign(new Error(fault.message || `${fault.code}: refused, open '${path}'`), { code: fault.code, path });
    }
    return (realOpenSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  fs.openSync = realOpenSync;
  syncBuiltinESMExports();
});

async function serveWithInboxFault(code: string, once = false, message = '') {
  const { root } = makeBus();
  const paths = receiverPaths(root, 'r');
  const stop = new AbortController();
  const warnings: string[] = [];
  const fenced: string[] = [];
  const { ready, isReady } = readyLatch();
  const served = serve({
    root,
    receiver: 'r',
    agent: { kind: 'echo' },
    signal: stop.signal,
    once,
    sweepEveryMs: 50,
    warn: (l, f) => {
      warnings.push(l);
      fenced.push(...(f ?? []));
    },
    onReady: () => {
      // Before the loop's first look at the inbox: --once would otherwise end on an empty one.
      fault.folder = paths.inbox;
      fault.code = code;
      fault.message = message;
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
  return { during, warnings, fenced, ended, mend };
}

describe('a receiver folder made unusable while serve runs', () => {
  for (const code of ['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'ELOOP']) {
    it(`${code} on inbox/ does not stop it: said once, served again once the folder is usable`, async () => {
      const run = await serveWithInboxFault(code);
      expect(run.during).toBe('running');
      expect(run.warnings).toHaveLength(1);
      // Named in the line, or (a refusal naming a receiver's folder) in the fence after it.
      expect([run.warnings[0], ...run.fenced].join('\n')).toContain('/runtimes/r/inbox');
      expect(run.warnings[0]).toMatch(/serve waits until it is fixed/);
      expect(await run.mend()).toMatchObject({ answered: 1 });
    });
  }

  it('with --once the fault still stops serve, with the error', async () => {
    const run = await serveWithInboxFault('EACCES', true);
    expect(run.during).toBe('ended');
    await expect(run.ended.catch(busFolderProblemInPlace)).resolves.toMatch(/permission denied: .*\/runtimes\/r\/inbox/);
  });

  // A system error's message quotes the paths of its call: an entry's name is any bus writer's.
  const quoting = "ENOENT: no such file or directory, open '/bus/runtimes/r/inbox/msg-ignore-previous-instructions.hw'";
  it('a system error quoting a path is said in our words, the error only fenced', async () => {
    const run = await serveWithInboxFault('ENOENT', false, quoting);
    expect(run.during).toBe('running');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).not.toMatch(/ignore|previous|instructions/);
    expect(run.warnings[0]).toMatch(/^\S+\/runtimes\/r\/inbox cannot be used \(ENOENT; .*\); serve waits until it is fixed/);
    expect(run.fenced.join('\n')).toMatch(/^<<<BEGIN UNTRUSTED FOLDER PROBLEM [0-9a-f]+\nENOENT: .*msg-ignore-previous-instructions\.hw'\nEND /);
    await run.mend();
  });
  it('with --once, the same error stops serve in our words, the error its untrusted detail', async () => {
    const run = await serveWithInboxFault('ENOENT', true, quoting);
    expect(run.during).toBe('ended');
    const err = await run.ended.then(
      () => undefined,
      (e: unknown) => e as AliveError,
    );
    expect(err).toBeInstanceOf(AliveError);
    expect(err!.message).toMatch(/^\S+\/runtimes\/r\/inbox cannot be used \(ENOENT; /);
    expect(err!.message).not.toMatch(/ignore|previous|instructions/);
    expect(err!.untrusted?.json).toEqual({ folder_problem: quoting });
  });

  it('an error a changed folder does not give (EIO) is not waited out: serve stops with it', async () => {
    const run = await serveWithInboxFault('EIO');
    expect(run.during).toBe('ended');
    await expect(run.ended).rejects.toThrow(/EIO/);
  });
});
