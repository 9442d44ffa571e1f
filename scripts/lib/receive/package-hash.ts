/**
 * The SHA-256 of the whole package file (the ledger's identity of a package), computed on a
 * worker thread so it overlaps with unpacking instead of adding a second pass in front of it.
 */
import { Worker } from 'node:worker_threads';
import { sha256File } from '../fs/hash.ts';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
const stream = createReadStream(workerData, { highWaterMark: 1 << 20 });
stream.on('data', (c) => hash.update(c));
stream.on('error', (e) => parentPort.postMessage({ error: String(e && e.message) }));
stream.on('end', () => parentPort.postMessage({ hex: hash.digest('hex') }));
`;

export function hashPackageInBackground(path: string): Promise<string> {
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
