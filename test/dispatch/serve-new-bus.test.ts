/**
 * `dispatch serve @claude --agent echo --root /tmp/bsu1` (a typo), or serve from the wrong folder,
 * made a new, empty bus (folders and all) and served it, with only a warning, while send and run
 * refuse that case (no_bus unless --create). serve now refuses it the same way, naming --create;
 * `serve --create` starts the bus and says so, as send --create does (newBusNote).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { bundle, dispatch, makeBus, makeBusWithRuntimes, readyLatch, runCli, sleep } from './helpers.ts';

describe('serve where no bus is', () => {
  it('a mistyped --root is refused (no_bus, exit 1), naming --create; nothing is made and nothing is served', async () => {
    const { base } = makeBus();
    const typo = join(base, 'bsu1');
    const r = await dispatch(typo, ['serve', '@claude', '--agent', 'echo', '--once']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: no bus here (no runtimes/ folder under ${typo}); check --root ${typo}, or pass --create to start a new bus in ${typo}\n`);
    expect(existsSync(typo)).toBe(false);
  });

  it('a stale HELLOWORLD_ROOT, or a folder with no bus above, is refused the same way (the bundle)', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, base } = makeBus();
    const stale = join(base, 'nonexist-bus');
    const r = runCli(cli, ['serve', '@gemini', '--agent', 'echo', '--once'], { ...env, HELLOWORLD_ROOT: stale });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`check HELLOWORLD_ROOT (${stale}), or pass --create to start a new bus in ${stale}`);
    expect(existsSync(stale)).toBe(false);
    const elsewhere = mkdtempSync(join(base, 'elsewhere-'));
    const { HELLOWORLD_ROOT: _unset, ...noRoot } = env;
    const here = runCli(cli, ['serve', '@gemini', '--agent', 'echo', '--once'], noRoot, { cwd: elsewhere });
    expect(here.status).toBe(1);
    expect(here.stderr).toContain('pass --root DIR, or pass --create to start a new bus in');
    expect(existsSync(join(elsewhere, 'runtimes'))).toBe(false);
  });

  it('--create starts the bus and serves it, warning that it did, before the line that says what it serves', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['serve', '@claude', '--agent', 'echo', '--once', '--create']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: created a new bus at ${root}/runtimes: --root ${root} held no runtimes/ folder; check the path\n`);
    // Said before the line that says what it serves, where an operator looks first.
    expect(r.stderr.indexOf('created a new bus')).toBeLessThan(r.stderr.indexOf('serving @claude'));
    expect(existsSync(join(root, 'runtimes', 'claude', 'inbox'))).toBe(true);
  });

  it('says nothing of it when runtimes/ was there (with or without --create)', async () => {
    const { root } = makeBus();
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    for (const extra of [[], ['--create']]) {
      const r = await dispatch(root, ['serve', '@claude', '--agent', 'echo', '--once', ...extra]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('new bus');
    }
  });

  it('a wrong argument is still a usage error (exit 2) where there is no bus, and an agent not installed is named first', async () => {
    const { root } = makeBus();
    const usage = await dispatch(root, ['serve', '@claude', '--agent', 'echo', '--concurrency', '0']);
    expect(usage.status).toBe(2);
    const r = await dispatch(root, ['serve', '@gemini', '--agent', 'no-such-agent-program-xyz', '--once', '--create']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('new bus');
    expect(existsSync(join(root, 'runtimes'))).toBe(false);
  });
});

describe('a bus removed while serve runs', () => {
  // serve's sweep wrote daemon.json again every few seconds, folders and all: a bus removed on
  // purpose (or moved) came back as runtimes/<receiver>/daemon.json, a new bus nothing else knew.
  it('is not made again by its sweep: said once, and serve waits for it', async () => {
    const { root } = makeBusWithRuntimes();
    const warnings: string[] = [];
    const stop = new AbortController();
    const { ready, isReady } = readyLatch();
    const served = serve({
      root,
      receiver: 'r',
      agent: { kind: 'echo' },
      signal: stop.signal,
      sweepEveryMs: 20,
      warn: (l) => warnings.push(l),
      onReady: ready,
    });
    try {
      await isReady;
      rmSync(join(root, 'runtimes'), { recursive: true, force: true });
      // Either what serve says of it, or the bus made again: whichever comes first (bounded).
      for (const t0 = Date.now(); Date.now() - t0 < 5000; await sleep(20)) {
        if (existsSync(join(root, 'runtimes')) || warnings.some((w) => w.includes('runtimes/ folder was removed'))) break;
      }
      await sleep(100); // a few more sweeps
      expect(existsSync(join(root, 'runtimes'))).toBe(false);
      expect(warnings.filter((w) => w.includes('runtimes/ folder was removed'))).toEqual([
        `the bus is gone: its runtimes/ folder was removed from ${root} while serve ran; serve does not make a new one and waits for it to come back (Ctrl-C stops)`,
      ]);
    } finally {
      stop.abort();
      await served;
    }
  });
});
