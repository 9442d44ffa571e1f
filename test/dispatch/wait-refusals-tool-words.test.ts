/**
 * Two refusals of a wait named 'dispatch show ID' also when the MCP wait tool made them, where the
 * agent's way is the show tool: a wait on an answer's id ("… 'dispatch show ID' prints this
 * answer"), and a wait told a receiver that is not the request's, whose receiver's folder name is
 * a bus writer's ("'dispatch show ID' names the receiver in its envelope"); and a time-out of a
 * request to such a receiver ("a 'dispatch serve' of its receiver ('dispatch show ID' names it)").
 * Through MCP they now name the show call; the CLI keeps 'dispatch show'.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';

const connect = mcpToolCallers();

async function errorOf(r: Promise<{ isError?: boolean; structuredContent?: Record<string, unknown> }>) {
  const got = await r;
  expect(got.isError).toBe(true);
  return (got.structuredContent as { error: { code: string; message: string } }).error;
}

describe('wait refusals that name a way to read the message', () => {
  it("a wait on an answer's id: the MCP tool names show {id}, dispatch wait names 'dispatch show ID'", async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'a question' });
    expect((await dispatch(root, ['claim', '@gemini', sent.id])).status).toBe(0);
    const reply = JSON.parse((await dispatch(root, ['reply', sent.id, 'an answer', '--as', '@gemini', '--json'])).stdout);
    const answer = reply.response_id as string;
    const cli = await dispatch(root, ['wait', answer, '--timeout', '0.1']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`'dispatch show ${answer}' prints this answer`);
    const call = await connect(root, '@claude');
    const error = await errorOf(call('wait', { id: answer, timeout_s: 0.1 }));
    expect(error.code).toBe('not_a_request');
    expect(error.message).toContain(`show {"id": "${answer}"} reads this answer`);
    expect(error.message).not.toContain('dispatch show');
  });

  it("a wait told a receiver that is not the request's, held by a receiver named by a bus writer: the MCP tool names show {id}", async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'zed', from: 'claude', body: 'a question' });
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'so that @gemini has folders' });
    const cli = await dispatch(root, ['wait', sent.id, '--receiver', '@gemini', '--timeout', '0.1']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`wait without --receiver ('dispatch show ${sent.id}' names the receiver in its envelope)`);
    const call = await connect(root, '@claude');
    const error = await errorOf(call('wait', { id: sent.id, receiver: '@gemini', timeout_s: 0.1 }));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(`call wait without receiver (show {"id": "${sent.id}"} names the receiver, under untrusted_receiver)`);
    expect(error.message).not.toContain('dispatch show');
    // Its time-out, too, names the serve to start (the user's, in a terminal) and the show call that names the receiver.
    const timedOut = (await call('wait', { id: sent.id, timeout_s: 0.1 })).structuredContent as { status: string; message: string };
    expect(timedOut.status).toBe('timed-out');
    expect(timedOut.message).toContain(`a 'dispatch serve' of its receiver (show {"id": "${sent.id}"} names it, under untrusted_receiver) in a terminal`);
    expect(timedOut.message).not.toContain('dispatch show');
    const cliTimedOut = await dispatch(root, ['wait', sent.id, '--timeout', '0.1']);
    expect(cliTimedOut.stderr).toContain(`start a 'dispatch serve' of its receiver ('dispatch show ${sent.id}' names it)`);
  });
});
