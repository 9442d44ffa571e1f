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
import { bundle, dispatch, filesIn, makeBus, runCli } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { formatClaudeNotice, pendingMessagesFor } from '../../scripts/lib/bus/notice.ts';
import { STATUS_HEADS_MAX } from '../../scripts/lib/bus/status.ts';

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

/**
 * status counted an answer in an inbox as a message waiting ("2 messages waiting" for one request
 * and one answer), where inbox and the SessionStart notice tell them apart by the header block.
 */
describe('status with an answer in the inbox', () => {
  it('counts it apart, in the totals, the row, --json and the MCP status tool', async () => {
    const { root } = await inboxWithAnswer();
    const r = await dispatch(root, ['status']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1 receiver: 1 message waiting, 1 answer to read, 0 messages being handled,/m);
    expect(r.stdout).toMatch(/^@claude +inbox 2 \(1 answer\), processing 0,/m);
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    expect(json.receivers[0]).toMatchObject({ receiver: '@claude', inbox: 2, answers: 1, waiting: 1 });
    expect(json.receivers[0]).not.toHaveProperty('unclassified');
    const call = await connect(root, '@claude');
    const tool = (await call('status', {})).structuredContent as { receivers: Record<string, unknown>[] };
    expect(tool.receivers[0]).toMatchObject({ inbox: 2, answers: 1, waiting: 1 });
    // The bundle loads the header reader (a bundle of its own) only then: it is found and runs.
    const built = runCli(await bundle('scripts/dispatch.ts'), ['status', '--root', root], { PATH: process.env.PATH });
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/^1 receiver: 1 message waiting, 1 answer to read,/m);
  });

  it('with requests only: no answers named in the text, answers 0 in --json', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'gemini', body: 'a question' });
    const r = await dispatch(root, ['status']);
    expect(r.stdout).toMatch(/^1 receiver: 1 message waiting, 0 messages being handled,/m);
    expect(r.stdout).toMatch(/^@claude +inbox 1, processing 0,/m);
    expect(JSON.parse((await dispatch(root, ['status', '--json'])).stdout).receivers[0]).toMatchObject({ inbox: 1, answers: 0 });
  });

  it(`reads at most ${STATUS_HEADS_MAX} header blocks per call: the files past it count as waiting, and unclassified says how many`, async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const extra = 3;
    for (let i = 0; i < STATUS_HEADS_MAX + extra; i++) {
      const id = `01a24c90-2222-7000-8000-${String(i).padStart(12, '0')}`;
      writeFileSync(
        join(paths.inbox, messageFileName(id)),
        `# HelloWorld Response\n# From: @gemini\n# To: @claude\n# In-Reply-To: ${REQUEST_TO_GEMINI}\n\nanswer ${i}\n`,
      );
    }
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    expect(json.receivers[0]).toMatchObject({ inbox: STATUS_HEADS_MAX + extra, answers: STATUS_HEADS_MAX, unclassified: extra });
    const r = await dispatch(root, ['status']);
    expect(r.stdout).toMatch(new RegExp(`^1 receiver: ${extra} messages waiting, ${STATUS_HEADS_MAX} answers to read,`, 'm'));
    expect(r.stdout).toContain(`inbox ${STATUS_HEADS_MAX + extra} (${STATUS_HEADS_MAX} answers; ${extra} files not looked at, counted as waiting)`);
  });
  it(`a receiver a bus writer named to sort first, its inbox filled past ${STATUS_HEADS_MAX} files, does not spend what is read of the others`, async () => {
    const { root } = makeBus();
    const planted = receiverPaths(root, 'aaa');
    mkdirSync(planted.inbox, { recursive: true });
    for (let i = 0; i < STATUS_HEADS_MAX + 10; i++) {
      const id = `01a24c90-4444-7000-8000-${String(i).padStart(12, '0')}`;
      writeFileSync(join(planted.inbox, messageFileName(id)), '# HelloWorld Message\n# From: @a\n\nspam\n');
    }
    const claude = receiverPaths(root, 'claude');
    mkdirSync(claude.inbox, { recursive: true });
    writeFileSync(
      join(claude.inbox, messageFileName(ANSWER)),
      `# HelloWorld Response\n# From: @gemini\n# To: @claude\n# In-Reply-To: ${REQUEST_TO_GEMINI}\n\nanswer\n`,
    );
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    const row = json.receivers.find((r: { receiver: string }) => r.receiver === '@claude');
    expect(row).toMatchObject({ inbox: 1, answers: 1, waiting: 0 });
    expect(row).not.toHaveProperty('unclassified');
  });
  it('a request whose title the 1 KiB status reads cuts short (# HelloWorld Responses after 1,003 empty lines) is counted as waiting, as inbox counts it', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(
      join(paths.inbox, messageFileName(ANSWER)),
      `${'\n'.repeat(1003)}# HelloWorld Responses\n# From: @gemini\n# In-Reply-To: ${REQUEST_TO_GEMINI}\n\nhi\n`,
    );
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    const inbox = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(inbox.answers ?? 0).toBe(0);
    expect(json.receivers[0]).toMatchObject({ inbox: 1, answers: 0, waiting: 1 });
    // The SessionStart notice reads the same 1 KiB, and counts it as status and inbox do.
    const notice = pendingMessagesFor('claude', root, { HELLOWORLD_ROOT: root });
    expect(notice).toMatchObject({ root, count: 1 });
    expect(notice?.answers ?? 0).toBe(0);
  });
});
