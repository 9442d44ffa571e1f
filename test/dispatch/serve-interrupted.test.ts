/**
 * Ctrl-C on `dispatch serve` finishes the messages in hand before it exits, which can take as
 * long as an agent runs: it said nothing meanwhile, so a user pressed it again and left the agent
 * running and its message claimed. The first press now says what serve is doing, and how to stop
 * at once.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundle, makeBus, sleep } from './helpers.ts';

describe('dispatch serve stopped by Ctrl-C', () => {
  it('says it is finishing the messages in hand, then stops cleanly', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBus();
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
