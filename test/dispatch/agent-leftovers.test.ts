/** What an agent started by serve leaves running once it has answered. */
import { describe, it, expect } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, sleep } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';

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
