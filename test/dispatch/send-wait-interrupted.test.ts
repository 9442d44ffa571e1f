/**
 * Ctrl-C during `dispatch send --wait` is an interruption, as it is for `dispatch wait`: the
 * refusal said `timeout` (with `timed_out: false`), so a script could not tell a wait that ran out
 * from one the user stopped.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundle, filesIn, makeBus, sleep } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('dispatch send --wait stopped by Ctrl-C', () => {
  it('exits 1 with code interrupted, saying the message stays queued', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBus();
    const child = spawn(process.execPath, [cli, 'send', 'r', 'hello', '--create', '--wait', '60', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const inbox = receiverPaths(root, 'r').inbox;
    for (let i = 0; i < 500 && filesIn(inbox).length === 0; i++) await sleep(10);
    expect(filesIn(inbox)).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: false, timed_out: false, response: null, error: { code: 'interrupted' } });
    expect(out.error.message).toMatch(
      /^stopped waiting; msg-\S+ is waiting in @r's inbox \(no daemon serves @r; start 'dispatch serve @r', or answer by hand\); pick the answer up later with 'dispatch wait /,
    );
    expect(filesIn(inbox)).toHaveLength(1);
  });
});
