/**
 * Random bytes from the kernel's generator, read from /dev/urandom: the source node:crypto's
 * randomBytes draws on too, without loading node:crypto, whose first use costs a command that only
 * needs a message id some 4 ms of start-up (its module and the stream modules it brings). Where
 * /dev/urandom is not a character device that can be read (Windows, an odd container), node:crypto
 * gives them, as before (the bundles load a Node built-in at its first use: tools/build-options.mjs).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export function secureRandomBytes(n: number, device = '/dev/urandom'): Buffer {
  const out = Buffer.allocUnsafe(n);
  let fd: number | undefined;
  try {
    fd = openSync(device, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (fstatSync(fd).isCharacterDevice()) {
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, null);
        if (r <= 0) break;
        got += r;
      }
      if (got === n) return out;
    }
  } catch {
    // no such device here: node:crypto below
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return randomBytes(n);
}
