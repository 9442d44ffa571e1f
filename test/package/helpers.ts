/**
 * Shared parts of the package suites: temporary folders, the built CLI as a child process, exact
 * snapshots of folder trees ("nothing was written"), Python for fixtures, and a test-side writer of
 * the reference manifest layout (walnut-package-v2.md 2.3), independent of the code under test.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, expect } from 'vitest';
import { bundlePath } from '../support/bundles.ts';
import { setProcessEnv } from '../support/process-env.ts';
import { sha256 } from './tar-fixtures.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = bundlePath('alive-p2p');
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
// Fixture writers that need no test runner (test/package/vectors/generate.ts uses them too).
export { buildTar, entriesFor, python, refManifest, sha256, type RefManifestFile, type TarMember, type TarSpec } from './tar-fixtures.ts';

/** A fresh folder under the system temp folder; `rm` it in afterAll. */
export function tempRoot(tag: string): string {
  return mkdtempSync(join(tmpdir(), `alive-pkgtest-${tag}-`));
}

export function rmrf(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** The environment freshHomeEachTest gives each test of a file. */
export interface FreshHome {
  /** The current test's number (its home is home-<n>, from 1): a tag for the names it makes. */
  readonly n: number;
  /** Sets `vars` in place of the test's fresh home for the rest of the test (put back after the file). */
  set(vars: Record<string, string | undefined>): void;
}

/**
 * Gives each test of the file, from a beforeEach, a fresh HOME under `root()` (home-1, home-2 ...)
 * with ALIVE_HOME in it, so no relay is set up, and no WALNUT_PASSPHRASE; the OS user name is
 * whatever this machine has. The variables as they were come back after the file. Call it at the
 * top of the test file; `root` is read in each beforeEach (the file's beforeAll may make it).
 */
export function freshHomeEachTest(root: () => string): FreshHome {
  let n = 0;
  let restore: () => void = () => {};
  const set = (vars: Record<string, string | undefined>) => {
    restore();
    restore = setProcessEnv(vars);
  };
  beforeEach(() => {
    const home = join(root(), `home-${++n}`);
    mkdirSync(home, { recursive: true });
    set({ HOME: home, ALIVE_HOME: join(home, '.alive'), WALNUT_PASSPHRASE: undefined });
  });
  afterAll(() => {
    restore();
    restore = () => {};
  });
  return {
    get n() {
      return n;
    },
    set,
  };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every CLI child: ALIVE_HOME, HOME and TMPDIR inside `sandbox` (so a spool
 * or staging folder left behind anywhere shows up in the sandbox's snapshot), no secrets.
 */
export function sandboxEnv(sandbox: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['WALNUT_PASSPHRASE', 'ALIVE_DEBUG', 'GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'ALIVE_WORLD_ROOT'])
    delete env[k];
  const home = join(sandbox, 'home');
  const tmp = join(sandbox, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  return { ...env, HOME: home, ALIVE_HOME: join(home, '.alive'), TMPDIR: tmp, ...extra };
}

/** Runs `node alive-p2p.mjs ...args` (this run's bundle) in `sandbox`. */
export function cli(sandbox: string, args: string[], opts: SpawnSyncOptions & { extraEnv?: Record<string, string> } = {}): CliResult {
  const { extraEnv, ...spawnOpts } = opts;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: sandbox,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
    ...spawnOpts,
    env: spawnOpts.env ?? sandboxEnv(sandbox, extraEnv),
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Like `cli`, without blocking: several refusals of one package can run at once. */
export function cliAsync(sandbox: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: sandbox, env: sandboxEnv(sandbox), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * Asserts the contract's error shape (cli.md 3): one line on stderr starting with `error:`, no
 * stack trace, and returns that line.
 */
export function errorLine(r: CliResult): string {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  const errors = lines.filter((l) => l.startsWith('error: '));
  expect(errors, `stderr was:\n${r.stderr}`).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
  return errors[0]!;
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** Writes files (and their folders) under `root`: `{ 'a/b.txt': 'text' }`. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, data] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, data);
  }
}

/**
 * Every entry under `root` (recursively, without following links) with its kind, mode, size,
 * content hash or link target: two equal snapshots mean nothing was created, removed or changed.
 */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(abs);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out[r] = `link -> ${readlinkSync(abs)}`;
      else if (st.isDirectory()) {
        out[r] = `dir ${mode}`;
        walk(abs, r);
      } else if (st.isFile()) out[r] = `file ${mode} ${st.size} ${sha256File(abs)}`;
      else out[r] = `other ${st.mode.toString(8)}`;
    }
  };
  walk(root, '');
  return out;
}

/** Files under `root` (relative POSIX paths, sorted), not following links. */
export function listFiles(root: string): string[] {
  return Object.entries(snapshotTree(root))
    .filter(([, v]) => v.startsWith('file '))
    .map(([k]) => k)
    .sort();
}

/** Paths listed in a manifest's text (the reference's `  - path: ` lines, raw). */
export function manifestPaths(text: string): string[] {
  return [...text.matchAll(/^ {2}- path: (.*)$/gm)].map((m) => m[1]!);
}

/** The manifest text of a .walnut, read with the system tar. */
export function manifestOf(pkg: string): string {
  const r = spawnSync('tar', ['-xzOf', pkg, 'manifest.yaml'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar could not read manifest.yaml from ${pkg}: ${r.stderr}`);
  return String(r.stdout);
}

/** A minimal walnut (v2 or v3 layout) with the given extra files. */
export function makeWalnut(dir: string, files: Record<string, string | Buffer> = {}): string {
  writeTree(dir, { '_kernel/key.md': '---\ntype: venture\ngoal: test\n---\n# Key\n', ...files });
  return dir;
}
