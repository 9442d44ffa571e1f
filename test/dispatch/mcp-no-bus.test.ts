/**
 * `dispatch mcp` finds its bus where it starts (a Claude Code session's project folder, often no
 * bus at all). A send there made `runtimes/` silently and said ok, so the agent waited on a bus of
 * its own while a daemon served the real one; status and inbox there answered empty lists (later
 * with a warning beside them, which an agent passed over: "nothing waits"). Now every tool refuses
 * with no_bus, as the dispatch commands do, and a send makes a bus only when asked (create: true).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';

const connect = mcpToolCallers();
const client = (root: string) => connect(root, 'human');
const FOUND =
  'this server found its bus root when it started: --root, else HELLOWORLD_ROOT, else the nearest folder holding runtimes/ from the folder it started in';

describe('dispatch mcp where no bus is', () => {
  it('every tool refuses with no_bus, naming how the server found its root; send makes a bus only with create: true', async () => {
    const { root } = makeBus();
    mkdirSync(root, { recursive: true });
    const call = await client(root);
    const runtimes = join(root, 'runtimes');
    const noBus = `no bus here: ${root} holds no runtimes/ folder (${FOUND}); to use a bus elsewhere, start the server with --root that bus's folder, or run the dispatch commands with --root`;

    const calls: Array<[string, Record<string, unknown>]> = [
      ['status', {}],
      ['inbox', { receiver: '@claude' }],
      ['claim', { receiver: '@claude' }],
      ['wait', { id: 'msg-0000000000000-none', timeout_s: 1 }],
      ['reply', { id: 'msg-0000000000000-none', body: 'x', as: '@claude' }],
      ['thread', { id: 'msg-0000000000000-none' }],
      ['dead_letters', { receiver: '@claude' }],
      ['retry', { id: 'msg-0000000000000-none' }],
    ];
    for (const [name, args] of calls) {
      const r = await call(name, args);
      expect(r.isError, name).toBe(true);
      expect(r.structuredContent, name).toMatchObject({ ok: false, error: { code: 'no_bus', message: noBus } });
    }
    const sent = await call('send', { to: '@gemini', body: 'hi' });
    expect(sent.isError).toBe(true);
    expect(sent.structuredContent).toMatchObject({
      ok: false,
      error: { code: 'no_bus', message: `${noBus}; to start a new bus in this folder, call send again with create: true` },
    });
    expect(existsSync(runtimes)).toBe(false);

    const made = await call('send', { to: '@gemini', body: 'hi', create: true });
    expect(made.structuredContent).toMatchObject({ ok: true, to: '@gemini' });
    expect(made.structuredContent!.warning).toBe(
      `created a new bus at ${runtimes}: no runtimes/ folder was there (${FOUND}); if the receiver is served on another bus, start the server with --root that bus's folder`,
    );
    expect(existsSync(runtimes)).toBe(true);

    const again = await call('send', { to: '@gemini', body: 'hi again' });
    expect(again.structuredContent).toMatchObject({ ok: true });
    expect(again.structuredContent).not.toHaveProperty('warning');
    expect((await call('status')).structuredContent).toMatchObject({ ok: true });
    expect((await call('inbox', { receiver: '@gemini' })).structuredContent).toMatchObject({ ok: true, count: 2 });
  });
});

describe('one place builds the no_bus refusal', () => {
  it('only scripts/lib/bus/no-bus.ts makes the code (the CLI and the MCP tools call it)', () => {
    const lib = join(import.meta.dirname, '..', '..', 'scripts', 'lib');
    const making = (readdirSync(lib, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && f !== 'errors.ts')
      .filter((f) => readFileSync(join(lib, f), 'utf8').includes("'no_bus'"));
    expect(making).toEqual([join('bus', 'no-bus.ts')]);
  });
});
