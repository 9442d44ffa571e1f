/**
 * The run's stall watch, in vitest's main process (global-setup.ts): a worker whose beat
 * (heartbeat.ts) has not moved for longer than any test or hook may take has an event loop that
 * vitest's own timeouts cannot reach, and without the watch the run would wait for it for ever
 * (a CI run once ended only at its 90-minute limit, with nothing in its output to say where).
 *
 * The watch prints what the worker was running and every process under it (state, kernel wait
 * channel, command line), kills those processes, which ends a synchronous wait on a child, and
 * marks the worker so that the test fails with what was found. A worker still stuck a while later
 * (a loop in its own code) is killed, and vitest fails its file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { counted } from '../../scripts/lib/text/plural.ts';
import { BEATS_ENV, type Beat, beatPath, stalledPath } from './heartbeat.ts';

export interface StallWatchOptions {
  /** The beats' folder (heartbeat.ts). */
  dir: string;
  /** How long a phase may last before the worker counts as stalled. */
  stallMs: number;
  /** How long after its children were killed a worker still stalled is killed itself. */
  killWorkerAfterMs: number;
  /** How often the beats are read. */
  everyMs: number;
  log: (text: string) => void;
  /**
   * Called once when every worker has been between files (idle) for longer than stallMs while the
   * run goes on: what it waits on is outside the tests (vitest's own process), and the text says
   * which processes the run has. Unset: nothing is done (a watch-mode run idles as long as it likes).
   */
  onStuck?: (text: string) => void;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The kernel's one-letter state (S sleeping, R running, D disk wait, Z zombie, T stopped). */
  state: string;
  /** The kernel function it waits in, when it sleeps ('0' or '' when none or unreadable). */
  wchan: string;
  command: string;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Every process of /proc (none where there is no /proc). */
export function processTable(proc = '/proc'): ProcessInfo[] {
  let names: string[];
  try {
    names = readdirSync(proc);
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(join(proc, name, 'stat'));
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 2) continue;
    const command = readText(join(proc, name, 'cmdline'))
      .replace(/\0+$/, '')
      .split('\0')
      .join(' ');
    out.push({ pid: Number(name), ppid: Number(fields[1]), state: fields[0] ?? '?', wchan: readText(join(proc, name, 'wchan')), command });
  }
  return out;
}

/** The processes under `pid` (children before grandchildren). */
export function descendants(pid: number, table: ProcessInfo[]): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  let level = [pid];
  while (level.length > 0) {
    const next = table.filter((p) => level.includes(p.ppid));
    out.push(...next);
    level = next.map((p) => p.pid);
  }
  return out;
}

/** A worker's beat, when its file holds one. */
function readBeat(dir: string, pid: number): Beat | undefined {
  try {
    const beat = JSON.parse(readFileSync(beatPath(dir, pid), 'utf8')) as Beat;
    return typeof beat.since === 'number' ? beat : undefined;
  } catch {
    return undefined;
  }
}

