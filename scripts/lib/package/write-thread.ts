/**
 * A folder sink whose file system work and hashing run on worker threads, so the main thread
 * only parses the tar stream while files are created, written and hashed beside it (issue 16:
 * the main thread spent most of extraction in small-file open/write/close and SHA-256).
 *
 * Bytes travel in a fixed pool of SLABS buffers of SLAB bytes, transferred to a worker and
 * back, never copied across: the main thread packs the bytes of consecutive files into a slab
 * (many small files share one message), the worker creates each file with O_EXCL (never through
 * an existing file or link), writes, sets the mtime, closes, hashes, and returns the slab with
 * the digests. Memory is the pool's, whatever the package holds. A worker handles its messages
 * in order and makes a folder before the files inside it; each folder's files go to one worker
 * (when a second starts, about half the folders move to it, see WRITERS).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { tooLongToUnpack, type FileBody, type FileDigest, type FileSink } from './sinks.ts';

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
let created = 0;
let createMs = 0;
function fail(f, op, e) {
  f.error = { op, code: (e && e.code) || 'EIO' };
  if (f.fd !== undefined) { try { fs.closeSync(f.fd); } catch {} f.fd = undefined; }
}
function piece(slab, p, replies) {
  let f = open.get(p.id);
  if (!f) {
    f = { hash: createHash('sha256'), size: 0, mtime: p.mtime };
    open.set(p.id, f);
    if (p.target !== null) {
      if (p.dir !== undefined) { try { fs.mkdirSync(p.dir, { recursive: true }); } catch (e) { fail(f, 'mkdir', e); } }
      if (!f.error) {
        const t0 = process.hrtime.bigint(); // not performance.now(): its first use loads perf_hooks
        try { f.fd = fs.openSync(p.target, 'wx', p.mode); } catch (e) { fail(f, 'open', e); }
        created += 1;
        createMs += Number(process.hrtime.bigint() - t0) / 1e6;
      }
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
  parentPort.postMessage({ slab, replies, created, createMs }, slab ? [slab] : []);
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
  /** A folder to make first (recursive), on a file's first piece. */
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
  if (err.code === 'ENAMETOOLONG') return tooLongToUnpack(path);
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
  startFile(path: string, mode: number, mtimeSec: number, body: FileBody, size?: number): Promise<{ digest: Promise<FileDigest> }>;
  /** Waits until every write begun has ended (written or failed), then stops the threads. */
  close(): Promise<void>;
  /** How many writers have started so far. */
  writers(): number;
}

/**
 * The most writer threads a sink that writes files runs. It starts with one; a second starts when
 * creating a file takes the first more than SLOW_CREATE_MS on average over CREATES_SEEN files: a
 * file system busy with its own bookkeeping (right after thousands of files were deleted, ext4
 * skips the inodes freed recently one by one), where two creations in flight finish sooner. On a
 * fast one (a settled disk, /dev/shm) a second writer only costs its start-up and messages.
 * Files go to a writer by their folder, and each writer makes the folders of its own files.
 */
const WRITERS = 2;
const CREATES_SEEN = 64;
const SLOW_CREATE_MS = 0.25;

/** One writer and the slab it is being sent. */
interface Lane {
  worker: Writer | undefined;
  slab: Uint8Array | undefined;
  used: number;
  pieces: Piece[];
  flushQueued: boolean;
  slabsOut: number;
  /** Folders (relative to the root) this writer has made or been asked to make. */
  made: Set<string>;
}

/** Which of `lanes` writers gets the files of `folder` (a stable hash of its name). */
export function writerIndex(folder: string, lanes: number): number {
  if (lanes === 1) return 0;
  let h = 0;
  for (let i = 0; i < folder.length; i++) h = (h * 31 + folder.charCodeAt(i)) | 0;
  return (h >>> 0) % lanes;
}

