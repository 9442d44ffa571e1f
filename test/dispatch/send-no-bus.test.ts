/**
 * A mistyped --root or a stale HELLOWORLD_ROOT made `dispatch send` create a new bus (even the
 * folder) and exit 0 with a warning, while an unknown receiver needs --create, the MCP send needs
 * create: true and every read command refuses with no_bus. Send now refuses too (no_bus, exit 1,
 * saying how the root was found and to pass --create); --create starts a bus as before.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBus, makeBusWithRuntimes, runCli } from './helpers.ts';

describe('send where no bus is', () => {
  it('a mistyped --root is refused (no_bus, exit 1), nothing is made, and --create is named', async () => {
    const { base } = makeBus();
    const typo = join(base, 'busAA');
    const r = await dispatch(typo, ['send', '@gemini', 'review PR 12']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: no bus here (no runtimes/ folder under ${typo}); check --root ${typo}, or pass --create to start a new bus in ${typo}\n`);
    expect(existsSync(typo)).toBe(false);
    const j = await dispatch(typo, ['send', '@gemini', 'hi', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: { code: 'no_bus' } });
  });

  it('a stale HELLOWORLD_ROOT is refused, naming it, even from inside a real bus', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, root } = makeBusWithRuntimes();
    const stale = join(root, '..', 'nonexist-bus');
    const r = runCli(cli, ['send', '@gemini', 'hi'], { ...env, HELLOWORLD_ROOT: stale }, { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`check HELLOWORLD_ROOT (${stale}), or pass --create to start a new bus in ${stale}`);
    expect(existsSync(stale)).toBe(false);
  });

  it('from a folder with no bus above: run it from the bus, --root, or --create', async () => {
    const cli = await bundle('scripts/dispatch.ts');
    const { env, base } = makeBus();
    const elsewhere = mkdtempSync(join(base, 'elsewhere-'));
    const { HELLOWORLD_ROOT: _unset, ...noRoot } = env;
    const r = runCli(cli, ['send', '@gemini', 'hi'], noRoot, { cwd: elsewhere });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`pass --root DIR, or pass --create to start a new bus in ${elsewhere}\n`);
    expect(existsSync(join(elsewhere, 'runtimes'))).toBe(false);
  });

  it('--create starts the bus and sends, saying so', async () => {
    const { root } = makeBus();
    const c = await dispatch(root, ['send', '@gemini', 'hi', '--create']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stderr).toContain(`warning: created a new bus at ${root}/runtimes`);
    expect(existsSync(join(root, 'runtimes', 'gemini', 'inbox'))).toBe(true);
  });
});
