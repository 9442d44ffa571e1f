/**
 * Per-sender rate limit of a receiver: a sliding window of send times in `.rate/<sender>.json`,
 * updated under a lock file so that concurrent senders count correctly.
 */
import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { AliveError, errnoCode } from '../errors.ts';
import { lstatBus, openNewBusFile, readBusJson, safeUnlinkBus, writeBusJsonAtomic } from './fsutil.ts';

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/** Records one send and returns true, or returns false when the window is full. */
export async function takeRateToken(
  root: string,
  rateDir: string,
  sender: string,
  limit: { messages: number; perSeconds: number },
  now = Date.now(),
): Promise<boolean> {
  const lock = join(rateDir, `${sender}.lock`);
  await acquire(root, lock);
  try {
    const file = join(rateDir, `${sender}.json`);
    const since = now - limit.perSeconds * 1000;
    const times = readTimes(root, file).filter((t) => t > since);
    if (times.length >= limit.messages) return false;
    times.push(now);
    writeBusJsonAtomic(root, file, times);
    return true;
  } finally {
    safeUnlinkBus(root, lock);
  }
}

function readTimes(root: string, file: string): number[] {
  const value = readBusJson(root, file); // absent or damaged: start a new window
  return Array.isArray(value) ? value.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [];
}

async function acquire(root: string, lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openNewBusFile(root, lock));
      return;
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
    }
    let st: ReturnType<typeof lstatBus>;
    try {
      st = lstatBus(root, lock);
    } catch {
      st = undefined; // released meanwhile
    }
    if (st && !st.isFile()) {
      // A folder (or link) planted there is never released: waiting cannot help.
      throw new AliveError(`the rate-limit lock ${lock} is not a regular file (a folder or link stands there); remove it`, {
        code: 'not_a_file',
      });
    }
    // Dated further ahead than that (a peer's clock running fast, or any bus writer's touch), a lock
    // never aged: its date says nothing, and it is as stale as one left long ago.
    if (st && Math.abs(Date.now() - st.mtimeMs) > LOCK_STALE_MS) safeUnlinkBus(root, lock);
    if (Date.now() > deadline) {
      throw new AliveError(`the rate-limit lock ${lock} stayed busy; try again`, { code: 'busy' });
    }
    await new Promise((r) => setTimeout(r, 2 + Math.random() * 8));
  }
}
