/**
 * Ctrl-C during `dispatch send --wait` is an interruption, as it is for `dispatch wait`: the
 * refusal said `timeout` (with `timed_out: false`), so a script could not tell a wait that ran out
 * from one the user stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundle, filesIn, makeBus, sleep } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

/**
 * Resolves once process `pid` watches a folder (Linux: an inotify descriptor among
 * /proc/<pid>/fd): the wait makes its watch on the outbox once it has found the request, after its
 * interrupt handler is set. A fixed sleep of 700 ms was too short for a loaded machine's start-up,
 * and the signal then ended the process before the wait began (exit null, not 130). Elsewhere
 * after 700 ms; fails after 20 s.
 */
async function waitBegun(pid: number): Promise<void> {
  if (!existsSync('/proc/self/fd')) {
    await sleep(700);
    return;
  }
  const watching = () => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === 'anon_inode:inotify';
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 2000; i++) {
    if (watching()) return;
    await sleep(10);
  }
  throw new Error(`process ${pid} never began to wait`);
}

describe('dispatch send --wait stopped by Ctrl-C', () => {
  it('exits 130, as the signal would, with code interrupted, saying the message stays queued', async () => {
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
    expect(await exited).toBe(130);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: false, timed_out: false, response: null, error: { code: 'interrupted' } });
    expect(out.error.message).toMatch(
      /^stopped waiting; msg-\S+ is waiting in @r's inbox \(no daemon serves @r; start 'dispatch serve @r', or answer by hand\); pick the answer up later with 'dispatch wait /,
    );
    expect(filesIn(inbox)).toHaveLength(1);
  });

  it('dispatch wait stopped by Ctrl-C exits 130 too, and 143 for SIGTERM', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const child = spawn(process.execPath, [cli, 'wait', sent.id, '--timeout', '60', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      await waitBegun(child.pid!);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(JSON.parse(stdout)).toMatchObject({ ok: false, timed_out: false, error: { code: 'interrupted' } });
    }
  });
});
