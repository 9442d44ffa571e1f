/**
 * Ctrl-C while a relay command waits on git: git runs in a process group of its own (so that a
 * timeout kills it with its ssh), which the terminal's SIGINT to our group never reaches. The
 * command must stop its git before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { bundlePath } from '../support/bundles.ts';
import { hangingGit, type HangingGit } from '../support/hanging-git.ts';
import { tempDir } from './helpers.ts';
import { relayUser, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let bob: RelayUser;
const hanging: HangingGit[] = [];

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('interrupt');
  bob = await relayUser(base.dir, 'bob');
});
afterAll(() => {
  for (const git of hanging) git.close();
  base.cleanup();
});

describe('a relay command interrupted while git runs', () => {
  it('Ctrl-C (SIGINT) on relay pull stops the git fetch it started, and the command ends as interrupted', async () => {
    const git = hangingGit(base.dir);
    hanging.push(git);
    const child = spawn(process.execPath, [bundlePath('alive-p2p'), 'relay', 'pull'], {
      env: { ...bob.env, PATH: `${git.bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(await git.waitStarted()).not.toHaveLength(0);
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(await git.allEnded(), git.describe()).toBe(true);
  });
});
