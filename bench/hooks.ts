/**
 * Issue 6's benchmark: start-to-exit time of the hook bundles against `node -e 0` measured in the
 * same run (the floor for any node hook). Target: within 1.25x of it. Runs are interleaved so
 * that drift in the machine's load affects every subject alike; the median is reported.
 *
 * Standalone: `npx tsx bench/hooks.ts` (builds dist/ first when the hook bundles are missing).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distPath, median, printRows, repoRoot, row, runTimed, type BenchRow, type RunResult } from './lib.ts';

const RUNS = 41;
const WARMUP = 3;
const TARGET = 1.25;

interface Subject {
  name: string;
  args: string[];
  stdin: string;
  env: NodeJS.ProcessEnv;
  /** What a correct run prints on stdout ('' for allow/silence). */
  expect: (stdout: string) => boolean;
}

function ensureBundles(): void {
  if (existsSync(distPath('log-guardian')) && existsSync(distPath('relay-check'))) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'tools', 'build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function fixture(dir: string) {
  const world = join(dir, 'world');
  const kernel = join(world, '04_Ventures', 'garden', '_kernel');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(kernel, { recursive: true });
  writeFileSync(join(kernel, 'log.md'), '---\nwalnut: garden\n---\n\n## 2024-01-01 — squirrel:a\nPlanted.\nsigned: squirrel:a\n');
  const home = join(dir, 'home');
  mkdirSync(join(home, '.alive'), { recursive: true });
  return { world, kernel, home };
}

function preToolUse(world: string, filePath: string): string {
  return JSON.stringify({
    session_id: 'bench',
    transcript_path: '/dev/null',
    cwd: world,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Write',
    tool_input: { file_path: filePath, content: 'hello\n' },
    tool_use_id: 'toolu_bench',
  });
}

function preToolUseBash(world: string, command: string): string {
  return JSON.stringify({
    session_id: 'bench',
    transcript_path: '/dev/null',
    cwd: world,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'bench' },
    tool_use_id: 'toolu_bench',
  });
}

export async function benchHooks(): Promise<BenchRow[]> {
  ensureBundles();
  const dir = mkdtempSync(join(tmpdir(), 'alive-bench-hooks-'));
  try {
    const { world, kernel, home } = fixture(dir);
    // As most users run the hooks: HOME set, no ALIVE_HOME (~/.alive).
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
    const guardian = distPath('log-guardian');
    const relayCheck = distPath('relay-check');
    const emptyModule = join(dir, 'empty.mjs');
    writeFileSync(emptyModule, '');
    const emptyScript = join(dir, 'empty.cjs');
    writeFileSync(emptyScript, '');
    const subjects: Subject[] = [
      { name: 'node -e 0', args: ['-e', '0'], stdin: '', env, expect: (o) => o === '' },
      // Not a hook: the cost of loading any .mjs file at all (Node's ESM loader), for reference.
      { name: 'empty .mjs (the ESM loader alone, reference)', args: [emptyModule], stdin: '', env, expect: (o) => o === '' },
      // Not a hook either: the same empty file as CommonJS. cli.md has hooks.json run dist/<name>.mjs,
      // so the gap between these two rows is start-up a hook cannot win back.
      { name: 'empty .cjs (no ESM loader, reference)', args: [emptyScript], stdin: '', env, expect: (o) => o === '' },
      {
        name: 'log-guardian allow (Write of an ordinary file in a world)',
        args: [guardian],
        stdin: preToolUse(world, join(kernel, 'notes.md')),
        env,
        expect: (o) => o === '',
      },
      {
        name: 'log-guardian deny (Write over an existing log.md)',
        args: [guardian],
        stdin: preToolUse(world, join(kernel, 'log.md')),
        env,
        expect: (o) => o.includes('"permissionDecision":"deny"'),
      },
      {
        name: 'log-guardian Bash, command not naming log.md (the common case)',
        args: [guardian],
        stdin: preToolUseBash(world, 'npm test -- --reporter=dot && git status --short'),
        env,
        expect: (o) => o === '',
      },
      {
        name: 'log-guardian Bash deny (sed -i on a walnut log)',
        args: [guardian],
        stdin: preToolUseBash(world, `cd ${kernel} && sed -i 's/Planted/Pulled/' log.md`),
        env,
        expect: (o) => o.includes('"permissionDecision":"deny"'),
      },
      {
        name: 'relay-check fast path (in a world, no relay configured)',
        args: [relayCheck],
        stdin: JSON.stringify({ session_id: 'bench', cwd: world, hook_event_name: 'SessionStart', source: 'startup' }),
        env,
        expect: (o) => o === '',
      },
    ];
    const times = subjects.map(() => [] as number[]);
    const once = (s: Subject): RunResult => {
      const r = runTimed(process.execPath, s.args, { input: s.stdin, env: s.env, cwd: world });
      if (r.status !== 0 || !s.expect(r.stdout)) {
        throw new Error(`${s.name}: unexpected result (exit ${r.status}): ${r.stdout.slice(0, 300)} ${r.stderr.slice(0, 300)}`);
      }
      return r;
    };
    for (let i = 0; i < WARMUP; i++) for (const s of subjects) once(s);
    for (let i = 0; i < RUNS; i++) {
      subjects.forEach((s, k) => {
        times[k]!.push(once(s).ms);
      });
    }
    const floor = median(times[0]!);
    const sizeNote = (p: string) => `bundle ${(statSync(p).size / 1024).toFixed(1)} KiB; median of ${RUNS} interleaved runs`;
    return subjects.slice(1).map((s, k) => {
      const reference = s.args[0] === emptyModule || s.args[0] === emptyScript;
      return row({
        area: 'hooks',
        name: s.name,
        ours: median(times[k + 1]!),
        baselineName: 'node -e 0',
        baseline: floor,
        target: reference ? 'none' : `<= ${TARGET}x`,
        ...(reference ? {} : { maxRatio: TARGET }),
        note: reference ? `median of ${RUNS} interleaved runs` : sizeNote(s.args[0]!),
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchHooks().then(
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
