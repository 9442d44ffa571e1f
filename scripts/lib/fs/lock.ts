/**
 * The one lock: a file created exclusively that holds its owner's pid and, where /proc exists, that
 * process's start time. A lock whose process is gone (kill -9), or whose pid now names another
 * process (reused after a reboot), is taken over, so a lock never outlives its owner.
 */
import { closeSync, linkSync, lstatSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
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
  if (!Number.isSafeInteger(pid) || pid <= 0) return { text };
  return start === undefined ? { text, pid } : { text, pid, start };
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
  for (let attempt = 0; attempt < 3; attempt++) {
    if (linkNamingUs(path, opts.mode ?? 0o644)) {
      return {
        release() {
          if (holder(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    }
    const h = holder(path);
    if (!h) continue;
    if (h.pid === process.pid && opts.heldHere !== undefined) throw new AliveError(opts.heldHere, { code: 'busy' });
    if (h.pid !== undefined && ownerRunning(h.pid, h.start)) throw new AliveError(opts.busy(h.pid), { code: 'busy' });
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

let made = 0;
/** A name part no other file of this process or another one has: pid and a count (no node:crypto in a hook's start-up). */
const uniqueTag = () => `${process.pid}.${++made}`;

/**
 * Makes `path` a file naming this process (pid, and start time where /proc tells it), or false when
 * something is there already. Written aside and linked into place: the file never exists without
 * its pid, so another process never mistakes one being written for one whose owner is gone.
 */
function linkNamingUs(path: string, mode: number): boolean {
  const aside = `${path}.${uniqueTag()}.tmp`;
  try {
    const fd = openSync(aside, 'w', mode);
    try {
      const start = processStartTime(process.pid);
      writeSync(fd, `${JSON.stringify({ pid: process.pid, ...(start ? { start } : {}), started: new Date().toISOString() })}\n`);
    } finally {
      closeSync(fd);
    }
    linkSync(aside, path);
    return true;
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') throw err;
    return false;
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
 * Ctrl-Z, a machine asleep) makes this a `busy` of that owner's; one whose owner is gone (killed in
 * the moment it held it) is removed, if it is still the one judged (renamed aside, then its inode
 * compared), and the caller looks at the lock again.
 */
function takeOver(path: string, judged: string, opts: PidLockOptions): void {
  const guard = `${path}.takeover`;
  if (!linkNamingUs(guard, 0o600)) {
    const before = lstatSync(guard, { throwIfNoEntry: false });
    const g = before && holder(guard);
    if (!before || !g) return;
    if (!before.isFile()) throw new AliveError(`${opts.stuck} (${guard} is not a file alive made: remove it too)`, { code: 'busy' });
    if (g.pid !== undefined && ownerRunning(g.pid, g.start)) throw new AliveError(opts.busy(g.pid), { code: 'busy' });
    removeIfStill(guard, before.ino, g.text);
    return;
  }
  try {
    const again = holder(path);
    if (again && again.text === judged) unlinkSync(path);
  } finally {
    if (holder(guard)?.pid === process.pid) unlinkSync(guard);
  }
}

/**
 * Removes `path` if it is still the file of inode `ino` holding `text`: renamed aside first, so that
 * what is removed is what was looked at; anything else found there is put back.
 */
function removeIfStill(path: string, ino: number, text: string): void {
  const aside = `${path}.${uniqueTag()}.gone`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return;
    throw err;
  }
  const st = lstatSync(aside, { throwIfNoEntry: false });
  if (st === undefined) return;
  if (st.ino !== ino || holder(aside)?.text !== text) {
    try {
      linkSync(aside, path);
    } catch {
      // another took its place meanwhile: that one stays
    }
  }
  unlinkSync(aside);
}
