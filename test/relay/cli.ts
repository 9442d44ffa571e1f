import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';
import type { TestUser } from './helpers.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  json: Record<string, any>;
  ms: number;
}

/** Runs a bundled entry (this run's <name>.mjs, test/support/bundles.ts) as the given user. */
export function cli(user: TestUser | NodeJS.ProcessEnv, entry: 'alive-p2p' | 'relay-probe' | 'migrate-relay', args: string[], timeoutMs = 120_000): CliResult {
  const env = 'env' in user ? (user as TestUser).env : (user as NodeJS.ProcessEnv);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [bundlePath(entry), ...args], { env, encoding: 'utf8', timeout: timeoutMs });
  const ms = Date.now() - t0;
  let json: Record<string, any> = {};
  if (args.includes('--json') && r.stdout.trim().startsWith('{')) json = JSON.parse(r.stdout);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json, ms };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A small v3-layout walnut, packed with the real `alive-p2p create` (plus `createArgs`, e.g. --sign). */
export function makePackage(user: TestUser, name: string, createArgs: string[] = []): string {
  const walnut = join(user.root, 'world', '04_Ventures', name);
  write(join(walnut, '_kernel', 'key.md'), `---\ntype: venture\ngoal: ${name}\n---\n# ${name}\n`);
  write(
    join(walnut, '_kernel', 'log.md'),
    `---\nwalnut: ${name}\ncreated: 2026-11-01\n---\n\n## 2026-11-01T09:00:00Z — squirrel:t\nStarted.\nsigned: squirrel:t\n`,
  );
  write(join(walnut, 'notes', 'ideas.md'), `Ideas for ${name}.\n`);
  const out = join(user.root, `${name}.walnut`);
  const r = cli(user, 'alive-p2p', ['create', '--walnut', walnut, '--scope', 'full', '--output', out, ...createArgs, '--json']);
  if (r.status !== 0) throw new Error(`create failed: ${r.stderr}`);
  return out;
}

/** Like cli(), without blocking the event loop (needed when the test process also runs a server). */
export function cliAsync(
  user: TestUser | NodeJS.ProcessEnv,
  entry: 'alive-p2p' | 'relay-probe' | 'migrate-relay',
  args: string[],
  timeoutMs = 120_000,
): Promise<CliResult> {
  const env = 'env' in user ? (user as TestUser).env : (user as NodeJS.ProcessEnv);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundlePath(entry), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      let json: Record<string, any> = {};
      if (args.includes('--json') && stdout.trim().startsWith('{')) json = JSON.parse(stdout);
      resolve({ status, stdout, stderr, json, ms: Date.now() - t0 });
    });
  });
}
