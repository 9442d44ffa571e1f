/**
 * Ctrl-C (SIGINT) on relay pull or push ends the command as interrupted and says so, as create and
 * receive do (cli.md §8): one `error:` line on stderr, and under --json one failure object with
 * code `interrupted` on stdout. It ended silently (exit 130, nothing printed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';
import { hangingGit, type HangingGit } from '../support/hanging-git.ts';
import { tempDir } from './helpers.ts';
import { pair, relayUser, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
const hanging: HangingGit[] = [];

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('interrupt-report');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => {
  for (const git of hanging) git.close();
  base.cleanup();
});

/** Runs `alive-p2p relay …args` as `user` with a git whose fetch hangs, and sends SIGINT once it has started. */
async function interrupted(user: RelayUser, args: string[]): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const dir = join(base.dir, `hang-${hanging.length}`);
  mkdirSync(dir);
  const git = hangingGit(dir);
  hanging.push(git);
  const child = spawn(process.execPath, [bundlePath('alive-p2p'), 'relay', ...args], {
    env: { ...user.env, PATH: `${git.bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  expect(await git.waitStarted()).not.toHaveLength(0);
  child.kill('SIGINT');
  const signal = await ended;
  expect(await git.allEnded(), git.describe()).toBe(true);
  return { signal, stdout, stderr };
}

const PULL = 'pull interrupted: what it had not saved stays on the relay; run alive-p2p relay pull again';

describe('relay pull and push interrupted by Ctrl-C say so', () => {
  it('pull --json: one failure object, code interrupted, and the error: line', async () => {
    const r = await interrupted(bob, ['pull', '--json']);
    expect(r.signal).toBe('SIGINT');
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'interrupted', message: PULL } });
    expect(r.stderr).toContain(`error: ${PULL}\n`);
  });

  it('pull on a terminal: the error: line alone', async () => {
    const r = await interrupted(bob, ['pull']);
    expect(r.signal).toBe('SIGINT');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${PULL}\n`);
  });

  it('push --json: one failure object, code interrupted', async () => {
    const pkg = await walnutPackage(alice, 'garden');
    const r = await interrupted(alice, ['push', pkg, '--to', 'bob', '--json']);
    expect(r.signal).toBe('SIGINT');
    const failure = JSON.parse(r.stdout);
    expect(failure.error.code).toBe('interrupted');
    expect(failure.error.message).toMatch(/^push interrupted: /);
    expect(r.stderr).toContain(`error: ${failure.error.message}\n`);
  });
});
