/**
 * The one lock: a file created exclusively that holds its owner's pid and, where /proc exists, that
 * process's start time. A lock whose process is gone (kill -9), or whose pid now names another
 * process (reused after a reboot), is taken over, by one process at a time (takeOver), so a lock
 * never outlives its owner and two processes never take one over together.
 */
import { closeSync, linkSync, lstatSync, openSync, readFileSync, readlinkSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { AliveError, errnoCode } from '../errors.ts';
import { openForReading, readOpenRegularFile } from './small-file.ts';
import { processAlive } from '../proc/alive.ts';

/**
 * The start time of process `pid` (clock ticks since boot, field 22 of /proc/<pid>/stat), or
 * undefined where /proc is not there. With the pid, it names one process: a pid reused after
 * the owner died (a reboot, a busy machine) has another start time.
 */
export function processStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = rest[19];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

interface Holder {
  text: string;
  pid?: number;
  /** The owner's start time as recorded (absent in locks of older versions). */
  start?: string;
  /** The owner's pid namespace as recorded (absent in locks of older versions and where /proc does not tell). */
  ns?: string;
}

function holder(path: string): Holder | undefined {
  // Read without following a link or waiting on a FIFO: a lock that is no regular file of ours is
  // an unreadable one, taken over (a FIFO read as a file made every later receive wait forever).
  const opened = openForReading(path);
  if ('problem' in opened) {
    if (opened.problem === 'missing') return undefined;
    if (opened.problem === 'unreadable') throw new AliveError(`cannot read the lock ${path} (${opened.code})`, { code: 'unreadable' });
    return { text: `${NOT_A_FILE}${lstatKey(path)}` };
  }
  let read: ReturnType<typeof readOpenRegularFile>;
  try {
    read = readOpenRegularFile(opened.fd, { maxBytes: LOCK_MAX_BYTES });
  } finally {
    closeSync(opened.fd);
  }
  if (!read.ok) {
    if (read.problem === 'unreadable') throw new AliveError(`cannot read the lock ${path} (${read.code})`, { code: 'unreadable' });
    return { text: `${read.problem === 'not_a_file' ? NOT_A_FILE : 'too large '}${lstatKey(path)}` };
  }
  const text = read.bytes.toString('utf8');
  const pid = Number((/"pid":\s*(\d+)/.exec(text) ?? [])[1]);
  const start = (/"start":\s*"(\d+)"/.exec(text) ?? [])[1];
  const ns = (/"ns":\s*"([a-z]+:\[\d+\])"/.exec(text) ?? [])[1];
  if (!Number.isSafeInteger(pid) || pid <= 0) return { text };
  return { text, pid, ...(start !== undefined ? { start } : {}), ...(ns !== undefined ? { ns } : {}) };
}

/** A lock is one line of JSON; a larger one is no lock of ours (read as unreadable). */
const LOCK_MAX_BYTES = 4096;
const NOT_A_FILE = 'not a regular file ';

/** What tells one such entry from another (taken over only when unchanged between two looks). */
function lstatKey(path: string): string {
  const st = lstatSync(path, { throwIfNoEntry: false });
  return st === undefined ? 'gone' : `${st.ino}:${st.mode}:${st.mtimeMs}:${st.size}`;
}

/** Is the process that wrote this pid (and start time, when known) still running? */
export function ownerRunning(pid: number, start: string | undefined): boolean {
  if (!processAlive(pid)) return false;
  if (start === undefined) return true;
  const now = processStartTime(pid);
  return now === undefined || now === start;
}

export interface PidLock {
  release(): void;
}

export interface PidLockOptions {
  /** File mode of the lock (default 0644). */
  mode?: number;
  /** The refusal while another live process holds it. */
  busy: (pid: number) => string;
  /** The refusal when this very process holds it already (default: `busy`). */
  heldHere?: string;
  /** The refusal when the lock cannot be taken for another reason (it keeps changing). */
  stuck: string;
}

/** Takes the lock at `path`, or throws AliveError `busy` saying who holds it. */
export function acquirePidLock(path: string, opts: PidLockOptions): PidLock {
  // Each look that finds the lock gone or changed (taken over, released) is followed by another:
  // a few, so that contention ends in the holder's busy, not in `stuck`.
  for (let attempt = 0; attempt < 10; attempt++) {
    const mine = linkNamingUs(path, opts.mode ?? 0o644);
    if (mine !== undefined) {
      heldHere.add(mine);
      return {
        release() {
          heldHere.delete(mine);
          // Only the lock this process wrote: another naming the same pid (another pid namespace) stays.
          if (holder(path)?.text === mine) unlinkSync(path);
        },
      };
    }
    const h = holder(path);
    if (!h) continue;
    if (heldHere.has(h.text)) throw new AliveError(opts.heldHere ?? opts.busy(process.pid), { code: 'busy' });
    if (fromOtherNamespace(h)) {
      // Its pid means nothing here: whether its owner runs cannot be told.
      throw new AliveError(`${opts.stuck} (it was taken in another pid namespace, a container sharing this folder, by pid ${h.pid ?? '?'})`, {
        code: 'busy',
      });
    }
    // This process took no lock here: one naming its pid is an earlier process's that had the same pid.
    if (h.pid !== undefined && h.pid !== process.pid && ownerRunning(h.pid, h.start)) throw new AliveError(opts.busy(h.pid), { code: 'busy' });
    // The owner is gone (killed, or the file is unreadable): take over, unless it changed meanwhile.
    try {
      takeOver(path, h.text, opts);
    } catch (err) {
      // A folder (or what this user cannot remove) where the lock goes: the lock's own words.
      if (['EISDIR', 'EPERM', 'EACCES', 'ENOTEMPTY', 'ENOTDIR'].includes(errnoCode(err) ?? '')) throw new AliveError(opts.stuck, { code: 'busy', cause: err });
      throw err;
    }
  }
  throw new AliveError(opts.stuck, { code: 'busy' });
}

/**
 * The texts of the locks this process holds (whatever spelling of a path reached them): one naming
 * its pid that is not here is an earlier process's.
 */
const heldHere = new Set<string>();

let namespace: string | null | undefined = null;
/** This process's pid namespace (`pid:[4026531836]`), undefined where /proc does not tell it. */
function ourNamespace(): string | undefined {
  if (namespace === null) {
    try {
      namespace = readlinkSync('/proc/self/ns/pid');
    } catch {
      namespace = undefined;
    }
  }
  return namespace;
}

/** Whether a lock (or guard) was written in another pid namespace than this process's, where its pid means nothing. */
function fromOtherNamespace(h: Holder): boolean {
  const ours = ourNamespace();
  return h.ns !== undefined && ours !== undefined && h.ns !== ours;
}

let made = 0;
/** A name part no other file of this process or another one has: pid and a count (no node:crypto in a hook's start-up). */
const uniqueTag = () => `${process.pid}.${++made}`;

/**
 * Makes `path` a file naming this process (pid; start time and pid namespace where /proc tells
 * them), and returns what it wrote, or undefined when something is there already. Written aside and
 * linked into place: the file never exists without its pid, so another process never mistakes one
 * being written for one whose owner is gone. A folder it cannot write in is refused (`unwritable`).
 */
function linkNamingUs(path: string, mode: number): string | undefined {
  const aside = `${path}.${uniqueTag()}.tmp`;
  const start = processStartTime(process.pid);
  const ns = ourNamespace();
  const text = `${JSON.stringify({ pid: process.pid, ...(start ? { start } : {}), ...(ns ? { ns } : {}), started: new Date().toISOString() })}\n`;
  try {
    const fd = openSync(aside, 'w', mode);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    linkSync(aside, path);
    return text;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') return undefined;
    if (['EACCES', 'EPERM', 'ENOENT', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EDQUOT'].includes(code ?? ''))
      throw new AliveError(`cannot write the lock ${path} (${code}): check that its folder exists, is yours to write and has room`, {
        code: 'unwritable',
        cause: err,
      });
    throw err;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Removes the lock at `path` whose owner is gone, as read (`judged`), unless it changed meanwhile.
 * Only while holding `<path>.takeover`, a file naming its owner made as the lock is: two processes
 * that judged the same lock gone take it over in turn, and the second, looking again under the
 * guard, finds the first one's lock and leaves it (without the guard, its unlink could remove that
 * lock: two holders). A guard whose owner runs (taking the lock over this moment, or stopped there:
 * Ctrl-Z, a machine asleep) makes this a `busy` of that owner's. One whose owner is gone was left
 * by a process killed in the moment it held it: removing it could race with another process
 * replacing it, so the refusal names it to remove, and nothing is removed.
 */
function takeOver(path: string, judged: string, opts: PidLockOptions): void {
  const guard = `${path}.takeover`;
  const mine = linkNamingUs(guard, 0o600);
  if (mine === undefined) {
    const before = lstatSync(guard, { throwIfNoEntry: false });
    const g = before && holder(guard);
    if (!before || !g) return;
    if (!before.isFile()) throw new AliveError(`${opts.stuck} (${guard} is not a file alive made: remove it too)`, { code: 'busy' });
    if (g.pid === undefined) throw new AliveError(`${opts.stuck} (${guard} names no process: remove it too)`, { code: 'busy' });
    if (fromOtherNamespace(g))
      throw new AliveError(`${opts.stuck} (${guard} was made in another pid namespace by pid ${g.pid}: if nothing runs there, remove it too)`, {
        code: 'busy',
      });
    // This process is not inside takeOver (it runs through at once): a guard naming its pid is an earlier process's.
    if (g.pid === process.pid || !ownerRunning(g.pid, g.start))
      throw new AliveError(`${opts.stuck} (${guard} was left by a process that is gone: remove it too)`, { code: 'busy' });
    throw new AliveError(opts.busy(g.pid), { code: 'busy' });
  }
  try {
    const again = holder(path);
    if (again && again.text === judged) unlinkSync(path);
  } finally {
    if (holder(guard)?.text === mine) unlinkSync(guard);
  }
}
