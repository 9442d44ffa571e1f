/**
 * An MCP client gives up on a call it has not had an answer to: the SDK client after 60 s
 * (DEFAULT_REQUEST_TIMEOUT_MSEC), Codex after its default tool_timeout_sec, 60 too. A wait the
 * tool allowed up to 600 s then failed as `MCP error -32001: Request timed out`, with no result
 * saying where the request was. The tool's longest wait ends well before that, and says to call
 * wait again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MSEC } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { WAIT_MAX_S, waitTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { makeBus } from './helpers.ts';
import { mcpInProcess } from './mcp-in-process.ts';

type Result = { isError?: boolean; content: { type: string; text?: string }[] };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('dispatch mcp: wait ends before the client gives up on the call', () => {
  it('takes at most 50 s, well under the 60 s after which MCP clients give up by default, and says so', async () => {
    expect(WAIT_MAX_S).toBe(50);
    expect(WAIT_MAX_S * 1000).toBeLessThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MSEC - 10_000);
    const { root } = makeBus();
    const { client, close } = await mcpInProcess(root, 'human');
    closers.push(close);
    const { tools } = await client.listTools();
    const wait = tools.find((t) => t.name === 'wait')!;
    expect(wait.inputSchema.properties!.timeout_s).toMatchObject({ type: 'number', maximum: 50 });
    expect(wait.description).toContain('at most 50');
    expect(wait.description).toContain('call wait again');
  });

  it('a longer timeout_s is refused saying the limit, why, and to call wait again', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const { client, close } = await mcpInProcess(root, 'human');
    closers.push(close);
    const r = (await client.callTool({ name: 'wait', arguments: { id: sent.id, timeout_s: 65 } })) as Result;
    expect(r.isError).toBe(true);
    const text = r.content[0]!.text!;
    expect(text).toContain('timeout_s is at most 50 seconds');
    expect(text).toContain('call wait again');
    expect(text).not.toContain('Request timed out');
    // The tool body says the same when called directly (an in-process caller skips the schema).
    await expect(waitTool({ root, as: 'human' }, { id: sent.id, timeout_s: 65 })).rejects.toThrow(/timeout_s is at most 50 seconds.*call wait again/);
  });
});
