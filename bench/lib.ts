/**
 * Shared benchmark helpers. Every benchmark measures our work and a baseline in the same run and
 * reports the ratio; nothing here asserts a wall-clock limit.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distPath = (name: string) => join(repoRoot, 'dist', `${name}.mjs`);

/**
 * Settings that tax every Node start and no other program: a machine's NODE_EXTRA_CA_CERTS makes
 * Node parse a certificate bundle before the first line of any script (about 70 ms on the
 * development machine, where it is set), which would be charged to our side of every comparison
 * with python, tar or gzip. `npm run bench` removes them from its environment, so every process it
 * starts, ours and the baselines, runs without them; it names what it removed.
 */
export const NODE_ONLY_SETTINGS = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'] as const;

/** Removes NODE_ONLY_SETTINGS from this process's environment; returns the names it removed. */
export function withoutNodeOnlySettings(): string[] {
  const removed = NODE_ONLY_SETTINGS.filter((k) => process.env[k] !== undefined);
  for (const k of removed) delete process.env[k];
  return removed;
}

let daemonHome: string | undefined;
/**
 * The ALIVE_HOME of the daemons a benchmark starts (`dispatch serve` makes the agents' private
 * folders there): a folder of the run's own, removed when it ends, never the user's ~/.alive.
 */
export function benchAliveHome(): string {
  if (daemonHome === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'alive-bench-home-'));
    daemonHome = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return daemonHome;
}

export interface BenchRow {
  /** Area of the product: pack, crypto, receive, hooks, bus ... */
  area: string;
  /** What was measured, e.g. "create 100 MB walnut". */
  name: string;
  /** Our time (ms), or another metric named by `unit`. */
  ours: number;
  /** The baseline's name, e.g. "tar | gzip -6 + sha256sum". */
  baselineName: string;
  baseline: number;
  /** ours / baseline (lower is better for times). */
  ratio: number;
  /** The target as text, e.g. "<= 1.0x". */
  target: string;
  /** Whether the target was met. */
  met: boolean;
  unit?: string;
  /** Peak RSS of our process in MB, when measured. */
  peakRssMb?: number | undefined;
  note?: string | undefined;
}

export interface RunResult {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak RSS (MB) of a node child run through runNode. */
  peakRssMb?: number | undefined;
}

/** Runs a shell-free command and times it. */
export function runTimed(cmd: string, args: string[], opts: SpawnSyncOptions = {}): RunResult {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** Runs `node <script> args` with the RSS probe preloaded, timing it and reading its peak RSS. */
export function runNode(script: string, args: string[], opts: SpawnSyncOptions = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'alive-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const env = { ...process.env, ...(opts.env ?? {}), ALIVE_BENCH_RSS_FILE: rssFile };
    const r = runTimed(process.execPath, ['--import', join(repoRoot, 'bench', 'rss-probe.mjs'), script, ...args], {
      ...opts,
      env,
    });
    let peakRssMb: number | undefined;
    try {
      const kib = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
      peakRssMb = Math.max(...kib) / 1024;
    } catch {
      peakRssMb = undefined;
    }
    return { ...r, peakRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a bash script and reports the CPU seconds (user + system) its children used, read from
 * bash's `times` builtin, beside the wall time: CPU is comparable on a machine that is not quiet.
 */
export function runShellCpu(script: string, opts: SpawnSyncOptions = {}): RunResult & { cpuS: number } {
  const r = runTimed('bash', ['-o', 'pipefail', '-c', `${script}\nstatus=$?; times >&2; exit $status`], opts);
  const lines = r.stderr.trimEnd().split('\n');
  const children = lines[lines.length - 1] ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { ...r, stderr: lines.slice(0, -2).join('\n'), cpuS: (secs[0] ?? 0) + (secs[1] ?? 0) };
}

/** `'…'` for a bash script. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a bash pipeline (for native baselines such as `tar -cf - . | gzip -6`). */
export function runShell(script: string, opts: SpawnSyncOptions = {}): RunResult {
  return runTimed('bash', ['-o', 'pipefail', '-c', script], opts);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}

export function row(r: Omit<BenchRow, 'ratio' | 'met'> & { maxRatio?: number; minRatio?: number }): BenchRow {
  const ratio = r.baseline > 0 ? r.ours / r.baseline : Number.POSITIVE_INFINITY;
  let met = true;
  if (r.maxRatio !== undefined) met = ratio <= r.maxRatio;
  if (r.minRatio !== undefined) met = met && ratio >= r.minRatio;
  const { maxRatio: _a, minRatio: _b, ...rest } = r;
  return { ...rest, ratio, met };
}

/** Asserts a command succeeded (benchmarks of failing commands are worthless). */
export function ok(r: RunResult, what: string): RunResult {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  return r;
}

export function printRows(rows: BenchRow[]): void {
  const header = ['area', 'benchmark', 'ours', 'baseline', 'ratio', 'target', 'met', 'peak RSS'];
  const lines = rows.map((r) => [
    r.area,
    r.name,
    `${r.ours.toFixed(1)} ${r.unit ?? 'ms'}`,
    `${r.baseline.toFixed(1)} ${r.unit ?? 'ms'} (${r.baselineName})`,
    `${r.ratio.toFixed(2)}x`,
    r.target,
    r.met ? 'yes' : 'NO',
    r.peakRssMb === undefined ? '' : `${r.peakRssMb.toFixed(0)} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) if (r.note) console.log(`  note (${r.name}): ${r.note}`);
}