/** The folders `rel` and above it, deepest first ('' excluded). */
function* foldersUp(rel: string): Generator<string> {
  for (let d = rel; d !== ''; d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') yield d;
}

/**
 * `root` null hashes without writing (verify). Files are created with mode 0644 or 0755, never
 * setuid bits, in a fresh folder only this process knows. A package of fewer than
 * THREAD_FROM_BYTES (`packageBytes`, its file's size) is written on the main thread.
 */
export function threadedSink(root: string | null, packageBytes = Number.POSITIVE_INFINITY, tuning: { slowCreateMs?: number } = {}): ThreadedSink {
  const slowCreateMs = tuning.slowCreateMs ?? SLOW_CREATE_MS;
  const inline = packageBytes < THREAD_FROM_BYTES;
  const maxLanes = inline || root === null ? 1 : WRITERS;
  const newLane = (): Lane => ({ worker: undefined, slab: undefined, used: 0, pieces: [], flushQueued: false, slabsOut: 0, made: new Set<string>() });
  const lanes: Lane[] = [newLane()];
  let nextId = 1;
  let broken: Error | undefined;
  const free: ArrayBuffer[] = [];
  let created = 0;
  const pending = new Map<number, Pending>();
  const waiters: Array<() => void> = [];
  const slabsOut = () => lanes.reduce((n, l) => n + l.slabsOut, 0);

  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const die = (err: Error) => {
    if (broken) return;
    broken = new AliveError(`the file writer stopped (${err.message}); nothing was written`, { code: 'unwritable', cause: err });
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
    for (const lane of lanes) lane.slabsOut = 0;
    wake();
  };
  const onMessage = (
    lane: Lane,
    { slab: back, replies, created: made, createMs }: { slab: ArrayBuffer | null; replies: Reply[]; created: number; createMs: number },
  ) => {
    if (back) free.push(back);
    lane.slabsOut -= 1;
    if (lanes.length < maxLanes && made >= CREATES_SEEN && createMs / made > slowCreateMs) {
      const extra = newLane();
      lanes.push(extra);
      start(extra).unref();
    }
    for (const r of replies) {
      const p = pending.get(r.id);
      if (!p) continue;
      pending.delete(r.id);
      if (r.error) p.reject(failure(p.path, r.error));
      else p.resolve({ sha256: r.sha256!, size: r.size! });
    }
    if (lane.slabsOut === 0) lane.worker?.unref();
    wake();
  };
  const start = (lane: Lane): Writer => {
    if (lane.worker) return lane.worker;
    if (inline) {
      lane.worker = inlineWriter((reply) => onMessage(lane, reply), die);
      return lane.worker;
    }
    const w = new Worker(WORKER, { eval: true });
    w.on('message', (reply) => onMessage(lane, reply));
    w.on('error', die);
    w.on('exit', (code) => {
      if (lane.slabsOut > 0) die(new Error(`exit code ${code}`));
    });
    lane.worker = w;
    return w;
  };
  /** Sends the slab the lane is filling (if it holds anything). */
  const flush = (lane: Lane) => {
    if (lane.pieces.length === 0) return;
    const w = start(lane);
    w.ref();
    lane.slabsOut += 1;
    const buf = lane.slab ? (lane.slab.buffer as ArrayBuffer) : null;
    w.postMessage({ slab: buf, pieces: lane.pieces }, buf ? [buf] : []);
    lane.slab = undefined;
    lane.used = 0;
    lane.pieces = [];
  };
  const queueFlush = (lane: Lane) => {
    if (lane.flushQueued) return;
    // Files parsed in this turn of the event loop travel together; nobody waits longer than that.
    lane.flushQueued = true;
    setImmediate(() => {
      lane.flushQueued = false;
      flush(lane);
    });
  };
  /** A slab with room for the lane, if one is at hand (undefined: all are in flight). */
  const roomNow = (lane: Lane): Uint8Array | undefined => {
    if (broken) throw broken;
    if (lane.slab && lane.used < lane.slab.byteLength) return lane.slab;
    if (lane.slab) flush(lane);
    let buf = free.pop();
    if (!buf && created < SLABS) {
      created += 1;
      buf = new ArrayBuffer(SLAB);
    }
    if (!buf) return undefined;
    lane.slab = new Uint8Array(buf);
    lane.used = 0;
    return lane.slab;
  };
  /** A slab with room for the lane, waiting for one to come back when all are in flight. */
  const room = async (lane: Lane): Promise<Uint8Array> => {
    for (;;) {
      const slab = roomNow(lane);
      if (slab) return slab;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const add = (lane: Lane, p: Piece) => {
    if (broken) throw broken;
    lane.pieces.push(p);
    queueFlush(lane);
  };
  /** The folder the lane must make before `rel` (relative) can hold a file, if it has not yet. */
  const folderToMake = (lane: Lane, rel: string): string | undefined => {
    if (root === null || rel === '' || lane.made.has(rel)) return undefined;
    for (const d of foldersUp(rel)) {
      if (lane.made.has(d)) break;
      lane.made.add(d);
    }
    return join(root, rel);
  };

  const startFile: ThreadedSink['startFile'] = async (path, mode, mtimeSec, body) => {
    if (broken) throw broken;
    const id = nextId++;
    const digest = new Promise<FileDigest>((resolve, reject) => pending.set(id, { path, resolve, reject }));
    digest.catch(() => {}); // the caller awaits it, or close() lets it settle
    const folder = path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : '';
    const lane = lanes[writerIndex(folder, lanes.length)]!;
    const head: Piece = {
      id,
      target: root === null ? null : join(root, path),
      mode: mode & 0o111 ? 0o755 : 0o644,
      mtime: mtimeSec,
      off: 0,
      len: 0,
      end: false,
    };
    const dir = folderToMake(lane, folder);
    if (dir) head.dir = dir;
    let first = true;
    /** The piece of this file in the lane's current slab, grown as bytes are copied in. */
    let cur: Piece | undefined;
    try {
      // Pieces the reader already holds are copied without waiting (a small file, and most of a
      // large one, are in the chunk in hand): no promise per piece, and a loop V8 optimizes small.
      let pieces: AsyncIterator<Buffer> | undefined;
      for (;;) {
        let chunk = body.takeReady?.();
        if (chunk === null) break;
        if (chunk === undefined) {
          pieces ??= body[Symbol.asyncIterator]();
          const next = await pieces.next();
          if (next.done) break;
          chunk = next.value;
        }
        let off = 0;
        while (off < chunk.length) {
          const s = roomNow(lane) ?? (await room(lane));
          if (!cur || lane.pieces[lane.pieces.length - 1] !== cur || cur.off + cur.len !== lane.used) {
            cur = first ? { ...head, off: lane.used, len: 0 } : { id, off: lane.used, len: 0, end: false };
            first = false;
            add(lane, cur);
          }
          const n = Math.min(s.byteLength - lane.used, chunk.length - off);
          s.set(chunk.subarray(off, off + n), lane.used);
          lane.used += n;
          cur.len += n;
          off += n;
        }
      }
    } catch (err) {
      body.resume();
      pending.delete(id);
      // The worker may hold this file open: end it so it is closed.
      if (!first) add(lane, { id, off: 0, len: 0, end: true });
      throw err;
    }
    if (cur && lane.pieces[lane.pieces.length - 1] === cur) cur.end = true;
    else {
      add(lane, first ? { ...head, off: 0, len: 0, end: true } : { id, off: 0, len: 0, end: true });
    }
    return { digest };
  };

  // The threads start now, so their start-up overlaps reading the manifest rather than delaying
  // the first file; they are unreferenced while idle and stopped by close().
  if (root !== null) for (const lane of lanes) start(lane).unref();

  return {
    startFile,
    writers: () => lanes.length,
    async writeFile(path, mode, mtimeSec, body, size) {
      const { digest } = await startFile(path, mode, mtimeSec, body, size);
      return digest;
    },
    async close() {
      for (const lane of lanes) flush(lane);
      while (slabsOut() > 0 && !broken) await new Promise<void>((r) => waiters.push(r));
      const workers = lanes.map((l) => l.worker);
      for (const lane of lanes) lane.worker = undefined;
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}
