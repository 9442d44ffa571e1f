/**
 * An answer in a receiver's inbox (serve copies answers there for senders writing HelloWorld's
 * HEAD format, answer_into_inbox "auto"; any bus writer can put one there) was taken for a request:
 * `inbox` and the SessionStart notice counted it as a message waiting, `claim` took it and said to
 * reply, `reply` then answered the answer (with --as) or refused it as being handled by this very
 * session (the MCP tools), and nothing filed it: it came back to the inbox after the lease (review
 * of 2026-12-07). An answer is now listed and counted as an answer, claimed it is filed in the
 * receiver's archive at once and shown as an answer to read (as serve archives one: "a response
 * needs no answer"), and a reply to it is refused, naming the claim that files it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, filesIn, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { formatClaudeNotice, pendingMessagesFor } from '../../scripts/lib/bus/notice.ts';

const ANSWER = '01a24c90-1111-7000-8000-000000000001';
const REQUEST_TO_GEMINI = '01a24c90-0000-7000-8000-000000000001';

/** @claude's inbox: an answer of @gemini's (older) and then a request. */
async function inboxWithAnswer() {
  const { root, base } = makeBus();
  const paths = receiverPaths(root, 'claude');
  mkdirSync(paths.inbox, { recursive: true });
  writeFileSync(
    join(paths.inbox, messageFileName(ANSWER)),
    `# HelloWorld Response\n# From: @gemini\n# To: @claude\n# Thread: ${REQUEST_TO_GEMINI}\n# In-Reply-To: ${REQUEST_TO_GEMINI}\n# Timestamp: 2026-12-06T18:00:00Z\n\nan answer copied into the inbox\n`,
  );
  const request = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'a question' });
  return { root, base, paths, request: request.id };
}

const connect = mcpToolCallers();

describe('an answer in the inbox', () => {
  it('inbox lists it as an answer, apart from the messages waiting', async () => {
    const { root, request } = await inboxWithAnswer();
    const r = await dispatch(root, ['inbox', '@claude']);
    expect(r.stdout).toMatch(/^1 message waiting for @claude, and 1 answer to read \(claim files it\):/);
    expect(r.stdout).toContain(`${ANSWER}  from @gemini  sent 2026-12-06T18:00:00Z  (an answer)`);
    const requestRow = r.stdout.split('\n').find((l) => l.startsWith(`${request}  from`));
    expect(requestRow).toBeDefined();
    expect(requestRow).not.toContain('(an answer)');
    const json = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(json).toMatchObject({ count: 2, answers: 1 });
    expect(json.messages.map((m: { kind: string }) => m.kind)).toEqual(['response', 'request']);
  });

  it('claim files it in the archive and shows it as an answer, with nothing to reply; the next claim takes the request', async () => {
    const { root, paths, request } = await inboxWithAnswer();
    const r = await dispatch(root, ['claim', '@claude']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^msg-01a24c90-1111-7000-8000-000000000001 is an answer, not a request: filed in @claude's archive, nothing to reply/);
    expect(r.stdout).toContain('<<<BEGIN UNTRUSTED ANSWER');
    expect(r.stdout).not.toContain('answer with: dispatch reply');
    expect(filesIn(paths.processing)).toEqual([]);
    expect(existsSync(join(archiveDayDir(paths, new Date()), messageFileName(ANSWER)))).toBe(true);
    expect(filesIn(paths.inbox)).toEqual([messageFileName(request)]);
    const next = await dispatch(root, ['claim', '@claude', '--json']);
    expect(JSON.parse(next.stdout)).toMatchObject({ claimed: true, kind: 'request', id: request });
  });

  it('claim ID of it, --json: kind response, no lease, filed', async () => {
    const { root, paths } = await inboxWithAnswer();
    const r = await dispatch(root, ['claim', '@claude', ANSWER, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, claimed: true, kind: 'response', id: ANSWER, lease_expires_at: null, filed: true });
    expect(out.untrusted.in_reply_to).toBe(REQUEST_TO_GEMINI);
    expect(out.file).toBe(join(archiveDayDir(paths, new Date()), messageFileName(ANSWER)));
    expect(filesIn(paths.processing)).toEqual([]);
  });

  it('reply to it is refused, leaving it in the inbox and naming the claim that files it', async () => {
    const { root, paths } = await inboxWithAnswer();
    for (const as of [['--as', '@claude'], []]) {
      const r = await dispatch(root, ['reply', ANSWER, 'thanks', ...as]);
      expect(r.status, as.join(' ')).toBe(1);
      expect(r.stderr).toContain(`cannot reply to ${ANSWER}: `);
      expect(r.stderr).toContain(`an answer is not replied to: 'dispatch claim @claude ${ANSWER}' files it in the archive`);
      expect(filesIn(paths.outbox)).toEqual([]);
      expect(filesIn(paths.inbox)).toContain(messageFileName(ANSWER));
      expect(filesIn(paths.processing)).toEqual([]);
    }
  });

  it('the MCP tools: inbox marks it, claim files it (no answer_with), reply refuses it', async () => {
    const { root, paths } = await inboxWithAnswer();
    const call = await connect(root, '@claude');
    const listed = await call('inbox', { receiver: '@claude' });
    expect((listed.structuredContent!.messages as { kind: string }[]).map((m) => m.kind)).toEqual(['response', 'request']);
    const refused = await call('reply', { id: ANSWER, body: 'thanks' });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.structuredContent)).toContain("an answer is not replied to: 'dispatch claim @claude");
    expect(filesIn(paths.inbox)).toContain(messageFileName(ANSWER));
    const claimed = await call('claim', { receiver: '@claude' });
    expect(claimed.structuredContent).toMatchObject({ claimed: true, kind: 'response', answer_with: null, lease_expires_at: null, filed: true });
    expect((claimed.structuredContent as { message: string }).message).toMatch(/is an answer, not a request: filed in @claude's archive, nothing to reply/);
    expect(filesIn(paths.processing)).toEqual([]);
    expect(existsSync(join(archiveDayDir(paths, new Date()), messageFileName(ANSWER)))).toBe(true);
  });

  it('the SessionStart notice counts it as an answer, not as a message waiting', async () => {
    const { root, base, paths, request } = await inboxWithAnswer();
    const info = pendingMessagesFor('claude', base, { HELLOWORLD_ROOT: root });
    expect(info).toEqual({ root, count: 1, answers: 1 });
    expect(formatClaudeNotice(info!)).toMatch(
      /^HelloWorld bus: 1 message waits for @claude in `[^`]+`, and 1 answer to a message @claude sent \(nothing to answer: dispatch claim files an answer\)\. /,
    );
    await dispatch(root, ['claim', '@claude', request]);
    const only = pendingMessagesFor('claude', base, { HELLOWORLD_ROOT: root });
    expect(only).toEqual({ root, count: 0, answers: 1 });
    expect(formatClaudeNotice(only!)).toMatch(/^HelloWorld bus: 1 answer to a message @claude sent waits in `[^`]+` \(nothing to answer\)\. /);
    expect(filesIn(paths.inbox)).toEqual([messageFileName(ANSWER)]);
  });
});
