/**
 * A folder sink whose file system work and hashing run on a worker thread, so the main thread
 * only parses the tar stream while files are created, written and hashed beside it (issue 16:
 * the main thread spent most of extraction in small-file open/write/close and SHA-256).
 *
 * Bytes travel in a fixed pool of SLABS buffers of SLAB bytes, transferred to the worker and
 * back, never copied across: the main thread packs the bytes of consecutive files into a slab
 * (many small files share one message), the worker creates each file with O_EXCL (never through
 * an existing file or link), writes, sets the mtime, closes, hashes, and returns the slab with
 * the digests. Memory is the pool's, whatever the package holds. Messages are handled in order,
 * so a folder is made before the files inside it.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import type { FileDigest, FileSink } from './sinks.ts';

export const SLAB = 1024 * 1024;
const SLABS = 6;
/**
 * Packages smaller than this are written by the same code on the main thread: starting a thread
 * costs 30–50 ms of CPU, more than the writes it would take off the main thread.
 */
export const THREAD_FROM_BYTES = 4 * 1024 * 1024;

const WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const open = new Map();
function fail(f, op, e) {
  f.error = { op, code: (e && e.code) || 'EIO' };
  if (f.fd !== undefined) { try { fs.closeSync(f.fd); } catch {} f.fd = undefined; }
}
function piece(slab, p, replies) {
  if (p.dir !== undefined && p.target === undefined) {
    try { fs.mkdirSync(p.dir, { recursive: true }); } catch {}
    return;
  }
  let f = open.get(p.id);
  if (!f) {
    f = { hash: createHash('sha256'), size: 0, mtime: p.mtime };
    open.set(p.id, f);
    if (p.target !== null) {
      if (p.dir !== undefined) { try { fs.mkdirSync(p.dir, { recursive: true }); } catch (e) { fail(f, 'mkdir', e); } }
      if (!f.error) { try { f.fd = fs.openSync(p.target, 'wx', p.mode); } catch (e) { fail(f, 'open', e); } }
    }
  }
  if (!f.error && p.len > 0) {
    const data = new Uint8Array(slab, p.off, p.len);
    f.hash.update(data);
    f.size += p.len;
    if (f.fd !== undefined) {
      try { let off = 0; while (off < p.len) off += fs.writeSync(f.fd, data, off, p.len - off); } catch (e) { fail(f, 'write', e); }
    }
  }
  if (!p.end) return;
  open.delete(p.id);
  if (!f.error && f.fd !== undefined) {
    if (f.mtime > 0) { try { fs.futimesSync(f.fd, f.mtime, f.mtime); } catch {} }
    try { fs.closeSync(f.fd); f.fd = undefined; } catch (e) { f.fd = undefined; fail(f, 'close', e); }
  }
  replies.push(f.error ? { id: p.id, error: f.error } : { id: p.id, sha256: f.hash.digest('hex'), size: f.size });
}
parentPort.on('message', ({ slab, pieces }) => {
  const replies = [];
  for (const p of pieces) piece(slab, p, replies);
  parentPort.postMessage({ slab, replies }, slab ? [slab] : []);
});
`;

/** What the sink needs of its writer: a worker thread, or the inline one below. */
interface Writer {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  ref(): void;
  unref(): void;
  terminate(): Promise<unknown>;
}

/**
 * The WORKER code run on the main thread, each message in its own turn of the event loop as a
 * thread would take it (so the parser is never re-entered), its replies handed to `onMessage`.
 */
function inlineWriter(onMessage: (reply: never) => void, die: (err: Error) => void): Writer {
  let handle: ((message: unknown) => void) | undefined;
  const parentPort = {
    on: (_event: 'message', fn: (message: unknown) => void) => {
      handle = fn;
    },
    postMessage: (reply: never) => onMessage(reply),
  };
  const modules: Record<string, unknown> = { 'node:worker_threads': { parentPort }, 'node:fs': fs, 'node:crypto': crypto };
  new Function('require', WORKER)((name: string) => modules[name]);
  return {
    postMessage: (message) =>
      setImmediate(() => {
        try {
          handle?.(message);
        } catch (err) {
          die(err instanceof Error ? err : new Error(String(err)));
        }
      }),
    ref: () => {},
    unref: () => {},
    terminate: async () => 0,
  };
}

interface Piece {
  id: number;
  /** Absolute path to create (first piece), or null to hash only; absent on later pieces. */
  target?: string | null;
  /** A folder to make first (recursive); with no target, the piece only makes the folder. */
  dir?: string;
  mode?: number;
  mtime?: number;
  off: number;
  len: number;
  end: boolean;
}

interface Reply {
  id: number;
  sha256?: string;
  size?: number;
  error?: { op: string; code: string };
}

interface Pending {
  path: string;
  resolve: (d: FileDigest) => void;
  reject: (e: Error) => void;
}

function failure(entry: string, err: { op: string; code: string }): AliveError {
  // The entry's name is the package's text, and may be thousands of characters long.
  const path = inlineText(entry, 200);
  if (err.op === 'open') {
    return new AliveError(`cannot create ${path} while unpacking (${err.code}); nothing was written`, {
      code: err.code === 'EEXIST' ? 'duplicate_entry' : 'unwritable',
    });
  }
  return new AliveError(`cannot write ${path} while unpacking (${err.code}); check the free space and permissions of the destination; nothing was written`, {
    code: 'unwritable',
  });
}

export interface ThreadedSink extends FileSink {
  startFile(path: string, mode: number, mtimeSec: number, body: Readable, size?: number): Promise<{ digest: Promise<FileDigest> }>;
  /** Waits until every write begun has ended (written or failed), then stops the thread. */
  close(): Promise<void>;
}

/**
 * `root` null hashes without writing (verify). Files are created with mode 0644 or 0755, never
 * setuid bits, in a fresh folder only this process knows. A package of fewer than
 * THREAD_FROM_BYTES (`packageBytes`, its file's size) is written on the main thread.
 */
export function threadedSink(root: string | null, packageBytes = Number.POSITIVE_INFINITY): ThreadedSink {
  const inline = packageBytes < THREAD_FROM_BYTES;
  let worker: Writer | undefined;
  let nextId = 1;
  let slabsOut = 0;
  let broken: Error | undefined;
  const free: ArrayBuffer[] = [];
  let created = 0;
  const pending = new Map<number, Pending>();
  const waiters: Array<() => void> = [];
  const made = new Set<string>();
  /** The slab being filled and the pieces in it. */
  let slab: Uint8Array | undefined;
  let used = 0;
  let pieces: Piece[] = [];
  let flushQueued = false;

  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const die = (err: Error) => {
    if (broken) return;
    broken = new AliveError(`the file writer stopped (${err.message}); nothing was written`, { code: 'unwritable', cause: err });
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
    slabsOut = 0;
    wake();
  };
  const onMessage = ({ slab: back, replies }: { slab: ArrayBuffer | null; replies: Reply[] }) => {
    if (back) free.push(back);
    slabsOut -= 1;
    for (const r of replies) {
      const p = pending.get(r.id);
      if (!p) continue;
      pending.delete(r.id);
      if (r.error) p.reject(failure(p.path, r.error));
      else p.resolve({ sha256: r.sha256!, size: r.size! });
    }
    if (slabsOut === 0) worker?.unref();
    wake();
  };
  const start = (): Writer => {
    if (worker) return worker;
    if (inline) {
      worker = inlineWriter(onMessage, die);
      return worker;
    }
    const w = new Worker(WORKER, { eval: true });
    w.on('message', onMessage);
    w.on('error', die);
    w.on('exit', (code) => {
      if (slabsOut > 0) die(new Error(`exit code ${code}`));
    });
    worker = w;
    return w;
  };
  /** Sends the slab being filled (if it holds anything). */
  const flush = () => {
    if (pieces.length === 0) return;
    const w = start();
    w.ref();
    slabsOut += 1;
    const buf = slab ? (slab.buffer as ArrayBuffer) : null;
    w.postMessage({ slab: buf, pieces }, buf ? [buf] : []);
    slab = undefined;
    used = 0;
    pieces = [];
  };
  const queueFlush = () => {
    if (flushQueued) return;
    // Files parsed in this turn of the event loop travel together; nobody waits longer than that.
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      flush();
    });
  };
  /** A slab with room, waiting for one to come back when all are in flight. */
  const room = async (): Promise<Uint8Array> => {
    for (;;) {
      if (broken) throw broken;
      if (slab && used < slab.byteLength) return slab;
      if (slab) flush();
      let buf = free.pop();
      if (!buf && created < SLABS) {
        created += 1;
        buf = new ArrayBuffer(SLAB);
      }
      if (buf) {
        slab = new Uint8Array(buf);
        used = 0;
        return slab;
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const add = (p: Piece) => {
    if (broken) throw broken;
    pieces.push(p);
    queueFlush();
  };
  const nameParent = (path: string): string | undefined => {
    if (root === null) return undefined;
    const slash = path.lastIndexOf('/');
    if (slash <= 0) return undefined;
    const rel = path.slice(0, slash);
    if (made.has(rel)) return undefined;
    for (let d = rel; d !== '' && !made.has(d); d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') made.add(d);
    return join(root, rel);
  };

  const startFile: ThreadedSink['startFile'] = async (path, mode, mtimeSec, body) => {
    if (broken) throw broken;
    const id = nextId++;
    const digest = new Promise<FileDigest>((resolve, reject) => pending.set(id, { path, resolve, reject }));
    digest.catch(() => {}); // the caller awaits it, or close() lets it settle
    const head: Piece = {
      id,
      target: root === null ? null : join(root, path),
      mode: mode & 0o111 ? 0o755 : 0o644,
      mtime: mtimeSec,
      off: 0,
      len: 0,
      end: false,
    };
    const dir = nameParent(path);
    if (dir) head.dir = dir;
    let first = true;
    /** The piece of this file in the current slab, grown as bytes are copied in. */
    let cur: Piece | undefined;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        let off = 0;
        while (off < chunk.length) {
          const s = await room();
          if (!cur || pieces[pieces.length - 1] !== cur || cur.off + cur.len !== used) {
            cur = first ? { ...head, off: used, len: 0 } : { id, off: used, len: 0, end: false };
            first = false;
            add(cur);
          }
          const n = Math.min(s.byteLength - used, chunk.length - off);
          s.set(chunk.subarray(off, off + n), used);
          used += n;
          cur.len += n;
          off += n;
        }
      }
    } catch (err) {
      body.resume();
      pending.delete(id);
      // The worker may hold this file open: end it so it is closed.
      if (!first) add({ id, off: 0, len: 0, end: true });
      throw err;
    }
    if (cur && pieces[pieces.length - 1] === cur) cur.end = true;
    else {
      add(first ? { ...head, off: 0, len: 0, end: true } : { id, off: 0, len: 0, end: true });
    }
    return { digest };
  };

  // The thread starts now, so its start-up overlaps reading the manifest rather than delaying the
  // first file; it is unreferenced while idle and stopped by close().
  if (root !== null) start().unref();

  return {
    startFile,
    async writeFile(path, mode, mtimeSec, body, size) {
      const { digest } = await startFile(path, mode, mtimeSec, body, size);
      return digest;
    },
    async mkdir(path) {
      if (root === null || path === '' || made.has(path)) return;
      for (let d = path; d !== '' && !made.has(d); d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') made.add(d);
      // A folder's failure surfaces with the files inside it (they cannot be created).
      add({ id: 0, dir: join(root, path), off: 0, len: 0, end: false });
    },
    async close() {
      flush();
      while (slabsOut > 0 && !broken) await new Promise<void>((r) => waiters.push(r));
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
