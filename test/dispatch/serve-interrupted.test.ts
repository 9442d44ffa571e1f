/**
 * Ctrl-C on `dispatch serve` finishes the messages in hand before it exits, which can take as
 * long as an agent runs: it said nothing meanwhile, so a user pressed it again and left the agent
 * running and its message claimed. The first press now says what serve is doing, and how to stop
 * at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bundle, makeBus, makeBusWithRuntimes, sleep } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('dispatch serve stopped by Ctrl-C', () => {
  it('says it is finishing the messages in hand, then stops cleanly', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBusWithRuntimes();
    const child = spawn(process.execPath, [cli, 'serve', '@claude', '--agent', 'echo', '--root', root], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    for (let i = 0; i < 500 && !stderr.includes('serving @claude'); i++) await sleep(10);
    expect(stderr).toContain('serving @claude');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/^stopping: finishing the messages in hand \(Ctrl-C again stops at once/m);
    expect(stderr).toMatch(/^stopped: 0 answered/m);
  });
});

/** Processes of group `pgid` that are not zombies (a container's init may not reap the orphans). */
function liveInGroup(pgid: number): number[] {
  const live: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') live.push(Number(name));
  }
  return live;
}

describe('dispatch serve stopped at once by a second Ctrl-C', () => {
  it.skipIf(process.platform !== 'linux')('ends the running agent’s process group and says so', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBus();
    mkdirSync(receiverPaths(root, 'r').inbox, { recursive: true });
    const child = spawn(process.execPath, [cli, 'serve', '@r', '--agent', "sh -c 'sleep 30'", '--root', root], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    for (let i = 0; i < 500 && !stderr.includes('serving @r'); i++) await sleep(10);
    await sendMessage({ root, to: 'r', from: 'human', body: 'q' });
    const records = join(receiverPaths(root, 'r').dir, '.agents');
    let agentPid: number | undefined;
    for (let i = 0; i < 1000 && agentPid === undefined; i++) {
      const name = existsSync(records) ? readdirSync(records).find((n) => n.startsWith(`${child.pid}-`)) : undefined;
      if (name) agentPid = Number(name.split('-')[1]);
      else await sleep(10);
    }
    expect(agentPid).toBeDefined();
    onTestFinished(() => {
      try {
        process.kill(-agentPid!, 'SIGKILL'); // only when the test failed: nothing is left running
      } catch {
        // gone, as it should be
      }
    });
    for (let i = 0; i < 500 && liveInGroup(agentPid!).length < 2; i++) await sleep(10); // sh and its sleep
    expect(liveInGroup(agentPid!).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    for (let i = 0; i < 500 && !stderr.includes('stopping:'); i++) await sleep(10);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(stderr).toMatch(/^stopped at once: ended 1 running agent \(its answer is lost\); a message in hand stays claimed/m);
    for (let i = 0; i < 500 && liveInGroup(agentPid!).length > 0; i++) await sleep(10);
    expect(liveInGroup(agentPid!)).toEqual([]);
  });
});
