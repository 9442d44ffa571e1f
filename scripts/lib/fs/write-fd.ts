/**
 * Synchronous writes to a file descriptor (stdout, stderr) without process.stdout: creating that
 * stream loads net, stream and a dozen more of Node's modules when the descriptor is a pipe, about
 * 5 ms of a command's start-up (bench/startup.ts, bench/hooks.ts).
 */
import { fs } from './node-fs.ts';

/**
 * Writes `bytes` from `offset` on, retrying short writes, and returns the offset reached: the end,
 * or less when the descriptor is non-blocking and full (EAGAIN). Any other error is thrown with
 * `written` (the offset reached) on it.
 */
export function writeSyncUntilFull(fd: number, bytes: Uint8Array, offset = 0): number {
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'EAGAIN') return offset;
      throw Object.assign(err as Error, { written: offset });
    }
  }
  return offset;
}
