/**
 * A send from a folder without a bus made a bus of its own and waited there, silently, while a
 * daemon served the real one; its time-out asked "is 'dispatch serve @R' running?" whether or not
 * one was. It now says when it created the bus (--create: without it, send-no-bus.test.ts), and
 * who serves the receiver.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBus, runCli, liveServePid } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

function daemonRecord(root: string, receiver: string, pid: number): void {
  const paths = receiverPaths(root, receiver);
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.daemon, JSON.stringify({ pid, agent: 'echo' }));
}

describe('send --create where no bus is', () => {
  it('says on stderr that it created a new bus, naming --root; not once the bus is there', async () => {
    const { root } = makeBus();
    const first = await dispatch(root, ['send', '@gemini', 'hi', '--json', '--create']);
    expect(first.status, first.stderr).toBe(0);
    const unserved = "no daemon serves @gemini now: the message waits in its inbox until 'dispatch serve @gemini' runs or someone answers by hand\n";
    expect(first.stderr).toBe(`warning: created a new bus at ${root}/runtimes: --root ${root} held no runtimes/ folder; check the path\n${unserved}`);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, to: '@gemini' });
    const second = await dispatch(root, ['send', '@gemini', 'hi']);
    expect(second.stderr).toBe(unserved);
  });

  it('from a folder with no runtimes/ above and no HELLOWORLD_ROOT: says so, and to pass --root', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, base } = makeBus();
    const elsewhere = mkdtempSync(join(base, 'elsewhere-'));
    const { HELLOWORLD_ROOT: _unset, ...noRoot } = env;
    const r = runCli(cli, ['send', '@gemini', 'hi', '--create'], noRoot, { cwd: elsewhere });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `warning: created a new bus at ${elsewhere}/runtimes: no runtimes/ folder was found from here up, nor $HELLOWORLD_ROOT; pass --root to use another\n` +
        "no daemon serves @gemini now: the message waits in its inbox until 'dispatch serve @gemini' runs or someone answers by hand\n",
    );
  });
});

describe('send --wait that runs out says who serves the receiver', () => {
  it('no daemon record: no daemon serves it', async () => {
    const { root } = makeBus();
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    const r = await dispatch(root, ['send', '@gemini', 'hi', '--wait', '0.2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("(no daemon serves @gemini; start 'dispatch serve @gemini', or answer by hand)");
    expect(r.stderr).not.toContain("is 'dispatch serve");
  });

  it('a live daemon: it serves and has not answered yet', async () => {
    const { root } = makeBus();
    daemonRecord(root, 'gemini', liveServePid('gemini', root));
    const r = await dispatch(root, ['send', '@gemini', 'hi', '--wait', '0.2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`a daemon serves @gemini (pid ${liveServePid('gemini', root)}) and has not answered yet`);
  });

  it('a daemon that is gone: names its pid and how to start one', async () => {
    const { root } = makeBus();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    daemonRecord(root, 'gemini', gone);
    const r = await dispatch(root, ['send', '@gemini', 'hi', '--wait', '0.2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the daemon of @gemini is gone (pid ${gone}); start 'dispatch serve @gemini'`);
  });
});
