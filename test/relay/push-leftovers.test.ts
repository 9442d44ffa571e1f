/**
 * What a push writes under $ALIVE_HOME/relay/work/ (the sealed package, `push-….walnut`, as large
 * as the package; the git transport's `deposit-…/` object folder) is removed when the push ends,
 * also by Ctrl-C; and what a push that was killed outright left is removed by a later push: at once
 * when the process that wrote it is no longer running on this machine, else once it is older than
 * the longest push; and one named as made here by a process that runs (its pid reused) once it is
 * twice that old.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { bundlePath } from '../support/bundles.ts';
import { hangingGit, type HangingGit } from '../support/hanging-git.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';
import { tempDir } from './helpers.ts';
import { pair, relayUser, run, walnutPackage, type RelayUser } from './in-process.ts';
import { isolateProcessGit } from './git-env.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bob: RelayUser;
const hanging: HangingGit[] = [];
beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('push-leftovers');
  alice = await relayUser(base.dir, 'alice');
  bob = await relayUser(base.dir, 'bob');
  await pair(alice, bob);
});
afterAll(() => {
  for (const git of hanging) git.close();
  base.cleanup();
});

const workOf = (user: RelayUser) => (existsSync(user.paths.work) ? readdirSync(user.paths.work).sort() : []);

it('Ctrl-C during the upload removes the sealed package and the deposit folder the push made', async () => {
  const pkg = await walnutPackage(alice, 'orchard');
  // The upload's git fetch of bob's relay never answers: the push is in its git phase, the package sealed.
  const git = hangingGit(join(base.dir, 'hang'));
  hanging.push(git);
  const child = spawn(process.execPath, [bundlePath('alive-p2p'), 'relay', 'push', pkg, '--to', 'bob'], {
    env: { ...alice.env, PATH: `${git.bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    stdio: 'ignore',
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  expect(await git.waitStarted()).not.toHaveLength(0);
  expect(workOf(alice)).toEqual([expect.stringMatching(/^deposit-/), expect.stringMatching(/^push-.*\.walnut$/)]);
  child.kill('SIGINT');
  expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
  expect(await git.allEnded(), git.describe()).toBe(true);
  expect(workOf(alice)).toEqual([]);
});

it('a later push removes what a killed push left: at once when its process has ended here, else once older than the longest push (twice that for a process id of this machine that runs again)', async () => {
  const ended = spawnSync('true').pid!; // a process id that no longer runs
  const running = process.ppid; // one that does
  const tag = hostTag();
  const work = alice.paths.work;
  mkdirSync(work, { recursive: true });
  const sealed = (name: string, hoursAgo = 0) => {
    writeFileSync(join(work, name), randomBytes(1024));
    const t = new Date(Date.now() - hoursAgo * 60 * 60_000);
    utimesSync(join(work, name), t, t);
  };
  const deposit = (name: string, hoursAgo = 0) => {
    mkdirSync(join(work, name, 'ab'), { recursive: true });
    writeFileSync(join(work, name, 'ab', 'cdef'), randomBytes(1024));
    const t = new Date(Date.now() - hoursAgo * 60 * 60_000);
    utimesSync(join(work, name), t, t);
  };
  sealed(`push-${ended}h${tag}-aaaaaaaaaaaa.walnut`);
  deposit(`deposit-${ended}h${tag}-AAAAAA`);
  sealed(`push-${running}h${tag}-bbbbbbbbbbbb.walnut`);
  deposit(`deposit-${running}h${tag}-BBBBBB`);
  // Named as made here by a process that runs, but older than any push could be: the pid was reused.
  sealed(`push-${running}h${tag}-hhhhhhhhhhhh.walnut`, 7);
  deposit(`deposit-${running}h${tag}-HHHHHH`, 7);
  sealed(`push-${running}h${tag}-iiiiiiiiiiii.walnut`, 13);
  deposit(`deposit-${running}h${tag}-IIIIII`, 13);
  // Another machine's or container's (another tag: its pid says nothing here), or an older version's (no tag).
  sealed(`push-${ended}hzzzzzz-cccccccccccc.walnut`, 2);
  deposit(`deposit-${ended}hzzzzzz-CCCCCC`, 2);
  sealed(`push-${ended}hzzzzzz-dddddddddddd.walnut`, 7);
  deposit(`deposit-${ended}hzzzzzz-DDDDDD`, 7);
  sealed(`push-${ended}-eeeeeeeeeeee.walnut`, 2);
  sealed(`push-${ended}-ffffffffffff.walnut`, 7);
  deposit('deposit-GGGGGG', 7);

  const pushed = await run(alice, ['push', await walnutPackage(alice, 'meadow'), '--to', 'bob', '--json']);
  expect(pushed.code, pushed.stderr).toBe(0);
  expect(workOf(alice)).toEqual(
    [
      `push-${running}h${tag}-bbbbbbbbbbbb.walnut`,
      `deposit-${running}h${tag}-BBBBBB`,
      `push-${running}h${tag}-hhhhhhhhhhhh.walnut`,
      `deposit-${running}h${tag}-HHHHHH`,
      `push-${ended}hzzzzzz-cccccccccccc.walnut`,
      `deposit-${ended}hzzzzzz-CCCCCC`,
      `push-${ended}-eeeeeeeeeeee.walnut`,
    ].sort(),
  );
});