function describe(pid: number, beat: Beat, now: number, under: ProcessInfo[]): string {
  const seconds = Math.round((now - beat.since) / 1000);
  const lines = [
    `worker ${pid} has run ${beat.phase === 'test' ? 'the test' : 'the file'} '${beat.what}' for ${seconds} s, past the test and hook timeouts: its event loop is blocked.`,
  ];
  if (under.length === 0) lines.push('  no process runs under it');
  for (const p of under) {
    const wait = p.wchan === '' || p.wchan === '0' ? '' : ` waiting in ${p.wchan}`;
    lines.push(`  pid ${p.pid} (child of ${p.ppid}), state ${p.state}${wait}: ${p.command.slice(0, 400)}`);
  }
  return lines.join('\n');
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** The key of `handled` that says the run was found stuck (no pid is 0). */
const RUN_STUCK = 0;

/** One look at the beats; `handled` remembers the stalls already acted on (pid -> when). */
export function watchOnce(o: Omit<StallWatchOptions, 'everyMs'>, handled: Map<number, { since: number; at: number }>, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(o.dir);
  } catch {
    return;
  }
  let latest = 0;
  let busy = false;
  for (const name of names) {
    const m = /^(\d+)\.json$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const beat = readBeat(o.dir, pid);
    if (beat !== undefined) latest = Math.max(latest, beat.since);
    if (beat?.phase !== undefined && beat.phase !== 'idle') busy = true;
    if (beat === undefined || beat.phase === 'idle' || now - beat.since <= o.stallMs) continue;
    // A worker that died mid-test leaves its beat; its pid may name another process since.
    const table = processTable();
    if (table.length > 0 && !descendants(process.pid, table).some((p) => p.pid === pid)) {
      rmSync(beatPath(o.dir, pid), { force: true });
      handled.delete(pid);
      continue;
    }
    const seen = handled.get(pid);
    if (seen?.since === beat.since) {
      if (now - seen.at > o.killWorkerAfterMs) {
        o.log(`stall watch: worker ${pid} is still blocked in '${beat.what}' after what ran under it was killed: killing the worker`);
        kill(pid);
        rmSync(beatPath(o.dir, pid), { force: true });
        handled.delete(pid);
      }
      continue;
    }
    const under = descendants(pid, table);
    const found = describe(pid, beat, now, under);
    o.log(
      `stall watch: ${found}\nstall watch: killing ${under.length === 0 ? 'nothing (it waits in its own code)' : `what runs under it (${counted(under.length, 'process', 'processes')})`}`,
    );
    if (existsSync(o.dir)) writeFileSync(stalledPath(o.dir, pid), found);
    for (const p of [...under].reverse()) kill(p.pid);
    handled.set(pid, { since: beat.since, at: now });
  }
  if (o.onStuck !== undefined && latest > 0 && !busy && now - latest > o.stallMs && !handled.has(RUN_STUCK)) {
    handled.set(RUN_STUCK, { since: latest, at: now });
    const run = descendants(process.pid, processTable()).map((p) => `  pid ${p.pid} (child of ${p.ppid}), state ${p.state}: ${p.command.slice(0, 400)}`);
    o.onStuck(
      [
        `stall watch: no worker has begun or ended a file or a test for ${Math.round((now - latest) / 1000)} s, and the run has not ended: it waits on something outside the tests (vitest's own process ${process.pid}).`,
        ...(run.length === 0 ? ['  no process runs under it'] : run),
      ].join('\n'),
    );
  }
}

/** Starts the watch; the function it returns stops it. */
export function startStallWatch(o: StallWatchOptions): () => void {
  const handled = new Map<number, { since: number; at: number }>();
  const timer = setInterval(() => watchOnce(o, handled), o.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * How long one phase of a worker (a test with its hooks) may last before the watch acts: past
 * vitest.config.ts's testTimeout and hookTimeout (120 s each), with room for a test's hooks around
 * it. ALIVE_TEST_STALL_MS sets another (test/tooling/stall-watch.test.ts runs a run with 1.5 s).
 */
export function stallLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.ALIVE_TEST_STALL_MS);
  return Number.isFinite(set) && set > 0 ? set : 300_000;
}

/**
 * Watches the run whose temporary folder is `runTmp`: makes the beats' folder in it and names it to
 * the workers (which vitest starts after the global setup, with its environment). The function it
 * returns stops the watch.
 */
export function watchRunForStalls(runTmp: string, env: NodeJS.ProcessEnv = process.env, { watchMode = false } = {}): () => void {
  const dir = join(runTmp, 'alive-test-beats');
  mkdirSync(dir);
  env[BEATS_ENV] = dir;
  const stallMs = stallLimitMs(env);
  const stop = startStallWatch({
    dir,
    stallMs,
    killWorkerAfterMs: Math.min(30_000, stallMs),
    everyMs: Math.min(10_000, stallMs / 4),
    log: (text) => process.stderr.write(`${text}\n`),
    // A run (not watch mode) that waits with nothing running ends, failed, with what it had.
    ...(watchMode
      ? {}
      : {
          onStuck: (text: string) => {
            process.stderr.write(`${text}\nstall watch: ending the run\n`);
            process.exit(1);
          },
        }),
  });
  return () => {
    stop();
    delete env[BEATS_ENV];
  };
}
