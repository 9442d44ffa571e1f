/**
 * A server started as a runtime (`dispatch mcp --as @claude`, as the README's configurations for
 * Copilot, Gemini and Codex start it, or with HELLOWORLD_AS) answered another receiver's mail under
 * that receiver's name: `reply {id, body}` on a message to @codex succeeded, and the sender's wait
 * showed @codex as the responder. `dispatch reply ID TEXT` with HELLOWORLD_AS=@claude did the same.
 * reply now answers as the caller's identity and refuses (not_yours) a message to another
 * receiver, leaving it where it was; `as` still names another receiver on purpose. Without any
 * identity (the plugin's server), reply answers as the receiver the message is for, and says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { bundleDir } from '../support/bundles.ts';
import { dispatch, makeBusWithRuntimes, runCli, type TestBus } from './helpers.ts';
import { mcpToolCallers, type ToolResult } from './mcp-in-process.ts';

const connect = mcpToolCallers();
const clients: Client[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const c of clients.splice(0)) await c.close().catch(() => undefined);
});

async function toCodex(bus: TestBus): Promise<string> {
  return (await sendMessage({ root: bus.root, to: 'codex', from: 'human', body: 'for codex only' })).id;
}

const inInbox = (bus: TestBus, receiver: string, id: string) => existsSync(join(receiverPaths(bus.root, receiver).inbox, `msg-${id}.hw`));

async function overStdio(bus: TestBus, args: string[], env: Record<string, string> = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(bundleDir(), 'dispatch.mjs'), 'mcp', ...args],
    env: { ...(bus.env as Record<string, string>), ...env },
    cwd: bus.base,
    stderr: 'pipe',
  });
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return async (name: string, a: Record<string, unknown>) => (await client.callTool({ name, arguments: a })) as ToolResult;
}

describe('dispatch mcp reply answers as the server it is', () => {
  it('a server --as @claude refuses a message to @codex (not_yours) and leaves it waiting', async () => {
    const bus = makeBusWithRuntimes();
    const id = await toCodex(bus);
    const call = await connect(bus.root, 'claude', 'claude');
    const r = await call('reply', { id, body: 'claude answering codex mail' });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ ok: false, error: { code: 'not_yours' } });
    const message = (r.structuredContent!.error as { message: string }).message;
    expect(message).toContain("it is @codex's to answer, not @claude's");
    // What to do: the tool's words, first.
    expect(message).toContain('inbox {"receiver": "@claude"}');
    expect(inInbox(bus, 'codex', id)).toBe(true);
  });

  it('it answers its own messages as itself, and another receiver only when as names it', async () => {
    const bus = makeBusWithRuntimes();
    const own = (await sendMessage({ root: bus.root, to: 'claude', from: 'human', body: 'for claude' })).id;
    const call = await connect(bus.root, 'claude', 'claude');
    const mine = await call('reply', { id: own, body: 'mine' });
    expect(mine.structuredContent).toMatchObject({ ok: true, receiver: '@claude' });
    const id = await toCodex(bus);
    const asked = await call('reply', { id, body: 'for codex, on purpose', as: '@codex' });
    expect(asked.structuredContent).toMatchObject({ ok: true, receiver: '@codex' });
  });

  it('claim of another receiver\'s message, "as" naming it (the user asked), says to answer it with that "as"', async () => {
    const bus = makeBusWithRuntimes();
    const id = await toCodex(bus);
    const call = await connect(bus.root, 'claude', 'claude');
    const claimed = await call('claim', { receiver: '@codex', id, as: '@codex' });
    expect(claimed.structuredContent!.answer_with).toBe(`reply {"id": "${id}", "as": "@codex", "body": "..."}`);
    const r = await call('reply', { id, body: 'x', as: '@codex' });
    expect(r.structuredContent).toMatchObject({ ok: true, receiver: '@codex' });
  });

  it('without an identity (no --as, no HELLOWORLD_AS) it answers as the receiver the message is for, and says so', async () => {
    const bus = makeBusWithRuntimes();
    const id = await toCodex(bus);
    const call = await connect(bus.root, 'human');
    const r = await call('reply', { id, body: 'answered' });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent!.note).toMatch(/^answered as the receiver the message is for: this server has no identity of its own/);
  });

  it('over stdio: --as @claude, and HELLOWORLD_AS=@claude without --as, are the identity', async () => {
    for (const [args, env] of [[['--as', '@claude'], {}] as const, [[], { HELLOWORLD_AS: '@claude' }] as const]) {
      const bus = makeBusWithRuntimes();
      const id = await toCodex(bus);
      const call = await overStdio(bus, [...args], env);
      const r = await call('reply', { id, body: 'claude answering codex mail' });
      expect(r.structuredContent, args.join(' ')).toMatchObject({ ok: false, error: { code: 'not_yours' } });
      expect(inInbox(bus, 'codex', id)).toBe(true);
    }
  });

  it('a bad HELLOWORLD_AS is refused naming the option that takes its place, --as (it said --from)', () => {
    const bus = makeBusWithRuntimes();
    // The server starts all the same, every tool answering why (mcp-startup-error.test.ts); its
    // stdin closed at once here, it ends.
    const r = runCli(join(bundleDir(), 'dispatch.mjs'), ['mcp'], { ...bus.env, HELLOWORLD_AS: 'x y' });
    expect(r.stderr).toContain('this server could not start as its MCP configuration asks');
    expect(r.stderr).toContain('set HELLOWORLD_AS to a valid name, or pass --as');
  });
});

describe('dispatch reply without --as answers as HELLOWORLD_AS', () => {
  it('refuses a message to another receiver (not_yours, exit 1); --as names one on purpose', async () => {
    const bus = makeBusWithRuntimes();
    const id = await toCodex(bus);
    vi.stubEnv('HELLOWORLD_AS', '@claude');
    const r = await dispatch(bus.root, ['reply', id, 'x', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'not_yours' } });
    expect(JSON.parse(r.stdout).error.message).toContain('--as @codex');
    expect(inInbox(bus, 'codex', id)).toBe(true);
    const asked = await dispatch(bus.root, ['reply', id, 'on purpose', '--as', '@codex']);
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain('as @codex');
  });

  it('unset, it answers as the receiver holding the message, as before, and names it', async () => {
    const bus = makeBusWithRuntimes();
    const id = await toCodex(bus);
    vi.stubEnv('HELLOWORLD_AS', '');
    const r = await dispatch(bus.root, ['reply', id, 'x']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`replied to ${id} as @codex`);
  });
});
