/**
 * The SHA-256 of the whole package file (the ledger's identity of a package), computed on a
 * worker thread so it overlaps with unpacking instead of adding a second pass in front of it.
 * A package smaller than THREAD_FROM_BYTES is hashed on the main thread, as its files are written
 * there (write-thread.ts): starting a thread costs 30–50 ms of CPU, more than hashing it.
 */
import { Worker } from 'node:worker_threads';
import { sha256File } from '../fs/hash.ts';
import { THREAD_FROM_BYTES } from '../package/write-thread.ts';

// One reused buffer and synchronous reads on the worker's own thread: a read stream allocated a
// fresh 1 MiB buffer per chunk, and the worker's garbage added tens of MB to receive's peak RSS.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
try {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(workerData, 'r');
  try {
    let n;
    while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  parentPort.postMessage({ hex: hash.digest('hex') });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message) });
}
`;

/** `bytes`: the package file's size, when known (a smaller one than THREAD_FROM_BYTES starts no thread). */
export function hashPackageInBackground(path: string, bytes = Number.POSITIVE_INFINITY): Promise<string> {
  if (bytes < THREAD_FROM_BYTES) return sha256File(path);
  return new Promise<string>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: path });
    } catch {
      sha256File(path).then(resolve, reject);
      return;
    }
    worker.once('message', (m: { hex?: string; error?: string }) => {
      if (m.hex) resolve(m.hex);
      else reject(new Error(`cannot hash ${path}: ${m.error ?? 'unknown error'}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      void worker.terminate();
      sha256File(path).then(resolve, () => reject(err));
    });
  });
}
