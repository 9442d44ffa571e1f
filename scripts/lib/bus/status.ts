/**
 * What the bus holds, per receiver (`dispatch status`, the MCP `status` tool): messages waiting,
 * claimed (and how many of those claims ran out), answers not collected, dead letters, archived
 * messages, and whether a daemon serves it. Reads names and counts only, never a message.
 */
import type { Dirent } from 'node:fs';
import { claimsFromNames } from './claims.ts';
import { direntsIn, inBusChildDir, namesIn, openBusDir, readBusJsonIn, type BusDir } from './fsutil.ts';
import { isArchiveDayName, isMessageFileName, receiverPaths, runtimesDir } from './layout.ts';
import { displayName } from './names.ts';
import { isReceiverFolder } from './receivers.ts';
import { inlineText } from '../text/untrusted.ts';
import { AliveError, isAliveError } from '../errors.ts';
import { processAlive } from '../proc/alive.ts';

export interface ReceiverStatus {
  receiver: string;
  inbox: number;
  processing: number;
  stale_claims: number;
  outbox: number;
  dead_letter: number;
  archived: number;
  config: boolean;
  daemon: { pid: number; agent: string; alive: boolean } | null;
  /** Folders of this receiver that were skipped (symbolic links or not folders), with why. */
  problems: string[];
}

/**
 * The bus is read top down: runtimes/ opened and checked once, then each folder below it opened
 * through its open parent (fsutil's openBusChildDir), and only the folders the parent's listing
 * holds. A status is one command start, and each check from the root and each failed open costs
 * there (bench/startup.ts).
 */
export function busStatus(root: string, now = Date.now()): { root: string; receivers: ReceiverStatus[] } {
  let runtimes: BusDir | undefined;
  try {
    runtimes = openBusDir(root, runtimesDir(root), false);
  } catch (err) {
    if (err instanceof AliveError) throw err; // runtimes/ is a link
    return { root, receivers: [] };
  }
  if (!runtimes) return { root, receivers: [] };
  try {
    const names = direntsIn(runtimes)
      .filter(isReceiverFolder)
      .map((d) => d.name)
      .sort();
    return { root, receivers: names.map((name) => receiverStatus(root, runtimes, name, now)) };
  } finally {
    runtimes.close();
  }
}

function receiverStatus(root: string, runtimes: BusDir, name: string, now: number): ReceiverStatus {
  const paths = receiverPaths(root, name);
  const problems: string[] = [];
  // A linked folder is counted as empty and named under problems: status reads nothing through it.
  const guarded = <T>(fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (!isAliveError(err) || err.code !== 'unsafe_bus_folder') throw err;
      problems.push(err.message);
      return fallback;
    }
  };
  const status: ReceiverStatus = {
    receiver: displayName(name),
    inbox: 0,
    processing: 0,
    stale_claims: 0,
    outbox: 0,
    dead_letter: 0,
    archived: 0,
    config: false,
    daemon: null,
    problems,
  };
  guarded(undefined, () =>
    inBusChildDir(root, runtimes, name, (dir) => {
      const entries = new Map<string, Dirent>(direntsIn(dir).map((d) => [d.name, d]));
      // Only folders the listing holds are opened: an absent one counts nothing, without a failed open.
      const inFolder = <T>(sub: string, fallback: T, fn: (d: BusDir) => T): T =>
        entries.has(sub) ? guarded(fallback, () => inBusChildDir(root, dir, sub, fn) ?? fallback) : fallback;
      const claims = claimsFromNames(paths, inFolder('processing', [], namesIn));
      status.processing = claims.length;
      status.stale_claims = claims.filter((c) => c.deadline <= now).length;
      status.inbox = inFolder('inbox', 0, (d) => namesIn(d).filter(isMessageFileName).length);
      status.outbox = inFolder('outbox', 0, (d) => namesIn(d).filter(isMessageFileName).length);
      status.dead_letter = inFolder('dead-letter', 0, (d) => namesIn(d).filter((n) => !n.endsWith('.reason.json') && !n.startsWith('.')).length);
      status.archived = inFolder('archive', 0, (d) => countArchive(root, d, problems));
      status.config = entries.has('config.json');
      status.daemon = entries.has('daemon.json') ? daemonState(dir) : null;
    }),
  );
  status.problems = [...new Set(problems)];
  return status;
}

function countArchive(root: string, archive: BusDir, problems: string[]): number {
  let n = 0;
  // Only day folders: any other name is a bus writer's text, and problems reach agents unfenced.
  for (const day of namesIn(archive).filter(isArchiveDayName)) {
    try {
      const names = inBusChildDir(root, archive, day, namesIn) ?? [];
      n += names.filter(isMessageFileName).length + names.filter((f) => /^msg-.+\.hw\.\d+$/.test(f)).length;
    } catch (err) {
      if (!isAliveError(err) || err.code !== 'unsafe_bus_folder') throw err;
      problems.push(err.message);
    }
  }
  return n;
}

function daemonState(receiverDir: BusDir): { pid: number; agent: string; alive: boolean } | null {
  try {
    const d = (readBusJsonIn(receiverDir, 'daemon.json') ?? {}) as { pid?: unknown; agent?: unknown };
    if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0) return null;
    return { pid: d.pid, agent: typeof d.agent === 'string' ? inlineText(d.agent, 200) : '?', alive: processAlive(d.pid) };
  } catch {
    return null;
  }
}
