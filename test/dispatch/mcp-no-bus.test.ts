/**
 * `dispatch mcp` finds its bus where it starts (a Claude Code session's project folder, often no
 * bus at all). A send there made `runtimes/` silently and said ok, so the agent waited on a bus of
 * its own while a daemon served the real one; status and inbox there answered empty lists without
 * saying that no bus was found. `dispatch send` says it on stderr; the tools say it in `warning`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';

const connect = mcpToolCallers();
const client = (root: string) => connect(root, 'human');

describe('dispatch mcp where no bus is', () => {
  it('status and inbox say no runtimes/ folder is there; send says it created one; neither once it is there', async () => {
    const { root } = makeBus();
    mkdirSync(root, { recursive: true });
    const call = await client(root);
    const runtimes = join(root, 'runtimes');

    const status = await call('status');
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent).toMatchObject({ ok: true, receivers: [] });
    expect(status.structuredContent!.warning).toBe(
      `no bus here: ${root} holds no runtimes/ folder (this server found its bus root when it started: --root, else HELLOWORLD_ROOT, else the nearest folder holding runtimes/ from the folder it started in); to use another bus, start the server with --root that bus's folder`,
    );
    const inbox = await call('inbox', { receiver: '@claude' });
    expect(inbox.structuredContent).toMatchObject({ ok: true, count: 0 });
    expect(inbox.structuredContent!.warning).toBe(status.structuredContent!.warning);
    expect(existsSync(runtimes)).toBe(false);

    const sent = await call('send', { to: '@gemini', body: 'hi' });
    expect(sent.structuredContent).toMatchObject({ ok: true, to: '@gemini' });
    expect(sent.structuredContent!.warning).toBe(
      `created a new bus at ${runtimes}: no runtimes/ folder was there (this server found its bus root when it started: --root, else HELLOWORLD_ROOT, else the nearest folder holding runtimes/ from the folder it started in); if the receiver is served on another bus, start the server with --root that bus's folder`,
    );
    expect(existsSync(runtimes)).toBe(true);

    const again = await call('send', { to: '@gemini', body: 'hi again' });
    expect(again.structuredContent).not.toHaveProperty('warning');
    expect((await call('status')).structuredContent).not.toHaveProperty('warning');
    expect((await call('inbox', { receiver: '@gemini' })).structuredContent).not.toHaveProperty('warning');
  });
});
