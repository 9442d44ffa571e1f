/**
 * Runs before every test file (vitest.config.ts setupFiles). The files of a worker share its
 * process (isolate: false), so each one starts from the environment and umask the worker started
 * with, and with the format's PBKDF2 iterations, keygen's key size, relay pull's caps, GitHub reads' retry wait and create's receiver limit, the bus's bounds, relay listing memory, recovery's leftover-file cap, and message ids that no earlier file's ids date (bus/ids.ts), whatever the file before it left. Three things cannot be undone for the next file, and fail
 * the file that does them: replacing process.env with another object (see process-env.ts), and
 * ending while an in-process command run still changes process.env (env-runs.ts); nor a Ctrl-C
 * cleanup left registered (proc/interrupt-cleanup.ts), whose listener every later file would meet.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { setPbkdf2IterationsForTests } from '../../scripts/lib/crypto/kdf.ts';
import { setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';
import { setPullLimitsForTests } from '../../scripts/lib/relay/pull-limits.ts';
import { setReadRetryWaitForTests } from '../../scripts/lib/relay/read-retry-wait.ts';
import { setReceiverEntriesForTests, setReceiverLimitForTests } from '../../scripts/lib/package/receiver-limit.ts';
import { setBusListMaxForTests, setReceiverFoldersMaxForTests, setWaitLookReadsForTests } from '../../scripts/lib/bus/list-bound.ts';
import { setThreadScanMaxForTests } from '../../scripts/lib/bus/query.ts';
import { setListingMemoryForTests } from '../../scripts/lib/relay/git-transport.ts';
import { setLeftoverFileMaxForTests } from '../../scripts/lib/receive/journal.ts';
import { resetMessageIdsForTests } from '../../scripts/lib/bus/ids.ts';
import { envRunInProgress } from './env-runs.ts';
import { registeredCleanupsForTests } from '../../scripts/lib/proc/interrupt-cleanup.ts';
import { counted } from '../../scripts/lib/text/plural.ts';
import { resetProcessEnv } from './process-env.ts';
import { restoreChildMalloc } from './worker-malloc.ts';
import { runFileCleanups } from './after-file.ts';
import { beatForThisFile } from './heartbeat.ts';

interface WorkerStart {
  env: NodeJS.ProcessEnv;
  snapshot: Record<string, string | undefined>;
  umask: number;
}

const holder = globalThis as { aliveWorkerStart?: WorkerStart };
if (holder.aliveWorkerStart === undefined) restoreChildMalloc();
holder.aliveWorkerStart ??= { env: process.env, snapshot: { ...process.env }, umask: process.umask() };
const start = holder.aliveWorkerStart;

process.env = start.env;
resetProcessEnv(start.snapshot);
process.umask(start.umask);
setPbkdf2IterationsForTests(undefined);
setKeygenBitsForTests(undefined);
setPullLimitsForTests(undefined);
setReadRetryWaitForTests(undefined);
setReceiverLimitForTests(undefined);
setReceiverEntriesForTests(undefined);
setBusListMaxForTests(undefined);
setReceiverFoldersMaxForTests(undefined);
setWaitLookReadsForTests(undefined);
setThreadScanMaxForTests(undefined);
setListingMemoryForTests(undefined);
setLeftoverFileMaxForTests(undefined);
resetMessageIdsForTests();
beatForThisFile();

afterAll(() => {
  // What helper modules made for this file (after-file.ts): they load once per worker.
  runFileCleanups();
  if (process.env !== start.env) {
    process.env = start.env;
    throw new Error('this file left another object in place of process.env: set variables on process.env instead (test/support/process-env.ts)');
  }
  const running = envRunInProgress();
  if (running !== undefined) throw new Error(`this file ended while the in-process run '${running}' still changes process.env: await it`);
  // A Ctrl-C cleanup left registered listens for the ending signals in every later file of the worker.
  const left = registeredCleanupsForTests();
  if (left > 0)
    throw new Error(`this file left ${counted(left, 'Ctrl-C cleanup')} registered (proc/interrupt-cleanup.ts): release or discard what registered it`);
});

/**
 * ALIVE_TEST_CPU_LOG=<file>: each file appends a line to <file> with the CPU milliseconds its worker
 * spent (user + system) and those of the child processes it waited for (git, openssl, the bundles),
 * then its path: `sort -rn` on the sum finds where the run's CPU goes (the suite is bound by CPU).
 * Files of a worker run one after another, so the counters of /proc/self/stat tell them apart.
 */
const cpuLog = process.env.ALIVE_TEST_CPU_LOG;
if (cpuLog !== undefined && cpuLog !== '') {
  const ticks = (): [number, number] => {
    // utime, stime, cutime, cstime: fields 14-17 of /proc/self/stat, in clock ticks (1/100 s on Linux).
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const n = (i: number) => Number(f[i] ?? 0) * 10;
    return [n(11) + n(12), n(13) + n(14)];
  };
  let begun: [number, number] = [0, 0];
  let file = '';
  beforeAll(() => {
    begun = ticks();
    file = expect.getState().testPath ?? '';
  });
  afterAll(() => {
    const [self, children] = ticks();
    appendFileSync(cpuLog, `${self + children - begun[0] - begun[1]}\t${self - begun[0]}\t${children - begun[1]}\t${file.replace(/^.*?\/test\//, 'test/')}\n`);
  });
}
