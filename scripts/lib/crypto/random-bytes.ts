/**
 * Random bytes from the kernel's generator, read from /dev/urandom: the source node:crypto's
 * randomBytes draws on too, without loading node:crypto, whose first use costs a command that only
 * needs a message id some 4 ms of start-up (its module and the stream modules it brings). Where
 * /dev/urandom is not a character device that can be read (Windows, an odd container), node:crypto
 * gives them, as before (the bundles load a Node built-in at its first use: tools/build-options.mjs).
 * Small requests are served from POOL_BYTES read at a time, each byte handed out once: a daemon
 * making ids for every message reads the device once per dozen ids, not once per id.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const URANDOM = '/dev/urandom';
const POOL_BYTES = 256;
let pool: Buffer | undefined;
let used = POOL_BYTES;

export function secureRandomBytes(n: number, device = URANDOM): Buffer {
  if (device !== URANDOM || n > POOL_BYTES) return fromDevice(n, device) ?? randomBytes(n);
  if (!pool || used + n > POOL_BYTES) {
    const fresh = fromDevice(POOL_BYTES, device);
    if (!fresh) return randomBytes(n);
    pool = fresh;
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + n));
  used += n;
  return out;
}

/** `n` bytes read from `device` when it is a character device, else undefined. */
function fromDevice(n: number, device: string): Buffer | undefined {
  const out = Buffer.alloc(n);
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO planted at the path, with no writer, would block an open for good.
    fd = openSync(device, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isCharacterDevice()) return undefined;
    let got = 0;
    while (got < n) {
      const r = readSync(fd, out, got, n - got, null);
      if (r <= 0) return undefined;
      got += r;
    }
    return out;
  } catch {
    return undefined; // no such device here: node:crypto instead
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
