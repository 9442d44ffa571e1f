/**
 * Start-up of the command bundles against `node -e 0` measured in the same run (issue 15):
 * `alive-p2p --help` and `dispatch status` within 1.3x. Runs are interleaved so that drift in
 * the machine's load affects every subject alike; the median is reported. Also reports the size
 * of dist/ (target: 2 MB in all).
 *
 * Standalone: `npx tsx bench/startup.ts` (builds dist/ first when a bundle is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distPath, median, printRows, repoRoot, row, runTimed, type BenchRow } from './lib.ts';

const RUNS = 61;
const WARMUP = 3;
const TARGET = 1.3;
// 2 MB as test/tooling/dist-size.test.ts reads it: 2,000,000 bytes (this row read 2 MiB until 2026-12-07).
const DIST_LIMIT_BYTES = 2_000_000;

interface Subject {
  name: string;
  args: string[];
  /** A row with a target; the others are for reference. */
  target: boolean;
  expect: (stdout: string) => boolean;
}

function ensureBundles(): void {
  if (['alive-p2p', 'dispatch', 'relay-probe', 'migrate-relay'].every((n) => existsSync(distPath(n)))) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'tools', 'build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * What a run of `args` reads of our code: the `file:` modules Node's ES module loader loads,
 * recorded by a `load` hook (module.register, Node 20.6+) in one extra run that is not timed.
 */
function loadedNote(dir: string, args: string[], env: NodeJS.ProcessEnv): string {
  const record = join(dir, 'loaded.txt');
  const hooks = join(dir, 'record-loads.mjs');
  const register = join(dir, 'register-record-loads.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(record)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  rmSync(record, { force: true });
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, ...args], { env, cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`recording what ${args.join(' ')} loads failed: ${r.stderr.slice(0, 300)}`);
  const urls = new Set(
    readFileSync(record, 'utf8')
      .split('\n')
      .filter((u) => u !== ''),
  );
  const files = [...urls].map((u) => fileURLToPath(u));
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  return `loads ${(bytes / 1024).toFixed(0)} KiB in ${files.length} file${files.length === 1 ? '' : 's'}`;
}

export async function benchStartup(): Promise<BenchRow[]> {
  ensureBundles();
  const dir = mkdtempSync(join(tmpdir(), 'alive-bench-startup-'));
  try {
    const bus = join(dir, 'bus');
    for (const r of ['claude', 'codex']) for (const box of ['inbox', 'outbox']) mkdirSync(join(bus, 'runtimes', r, box), { recursive: true });
    const emptyModule = join(dir, 'empty.mjs');
    writeFileSync(emptyModule, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ALIVE_HOME: join(dir, '.alive') };
    const subjects: Subject[] = [
      { name: 'node -e 0', args: ['-e', '0'], target: false, expect: (o) => o === '' },
      { name: 'empty .mjs (the ESM loader alone, reference)', args: [emptyModule], target: false, expect: (o) => o === '' },
      { name: 'alive-p2p --help', args: [distPath('alive-p2p'), '--help'], target: true, expect: (o) => o.startsWith('usage: alive-p2p') },
      {
        name: 'dispatch status (a bus with two receivers)',
        args: [distPath('dispatch'), 'status', '--root', bus],
        target: true,
        expect: (o) => o.includes('claude'),
      },
      { name: 'dispatch --help (reference)', args: [distPath('dispatch'), '--help'], target: false, expect: (o) => o.startsWith('usage: dispatch') },
      { name: 'relay-probe --help (reference)', args: [distPath('relay-probe'), '--help'], target: false, expect: (o) => o.startsWith('usage: relay-probe') },
    ];
    const times = subjects.map(() => [] as number[]);
    const once = (s: Subject): number => {
      const r = runTimed(process.execPath, s.args, { env, cwd: dir });
      if (r.status !== 0 || !s.expect(r.stdout)) {
        throw new Error(`${s.name}: unexpected result (exit ${r.status}): ${r.stdout.slice(0, 300)} ${r.stderr.slice(0, 300)}`);
      }
      return r.ms;
    };
    for (let i = 0; i < WARMUP; i++) for (const s of subjects) once(s);
    for (let i = 0; i < RUNS; i++) {
      subjects.forEach((s, k) => {
        times[k]!.push(once(s));
      });
    }
    const floor = median(times[0]!);
    const rows = subjects.slice(1).map((s, k) =>
      row({
        area: 'startup',
        name: s.name,
        ours: median(times[k + 1]!),
        baselineName: 'node -e 0',
        baseline: floor,
        target: s.target ? `<= ${TARGET}x` : 'none',
        ...(s.target ? { maxRatio: TARGET } : {}),
        note: `${s.args[0] === emptyModule || s.args[0] === '-e' ? '' : `${loadedNote(dir, s.args, env)}; `}median of ${RUNS} interleaved runs`,
      }),
    );
    const distBytes = (readdirSync(join(repoRoot, 'dist'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.mjs'))
      .reduce((sum, f) => sum + statSync(join(repoRoot, 'dist', f)).size, 0);
    rows.push(
      row({
        area: 'startup',
        name: 'size of dist/ (every bundle)',
        ours: distBytes / 1e6,
        unit: 'MB',
        baselineName: 'the 2 MB budget',
        baseline: DIST_LIMIT_BYTES / 1e6,
        target: '<= 1.0x',
        maxRatio: 1,
      }),
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchStartup().then(
    (rows) => {
      printRows(rows);
      if (rows.some((r) => !r.met)) process.exitCode = 1;
    },
    (err: unknown) => {
      process.stderr.write(`benchmark failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
