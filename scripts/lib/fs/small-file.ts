// node-fs.ts: log-guardian reads logs with readOpenRegularFile, on every hook start's path.
import { errnoCode } from '../errors.ts';
import { fs } from './node-fs.ts';

export type SmallFileProblem = 'not_a_file' | 'too_large' | 'unreadable';

/** Undefined when there is no such file. */
export type SmallFileRead = { ok: true; bytes: Buffer } | { ok: false; problem: SmallFileProblem; detail: string } | undefined;

/** An open for reading, or why there is none (each caller words the problem its own way). */
export type ReadOpen = { fd: number } | { problem: 'missing' } | { problem: 'not_a_file' } | { problem: 'unreadable'; code: string };

/** What reading an open regular file found (each caller words the problem its own way). */
export type OpenFileRead =
  | { ok: true; bytes: Buffer; size: number; mtimeMs: number }
  | { ok: false; problem: 'not_a_file' }
  | { ok: false; problem: 'too_large'; size: number }
  | { ok: false; problem: 'unreadable'; code: string };

/**
 * Opens `path` for reading without following a link or waiting on a FIFO or device
 * (O_NOFOLLOW | O_NONBLOCK): for files among files anyone may have put there.
 */
export function openForReading(path: string): ReadOpen {
  try {
    return { fd: fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK) };
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return { problem: 'missing' };
    // A link (O_NOFOLLOW), a socket (ENXIO) or what cannot be opened as a file at all (EOPNOTSUPP).
    if (code === 'ELOOP' || code === 'ENXIO' || code === 'EOPNOTSUPP') return { problem: 'not_a_file' };
    return { problem: 'unreadable', code: code ?? String(err) };
  }
}

/**
 * Reads what `fd` has open when it is a regular file (fstat: what was opened may not be what was
 * looked at): all of it when no larger than `maxBytes`, or only its first `headBytes`. Bounded by
 * the size fstat gives: a file that grows meanwhile is read only that far. Does not close `fd`.
 */
export function readOpenRegularFile(fd: number, opts: { maxBytes?: number; headBytes?: number }): OpenFileRead {
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: 'not_a_file' };
    if (opts.headBytes === undefined && opts.maxBytes !== undefined && st.size > opts.maxBytes) return { ok: false, problem: 'too_large', size: st.size };
    const want = opts.headBytes === undefined ? st.size : Math.min(st.size, opts.headBytes);
    const bytes = Buffer.alloc(want);
    let off = 0;
    while (off < want) {
      const n = fs.readSync(fd, bytes, off, want - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: bytes.subarray(0, off), size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    return { ok: false, problem: 'unreadable', code: errnoCode(err) ?? String(err) };
  }
}

/**
 * The bytes of `path` when it is a regular file of at most `maxBytes` (followed through links, as
 * the programs that write it follow them), else undefined: a FIFO or device is opened without
 * waiting (O_NONBLOCK) and left unread, a larger file is refused unread. For files a hook reads
 * on its way, whose owner is not the only one who can put something there.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const read = readOpenRegularFile(fd, { maxBytes });
    return read.ok ? read.bytes : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

const NOT_REGULAR = 'is not a regular file (a link, folder, FIFO or device)';

/**
 * Reads a small config file that sits among files anyone may have put there: only a regular
 * file counts (lstat), opened without following a link or waiting on a FIFO, checked again on
 * what was opened, and refused unread when over `maxBytes`.
 */
export function readSmallFile(path: string, maxBytes: number): SmallFileRead {
  let st: ReturnType<typeof fs.lstatSync>;
  try {
    st = fs.lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    // A parent that is a file (ENOTDIR), or one this user cannot search: a clear problem, not a throw.
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${errnoCode(err) ?? String(err)})` };
  }
  if (!st) return undefined;
  if (!st.isFile()) return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
  const opened = openForReading(path);
  if (!('fd' in opened)) {
    if (opened.problem === 'missing') return undefined;
    if (opened.problem === 'not_a_file') return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${opened.code})` };
  }
  try {
    const read = readOpenRegularFile(opened.fd, { maxBytes });
    if (read.ok) return { ok: true, bytes: read.bytes };
    if (read.problem === 'not_a_file') return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    if (read.problem === 'too_large') return { ok: false, problem: 'too_large', detail: `is larger than ${maxBytes} bytes (${read.size} bytes)` };
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${read.code})` };
  } finally {
    fs.closeSync(opened.fd);
  }
}
