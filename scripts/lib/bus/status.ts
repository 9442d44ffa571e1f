/**
 * What the bus holds, per receiver (`dispatch status`, the MCP `status` tool): messages waiting,
 * claimed (and how many of those claims ran out), answers not collected, dead letters, archived
 * messages, and whether a daemon serves it. Reads names and counts only, never a message.
 */
import { join } from 'node:path';
import { listClaims } from './claims.ts';
import { busFolderProblem, listBusDir, lstatBus, readBusJson } from './fsutil.ts';
import { isArchiveDayName, isMessageFileName, receiverPaths } from './layout.ts';
import { displayName } from './names.ts';
import { listReceivers } from './receivers.ts';
import { inlineText } from '../text/untrusted.ts';
import { isAliveError } from '../errors.ts';
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

export function busStatus(root: string, now = Date.now()): { root: string; receivers: ReceiverStatus[] } {
  const names = listReceivers(root);
  const receivers = names.map((name) => {
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
    const claims = guarded([], () => listClaims(paths));
    return {
      receiver: displayName(name),
      inbox: guarded(0, () => countMessages(root, paths.inbox)),
      processing: claims.length,
      stale_claims: claims.filter((c) => c.deadline <= now).length,
      outbox: guarded(0, () => countMessages(root, paths.outbox)),
      dead_letter: guarded(0, () => countDeadLetters(root, paths.deadLetter)),
      archived: guarded(0, () => countArchive(root, paths.archive, problems)),
      config: guarded(false, () => lstatBus(root, paths.config) !== undefined),
      daemon: guarded(null, () => daemonState(root, paths.daemon)),
      problems: [...new Set(problems)],
    };
  });
  return { root, receivers };
}

function countMessages(root: string, dir: string): number {
  return listBusDir(root, dir).filter(isMessageFileName).length;
}

function countDeadLetters(root: string, dir: string): number {
  return listBusDir(root, dir).filter((n) => !n.endsWith('.reason.json') && !n.startsWith('.')).length;
}

function countArchive(root: string, dir: string, problems: string[]): number {
  let n = 0;
  // Only day folders: any other name is a bus writer's text, and problems reach agents unfenced.
  for (const day of listBusDir(root, dir).filter(isArchiveDayName)) {
    const dayDir = join(dir, day);
    const problem = busFolderProblem(root, dayDir);
    if (problem !== undefined) {
      problems.push(problem);
      continue;
    }
    const names = listBusDir(root, dayDir);
    n += names.filter(isMessageFileName).length + names.filter((f) => /^msg-.+\.hw\.\d+$/.test(f)).length;
  }
  return n;
}

function daemonState(root: string, path: string): { pid: number; agent: string; alive: boolean } | null {
  try {
    const d = (readBusJson(root, path) ?? {}) as { pid?: unknown; agent?: unknown };
    if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0) return null;
    return { pid: d.pid, agent: typeof d.agent === 'string' ? inlineText(d.agent, 200) : '?', alive: processAlive(d.pid) };
  } catch {
    return null;
  }
}
