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
 * The shortest time from the end of a look of a wait (waitUntil) to the start of the next, whatever
 * woke it: a writer adding a file to the folder every few ms (any bus writer can) woke a wait at
 * once each time, and each look listed the folder and read again the headers of the files still
 * young (responses.ts FOREIGN_SETTLE_MS): `dispatch wait`, `send --wait` and the MCP wait burnt a
 * core until their time-out. Counted from the end, a slow look (a large outbox listed) leaves the
 * process as long again. An answer that comes during such a flood is found by the next look; files
 * a look left unread (a planted backlog) are read on at most one look per gap.
 */
export const WAIT_LOOK_GAP_MS = 100;

/**
 * The looks of a wait that start at once after a quiet moment (LookGate), before the gap's pace:
 * waiting a gap from the first made every `send --wait` round trip take 100 ms (p50 10 -> 108 ms
 * through an echo daemon), its answer coming a few ms after the first look, often after one or two
 * other changes of the outbox (the answer before it collected, a foreign file). Three were too few:
 * a round trip's outbox changes four times or more now and then, and `npm run bench -- --only bus`
 * gave a p95 of 103 ms (p50 2.4 ms); ten: 6.9 ms. A flood still gets one look per gap after them.
 */
export const WAIT_LOOK_BURST = 10;

/**
 * When the next look may start: the first `burst` after a quiet moment (no look ended within
 * WAIT_LOOK_GAP_MS before) at once, then each at least WAIT_LOOK_GAP_MS after the last one ended,
 * for as long as wake-ups keep coming (a flood: looks made at the gap's pace do not end its
 * count). `found` (work found: serve's claim) makes the next `burst` quick again.
 */
export class LookGate {
  private quick = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor(private readonly burst: number) {}

  /** Resolves when the next look may start, at the latest at `until` (a Date.now time), or when `signal` aborts. */
  async ready(signal?: AbortSignal, until = Number.POSITIVE_INFINITY): Promise<void> {
    if (Date.now() >= this.lastEnd + WAIT_LOOK_GAP_MS) this.quick = 0;
    if (this.quick < this.burst) {
      this.quick++;
      return;
    }
    await this.paced(signal, until);
  }

  /** Resolves WAIT_LOOK_GAP_MS after the last look ended (at the latest at `until`), or when `signal` aborts: no burst. */
  async paced(signal?: AbortSignal, until = Number.POSITIVE_INFINITY): Promise<void> {
    await pause(Math.min(this.lastEnd + WAIT_LOOK_GAP_MS, until) - Date.now(), signal);
  }

  /** A look ended (the gap counts from here: a slow look leaves the process as long again). */
  ended(): void {
    this.lastEnd = Date.now();
  }

  /** A look found work: the next `burst` start at once. */
  found(): void {
    this.quick = 0;
  }
}

/**
 * Calls `check` until it returns a value, waking on changes of `dir` (a folder of the bus under
 * `root`), until `timeoutMs`.
 * `check` runs once at the start, so an answer already present is found without waiting; after a
 * check for which `again` says so, the next runs without waiting for a change. The first
 * WAIT_LOOK_BURST checks after a change (or an `again`) start at once, the later ones at least
 * WAIT_LOOK_GAP_MS after the last ended (LookGate; the deadline and `signal` still end the wait in
 * between).
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
  const gate = new LookGate(WAIT_LOOK_BURST);
  try {
    for (;;) {
      const value = check();
      gate.ended();
      if (value !== undefined) return { ok: true, value };
      if (options.signal?.aborted) return { ok: false, aborted: true };
      const left = timeoutMs - (Date.now() - start);
      if (left <= 0) return { ok: false, timedOut: true, waitedMs: Date.now() - start };
      // A check that left work for the next (responses.ts WAIT_LOOK_READS) looks again without
      // waiting for a change, a gap after this one (LookGate.paced: a backlog any bus writer can
      // plant is no answer that just came); a change is looked at as LookGate.ready lets it.
      if (options.again?.()) await gate.paced(options.signal, start + timeoutMs);
      else if (!(await watcher.wait(left, options.signal))) continue;
      else await gate.ready(options.signal, start + timeoutMs);
      // Either way after a turn of the event loop (a change already seen, a look of the burst,
      // resolve at once): a look over 100,000 planted files takes 0.2 s, and back to back they
      // held the process (the MCP server's other calls, its timers) for seconds.
      await turn();
    }
  } finally {
    watcher.close();
  }
}

/** Resolves after the event loop's next turn (its timers and I/O first). */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
