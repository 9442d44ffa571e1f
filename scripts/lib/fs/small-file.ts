import { closeSync, constants as fsc, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { errnoCode } from '../errors.ts';

export type SmallFileProblem = 'not_a_file' | 'too_large' | 'unreadable';

/** Undefined when there is no such file. */
export type SmallFileRead = { ok: true; bytes: Buffer } | { ok: false; problem: SmallFileProblem; detail: string } | undefined;

const NOT_REGULAR = 'is not a regular file (a link, folder, FIFO or device)';

/**
 * Reads a small config file that sits among files anyone may have put there: only a regular
 * file counts (lstat), opened without following a link or waiting on a FIFO (O_NOFOLLOW |
 * O_NONBLOCK), checked again on what was opened, and refused unread when over `maxBytes`.
 */
export function readSmallFile(path: string, maxBytes: number): SmallFileRead {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    // A parent that is a file (ENOTDIR), or one this user cannot search: a clear problem, not a throw.
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${errnoCode(err) ?? String(err)})` };
  }
  if (!st) return undefined;
  if (!st.isFile()) return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
  let fd: number;
  try {
    fd = openSync(path, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${code ?? String(err)})` };
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) return { ok: false, problem: 'not_a_file', detail: NOT_REGULAR };
    if (fst.size > maxBytes) return { ok: false, problem: 'too_large', detail: `is larger than ${maxBytes} bytes (${fst.size} bytes)` };
    // Bounded by the fstat size: a file that grows meanwhile is read only that far.
    const bytes = Buffer.alloc(fst.size);
    let off = 0;
    for (let n = 1; n > 0 && off < bytes.length; off += n) n = readSync(fd, bytes, off, bytes.length - off, off);
    return { ok: true, bytes: bytes.subarray(0, off) };
  } catch (err) {
    return { ok: false, problem: 'unreadable', detail: `cannot be read (${errnoCode(err) ?? String(err)})` };
  } finally {
    closeSync(fd);
  }
}
