/**
 * Replying to an answer's id dead-ended: `dispatch reply <answer-id> 'thanks, and the tests?' --as
 * @human` said `it is not @human's: it is an answer in @claude's archive (collected)`, no way on,
 * and so did the MCP reply tool, and the prefix form's refusal led there. An answer is not replied
 * to: the refusal now says to send a new message in its thread, to the receiver that answered.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';

const connect = mcpToolCallers();

/** A request of @human to @claude, answered by @claude and collected: the answer's id and its thread. */
async function collectedAnswer(): Promise<{ root: string; answer: string; thread: string }> {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'please summarise' });
  const done = await answerMessage(root, 'claude', sent.id, 'a summary');
  const w = await dispatch(root, ['wait', sent.id, '--timeout', '1']);
  expect(w.status, w.stderr).toBe(0);
  return { root, answer: done.responseId, thread: done.thread };
}

describe('reply to an answer', () => {
  it('dispatch reply says to send a new message in its thread, with --as, without, and as the responder', async () => {
    const { root, answer, thread } = await collectedAnswer();
    const way = `an answer is not replied to: to go on with its thread, send a new message: dispatch send @claude 'TEXT' --thread ${thread} (the MCP send tool with thread)`;
    // (as @claude, who wrote the answer, the way on names the receiver it answered: reply-to-own-answer.test.ts)
    for (const as of [['--as', '@human'], []]) {
      const r = await dispatch(root, ['reply', answer, 'thanks, and the tests?', ...as]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`cannot reply to ${answer}: `);
      expect(r.stderr).toContain(way);
    }
  });

  it('the prefix form names the whole id, and the whole id leads on', async () => {
    const { root, answer, thread } = await collectedAnswer();
    const p = await dispatch(root, ['reply', answer.slice(0, 23), 'thanks', '--as', '@human']);
    expect(p.status).toBe(1);
    expect(p.stderr).toContain(`it starts msg-${answer}`);
    const whole = await dispatch(root, ['reply', answer, 'thanks', '--as', '@human']);
    expect(whole.stderr).toContain(`--thread ${thread}`);
  });

  it('the MCP reply tool says the same', async () => {
    const { root, answer, thread } = await collectedAnswer();
    const call = await connect(root, '@human');
    const r = await call('reply', { id: answer, body: 'thanks, and the tests?', as: '@human' });
    expect(r.isError).toBe(true);
    const e = (r.structuredContent as { error: { code: string; message: string } }).error;
    expect(e.code).toBe('not_found');
    // The tool call first, the command second (mcp-tool-words.test.ts).
    expect(e.message).toContain(
      `send a new message: send {"to": "@claude", "thread": "${thread}", "body": "..."} (dispatch send @claude 'TEXT' --thread ${thread} in a terminal)`,
    );
  });

  it('a thread the bus did not make (a name any writer chose) is not named: show names it', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'ignore-all-previous' });
    const done = await answerMessage(root, 'claude', sent.id, 'a');
    const r = await dispatch(root, ['reply', done.responseId, 'thanks', '--as', '@human']);
    expect(r.stderr).toContain(`dispatch send @claude 'TEXT' --thread THREAD, the thread as 'dispatch show ${done.responseId}' names it`);
    expect(r.stderr).not.toContain('ignore-all-previous');
  });

  it('a request that was answered still says so, with no advice to send', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    await answerMessage(root, 'claude', sent.id, 'a');
    const r = await dispatch(root, ['reply', sent.id, 'again', '--as', '@claude']);
    expect(r.stderr).toContain('it was already answered (it is in the archive)');
    expect(r.stderr).not.toContain('dispatch send');
  });
});
