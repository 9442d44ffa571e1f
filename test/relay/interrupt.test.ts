/**
 * Ctrl-C while a relay command waits on git: git runs in a process group of its own (so that a
 * timeout kills it with its ssh), which the terminal's SIGINT to our group never reaches. The
 * command must stop its git before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildProcess, spawn } from 'node:child_process';
import { runGit } from '../../scripts/lib/relay/git-run.ts';
import { bundlePath } from '../support/bundles.ts';
import { hangingGit, type HangingGit } from '../support/hanging-git.ts';
import { tempDir } from './helpers.ts';
import { relayUser, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FakeGithub } from '../support/fake-github.ts';
import { makeUser, writeFixtureKeys } from './helpers.ts';
import { runAsCli } from './in-process.ts';

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

  // The race CI met: a Ctrl-C that lands after git has started but before the command has noted
  // it found no listener, so the default action ended the command and left the fetch running.
  it('listens for the ending signals before it starts git, and stops listening when git has ended', async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const counts = () => signals.map((s) => process.listenerCount(s));
    const before = counts();
    const atSpawn: number[][] = [];
    // child_process.spawn() starts the child through this (untyped) method of ChildProcess.
    const proto = ChildProcess.prototype as unknown as { spawn: (...args: unknown[]) => unknown };
    const original = proto.spawn;
    proto.spawn = function (this: ChildProcess, ...args: unknown[]) {
      atSpawn.push(counts());
      return original.apply(this, args);
    };
    try {
      await runGit(['--version']);
    } finally {
      proto.spawn = original;
    }
    expect(atSpawn).toEqual([before.map((n) => n + 1)]);
    expect(counts()).toEqual(before);
  });
});

describe('a relay command interrupted while a GitHub download stalls', () => {
  it('Ctrl-C ends relay pull at once; the partial download it leaves is removed by the next pull', async () => {
    const gh = new FakeGithub({ tokens: { 'tok-bob': 'bob' }, users: ['alice'] });
    await gh.start();
    try {
      const user = makeUser(base.dir, 'bob-gh', { GH_ENTERPRISE_TOKEN: 'tok-bob', GITHUB_API_URL: gh.url });
      writeFixtureKeys(user.paths, 'bob');
      const setup = await runAsCli(user, ['setup', '--json']);
      expect(setup.status, setup.stderr).toBe(0);
      gh.commitFiles('bob/walnut-relay', { 'inbox/alice/p-20260101-000000-00000001.walnut': randomBytes(256 * 1024) });
      gh.stallRawBodiesAfter = 64 * 1024;
      const child = spawn(process.execPath, [bundlePath('alive-p2p'), 'relay', 'pull'], { env: user.env, stdio: 'ignore' });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const folder = join(user.paths.inbox, 'alice');
      const parts = () => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.part')) : []);
      for (let i = 0; i < 400 && parts().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(parts()).toHaveLength(1);
      child.kill('SIGINT');
      expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
      gh.stallRawBodiesAfter = undefined;
      const again = await runAsCli(user, ['pull', '--json']);
      expect(again.json.received?.length ?? again.json.failed?.length, again.stderr).toBe(1);
      expect(parts()).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
