/**
 * Whether a daemon serves a receiver, from its daemon.json (which `dispatch serve` writes while it
 * runs): for `status`, and for the words of a wait that ran out.
 */
import { readBusJson } from './fsutil.ts';
import { receiverPaths } from './layout.ts';
import { processAlive } from '../proc/alive.ts';

export interface DaemonRecord {
  pid: number;
  /** The record's agent command: any bus writer's text (status fences it). */
  agent: string;
  alive: boolean;
}

/** A daemon.json's content as a record, or null when it names no pid. */
export function daemonRecord(raw: unknown): DaemonRecord | null {
  const d = (raw ?? {}) as { pid?: unknown; agent?: unknown };
  if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0) return null;
  return { pid: d.pid, agent: typeof d.agent === 'string' ? d.agent : '?', alive: processAlive(d.pid) };
}

/** The daemon record of `receiver` (a folder name), or null without one (or one not readable). */
export function receiverDaemon(root: string, receiver: string): DaemonRecord | null {
  try {
    return daemonRecord(readBusJson(root, receiverPaths(root, receiver).daemon));
  } catch {
    return null; // a linked folder: no record of ours
  }
}

/**
 * Who should be answering, for a wait that ran out while the request waits: a live daemon (it is
 * slow or busy), a daemon that is gone, or none. `named` is how to name the receiver in our words
 * (its display name when the user typed it or every bus has it, else a phrase).
 */
export function servingText(root: string, receiver: string, named: string | undefined, id?: string): string {
  const d = receiverDaemon(root, receiver);
  const serve = named === undefined ? `a 'dispatch serve' of its receiver${id ? ` ('dispatch show ${id}' names it)` : ''}` : `'dispatch serve ${named}'`;
  const whom = named ?? 'its receiver';
  if (d?.alive) return `a daemon serves ${whom} (pid ${d.pid}) and has not answered yet`;
  if (d) return `the daemon of ${whom} is gone (pid ${d.pid}); start ${serve}`;
  return `no daemon serves ${whom}; start ${serve}, or answer by hand`;
}
