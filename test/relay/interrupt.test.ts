/**
 * Ctrl-C while a relay command waits on git: git runs in a process group of its own (so that a
 * timeout kills it with its ssh), which the terminal's SIGINT to our group never reaches. The
 * command must stop its git before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';
import { isGone } from '../support/process-gone.ts';
import { tempDir } from './helpers.ts';
import { relayUser, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let bob: RelayUser;
const started: number[] = [];

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('interrupt');
  bob = await relayUser(base.dir, 'bob');
});
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  base.cleanup();
});

describe('a relay command interrupted while git runs', () => {
  it('Ctrl-C (SIGINT) on relay pull stops the git fetch it started, and the command ends as interrupted', async () => {
    const bin = join(base.dir, 'bin');
    const pids = join(base.dir, 'git-pids.log');
    mkdirSync(bin, { recursive: true });
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in fetch|ls-remote|clone) echo $$ >> ${JSON.stringify(pids)}; exec sleep 120;; esac; done\nexec ${JSON.stringify(realGit)} "$@"\n`,
      { mode: 0o755 },
    );
    const child = spawn(process.execPath, [bundlePath('alive-p2p'), 'relay', 'pull'], {
      env: { ...bob.env, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    for (let i = 0; i < 400 && !existsSync(pids); i++) await new Promise((r) => setTimeout(r, 25));
    const gits = existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').map(Number) : [];
    started.push(...gits);
    expect(gits.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    for (const pid of gits) expect(await isGone(pid)).toBe(true);
  });
});
