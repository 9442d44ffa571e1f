/**
 * Waiting for a folder to change: file-system notifications (inotify on Linux) with a polling
 * fallback, always bounded by a timeout. A notification that arrives between two waits is not
 * lost: it leaves the watcher "dirty" and the next wait returns at once.
 */
import { watch, type FSWatcher } from 'node:fs';
import { ensureDir } from './fsutil.ts';

export interface DirWatcherOptions {
  /** Poll interval while notifications work (a safety net), ms. */
  idlePollMs?: number;
  /** Poll interval range when notifications are unavailable, ms (grows by backoff). */
  fallbackPollMs?: [number, number];
  /** Set to false to poll only (file systems where notifications are unreliable, tests). */
  notifications?: boolean;
}

export class DirWatcher {
  private watcher: FSWatcher | undefined;
  private dirty = false;
  private wake: (() => void) | undefined;
  private fallbackDelay: number;
  private readonly idlePollMs: number;
  private readonly fallback: [number, number];

  constructor(
    readonly root: string,
    readonly dir: string,
    options: DirWatcherOptions = {},
  ) {
    this.idlePollMs = options.idlePollMs ?? 1000;
    this.fallback = options.fallbackPollMs ?? [20, 500];
    this.fallbackDelay = this.fallback[0];
    ensureDir(root, dir); // a real folder of the bus, never a link
    if (options.notifications === false) return;
    try {
      this.watcher = watch(dir, { persistent: false }, () => this.signal());
      this.watcher.on('error', () => this.dropWatcher());
    } catch {
      this.watcher = undefined; // no notifications here (watch limit, file system): poll instead
    }
  }

  /** True when notifications are active. */
  get watching(): boolean {
    return this.watcher !== undefined;
  }

  /** Marks the folder as changed (also used by the process itself after a local change). */
  signal(): void {
    this.dirty = true;
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * Resolves when the folder may have changed, after the poll interval, after `maxMs`, or when
   * `signal` aborts, whichever comes first. Returns true when it was woken by a change.
   */
  wait(maxMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.dirty) {
      this.dirty = false;
      this.fallbackDelay = this.fallback[0];
      return Promise.resolve(true);
    }
    if (signal?.aborted || maxMs <= 0) return Promise.resolve(false);
    const poll = this.watcher ? this.idlePollMs : this.nextFallbackDelay();
    const ms = Math.max(0, Math.min(maxMs, poll));
    return new Promise<boolean>((resolve) => {
      const done = (changed: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.wake = undefined;
        if (changed) {
          this.dirty = false;
          this.fallbackDelay = this.fallback[0];
        }
        resolve(changed);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.wake = () => done(true);
    });
  }

  close(): void {
    this.dropWatcher();
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private dropWatcher(): void {
    try {
      this.watcher?.close();
    } catch {
      // closed
    }
    this.watcher = undefined;
  }

  private nextFallbackDelay(): number {
    const d = this.fallbackDelay;
    this.fallbackDelay = Math.min(this.fallback[1], Math.round(d * 1.5));
    return d * (0.8 + Math.random() * 0.4); // jitter, so that many pollers do not move in step
  }
}

/** The outcome of a bounded wait. */
export type WaitResult<T> = { ok: true; value: T } | { ok: false; timedOut: true; waitedMs: number } | { ok: false; aborted: true };

/**
 * The pace of a wait's looks (waitUntil). A writer adding a file to the folder every few ms (any bus
 * writer can) woke a wait at once each time, and each look listed the folder and read again the
 * headers of the files still young (responses.ts FOREIGN_SETTLE_MS): `dispatch wait`, `send --wait`
 * and the MCP wait burnt a core until their time-out. A wait has WAIT_LOOK_BURST looks in hand, and
 * gets one back for each WAIT_LOOK_GAP_MS it spends between looks: an answer that comes soon after
 * a look is still found at once, a flood gets one look per gap, and files a look left unread (a
 * planted backlog) are read on at that pace. Only the time between looks counts: a slow look (a
 * large outbox listed) leaves the process as long again.
 */
export const WAIT_LOOK_GAP_MS = 100;
export const WAIT_LOOK_BURST = 3;

/** How long the next look of a wait waits (see WAIT_LOOK_GAP_MS): started as a look starts, ended as it ends. */
export class LookPacer {
  private inHand: number;
  private lastEnd: number | undefined;

  constructor(
    private readonly burst = WAIT_LOOK_BURST,
    private readonly gapMs = WAIT_LOOK_GAP_MS,
  ) {
    this.inHand = burst;
  }

  /** Ms from `now` until a look may start. */
  delay(now: number): number {
    const have = this.available(now);
    return have >= 1 ? 0 : Math.ceil((1 - have) * this.gapMs);
  }

  started(now: number): void {
    this.inHand = Math.max(0, this.available(now) - 1);
  }

  ended(now: number): void {
    this.lastEnd = now;
  }

  private available(now: number): number {
    if (this.lastEnd === undefined) return this.inHand;
    return Math.min(this.burst, this.inHand + Math.max(0, now - this.lastEnd) / this.gapMs);
  }
}

/**
 * Calls `check` until it returns a value, waking on changes of `dir` (a folder of the bus under
 * `root`), until `timeoutMs`.
 * `check` runs once at the start, so an answer already present is found without waiting; after a
 * check for which `again` says so, the next runs without waiting for a change. Checks are paced
 * (LookPacer; the deadline and `signal` still end the wait in between).
 */
export async function waitUntil<T>(
  root: string,
  dir: string,
  check: () => T | undefined,
  timeoutMs: number,
  options: DirWatcherOptions & { signal?: AbortSignal; again?: () => boolean } = {},
): Promise<WaitResult<T>> {
  const start = Date.now();
  const watcher = new DirWatcher(root, dir, options);
  const pacer = new LookPacer();
  try {
    for (;;) {
      pacer.started(Date.now());
      const value = check();
      pacer.ended(Date.now());
      if (value !== undefined) return { ok: true, value };
      if (options.signal?.aborted) return { ok: false, aborted: true };
      const left = timeoutMs - (Date.now() - start);
      if (left <= 0) return { ok: false, timedOut: true, waitedMs: Date.now() - start };
      // A check that left work for the next (responses.ts WAIT_LOOK_READS) looks again without
      // waiting for a change; either way, after the event loop's turn, so that a long read never
      // holds the process (the MCP server's other calls).
      if (!options.again?.() && !(await watcher.wait(left, options.signal))) continue;
      const now = Date.now();
      await pause(Math.min(pacer.delay(now), start + timeoutMs - now), options.signal);
    }
  } finally {
    watcher.close();
  }
}

/** Resolves after `ms` (at once when not positive), or when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
