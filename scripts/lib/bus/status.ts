/**
 * What the bus holds, per receiver (`dispatch status`, the MCP `status` tool): messages waiting,
 * claimed (and how many of those claims ran out), answers not collected, dead letters, archived
 * messages, and whether a daemon serves it. Reads names and counts only, never a message.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listClaims } from './claims.ts';
import { readBusJson } from './fsutil.ts';
import { isMessageFileName, receiverPaths } from './layout.ts';
import { displayName } from './names.ts';
import { listReceivers } from './receivers.ts';
import { inlineText } from '../text/untrusted.ts';

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
}

export function busStatus(root: string, now = Date.now()): { root: string; receivers: ReceiverStatus[] } {
  const names = listReceivers(root);
  const receivers = names.map((name) => {
    const paths = receiverPaths(root, name);
    const claims = listClaims(paths);
    return {
      receiver: displayName(name),
      inbox: countMessages(paths.inbox),
      processing: claims.length,
      stale_claims: claims.filter((c) => c.deadline <= now).length,
      outbox: countMessages(paths.outbox),
      dead_letter: countDeadLetters(paths.deadLetter),
      archived: countArchive(paths.archive),
      config: exists(paths.config),
      daemon: daemonState(paths.daemon),
    };
  });
  return { root, receivers };
}

function countMessages(dir: string): number {
  try {
    return readdirSync(dir).filter(isMessageFileName).length;
  } catch {
    return 0;
  }
}

function countDeadLetters(dir: string): number {
  try {
    return readdirSync(dir).filter((n) => !n.endsWith('.reason.json') && !n.startsWith('.')).length;
  } catch {
    return 0;
  }
}

function countArchive(dir: string): number {
  let n = 0;
  try {
    for (const day of readdirSync(dir)) n += countMessages(join(dir, day)) + countSuffixed(join(dir, day));
  } catch {
    return n;
  }
  return n;
}

function countSuffixed(dir: string): number {
  try {
    return readdirSync(dir).filter((f) => /^msg-.+\.hw\.\d+$/.test(f)).length;
  } catch {
    return 0;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function daemonState(path: string): { pid: number; agent: string; alive: boolean } | null {
  try {
    const d = (readBusJson(path) ?? {}) as { pid?: unknown; agent?: unknown };
    if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0) return null;
    let alive = false;
    try {
      process.kill(d.pid, 0);
      alive = true;
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
    return { pid: d.pid, agent: typeof d.agent === 'string' ? inlineText(d.agent, 200) : '?', alive };
  } catch {
    return null;
  }
}
