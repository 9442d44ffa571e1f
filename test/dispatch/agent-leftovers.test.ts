/** What an agent started by serve leaves running once it has answered. */
import { describe, it, expect } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, sleep, readyLatch } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';

function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux')('processes an agent leaves behind', () => {
  it('end with the agent: a background process of its group does not outlive the answer', async () => {
    const { root, base } = makeBus();
    const pidFile = join(base, 'left.pid');
    const agent = join(base, 'agent.sh');
    // What a prompt can talk an agent with a shell tool into: a job left running after the answer.
    writeFileSync(agent, `#!/bin/sh\ncat >/dev/null\nsleep 60 >/dev/null 2>&1 </dev/null &\necho $! > "${pidFile}"\necho answered\n`);
    chmodSync(agent, 0o755);
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'start something and leave it running' });
    const log: string[] = [];
    const summary = await serve({ root, receiver: 'gemini', agent: { kind: 'command', command: agent }, once: true, log: (l) => log.push(l) });
    expect(summary, log.join('\n')).toMatchObject({ answered: 1 });
    const left = Number(readFileSync(pidFile, 'utf8'));
    const start = Date.now();
    while (running(left) && Date.now() - start < 2000) await sleep(20);
    const alive = running(left);
    if (alive) process.kill(left, 'SIGKILL');
    expect(alive).toBe(false);
  });
});

describe.skipIf(process.platform !== 'linux')('an agent whose record in .agents/ cannot be written', () => {
  it('is never left running without its deadline: a file swapped in for .agents/ after start', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.dir, { recursive: true });
    const pidFile = join(base, 'agent.pid');
    const agent = join(base, 'agent.sh');
    writeFileSync(agent, `#!/bin/sh\necho $$ > "${pidFile}"\ncat >/dev/null\nexec sleep 30\n`);
    chmodSync(agent, 0o755);
    const stop = new AbortController();
    const log: string[] = [];
    const { ready, isReady } = readyLatch();
    const served = serve({
      root,
      receiver: 'gemini',
      agent: { kind: 'command', command: agent },
      agentTimeoutSeconds: 1,
      signal: stop.signal,
      sweepEveryMs: 60_000,
      log: (l) => log.push(l),
      onReady: () => ready(),
    });
    const started = Date.now();
    let pid: number | undefined;
    try {
      await isReady;
      await sleep(300); // past the sweep serve makes at start
      rmSync(join(paths.dir, '.agents'), { recursive: true, force: true });
      writeFileSync(join(paths.dir, '.agents'), 'planted'); // a bus writer's file: no record can go there
      await sendMessage({ root, to: 'gemini', from: 'claude', body: 'take your time' });
      // Until the message is settled (or 5 s): the agent must be gone by then, past its 1 s limit.
      while (!log.some((l) => l.startsWith('dead-letter')) && Date.now() - started < 5000) await sleep(50);
      await sleep(200);
      if (existsSync(pidFile)) pid = Number(readFileSync(pidFile, 'utf8'));
    } finally {
      stop.abort();
      await served.catch((e) => log.push(`serve: ${e}`));
    }
    const alive = pid !== undefined && running(pid);
    if (alive) process.kill(pid!, 'SIGKILL');
    expect(alive, log.join('\n')).toBe(false);
    // The message is not lost either: a dead letter saying why the agent could not run.
    expect(log.join('\n')).toMatch(/dead-letter msg-\S+ \(code agent_not_started\)/);
    expect(listDeadLetters(root, 'gemini')[0]!.deadLetter!.reason).toMatch(/could not start .*\.agents/);
  });
});
