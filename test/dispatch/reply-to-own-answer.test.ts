/**
 * `dispatch reply <id of an answer>` names the way on: a new message in the thread. For an answer
 * the replier wrote itself (@claude answered @gemini, and `reply … --as @claude`), it named the
 * receiver holding the answer, @claude: "dispatch send @claude 'TEXT' --thread …", @claude writing
 * to itself (review of 2026-12-07). The way on names the other side of the thread: the receiver
 * that answered, or, when the replier is that receiver, the one it answered (@gemini).
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';

const connect = mcpToolCallers();

/** @gemini asked @claude, @claude answered: the answer's id (in @claude's outbox) and its thread. */
async function answeredByClaude(from = 'gemini') {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from, body: 'please summarise' });
  const done = await answerMessage(root, 'claude', sent.id, 'a summary');
  return { root, answer: done.responseId, thread: done.thread };
}

describe('reply to an answer the replier wrote', () => {
  it('names the receiver it answered, not the replier itself', async () => {
    const { root, answer, thread } = await answeredByClaude();
    const r = await dispatch(root, ['reply', answer, 'and more', '--as', '@claude']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`to go on with its thread, send a new message: dispatch send @gemini 'TEXT' --thread ${thread}`);
    expect(r.stderr).not.toContain('dispatch send @claude');
  });

  it('the other side, replying, is still sent to the receiver that answered', async () => {
    const { root, answer, thread } = await answeredByClaude();
    for (const as of [['--as', '@gemini'], []]) {
      const r = await dispatch(root, ['reply', answer, 'thanks', ...as]);
      expect(r.stderr, as.join(' ')).toContain(`send a new message: dispatch send @claude 'TEXT' --thread ${thread}`);
    }
  });

  it('a receiver answered whose name is a folder any writer chose is not named: show names it', async () => {
    const { root, answer } = await answeredByClaude('human');
    const r = await dispatch(root, ['reply', answer, 'and more', '--as', '@claude']);
    expect(r.stderr).toContain(`dispatch send @RECEIVER 'TEXT' --thread`);
    expect(r.stderr).toContain(`the receiver on the other side of the thread as 'dispatch show ${answer}' names it`);
    expect(r.stderr).not.toContain('dispatch send @claude');
    expect(r.stderr).not.toContain('@human');
  });

  it('the MCP reply tool, as the server runs (--as @claude), says the same', async () => {
    const { root, answer, thread } = await answeredByClaude();
    const call = await connect(root, '@claude');
    for (const args of [{ as: '@claude' }, {}]) {
      const r = await call('reply', { id: answer, body: 'and more', ...args });
      expect(r.isError).toBe(true);
      const e = (r.structuredContent as { error: { message: string } }).error.message;
      // In the tools' words first (mcp-tool-words.test.ts), the command second.
      expect(e, JSON.stringify(args)).toContain(
        `send a new message: send {"to": "@gemini", "thread": "${thread}", "body": "..."} (dispatch send @gemini 'TEXT' --thread ${thread} in a terminal)`,
      );
    }
  });
});
